import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { AppError, ERROR_STATUS } from '../../errors';
import { invalidInput } from '../../inputProblem';
import { isLanguage, Language, languageOf, LANGUAGES } from '../../i18n';
import { StaffCore } from '../staffCore';
import { Authorized, COOKIE_PATH, StaffGuard } from './guard';
import { OIDC_START_PATH } from '../oidc';
import { renderSignIn } from './pages';
import { bodyOf, clearCookie, clientIp, cookie, cookieValue, CSRF_FIELD, queryOf, redirect, safeNext, sameSecret, sendHtml, SESSION_COOKIE, SIGNIN_COOKIE } from './web';

export type Notice = { kind: 'error' | 'info'; text: string };

/** The sign-in page's language: asked for (?lang=), else the browser's, else the default. */
export function pageLanguage(core: StaffCore, req: Request, asked: string | undefined): Language {
  if (isLanguage(asked)) return asked;
  const accept = req.headers['accept-language'];
  return languageOf(typeof accept === 'string' ? accept.split(',')[0] : undefined) ?? core.config.defaultLanguage;
}

export interface SignInPage {
  language: Language;
  next: string;
  email?: string;
  message?: Notice;
  /** More Set-Cookie values for this answer. */
  cookies?: string[];
}

/** The sign-in page: the Microsoft button when OIDC is set up, the password form unless switched off. */
export function sendSignIn(core: StaffCore, req: Request, res: Response, status: number, page: SignInPage): void {
  const { language, next, email, message } = page;
  const t = core.i18n.getFixedT(language);
  const { oidc, passwordSignIn } = core.config.staff;
  const microsoftHref = oidc ? `${OIDC_START_PATH}?${new URLSearchParams({ next, lang: language })}` : undefined;
  const csrf = randomBytes(24).toString('base64url');
  const cookies = [...(passwordSignIn ? [cookie(req, SIGNIN_COOKIE, csrf, '/staff/sign-in', 30 * 60)] : []), ...(page.cookies ?? [])];
  sendHtml(res, status, renderSignIn({ t, language, csrf, next, email, message, microsoftHref, passwordForm: passwordSignIn }), cookies.length ? { 'Set-Cookie': cookies } : {});
}

/** Sign-in (page and JSON), sign-out, and the signed-in person's own settings. */
export function registerSignInRoutes(guard: StaffGuard, core: StaffCore): void {
  const formatTime = (at: Date, language: Language) =>
    DateTime.fromJSDate(at, { zone: core.config.programTimeZone }).setLocale(language).toLocaleString(DateTime.TIME_SIMPLE);

  const signIn = async (req: Request, email: string, password: string) => {
    const ip = clientIp(req, core.config.staff.trustProxy);
    const result = await core.auth.signIn(email.slice(0, 254), password.slice(0, 1024), ip);
    const known = result.ok ? result.account : undefined;
    await core.audit.record({
      actor: known?.email ?? null,
      actorRole: known?.role ?? null,
      action: result.ok ? 'signin.success' : result.reason === 'locked' ? 'signin.locked' : 'signin.failure',
      recordType: 'staff',
      // Failed attempts name no email: a mistyped password in the email box must not land in the log.
      recordId: known?.id ?? null,
      ip,
    });
    return result;
  };

  const signOut = async (a: Authorized, fromForm: boolean) => {
    const token = cookieValue(a.req, SESSION_COOKIE);
    if (token) await core.auth.signOut(token);
    await a.audit({ action: 'signout', recordType: 'staff', recordId: a.who.account.id });
    const clear = clearCookie(a.req, SESSION_COOKIE, COOKIE_PATH);
    if (fromForm) return redirect(a.res, `/staff/sign-in?out=1&lang=${a.viewer.language}`, { 'Set-Cookie': clear });
    a.res.header('Set-Cookie', clear);
    a.res.send(204);
  };

  const setLanguage = (a: Authorized, language: Language) =>
    core.accounts.update(a.who.account.id, (account) => {
      account.language = language;
    });

  guard.open('get', '/staff/sign-in', (req, res) => {
    const q = queryOf(req);
    const language = pageLanguage(core, req, q.lang);
    const t = core.i18n.getFixedT(language);
    const message = q.expired ? { kind: 'info' as const, text: t('staff:signIn.expired') } : q.out ? { kind: 'info' as const, text: t('staff:signIn.signedOut') } : undefined;
    sendSignIn(core, req, res, 200, { language, next: safeNext(q.next), message });
  });

  // Switched off (STAFF_PASSWORD_SIGNIN=false), the password routes answer 404 and take no password at all.
  if (!core.config.staff.passwordSignIn) {
    for (const path of ['/staff/sign-in', '/api/staff/session']) {
      guard.open('post', path, () => {
        throw new AppError('not_found');
      });
    }
  } else {
    guard.open('post', '/staff/sign-in', async (req, res) => {
      const body = bodyOf(req);
      const language = pageLanguage(core, req, typeof body.lang === 'string' ? body.lang : undefined);
      const t = core.i18n.getFixedT(language);
      const next = safeNext(body.next);
      const email = typeof body.email === 'string' ? body.email : '';
      if (!sameSecret(typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : undefined, cookieValue(req, SIGNIN_COOKIE))) {
        return sendSignIn(core, req, res, 403, { language, next, email, message: { kind: 'error', text: t('staff:app.forbidden') } });
      }
      const result = await signIn(req, email, typeof body.password === 'string' ? body.password : '');
      if (result.ok) {
        return redirect(res, next, {
          'Set-Cookie': [cookie(req, SESSION_COOKIE, result.token, COOKIE_PATH), clearCookie(req, SIGNIN_COOKIE, '/staff/sign-in')],
        });
      }
      const text = result.reason === 'locked' ? t('staff:signIn.locked', { time: formatTime(result.lockedUntil, language) }) : t('staff:signIn.invalid');
      sendSignIn(core, req, res, ERROR_STATUS[result.reason === 'locked' ? 'locked' : 'invalid_credentials'], { language, next, email, message: { kind: 'error', text } });
    });

    /**
     * JSON sign-in for API clients. Only `application/json` bodies are taken:
     * a cross-site HTML form cannot send one, so this needs no login-CSRF token.
     */
    guard.open('post', '/api/staff/session', async (req, res) => {
      if (!req.is('application/json')) return void res.send(415, { error: 'send application/json' });
      const body = bodyOf(req);
      const result = await signIn(req, (typeof body.email === 'string' ? body.email : ''), (typeof body.password === 'string' ? body.password : ''));
      if (!result.ok) {
        if (result.reason !== 'locked') throw new AppError('invalid_credentials');
        const retryAfter = Math.max(1, Math.ceil((result.lockedUntil.getTime() - core.clock().getTime()) / 1000));
        res.header('Retry-After', String(retryAfter));
        return void res.send(ERROR_STATUS.locked, { error: 'locked', retryAfterSeconds: retryAfter });
      }
      res.header('Set-Cookie', cookie(req, SESSION_COOKIE, result.token, COOKIE_PATH));
      res.send(200, { email: result.account.email, role: result.account.role, language: result.account.language, csrfToken: result.session.csrfToken });
    });
  }

  guard.form('/staff/sign-out', (a) => signOut(a, true));
  guard.form('/staff/language', async (a) => {
    const body = bodyOf(a.req);
    if (isLanguage(body.language)) await setLanguage(a, body.language);
    redirect(a.res, safeNext(body.next));
  });
  guard.api('del', '/api/staff/session', false, (a) => signOut(a, false));

  guard.api('get', '/api/staff/me', false, async (a) => {
    const escalated = await guard.escalated();
    // The escalated urgent flags name participants: each one shown is a view of their data.
    for (const f of escalated) await a.audit({ action: 'flags.escalated', recordType: 'flag', recordId: f.id, participantId: f.participantId, detail: { via: 'me' } });
    a.res.send(200, {
      email: a.viewer.email,
      role: a.viewer.role,
      language: a.viewer.language,
      csrfToken: a.viewer.csrfToken,
      escalated: escalated.map((f) => ({ participantId: f.participantId, id: f.id, createdAt: f.createdAt, escalatedAt: f.escalatedAt })),
    });
  });

  guard.api('patch', '/api/staff/me', false, async (a) => {
    const parsed = z.object({ language: z.enum(LANGUAGES) }).strict().safeParse(bodyOf(a.req));
    if (!parsed.success) throw invalidInput(parsed.error, bodyOf(a.req));
    await setLanguage(a, parsed.data.language);
    a.res.send(200, { language: parsed.data.language });
  });
}
