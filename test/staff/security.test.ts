import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { flagApi, HIGH, PASSWORD, StaffClient, StaffHarness, URGENT } from './staffHarness';

/** Every /api/staff route with a sample path: none may answer data without a session. */
const API_ROUTES: Array<[string, string]> = [
  ['GET', '/api/staff/me'],
  ['PATCH', '/api/staff/me'],
  ['DELETE', '/api/staff/session'],
  ['GET', '/api/staff/flags'],
  ['GET', '/api/staff/flags/p/f'],
  ['POST', '/api/staff/flags/p/f/acknowledge'],
  ['POST', '/api/staff/flags/p/f/notes'],
  ['POST', '/api/staff/flags/p/f/resolve'],
  ['GET', '/api/staff/participants'],
  ['POST', '/api/staff/participants'],
  ['GET', '/api/staff/participants/p'],
  ['PATCH', '/api/staff/participants/p'],
  ['POST', '/api/staff/participants/p/status'],
  ['POST', '/api/staff/participants/p/enrollment-code'],
  ['GET', '/api/staff/audit?from=2025-03-01&to=2025-03-04'],
  ['GET', '/api/staff/audit/export?from=2025-03-01&to=2025-03-04'],
];
const PAGES = ['/staff', '/staff/flags/p/f', '/staff/participants', '/staff/participants/p', '/staff/audit'];
const ADMIN_ACTIONS: Array<[string, string, unknown]> = [
  ['POST', '/api/staff/participants', { displayName: 'X', language: 'en', timeZone: 'America/Chicago', track: 'evening', checkinTime: '18:00', screenWeekday: 1 }],
  ['PATCH', '/api/staff/participants/P', { track: 'morning' }],
  ['POST', '/api/staff/participants/P/status', { action: 'pause' }],
  ['POST', '/api/staff/participants/P/enrollment-code', {}],
  ['GET', '/api/staff/audit?from=2025-03-01&to=2025-03-04', undefined],
  ['GET', '/api/staff/audit/export?from=2025-03-01&to=2025-03-04', undefined],
];

describe('staff security', () => {
  let s: StaffHarness;
  let participantId: string;

  before(async () => {
    s = await StaffHarness.start({ STAFF_SIGNIN_MAX_FAILURES: '3', STAFF_SIGNIN_LOCK_MINUTES: '10' });
    await s.account('clin@clinic.org', 'clinician');
    await s.account('admin@clinic.org', 'admin');
    await s.account('lock@clinic.org', 'clinician');
    participantId = (await s.participant()).id;
    await s.flag(participantId, 'checkin:1', HIGH);
  });
  after(() => s.stop());

  it('answers 401 on every API route without a session, and with a made-up cookie', async () => {
    for (const [method, path] of API_ROUTES) {
      for (const cookie of [undefined, 'puente_staff=forged-token']) {
        const res = await fetch(`${s.base}${path}`, { method, headers: cookie ? { cookie } : {} });
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.deepEqual(await res.json(), { error: 'unauthorized' });
        assert.equal(res.headers.get('cache-control'), 'no-store');
      }
    }
  });

  it('redirects every page to sign-in without a session, keeping where to return', async () => {
    for (const path of PAGES) {
      const res = await fetch(`${s.base}${path}`, { redirect: 'manual' });
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get('location'), `/staff/sign-in?next=${encodeURIComponent(path)}`);
      assert.equal(await res.text(), '');
    }
  });

  it('gives a clinician 403 on admin actions and records the refusal', async () => {
    const clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    for (const [method, path, body] of ADMIN_ACTIONS) {
      const res = await clin.call(method, path.replace('/P', `/${participantId}`), body);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.deepEqual(await res.json(), { error: 'forbidden' });
    }
    const page = await clin.call('GET', '/staff/audit');
    assert.equal(page.status, 403);
    assert.equal((await s.services.participants.get(participantId))!.status, 'active');
    const admin = await StaffClient.signedIn(s.base, 'admin@clinic.org');
    const audit = await admin.json('GET', '/api/staff/audit?from=2025-03-01&to=2025-03-04&action=access.denied&limit=100');
    assert.equal(audit.items.filter((e: any) => e.actor === 'clin@clinic.org').length, ADMIN_ACTIONS.length + 1);
  });

  it('refuses state changes without the CSRF token (or with another session’s)', async () => {
    const clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    const other = await StaffClient.signedIn(s.base, 'admin@clinic.org');
    const changes: Array<[string, string, unknown]> = [
      ['POST', `${flagApi(participantId, 'checkin:1')}/acknowledge`, {}],
      ['POST', `${flagApi(participantId, 'checkin:1')}/notes`, { text: 'hello' }],
      ['POST', `${flagApi(participantId, 'checkin:1')}/resolve`, { outcome: 'contacted' }],
      ['PATCH', '/api/staff/me', { language: 'es' }],
      ['DELETE', '/api/staff/session', undefined],
    ];
    for (const [method, path, body] of changes) {
      const missing = await clin.call(method, path, body, { csrf: false });
      assert.equal(missing.status, 403, `${method} ${path}`);
      assert.deepEqual(await missing.json(), { error: 'csrf' });
      const wrong = await clin.call(method, path, body, { csrf: false, headers: { 'x-csrf-token': other.csrf! } });
      assert.equal(wrong.status, 403, `${method} ${path} with another session's token`);
    }
    const flag = await s.services.flags.get(participantId, 'checkin:1');
    assert.equal(flag!.status, 'open');
    assert.deepEqual(flag!.notes, []);
    // The form posts check the hidden field the same way.
    const signOut = await fetch(`${s.base}/staff/sign-out`, {
      method: 'POST',
      headers: { cookie: clin.cookie!, 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=wrong',
      redirect: 'manual',
    });
    assert.equal(signOut.status, 403);
    assert.equal((await clin.call('GET', '/api/staff/me')).status, 200, 'still signed in');
  });

  it('ends a session after the idle timeout, and keeps one that is used', async () => {
    const clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    s.clock.advance(14 * 60_000);
    assert.equal((await clin.call('GET', '/api/staff/me')).status, 200);
    s.clock.advance(14 * 60_000);
    assert.equal((await clin.call('GET', '/api/staff/me')).status, 200, 'used 14 minutes ago: still alive');
    s.clock.advance(15 * 60_000 + 1);
    const expired = await clin.call('GET', '/api/staff/flags');
    assert.equal(expired.status, 401);
    const page = await clin.call('GET', '/staff');
    assert.equal(page.status, 303);
    assert.match(page.headers.get('location')!, /expired=1/);
  });

  it('sign-out ends the session in the store', async () => {
    const clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    const res = await clin.call('DELETE', '/api/staff/session');
    assert.equal(res.status, 204);
    assert.match(res.headers.get('set-cookie')!, /puente_staff=;.*Max-Age=0/);
    assert.equal((await clin.call('GET', '/api/staff/me')).status, 401);
  });

  it('slows and then locks repeated failed sign-ins; the right password does not open a lock', async () => {
    const c = new StaffClient(s.base);
    const waited = s.signInWaits.length;
    assert.equal((await c.signIn('lock@clinic.org', 'wrong password 1')).status, 401);
    assert.equal((await c.signIn('lock@clinic.org', 'wrong password 2')).status, 401);
    const third = await c.signIn('lock@clinic.org', 'wrong password 3');
    assert.deepEqual(s.signInWaits.slice(waited), [500, 1000], 'the second attempt waited 500 ms, the third 1 s');
    assert.equal(third.status, 429);
    assert.equal((await third.json()).error, 'locked');
    const right = await c.signIn('lock@clinic.org', PASSWORD);
    assert.equal(right.status, 429, 'locked even with the right password');
    assert.ok(Number(right.headers.get('retry-after')) > 0);
    // Unknown emails lock the same way: the answer does not reveal which accounts exist.
    for (let i = 0; i < 3; i++) await c.signIn('nobody@clinic.org', `guess ${i}`);
    assert.equal((await c.signIn('nobody@clinic.org', 'guess')).status, 429);
    s.clock.advance(10 * 60_000 + 1);
    assert.equal((await c.signIn('lock@clinic.org', PASSWORD)).status, 200, 'the lock runs out');
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, Secure outside localhost', async () => {
    const local = await fetch(`${s.base}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@clinic.org', password: PASSWORD }),
    });
    const cookie = local.headers.get('set-cookie')!;
    assert.match(cookie, /^puente_staff=[A-Za-z0-9_-]{40,};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.doesNotMatch(cookie, /Secure/);
    // fetch will not send another Host; node:http will (as a reverse proxy would).
    const remote = await postWithHost(`${s.base}/api/staff/session`, 'puente.example.org', JSON.stringify({ email: 'admin@clinic.org', password: PASSWORD }));
    assert.equal(remote.status, 200);
    assert.match(String(remote.headers['set-cookie']), /; Secure/);
    assert.match(String(remote.headers['strict-transport-security']), /max-age=/);
  });

  it('sends security headers: CSP without inline script, no framing, no caching of data', async () => {
    const admin = await StaffClient.signedIn(s.base, 'admin@clinic.org');
    for (const path of ['/staff', '/api/staff/flags', '/staff/sign-in']) {
      const res = await admin.call('GET', path);
      const csp = res.headers.get('content-security-policy')!;
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
    const html = await (await admin.call('GET', '/staff')).text();
    // Only external scripts and the JSON data block: no inline script to allow.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, [' type="module" src="/staff/assets/staff.js"', ' type="application/json" id="puente-i18n"']);
  });

  it('renders participant free text containing <script> inert: JSON data only, never in page markup', async () => {
    const evil = '<script>window.__pwned = 1</script><img src=x onerror=alert(1)>';
    const p = await s.participant(`Eve ${evil}`);
    await s.flag(p.id, 'crisis:evil', URGENT, evil);
    const clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    await clin.json('POST', `${flagApi(p.id, 'crisis:evil')}/notes`, { text: evil });
    const res = await clin.call('GET', flagApi(p.id, 'crisis:evil'));
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    const detail = await res.json();
    assert.equal(detail.flag.message, evil, 'kept as data, unchanged');
    assert.equal(detail.flag.notes[0].text, evil);
    for (const path of [`/staff/flags/${encodeURIComponent(p.id)}/${encodeURIComponent('crisis:evil')}`, '/staff', `/staff/participants/${p.id}`]) {
      const html = await (await clin.call('GET', path)).text();
      assert.ok(!html.includes('__pwned') && !html.includes('onerror'), `${path} carries no participant text`);
    }
    // Sign-in echoes the typed email back escaped.
    const signIn = await fetch(`${s.base}/staff/sign-in`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await signIn.text())![1];
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const echoed = await fetch(`${s.base}/staff/sign-in`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: `"><script>alert(1)</script>`, password: 'x' }).toString(),
    });
    const page = await echoed.text();
    assert.equal(echoed.status, 401);
    assert.ok(!page.includes('<script>alert(1)</script>'));
    assert.ok(page.includes('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('checks the sign-in form’s own CSRF token and never redirects off-site after sign-in', async () => {
    const noToken = await fetch(`${s.base}/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@clinic.org', password: PASSWORD }).toString(),
      redirect: 'manual',
    });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.headers.get('set-cookie')?.includes('puente_staff='), false);

    const form = await fetch(`${s.base}/staff/sign-in?next=//evil.example/x`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
    const cookie = form.headers.get('set-cookie')!.split(';')[0];
    const ok = await fetch(`${s.base}/staff/sign-in`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: 'admin@clinic.org', password: PASSWORD, next: '//evil.example/x' }).toString(),
      redirect: 'manual',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/staff');
    assert.match(ok.headers.get('set-cookie')!, /puente_staff=/);
  });

  it('takes JSON sign-in only as application/json (a cross-site form cannot send it)', async () => {
    const res = await fetch(`${s.base}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@clinic.org', password: PASSWORD }).toString(),
    });
    assert.equal(res.status, 415);
    assert.equal(res.headers.get('set-cookie'), null);
  });
});

function postWithHost(url: string, host: string, body: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
