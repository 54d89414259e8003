import type { Request, Response } from 'restify';
import { Language } from '../../i18n';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH } from '../oidc';
import { OidcRefusal } from '../oidcSignIn';
import { StaffCore, StaffOidc } from '../staffCore';
import { COOKIE_PATH, StaffGuard } from './guard';
import { html } from './html';
import { pageLanguage, sendSignIn } from './signInRoutes';
import { clearCookie, clientIp, cookie, cookieValue, queryOf, safeNext, sameSecret, sendHtml, SESSION_COOKIE } from './web';

/** Holds the sign-in's `state` between the redirect out and the callback. */
const FLOW_COOKIE = 'puente_staff_oidc';
const FLOW_COOKIE_PATH = '/staff/oidc';

const REFUSAL_TEXT: Record<OidcRefusal, string> = {
  no_account: 'staff:signIn.microsoftNotLinked',
  disabled: 'staff:signIn.microsoftNotLinked',
  other_object_id: 'staff:signIn.microsoftNotLinked',
  no_role: 'staff:signIn.microsoftNoRole',
};

/**
 * "Sign in with Microsoft": /staff/oidc/start sends the browser to the
 * identity provider with state, nonce and a PKCE challenge (kept server-side,
 * bot/staff/oidcFlows.ts); /staff/oidc/callback checks them, redeems the code
 * and opens the same dashboard session a password sign-in does. Every outcome
 * is audited.
 */
export function registerOidcRoutes(guard: StaffGuard, core: StaffCore, oidc: StaffOidc): void {
  guard.open('get', OIDC_START_PATH, async (req, res) => {
    const q = queryOf(req);
    const language = pageLanguage(core, req, q.lang);
    const next = safeNext(q.next);
    let started;
    try {
      started = await oidc.client.start();
    } catch (err) {
      core.log.error({ err }, 'identity provider unreachable');
      return refuse(req, res, 503, language, next, 'staff:signIn.microsoftUnavailable');
    }
    await oidc.flows.save({ checks: started.checks, next, language });
    res.writeHead(303, { Location: started.url.href, 'Set-Cookie': flowCookie(req, started.checks.state, oidc.flows.maxAgeSeconds) });
    res.end();
  });

  guard.open('get', OIDC_CALLBACK_PATH, async (req, res) => {
    const q = queryOf(req);
    const ip = clientIp(req, core.config.staff.trustProxy);
    const failed = (reason: string, detail: Record<string, string> = {}) =>
      core.audit.record({ actor: null, actorRole: null, action: 'signin.failure', recordType: 'staff', recordId: null, ip, detail: { method: 'oidc', reason, ...detail } });

    // The state must be the one this browser was given, and still pending: else a forged, replayed or stale callback.
    const pending = q.state && sameSecret(q.state, cookieValue(req, FLOW_COOKIE)) ? await oidc.flows.take(q.state) : undefined;
    if (!pending) {
      await failed('state');
      return refuse(req, res, 400, pageLanguage(core, req, undefined), '/staff', 'staff:signIn.microsoftInvalid');
    }
    const { language, next } = pending;
    if (q.error) {
      await failed('provider', { error: q.error.slice(0, 64) });
      return refuse(req, res, 401, language, next, 'staff:signIn.microsoftFailed');
    }
    let identity;
    try {
      identity = await oidc.client.finish(new URL(req.url ?? OIDC_CALLBACK_PATH, core.config.publicBaseUrl), pending.checks);
    } catch (err) {
      core.log.warn({ err }, 'OpenID Connect callback refused');
      await failed('token');
      return refuse(req, res, 400, language, next, 'staff:signIn.microsoftFailed');
    }

    const result = await oidc.signIn.signIn(identity);
    if (!result.ok) {
      await failed(result.reason, { oid: identity.objectId ?? '' });
      return refuse(req, res, 403, language, next, REFUSAL_TEXT[result.reason]);
    }
    const { account } = result;
    await core.audit.record({
      actor: account.email,
      actorRole: account.role,
      action: 'signin.success',
      recordType: 'staff',
      recordId: account.id,
      ip,
      detail: { method: 'oidc', roleChanged: result.roleChanged },
    });
    const t = core.i18n.getFixedT(account.language);
    // A 200 page that moves on by itself, not a redirect: the browser arrived here from the provider's site, and a
    // SameSite=Strict cookie set on such a navigation is held back until the next same-site one.
    const page = html`<!doctype html>
<html lang="${account.language}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${next}">
<title>${t('staff:signIn.continueTitle')} · ${t('staff:app.title')}</title><link rel="stylesheet" href="/staff/assets/staff.css"></head>
<body class="sign-in"><main id="main"><h1>${t('staff:signIn.continueTitle')}</h1><p><a href="${next}">${t('staff:signIn.continue')}</a></p></main></body></html>
`;
    sendHtml(res, 200, page.value, { 'Set-Cookie': [cookie(req, SESSION_COOKIE, result.token, COOKIE_PATH), clearFlowCookie(req)] });
  });

  const refuse = (req: Request, res: Response, status: number, language: Language, next: string, key: string) => {
    const t = core.i18n.getFixedT(language);
    sendSignIn(core, req, res, status, { language, next, message: { kind: 'error', text: t(key) }, cookies: [clearFlowCookie(req)] });
  };
}

/**
 * SameSite=Lax, unlike the session cookie: the provider sends the browser back
 * with a cross-site top-level GET, which Lax cookies go along with.
 */
function flowCookie(req: Request, state: string, maxAgeSeconds: number): string {
  return cookie(req, FLOW_COOKIE, state, FLOW_COOKIE_PATH, maxAgeSeconds, 'Lax');
}

function clearFlowCookie(req: Request): string {
  return clearCookie(req, FLOW_COOKIE, FLOW_COOKIE_PATH);
}
