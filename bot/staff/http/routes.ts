import { randomBytes } from 'node:crypto';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { Flag, FlagOutcome, isUnknownParticipant, SEVERITIES } from '../../domain/flags';
import { releaseOutreach } from '../../safety/episodeHold';
import { TRACKS } from '../../domain/participant';
import { isLanguage, Language, languageOf, LANGUAGES } from '../../i18n';
import { decodeOffsetToken, encodeOffsetToken } from '../../store/queryFields';
import { AUDIT_ACTIONS, AuditInput, csvHeader, csvRow, InvalidContinuationError } from '../audit';
import { Signedin } from '../auth';
import { FlagActionError, MAX_NOTE_LENGTH, OUTCOMES } from '../flagReview';
import { ParticipantActionError, participantFilterSchema, STATUS_CHANGE_NAMES, StatusChange, summaryOf } from '../participantAdmin';
import { StaffCore } from '../staffCore';
import { flagDetail, flagsOf, historyRows, HISTORY_DAYS, listItems } from '../views';
import {
  auditBody,
  errorBody,
  flagBody,
  PageName,
  participantBody,
  participantsBody,
  queueBody,
  renderShell,
  renderSignIn,
  Viewer,
} from './pages';
import { StaticAssets } from './staticAssets';
import {
  applySecurityHeaders,
  bodyOf,
  clearCookie,
  clientIp,
  cookie,
  cookieValue,
  CSRF_FIELD,
  CSRF_HEADER,
  queryOf,
  redirect,
  safeNext,
  sameSecret,
  sendHtml,
  SESSION_COOKIE,
  SIGNIN_COOKIE,
} from './web';

/** A request that passed the session, CSRF and role checks. */
interface Authorized {
  req: Request;
  res: Response;
  who: Signedin;
  viewer: Viewer;
  ip: string | null;
  t: TFunction;
  audit(input: Omit<AuditInput, 'actor' | 'actorRole' | 'ip'>): Promise<void>;
}

type Method = 'get' | 'post' | 'patch' | 'del';

const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;
const BANNER_LIMIT = 5;
const COOKIE_PATH = '/';

const queueQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved']).default('open'),
  severity: z.enum(SEVERITIES).optional(),
  track: z.enum(TRACKS).optional(),
  /** 'me', 'none' (unassigned) or an email. */
  assignee: z.string().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  continuation: z.string().max(4096).optional(),
});

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  continuation: z.string().max(4096).optional(),
});

const auditQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  action: z.enum(AUDIT_ACTIONS).optional(),
});

class BadRequest extends Error {}

/**
 * The care team's door: /staff pages, /api/staff JSON, static assets.
 *
 * Every route checks, in this order: security headers; a live session (401
 * for the API, a redirect to sign-in for pages); the CSRF token on anything
 * that changes state (403); the role (403 for clinicians on admin actions).
 * Each view of participant data and each action writes an audit event.
 */
export class StaffRoutes {
  private readonly assets = new StaticAssets();

  constructor(private readonly core: StaffCore) {}

  register(server: Server): void {
    server.get('/staff/assets/:file', async (req, res) => this.asset(req, res));

    server.get('/staff/sign-in', async (req, res) => this.signInPage(req, res));
    server.post('/staff/sign-in', async (req, res) => this.signInForm(req, res));
    server.post('/staff/sign-out', async (req, res) => this.form(req, res, (a) => this.signOut(a, true)));
    server.post('/staff/language', async (req, res) => this.form(req, res, (a) => this.languageForm(a)));

    this.page(server, '/staff', 'queue', false, (a) => ({
      title: a.t('staff:queue.title'),
      body: queueBody(a.t, queryOf(a.req)),
    }));
    this.page(server, '/staff/flags/:participantId/:flagId', 'flag', false, (a) => ({
      title: a.t('staff:flag.title'),
      body: flagBody(a.t),
      data: { 'participant-id': param(a.req, 'participantId'), 'flag-id': param(a.req, 'flagId') },
    }));
    this.page(server, '/staff/participants', 'participants', false, (a) => ({
      title: a.t('staff:participants.title'),
      body: participantsBody(a.t, a.viewer, queryOf(a.req), { timeZone: this.core.config.programTimeZone }),
    }));
    this.page(server, '/staff/participants/:id', 'participant', false, (a) => ({
      title: a.t('staff:participant.title'),
      body: participantBody(a.t, a.viewer),
      data: { 'participant-id': param(a.req, 'id') },
    }));
    this.page(server, '/staff/audit', 'audit', true, (a) => ({ title: a.t('staff:audit.title'), body: auditBody(a.t, this.auditRange(a.req)) }));

    server.post('/api/staff/session', async (req, res) => this.signInApi(req, res));
    this.api(server, 'del', '/api/staff/session', false, (a) => this.signOut(a, false));
    this.api(server, 'get', '/api/staff/me', false, (a) => this.me(a));
    this.api(server, 'patch', '/api/staff/me', false, (a) => this.updateMe(a));

    this.api(server, 'get', '/api/staff/flags', false, (a) => this.listFlags(a));
    this.api(server, 'get', '/api/staff/flags/:participantId/:flagId', false, (a) => this.showFlag(a));
    this.api(server, 'post', '/api/staff/flags/:participantId/:flagId/acknowledge', false, (a) => this.acknowledge(a));
    this.api(server, 'post', '/api/staff/flags/:participantId/:flagId/notes', false, (a) => this.addNote(a));
    this.api(server, 'post', '/api/staff/flags/:participantId/:flagId/resolve', false, (a) => this.resolve(a));
    this.api(server, 'post', '/api/staff/flags/:participantId/:flagId/safe-to-resume', false, (a) => this.safeToResume(a));

    this.api(server, 'get', '/api/staff/participants', false, (a) => this.listParticipants(a));
    this.api(server, 'post', '/api/staff/participants', true, (a) => this.enroll(a));
    this.api(server, 'get', '/api/staff/participants/:id', false, (a) => this.showParticipant(a));
    this.api(server, 'patch', '/api/staff/participants/:id', true, (a) => this.updateParticipant(a));
    this.api(server, 'post', '/api/staff/participants/:id/enrollment-code', true, (a) => this.newCode(a));
    this.api(server, 'post', '/api/staff/participants/:id/status', true, (a) => this.changeStatus(a));

    this.api(server, 'get', '/api/staff/audit', true, (a) => this.listAudit(a));
    this.api(server, 'get', '/api/staff/audit/export', true, (a) => this.exportAudit(a));
  }

  // ---- plumbing: session, CSRF, role, audit, errors ----

  private async authorize(req: Request): Promise<Omit<Authorized, 'res'> | undefined> {
    const who = await this.core.auth.authenticate(cookieValue(req, SESSION_COOKIE));
    if (!who) return undefined;
    const ip = clientIp(req, this.core.config.staff.trustProxy);
    const viewer: Viewer = { email: who.account.email, role: who.account.role, language: who.account.language, csrfToken: who.session.csrfToken };
    return {
      req,
      who,
      viewer,
      ip,
      t: this.core.i18n.getFixedT(viewer.language),
      audit: (input) => this.core.audit.record({ ...input, actor: viewer.email, actorRole: viewer.role, ip }),
    };
  }

  private csrfOk(req: Request, a: Omit<Authorized, 'res'>): boolean {
    const header = req.headers[CSRF_HEADER];
    const sent = (Array.isArray(header) ? header[0] : header) ?? (bodyOf(req)[CSRF_FIELD] as string | undefined);
    return sameSecret(typeof sent === 'string' ? sent : undefined, a.who.session.csrfToken);
  }

  private api(server: Server, method: Method, path: string, adminOnly: boolean, handler: (a: Authorized) => Promise<void>): void {
    server[method](path, async (req: Request, res: Response) => {
      applySecurityHeaders(req, res, 'no-store');
      try {
        const a = await this.authorize(req);
        if (!a) return void res.send(401, { error: 'unauthorized' });
        if (method !== 'get' && !this.csrfOk(req, a)) return void res.send(403, { error: 'csrf' });
        if (adminOnly && a.viewer.role !== 'admin') {
          await a.audit({ action: 'access.denied', detail: { route: path, method } });
          return void res.send(403, { error: 'forbidden' });
        }
        await handler({ ...a, res });
      } catch (err) {
        this.fail(res, err, path);
      }
    });
  }

  private page(
    server: Server,
    path: string,
    page: PageName,
    adminOnly: boolean,
    build: (a: Authorized) => { title: string; body: ReturnType<typeof queueBody>; data?: Record<string, string> },
  ): void {
    server.get(path, async (req: Request, res: Response) => {
      applySecurityHeaders(req, res, 'no-store');
      try {
        const a = await this.authorize(req);
        if (!a) {
          const expired = cookieValue(req, SESSION_COOKIE) !== undefined;
          const next = encodeURIComponent(req.url ?? '/staff');
          return redirect(res, `/staff/sign-in?next=${next}${expired ? '&expired=1' : ''}`, expired ? { 'Set-Cookie': clearCookie(req, SESSION_COOKIE, COOKIE_PATH) } : {});
        }
        const full = { ...a, res };
        if (adminOnly && a.viewer.role !== 'admin') {
          await a.audit({ action: 'access.denied', detail: { route: path, method: 'get' } });
          return sendHtml(res, 403, await this.shell(full, 'error', a.t('staff:error.forbiddenTitle'), errorBody(a.t, a.t('staff:app.forbidden'))));
        }
        const { title, body, data } = build(full);
        sendHtml(res, 200, await this.shell(full, page, title, body, data));
      } catch (err) {
        this.fail(res, err, path);
      }
    });
  }

  /** Form posts from the shell (sign-out, language): session and CSRF field, then back to a page. */
  private async form(req: Request, res: Response, handler: (a: Authorized) => Promise<void>): Promise<void> {
    applySecurityHeaders(req, res, 'no-store');
    try {
      const a = await this.authorize(req);
      if (!a) return redirect(res, '/staff/sign-in');
      if (!this.csrfOk(req, a)) {
        return sendHtml(res, 403, await this.shell({ ...a, res }, 'error', a.t('staff:error.forbiddenTitle'), errorBody(a.t, a.t('staff:app.forbidden'))));
      }
      await handler({ ...a, res });
    } catch (err) {
      this.fail(res, err, req.getPath());
    }
  }

  private async shell(a: Authorized, page: PageName, title: string, body: ReturnType<typeof queueBody>, data?: Record<string, string>): Promise<string> {
    const escalated = await this.core.queue.escalated(BANNER_LIMIT);
    return renderShell({
      t: a.t,
      viewer: a.viewer,
      page,
      title,
      body,
      path: safeNext(a.req.url),
      timeZone: this.core.config.programTimeZone,
      banner: { flags: escalated, minutes: this.core.config.staff.escalationMinutes },
      data,
      messages: this.core.i18n.getResourceBundle(a.viewer.language, 'staff'),
    });
  }

  private fail(res: Response, err: unknown, route: string): void {
    if (res.headersSent) return;
    if (err instanceof BadRequest || err instanceof InvalidContinuationError) return void res.send(400, { error: 'invalid', message: err.message });
    if (err instanceof FlagActionError) {
      return void res.send(err.reason === 'not_found' ? 404 : 409, { error: err.reason, message: err.message });
    }
    if (err instanceof ParticipantActionError) {
      const status = { not_found: 404, invalid_state: 409, invalid: 400 }[err.reason];
      return void res.send(status, { error: err.reason, message: err.message });
    }
    this.core.log.error({ route, err: { type: (err as Error)?.name } }, 'staff request failed');
    res.send(500, { error: 'internal error' });
  }

  private asset(req: Request, res: Response): void {
    applySecurityHeaders(req, res, 'static');
    const file = this.assets.get(param(req, 'file'));
    if (!file) return void res.send(404, { error: 'not found' });
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length });
    res.end(file.body);
  }

  // ---- sign-in and sign-out ----

  private signInPage(req: Request, res: Response): void {
    applySecurityHeaders(req, res, 'no-store');
    const q = queryOf(req);
    const language = this.pageLanguage(req, q.lang);
    const t = this.core.i18n.getFixedT(language);
    const message = q.expired ? { kind: 'info' as const, text: t('staff:signIn.expired') } : q.out ? { kind: 'info' as const, text: t('staff:signIn.signedOut') } : undefined;
    this.sendSignIn(req, res, 200, language, safeNext(q.next), undefined, message);
  }

  private sendSignIn(
    req: Request,
    res: Response,
    status: number,
    language: Language,
    next: string,
    email?: string,
    message?: { kind: 'error' | 'info'; text: string },
  ): void {
    const csrf = randomBytes(24).toString('base64url');
    const t = this.core.i18n.getFixedT(language);
    sendHtml(res, status, renderSignIn({ t, language, csrf, next, email, message }), {
      'Set-Cookie': cookie(req, SIGNIN_COOKIE, csrf, '/staff/sign-in', 30 * 60),
    });
  }

  private async signInForm(req: Request, res: Response): Promise<void> {
    applySecurityHeaders(req, res, 'no-store');
    try {
      const body = bodyOf(req);
      const language = this.pageLanguage(req, typeof body.lang === 'string' ? body.lang : undefined);
      const t = this.core.i18n.getFixedT(language);
      const next = safeNext(body.next);
      const email = typeof body.email === 'string' ? body.email : '';
      if (!sameSecret(typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : undefined, cookieValue(req, SIGNIN_COOKIE))) {
        return this.sendSignIn(req, res, 403, language, next, email, { kind: 'error', text: t('staff:app.forbidden') });
      }
      const result = await this.signIn(req, email, typeof body.password === 'string' ? body.password : '');
      if (result.ok) {
        return redirect(res, next, {
          'Set-Cookie': [cookie(req, SESSION_COOKIE, result.token, COOKIE_PATH), clearCookie(req, SIGNIN_COOKIE, '/staff/sign-in')],
        });
      }
      const text =
        result.reason === 'locked'
          ? t('staff:signIn.locked', { time: this.formatTime(result.lockedUntil, language) })
          : t('staff:signIn.invalid');
      this.sendSignIn(req, res, result.reason === 'locked' ? 429 : 401, language, next, email, { kind: 'error', text });
    } catch (err) {
      this.fail(res, err, '/staff/sign-in');
    }
  }

  /**
   * JSON sign-in for API clients. Only `application/json` bodies are taken:
   * a cross-site HTML form cannot send one, so this needs no login-CSRF token.
   */
  private async signInApi(req: Request, res: Response): Promise<void> {
    applySecurityHeaders(req, res, 'no-store');
    try {
      if (!req.is('application/json')) return void res.send(415, { error: 'send application/json' });
      const body = bodyOf(req);
      const result = await this.signIn(req, String(body.email ?? ''), String(body.password ?? ''));
      if (!result.ok) {
        if (result.reason === 'locked') {
          const retryAfter = Math.max(1, Math.ceil((result.lockedUntil.getTime() - this.core.clock().getTime()) / 1000));
          res.header('Retry-After', String(retryAfter));
          return void res.send(429, { error: 'locked', retryAfterSeconds: retryAfter });
        }
        return void res.send(401, { error: 'invalid_credentials' });
      }
      res.header('Set-Cookie', cookie(req, SESSION_COOKIE, result.token, COOKIE_PATH));
      res.send(200, { email: result.account.email, role: result.account.role, language: result.account.language, csrfToken: result.session.csrfToken });
    } catch (err) {
      this.fail(res, err, '/api/staff/session');
    }
  }

  private async signIn(req: Request, email: string, password: string) {
    const ip = clientIp(req, this.core.config.staff.trustProxy);
    const result = await this.core.auth.signIn(email.slice(0, 254), password.slice(0, 1024));
    const known = result.ok ? result.account : undefined;
    await this.core.audit.record({
      actor: known?.email ?? null,
      actorRole: known?.role ?? null,
      action: result.ok ? 'signin.success' : result.reason === 'locked' ? 'signin.locked' : 'signin.failure',
      recordType: 'staff',
      // Failed attempts name no email: a mistyped password in the email box must not land in the log.
      recordId: known?.id ?? null,
      ip,
    });
    return result;
  }

  private async signOut(a: Authorized, fromForm: boolean): Promise<void> {
    const token = cookieValue(a.req, SESSION_COOKIE);
    if (token) await this.core.auth.signOut(token);
    await a.audit({ action: 'signout', recordType: 'staff', recordId: a.who.account.id });
    const clear = clearCookie(a.req, SESSION_COOKIE, COOKIE_PATH);
    if (fromForm) return redirect(a.res, `/staff/sign-in?out=1&lang=${a.viewer.language}`, { 'Set-Cookie': clear });
    a.res.header('Set-Cookie', clear);
    a.res.send(204);
  }

  private async languageForm(a: Authorized): Promise<void> {
    const body = bodyOf(a.req);
    if (isLanguage(body.language)) {
      const language = body.language;
      await this.core.accounts.update(a.who.account.id, (acc) => {
        acc.language = language;
      });
    }
    redirect(a.res, safeNext(body.next));
  }

  private async me(a: Authorized): Promise<void> {
    const escalated = await this.core.queue.escalated(BANNER_LIMIT);
    a.res.send(200, {
      email: a.viewer.email,
      role: a.viewer.role,
      language: a.viewer.language,
      csrfToken: a.viewer.csrfToken,
      escalated: escalated.map((f) => ({ participantId: f.participantId, id: f.id, createdAt: f.createdAt, escalatedAt: f.escalatedAt })),
    });
  }

  private async updateMe(a: Authorized): Promise<void> {
    const parsed = z.object({ language: z.enum(LANGUAGES) }).strict().safeParse(bodyOf(a.req));
    if (!parsed.success) throw new BadRequest(parsed.error.issues[0].message);
    await this.core.accounts.update(a.who.account.id, (acc) => {
      acc.language = parsed.data.language;
    });
    a.res.send(200, { language: parsed.data.language });
  }

  // ---- flags ----

  private async listFlags(a: Authorized): Promise<void> {
    const q = parse(queueQuery, queryOf(a.req));
    const assignee = q.assignee === undefined ? undefined : q.assignee === 'me' ? a.viewer.email : q.assignee === 'none' ? null : q.assignee.toLowerCase();
    const page = await this.core.queue.page({ status: q.status, severity: q.severity, track: q.track, assignee }, q.limit, q.continuation);
    const items = await listItems(page.items, this.core.participants);
    await a.audit({ action: 'flags.list', recordType: 'flag', detail: { status: q.status, count: items.length } });
    a.res.send(200, { items, counts: page.counts, continuation: page.continuation ?? null });
  }

  private async showFlag(a: Authorized): Promise<void> {
    const { participantId, flagId } = flagParams(a.req);
    const flag = await this.core.review.get(participantId, flagId);
    if (!flag) throw new FlagActionError('not_found');
    const detail = await flagDetail(this.core, flag, this.core.clock());
    await a.audit({ action: 'flag.view', recordType: 'flag', recordId: flag.id, participantId });
    a.res.send(200, detail);
  }

  private async acknowledge(a: Authorized): Promise<void> {
    const { participantId, flagId } = flagParams(a.req);
    const { flag, changed } = await this.core.review.acknowledge(participantId, flagId, a.viewer.email);
    await a.audit({ action: 'flag.acknowledge', recordType: 'flag', recordId: flagId, participantId, detail: { changed } });
    if (changed) await this.tellFlagChanged(flag);
    a.res.send(200, { status: flag.status, assignee: flag.assignee, acknowledgedAt: flag.acknowledgedAt, acknowledgedBy: flag.acknowledgedBy, changed });
  }

  private async addNote(a: Authorized): Promise<void> {
    const { participantId, flagId } = flagParams(a.req);
    const parsed = z.object({ text: z.string().trim().min(1).max(MAX_NOTE_LENGTH) }).safeParse(bodyOf(a.req));
    if (!parsed.success) throw new BadRequest('text must be 1 to 2000 characters');
    const { flag } = await this.core.review.addNote(participantId, flagId, a.viewer.email, parsed.data.text);
    await a.audit({ action: 'flag.note', recordType: 'flag', recordId: flagId, participantId, detail: { notes: flag.notes.length } });
    a.res.send(201, { notes: flag.notes });
  }

  private async resolve(a: Authorized): Promise<void> {
    const { participantId, flagId } = flagParams(a.req);
    const parsed = z
      .object({ outcome: z.enum(OUTCOMES as [FlagOutcome, ...FlagOutcome[]]), note: z.string().trim().max(MAX_NOTE_LENGTH).optional() })
      .safeParse(bodyOf(a.req));
    if (!parsed.success) throw new BadRequest(`outcome must be one of ${OUTCOMES.join(', ')}`);
    const { flag } = await this.core.review.resolve(participantId, flagId, a.viewer.email, parsed.data.outcome, parsed.data.note || undefined);
    await a.audit({ action: 'flag.resolve', recordType: 'flag', recordId: flagId, participantId, detail: { outcome: parsed.data.outcome } });
    await this.tellFlagChanged(flag);
    a.res.send(200, { status: flag.status, outcome: flag.outcome, resolvedAt: flag.resolvedAt, resolvedBy: flag.resolvedBy });
  }

  private async safeToResume(a: Authorized): Promise<void> {
    const { participantId, flagId } = flagParams(a.req);
    const { flag, changed } = await this.core.review.safeToResume(participantId, flagId, a.viewer.email);
    // Outreach waits no longer; the episode itself ends at the person's next message.
    if (changed && !isUnknownParticipant(participantId)) await releaseOutreach(this.core.participants, participantId, flagId);
    await a.audit({ action: 'flag.safe_to_resume', recordType: 'flag', recordId: flagId, participantId, detail: { changed } });
    if (changed) await this.tellFlagChanged(flag);
    a.res.send(200, { safeToResumeAt: flag.safeToResumeAt, safeToResumeBy: flag.safeToResumeBy, changed });
  }

  private async tellFlagChanged(flag: Flag): Promise<void> {
    for (const listener of this.core.flagChanged) {
      try {
        await listener(flag);
      } catch (err) {
        this.core.log.warn({ flagId: flag.id, err: { type: (err as Error)?.name } }, 'flag change listener failed');
      }
    }
  }

  // ---- participants ----

  private async listParticipants(a: Authorized): Promise<void> {
    const query = queryOf(a.req);
    const filter = parse(participantFilterSchema, query);
    const { limit, continuation } = parse(pageQuery, query);
    const all = await this.core.participantAdmin.list(filter);
    const offset = decodeOffset(continuation);
    const items = all.slice(offset, offset + limit);
    await a.audit({ action: 'participants.list', recordType: 'participant', detail: { count: items.length, searched: Boolean(filter.q) } });
    a.res.send(200, { items, total: all.length, continuation: offset + limit < all.length ? encodeOffsetToken(offset + limit) : null });
  }

  private async showParticipant(a: Authorized): Promise<void> {
    const id = param(a.req, 'id');
    const participant = await this.core.participantAdmin.get(id);
    if (!participant) throw new ParticipantActionError('not_found', 'no such participant');
    const [checkins, flags] = await Promise.all([
      this.core.checkins.history(id, participant.timeZone, HISTORY_DAYS),
      flagsOf(this.core.store, id),
    ]);
    await a.audit({ action: 'participant.view', recordType: 'participant', recordId: id, participantId: id });
    a.res.send(200, {
      participant: summaryOf(participant),
      checkins: historyRows(checkins),
      flags: await listItems(flags, this.core.participants),
    });
  }

  private async enroll(a: Authorized): Promise<void> {
    const result = await this.core.participantAdmin.enroll(bodyOf(a.req));
    await a.audit({ action: 'participant.enroll', recordType: 'participant', recordId: result.participant.id, participantId: result.participant.id });
    a.res.send(201, result);
  }

  private async updateParticipant(a: Authorized): Promise<void> {
    const id = param(a.req, 'id');
    const { participant, changed } = await this.core.participantAdmin.update(id, bodyOf(a.req));
    await a.audit({ action: 'participant.update', recordType: 'participant', recordId: id, participantId: id, detail: { fields: changed.join(' ') } });
    a.res.send(200, { participant, changed });
  }

  private async changeStatus(a: Authorized): Promise<void> {
    const id = param(a.req, 'id');
    const parsed = z.object({ action: z.enum(STATUS_CHANGE_NAMES as [StatusChange, ...StatusChange[]]) }).safeParse(bodyOf(a.req));
    if (!parsed.success) throw new BadRequest(`action must be one of ${STATUS_CHANGE_NAMES.join(', ')}`);
    const participant = await this.core.participantAdmin.changeStatus(id, parsed.data.action);
    await a.audit({ action: `participant.${parsed.data.action}`, recordType: 'participant', recordId: id, participantId: id });
    a.res.send(200, { participant });
  }

  private async newCode(a: Authorized): Promise<void> {
    const id = param(a.req, 'id');
    const result = await this.core.participantAdmin.newCode(id);
    await a.audit({ action: 'participant.code', recordType: 'participant', recordId: id, participantId: id });
    a.res.send(201, result);
  }

  // ---- audit ----

  /** The form's range: dates in the program's zone, `to` inclusive; the last 7 days by default. */
  private auditRange(req: Request): { from: string; to: string; action?: string } {
    const q = queryOf(req);
    const today = DateTime.fromJSDate(this.core.clock(), { zone: this.core.config.programTimeZone });
    return { from: q.from ?? today.minus({ days: 6 }).toISODate()!, to: q.to ?? today.toISODate()!, action: q.action };
  }

  private rangeOf(req: Request): { from: Date; to: Date; action?: (typeof AUDIT_ACTIONS)[number]; label: string } {
    const q = parse(auditQuery, this.auditRange(req));
    const zone = this.core.config.programTimeZone;
    const from = DateTime.fromISO(q.from, { zone }).startOf('day');
    const to = DateTime.fromISO(q.to, { zone }).plus({ days: 1 }).startOf('day');
    if (!from.isValid || !to.isValid || to <= from) throw new BadRequest('from must be a date on or before to');
    if (to.diff(from, 'days').days > 366) throw new BadRequest('the range may span at most a year');
    return { from: from.toJSDate(), to: to.toJSDate(), action: q.action, label: `${q.from}_${q.to}` };
  }

  private async listAudit(a: Authorized): Promise<void> {
    const range = this.rangeOf(a.req);
    const { limit, continuation } = parse(pageQuery, queryOf(a.req));
    const page = await this.core.audit.page(range, limit, continuation);
    await a.audit({ action: 'audit.view', recordType: 'audit', detail: { count: page.items.length } });
    a.res.send(200, {
      items: page.items.map(({ _etag, pk: _pk, ...event }) => event),
      continuation: page.continuation ?? null,
    });
  }

  /** CSV of the range, oldest first, streamed page by page. */
  private async exportAudit(a: Authorized): Promise<void> {
    const range = this.rangeOf(a.req);
    await a.audit({ action: 'audit.export', recordType: 'audit', detail: { from: range.from.toISOString(), to: range.to.toISOString() } });
    a.res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="puente-audit-${range.label}.csv"`,
    });
    a.res.write(csvHeader());
    for await (const event of this.core.audit.all(range)) a.res.write(csvRow(event));
    a.res.end();
  }

  // ---- helpers ----

  private pageLanguage(req: Request, asked: string | undefined): Language {
    if (isLanguage(asked)) return asked;
    const accept = req.headers['accept-language'];
    return languageOf(typeof accept === 'string' ? accept.split(',')[0] : undefined) ?? this.core.config.defaultLanguage;
  }

  private formatTime(at: Date, language: Language): string {
    return DateTime.fromJSDate(at, { zone: this.core.config.programTimeZone }).setLocale(language).toLocaleString(DateTime.TIME_SIMPLE);
  }
}

function param(req: Request, name: string): string {
  const value = (req.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value === '') throw new BadRequest(`${name} is missing`);
  return value;
}

function flagParams(req: Request): { participantId: string; flagId: string } {
  return { participantId: param(req, 'participantId'), flagId: param(req, 'flagId') };
}

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadRequest(`${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Participant list pages: an offset into the filtered, sorted list (the list is built in memory). */
function decodeOffset(token: string | undefined): number {
  try {
    return decodeOffsetToken(token);
  } catch {
    throw new InvalidContinuationError();
  }
}
