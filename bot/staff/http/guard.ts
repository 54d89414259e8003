import type { TFunction } from 'i18next';
import type { Request, Response, Server } from 'restify';
import { AppError, InvalidInputError } from '../../errors';
import { AuditInput } from '../audit';
import { Signedin } from '../auth';
import { StaffCore } from '../staffCore';
import { errorBody, PageName, queueBody, renderShell } from './pages';
import { Viewer } from './viewer';
import { param } from './params';
import { StaticAssets } from './staticAssets';
import { applySecurityHeaders, bodyOf, clearCookie, clientIp, cookieValue, CSRF_FIELD, CSRF_HEADER, redirect, safeNext, sameSecret, sendHtml, SESSION_COOKIE } from './web';

/** A request that passed the session, CSRF and role checks. */
export interface Authorized {
  req: Request;
  res: Response;
  who: Signedin;
  viewer: Viewer;
  ip: string | null;
  t: TFunction;
  audit(input: Omit<AuditInput, 'actor' | 'actorRole' | 'ip'>): Promise<void>;
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'del';

export type PageBody = ReturnType<typeof queueBody>;

export const COOKIE_PATH = '/';
const BANNER_LIMIT = 5;

/**
 * The checks every staff route makes, in this order: security headers; a live
 * session (401 for the API, a redirect to sign-in for pages); the CSRF token
 * on anything that changes state (403); the role (403 for clinicians on admin
 * actions, audited). Errors become their code's status (bot/errors.ts); any
 * other error is logged by type and answered 500 without detail.
 */
export class StaffGuard {
  private readonly assets = new StaticAssets();

  constructor(
    private readonly core: StaffCore,
    readonly server: Server,
  ) {}

  api(method: Method, path: string, adminOnly: boolean, handler: (a: Authorized) => Promise<void>): void {
    this.server[method](path, async (req: Request, res: Response) => {
      applySecurityHeaders(req, res, 'no-store');
      try {
        const a = await this.authorize(req, res);
        if (!a) throw new AppError('unauthorized');
        if (method !== 'get' && !this.csrfOk(a)) throw new AppError('csrf');
        // A body, when sent, is a JSON object: a string, array or number is not an empty change.
        if (req.body !== undefined && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
          throw new InvalidInputError('not_json_object', null, 'the body must be a JSON object');
        }
        if (adminOnly && a.viewer.role !== 'admin') {
          await a.audit({ action: 'access.denied', detail: { route: path, method } });
          throw new AppError('forbidden');
        }
        await handler(a);
      } catch (err) {
        this.fail(res, err, path);
      }
    });
  }

  page(path: string, page: PageName, adminOnly: boolean, build: (a: Authorized) => { title: string; body: PageBody; data?: Record<string, string> }): void {
    this.server.get(path, async (req: Request, res: Response) => {
      applySecurityHeaders(req, res, 'no-store');
      try {
        const a = await this.authorize(req, res);
        if (!a) {
          const expired = cookieValue(req, SESSION_COOKIE) !== undefined;
          const next = encodeURIComponent(req.url ?? '/staff');
          return redirect(res, `/staff/sign-in?next=${next}${expired ? '&expired=1' : ''}`, expired ? { 'Set-Cookie': clearCookie(req, SESSION_COOKIE, COOKIE_PATH) } : {});
        }
        if (adminOnly && a.viewer.role !== 'admin') {
          await a.audit({ action: 'access.denied', detail: { route: path, method: 'get' } });
          return await this.forbiddenPage(a);
        }
        const { title, body, data } = build(a);
        sendHtml(res, 200, await this.shell(a, page, title, body, data));
      } catch (err) {
        this.fail(res, err, path);
      }
    });
  }

  /** Form posts from the shell (sign-out, language): session and CSRF field, then back to a page. */
  form(path: string, handler: (a: Authorized) => Promise<void>): void {
    this.server.post(path, async (req: Request, res: Response) => {
      applySecurityHeaders(req, res, 'no-store');
      try {
        const a = await this.authorize(req, res);
        if (!a) return redirect(res, '/staff/sign-in');
        if (!this.csrfOk(a)) return await this.forbiddenPage(a);
        await handler(a);
      } catch (err) {
        this.fail(res, err, req.getPath());
      }
    });
  }

  /** A route outside the session checks (sign-in): security headers and the error mapping only. */
  open(method: Method, path: string, handler: (req: Request, res: Response) => Promise<void> | void): void {
    this.server[method](path, async (req: Request, res: Response) => {
      applySecurityHeaders(req, res, 'no-store');
      try {
        await handler(req, res);
      } catch (err) {
        this.fail(res, err, path);
      }
    });
  }

  /** Open urgent flags past their escalation, for the banner on every page and /me. */
  async escalated() {
    return this.core.queue.escalated(BANNER_LIMIT);
  }

  registerAssets(): void {
    this.server.get('/staff/assets/:file', async (req: Request, res: Response) => {
      applySecurityHeaders(req, res, 'static');
      const file = this.assets.get(param(req, 'file'));
      if (!file) return void res.send(404, { error: 'not found' });
      res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length });
      res.end(file.body);
    });
  }

  private async authorize(req: Request, res: Response): Promise<Authorized | undefined> {
    const who = await this.core.auth.authenticate(cookieValue(req, SESSION_COOKIE));
    if (!who) return undefined;
    const ip = clientIp(req, this.core.config.staff.trustProxy);
    const viewer: Viewer = { email: who.account.email, role: who.account.role, language: who.account.language, csrfToken: who.session.csrfToken };
    return {
      req,
      res,
      who,
      viewer,
      ip,
      t: this.core.i18n.getFixedT(viewer.language),
      audit: (input) => this.core.audit.record({ ...input, actor: viewer.email, actorRole: viewer.role, ip }),
    };
  }

  private csrfOk(a: Authorized): boolean {
    const header = a.req.headers[CSRF_HEADER];
    const sent = (Array.isArray(header) ? header[0] : header) ?? (bodyOf(a.req)[CSRF_FIELD] as string | undefined);
    return sameSecret(typeof sent === 'string' ? sent : undefined, a.who.session.csrfToken);
  }

  private async forbiddenPage(a: Authorized): Promise<void> {
    sendHtml(a.res, 403, await this.shell(a, 'error', a.t('staff:error.forbiddenTitle'), errorBody(a.t, a.t('staff:app.forbidden'))));
  }

  private async shell(a: Authorized, page: PageName, title: string, body: PageBody, data?: Record<string, string>): Promise<string> {
    return renderShell({
      t: a.t,
      viewer: a.viewer,
      page,
      title,
      body,
      path: safeNext(a.req.url),
      timeZone: this.core.config.programTimeZone,
      now: this.core.clock().toISOString(),
      banner: { flags: await this.escalated(), minutes: this.core.config.staff.escalationMinutes },
      data,
      messages: this.core.i18n.getResourceBundle(a.viewer.language, 'staff'),
    });
  }

  private fail(res: Response, err: unknown, route: string): void {
    if (res.headersSent) return;
    if (err instanceof AppError) return void res.send(err.status, err.body());
    this.core.log.error({ route, err }, 'staff request failed');
    res.send(500, { error: 'internal error' });
  }
}
