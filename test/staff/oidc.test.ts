import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../bot/config';
import { STAFF_SESSIONS } from '../../bot/staff/sessions';
import { CLIENT_ID, CLIENT_SECRET, CookieBrowser, TestProvider, TestUser } from './oidcProvider';
import { StaffHarness } from './staffHarness';

const PUBLIC = 'https://puente.example.org';
const CALLBACK = `${PUBLIC}/staff/oidc/callback`;
const ADMIN_GROUP = '5b1a7c1e-0000-4000-8000-00000000a0a0';
const CLINICIAN_GROUP = '5b1a7c1e-0000-4000-8000-00000000c1c1';

/** A provider and a Puente app that signs staff in through it. */
async function setUp(t: { after(fn: () => Promise<void>): void }, env: Record<string, string> = {}, client?: Record<string, unknown>) {
  const provider = await TestProvider.start({ redirectUri: CALLBACK, client });
  t.after(() => provider.stop());
  const s = await StaffHarness.start({
    PUBLIC_BASE_URL: PUBLIC,
    STAFF_OIDC_ISSUER: provider.issuer,
    STAFF_OIDC_CLIENT_ID: CLIENT_ID,
    STAFF_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    STAFF_OIDC_ADMIN_GROUPS: ADMIN_GROUP,
    STAFF_OIDC_CLINICIAN_GROUPS: CLINICIAN_GROUP,
    ...env,
  });
  t.after(() => s.stop());
  const browser = () => new CookieBrowser(PUBLIC, s.base);
  return { provider, s, browser };
}

/** Clicks "Sign in with Microsoft" on the sign-in page and walks the redirects back to Puente's callback answer. */
async function signInWithMicrosoft(browser: CookieBrowser, provider: TestProvider, user: TestUser, next = '/staff/participants') {
  provider.user = user;
  const page = await browser.request(`${PUBLIC}/staff/sign-in?lang=en&next=${encodeURIComponent(next)}`);
  const href = /id="sign-in-microsoft" href="([^"]+)"/.exec(await page.text())?.[1];
  assert.ok(href, 'the sign-in page offers Microsoft sign-in');
  return browser.follow(new URL(href.replace(/&amp;/g, '&'), PUBLIC).href);
}

async function me(browser: CookieBrowser) {
  return browser.request(`${PUBLIC}/api/staff/me`);
}

async function lastAudit(s: StaffHarness, action: string) {
  const { items } = await s.services.store.query<{ id: string; pk: string; action: string; actor: string | null; detail: Record<string, unknown> | null }>('audit', {
    where: [{ field: 'action', op: '=', value: action }],
  });
  return items.at(-1);
}

describe('staff sign-in with OpenID Connect', () => {
  it('signs in with the authorization code flow; an app role makes an admin, the account is linked by object id', async (t) => {
    const { provider, s, browser } = await setUp(t);
    await s.account('ana@clinic.org', 'clinician');
    const b = browser();
    const { res, url } = await signInWithMicrosoft(b, provider, { sub: 'sub-ana', oid: 'oid-ana', email: 'Ana@Clinic.org', roles: ['Puente.Admin'] });
    assert.equal(url.href.split('?')[0], CALLBACK, 'the provider sent the browser back to the redirect URI made from PUBLIC_BASE_URL');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /http-equiv="refresh" content="0;url=\/staff\/participants"/, 'the page moves on to where sign-in started');
    assert.ok(b.cookie(new URL(s.base).host, 'puente_staff'), 'a dashboard session cookie is set');
    assert.equal(b.cookie(new URL(s.base).host, 'puente_staff_oidc'), undefined, 'the sign-in state cookie is cleared');

    const who = await me(b);
    assert.equal(who.status, 200);
    const body = (await who.json()) as { email: string; role: string; csrfToken: string };
    assert.equal(body.email, 'ana@clinic.org');
    assert.equal(body.role, 'admin', 'the app role made her an admin');
    const account = await s.staff.core.accounts.byEmail('ana@clinic.org');
    assert.equal(account?.aadObjectId, 'oid-ana', 'the account is linked to her directory object id');
    assert.equal(account?.role, 'admin');
    const audit = await lastAudit(s, 'signin.success');
    assert.equal(audit?.actor, 'ana@clinic.org');
    assert.deepEqual(audit?.detail, { method: 'oidc', roleChanged: true });

    // The PKCE challenge and nonce went out with the request; the verifier never left the server.
    const start = await b.request(`${PUBLIC}/staff/oidc/start?next=/staff`);
    const authorize = new URL(start.headers.get('location')!);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorize.searchParams.get('nonce') && authorize.searchParams.get('state'));
    assert.equal(authorize.searchParams.get('redirect_uri'), CALLBACK);
  });

  it('a group claim makes a clinician, found by object id even when the email differs', async (t) => {
    const { provider, s, browser } = await setUp(t);
    await s.account('luis@clinic.org', 'admin', { aadObjectId: 'oid-luis' });
    const b = browser();
    const { res } = await signInWithMicrosoft(b, provider, { sub: 'sub-luis', oid: 'oid-luis', preferred_username: 'lgarcia@clinic.onmicrosoft.com', groups: ['other-group', CLINICIAN_GROUP] });
    assert.equal(res.status, 200);
    const body = (await (await me(b)).json()) as { email: string; role: string };
    assert.deepEqual([body.email, body.role], ['luis@clinic.org', 'clinician']);
  });

  it('refuses someone without a staff account (403 page in their language, audited, no session)', async (t) => {
    const { provider, s, browser } = await setUp(t);
    for (const [lang, text] of [
      ['en', 'is not linked to a Puente staff account'],
      ['es', 'no está vinculada a una cuenta del personal de Puente'],
    ] as const) {
      const b = browser();
      provider.user = { sub: 'sub-eve', oid: 'oid-eve', email: 'eve@elsewhere.org', roles: ['Puente.Admin'] };
      const page = await b.request(`${PUBLIC}/staff/sign-in?lang=${lang}`);
      const html = await page.text();
      assert.match(html, lang === 'en' ? /Sign in with Microsoft/ : /Iniciar sesión con Microsoft/);
      const href = /id="sign-in-microsoft" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
      const { res } = await b.follow(new URL(href, PUBLIC).href);
      assert.equal(res.status, 403);
      assert.ok((await res.text()).includes(text));
      assert.equal(b.cookie(new URL(s.base).host, 'puente_staff'), undefined);
    }
    const audit = await lastAudit(s, 'signin.failure');
    assert.deepEqual(audit?.detail, { method: 'oidc', reason: 'no_account', oid: 'oid-eve' });
  });

  it('refuses an account holder whose token carries no Puente role', async (t) => {
    const { provider, s, browser } = await setUp(t);
    await s.account('sam@clinic.org', 'clinician');
    const { res } = await signInWithMicrosoft(browser(), provider, { sub: 'sub-sam', oid: 'oid-sam', email: 'sam@clinic.org', groups: ['unrelated'] });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /has no Puente role/);
    assert.equal((await lastAudit(s, 'signin.failure'))?.detail?.reason, 'no_role');
  });

  it('refuses a callback whose state was tampered with, and a replayed one', async (t) => {
    const { provider, s, browser } = await setUp(t);
    await s.account('ana@clinic.org', 'admin');
    provider.user = { sub: 'sub-ana', oid: 'oid-ana', email: 'ana@clinic.org', roles: ['Puente.Admin'] };
    const b = browser();
    const atCallback = (u: URL) => u.href.startsWith(CALLBACK);
    const { url } = await b.follow(`${PUBLIC}/staff/oidc/start?next=/staff`, atCallback);
    assert.ok(url.searchParams.get('code'), 'the provider issued a code');

    const tampered = new URL(url);
    tampered.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const refused = await b.request(tampered.href);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /not valid or has expired/);
    assert.equal(b.cookie(new URL(s.base).host, 'puente_staff'), undefined, 'no session');
    assert.equal((await lastAudit(s, 'signin.failure'))?.detail?.reason, 'state');

    // A fresh sign-in completes once; the same callback again is refused.
    const second = browser();
    const { url: good } = await second.follow(`${PUBLIC}/staff/oidc/start?next=/staff`, atCallback);
    const stateCookie = second.cookie(new URL(s.base).host, 'puente_staff_oidc')!;
    assert.equal((await second.request(good.href)).status, 200);
    const replay = await fetch(`${s.base}${good.pathname}${good.search}`, { headers: { cookie: `puente_staff_oidc=${stateCookie}` }, redirect: 'manual' });
    assert.equal(replay.status, 400, 'a used state does not sign in twice');
  });

  it('signs out: the session is deleted from the store and no longer works', async (t) => {
    const { provider, s, browser } = await setUp(t);
    await s.account('ana@clinic.org', 'admin');
    const b = browser();
    await signInWithMicrosoft(b, provider, { sub: 'sub-ana', oid: 'oid-ana', email: 'ana@clinic.org', roles: ['Puente.Clinician'] });
    const { csrfToken } = (await (await me(b)).json()) as { csrfToken: string };
    assert.equal((await s.services.store.query(STAFF_SESSIONS, {})).items.length, 1);

    const out = await b.request(`${PUBLIC}/staff/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfToken }).toString(),
    });
    assert.equal(out.status, 303);
    assert.equal((await s.services.store.query(STAFF_SESSIONS, {})).items.length, 0, 'the session is gone from the store');
    assert.equal((await me(b)).status, 401);
    assert.equal((await lastAudit(s, 'signout'))?.actor, 'ana@clinic.org');
  });

  it('with STAFF_PASSWORD_SIGNIN=false the password form is hidden and its routes answer 404', async (t) => {
    const { s, browser } = await setUp(t, { STAFF_PASSWORD_SIGNIN: 'false' });
    await s.account('ana@clinic.org', 'admin');
    for (const lang of ['en', 'es']) {
      const html = await (await browser().request(`${PUBLIC}/staff/sign-in?lang=${lang}`)).text();
      assert.ok(html.includes('id="sign-in-microsoft"'));
      assert.ok(!html.includes('type="password"'), `${lang}: no password field`);
    }
    const json = await fetch(`${s.base}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ana@clinic.org', password: 'correct horse battery staple' }) });
    assert.equal(json.status, 404);
    const form = await fetch(`${s.base}/staff/sign-in`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=ana%40clinic.org&password=x' });
    assert.equal(form.status, 404);
    assert.deepEqual(await json.json(), { error: 'not_found' });
  });

  it('authenticates to the provider with private_key_jwt from a PEM key and certificate', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-oidc-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-subj', '/CN=puente-test', '-days', '2'], { stdio: 'ignore' });
    const pemPath = join(dir, 'client.pem');
    writeFileSync(pemPath, readFileSync(keyPath, 'utf8') + readFileSync(certPath, 'utf8'));
    const { createPublicKey } = await import('node:crypto');
    const jwk = createPublicKey(readFileSync(keyPath)).export({ format: 'jwk' });
    const { provider, s, browser } = await setUp(
      t,
      { STAFF_OIDC_CLIENT_SECRET: '', STAFF_OIDC_CLIENT_KEY_PATH: pemPath },
      { client_secret: undefined, token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: 'RS256', jwks: { keys: [{ ...jwk, alg: 'RS256', use: 'sig' }] } },
    );
    await s.account('ana@clinic.org', 'admin');
    const b = browser();
    const { res } = await signInWithMicrosoft(b, provider, { sub: 'sub-ana', oid: 'oid-ana', email: 'ana@clinic.org', groups: [ADMIN_GROUP] });
    assert.equal(res.status, 200);
    assert.equal(((await (await me(b)).json()) as { role: string }).role, 'admin');
  });
});

describe('staff OIDC configuration', () => {
  it('needs a client id and exactly one credential, and keeps passwords on unless OIDC is set', () => {
    const base = { STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0' };
    assert.throws(() => loadConfig(base), /STAFF_OIDC_CLIENT_ID is required/);
    assert.throws(() => loadConfig({ ...base, STAFF_OIDC_CLIENT_ID: 'id' }), /STAFF_OIDC_CLIENT_SECRET or STAFF_OIDC_CLIENT_KEY_PATH/);
    assert.throws(() => loadConfig({ STAFF_PASSWORD_SIGNIN: 'false' }), /STAFF_PASSWORD_SIGNIN may be false only/);
    const c = loadConfig({ ...base, STAFF_OIDC_CLIENT_ID: 'id', STAFF_OIDC_CLIENT_SECRET: 's', STAFF_OIDC_ADMIN_GROUPS: 'g1, g2', STAFF_PASSWORD_SIGNIN: 'false' });
    assert.deepEqual(c.staff.oidc?.adminGroups, ['g1', 'g2']);
    assert.deepEqual(c.staff.oidc?.adminRoles, ['Puente.Admin']);
    assert.equal(c.staff.passwordSignIn, false);
  });

  it('refuses OIDC at start-up on a Node that cannot load openid-client, naming the versions that can', () => {
    const oidc = { STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', STAFF_OIDC_CLIENT_ID: 'id', STAFF_OIDC_CLIENT_SECRET: 's' };
    for (const old of ['20.11.0', '20.18.3', '21.7.3', '22.11.0']) {
      assert.throws(
        () => loadConfig(oidc, old),
        (err: Error) => err instanceof ConfigError && err.message === `Invalid configuration: STAFF_OIDC_ISSUER needs Node 20.19+, 22.12+ or 24 (openid-client is an ES module); this is Node ${old}`,
      );
    }
    for (const able of ['20.19.0', '20.20.2', '22.12.0', '23.0.0', '24.11.1']) assert.ok(loadConfig(oidc, able).staff.oidc, able);
    assert.equal(loadConfig({}, '20.11.0').staff.oidc, undefined, 'without OIDC the older Node is still accepted');
  });
});
