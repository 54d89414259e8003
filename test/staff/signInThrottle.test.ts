import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it, test } from 'node:test';
import { fixedClock } from '../../bot/clock';
import { createLogger } from '../../bot/log';
import { StaffAuth } from '../../bot/staff/auth';
import { StaffSessions } from '../../bot/staff/sessions';
import { SignInGuard } from '../../bot/staff/signInGuard';
import { StaffAccounts } from '../../bot/staff/staffAccounts';
import { COLLECTIONS } from '../../bot/store/collections';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';
import { PASSWORD, StaffClient, StaffHarness } from './staffHarness';

const EMAIL = 'real.user@clinic.org';

/** Auth over a real SQLite store with a movable clock, recorded waits and captured logs. */
async function world(t: { after: (fn: () => void | Promise<void>) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'puente-throttle-'));
  const store = new SqliteStore(join(dir, 's.db'), COLLECTIONS);
  await store.init();
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const clock = fixedClock('2026-12-01T15:00:00Z');
  const lines: Array<Record<string, any>> = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _e, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
        done();
      },
    }),
  });
  const waits: number[] = [];
  const accounts = new StaffAccounts(store, clock, { log2N: 10, r: 8, p: 1 });
  await accounts.add({ email: EMAIL, role: 'clinician', password: PASSWORD });
  const guard = new SignInGuard(store, clock, { maxFailures: 5, lockMinutes: 15, baseDelayMs: 500, maxDelayMs: 4000 }, log);
  const auth = new StaffAuth(accounts, new StaffSessions(store, clock, 15), guard, async (ms) => void waits.push(ms));
  return { auth, guard, clock, waits, lines };
}

describe('sign-in throttle per source (account + client address)', () => {
  it('five wrong tries from one address lock that address, not the real user signing in from another', async (t) => {
    const w = await world(t);
    for (let i = 0; i < 5; i++) await w.auth.signIn(EMAIL, `guess ${i}`, '203.0.113.7');
    const attacker = await w.auth.signIn(EMAIL, PASSWORD, '203.0.113.7');
    assert.equal(attacker.ok ? 'ok' : attacker.reason, 'locked', 'the guessing address stays locked, even with the right password');
    w.waits.length = 0;
    const real = await w.auth.signIn(EMAIL, PASSWORD, '198.51.100.20');
    assert.ok(real.ok, 'the real user signs in from their own address');
    assert.deepEqual(w.waits, [], 'and is not even slowed: five failures are what one source may make');
    assert.equal(w.lines.filter((l) => l.level === 'warn').length, 0);
  });

  it('a spray over many addresses on one account is slowed, never locked, and logged as one warning', async (t) => {
    const w = await world(t);
    const results: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await w.auth.signIn(EMAIL, `spray ${i}`, `192.0.2.${i + 1}`);
      results.push(r.ok ? 'ok' : r.reason);
    }
    assert.ok(results.every((r) => r === 'invalid'), 'no address was locked');
    // Up to what one source may fail (five) nothing waits; past that, each attempt waits longer, up to the cap.
    assert.deepEqual(w.waits.slice(0, 8), [500, 1000, 2000, 4000, 4000, 4000, 4000, 4000]);
    assert.equal(w.waits.length, 24);
    const warnings = w.lines.filter((l) => l.level === 'warn');
    assert.equal(warnings.length, 1, 'one warning for the whole spray');
    assert.match(warnings[0].msg, /many addresses/);
    assert.ok(warnings[0].sources >= 6);
    assert.equal(JSON.stringify(w.lines).includes(EMAIL), false, 'the email is not logged');
    // The real user, from a fresh address, is slowed like everyone trying this account, but gets in.
    w.waits.length = 0;
    const real = await w.auth.signIn(EMAIL, PASSWORD, '198.51.100.20');
    assert.ok(real.ok);
    assert.deepEqual(w.waits, [4000]);
    // After the window the account is no longer slowed.
    w.clock.advance(16 * 60_000);
    w.waits.length = 0;
    assert.ok((await w.auth.signIn(EMAIL, PASSWORD, '198.51.100.21')).ok);
    assert.deepEqual(w.waits, []);
  });

  it('the operator unlock starts every source of the email afresh', async (t) => {
    const w = await world(t);
    for (let i = 0; i < 5; i++) await w.auth.signIn(EMAIL, `guess ${i}`, '203.0.113.7');
    w.clock.advance(1000);
    await w.guard.clear(EMAIL);
    w.clock.advance(1000);
    assert.ok((await w.auth.signIn(EMAIL, PASSWORD, '203.0.113.7')).ok);
  });
});

test('over HTTP: the lock follows the client address (behind a trusted proxy, the address it added)', async (t) => {
  const s = await StaffHarness.start({ STAFF_SIGNIN_MAX_FAILURES: '2', STAFF_TRUST_PROXY: 'true' });
  t.after(() => s.stop());
  await s.account(EMAIL, 'clinician');
  const from = (address: string, password: string, spoofed = '') =>
    fetch(`${s.base}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `${spoofed}${address}` },
      body: JSON.stringify({ email: EMAIL, password }),
    });
  assert.equal((await from('203.0.113.7', 'wrong 1')).status, 401);
  // A client-chosen first entry does not make a new source: the proxy's entry is last.
  assert.equal((await from('203.0.113.7', 'wrong 2', '10.9.9.9, ')).status, 429);
  assert.equal((await from('203.0.113.7', PASSWORD)).status, 429, 'locked from that address');
  assert.equal((await from('198.51.100.20', PASSWORD)).status, 200, 'open from another');
  const c = await StaffClient.signedIn(s.base, 'real.user@clinic.org');
  assert.ok(c.cookie);
});
