import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { AuditLog } from '../../bot/staff/audit';
import { StaffAuth } from '../../bot/staff/auth';
import { verifyPassword } from '../../bot/staff/password';
import { StaffSessions } from '../../bot/staff/sessions';
import { SignInGuard } from '../../bot/staff/signInGuard';
import { StaffAccounts } from '../../bot/staff/staffAccounts';
import { COLLECTIONS } from '../../bot/store/collections';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';

const PASSWORD = 'a long enough password';

describe('npm run admin -- staff …', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'puente-staff-cli-'));
    env = { ...process.env, SQLITE_PATH: join(dir, 'admin.db'), STORE: 'sqlite', LOG_LEVEL: 'silent' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function admin(args: string[], stdin = '', childEnv = env): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'staff', ...args], { env: childEnv });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  async function openStore() {
    const store = new SqliteStore(env.SQLITE_PATH!, COLLECTIONS);
    await store.init();
    return store;
  }

  it('adds an account with the password from stdin, hashed with scrypt; refuses bad input', async () => {
    const added = await admin(['add', '--email', 'Nurse@Clinic.org', '--role', 'clinician', '--password-stdin', '--language', 'es'], `${PASSWORD}\n`);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout.trim(), 'staff nurse@clinic.org (clinician) added');
    assert.equal((await admin(['add', '--email', 'nurse@clinic.org', '--role', 'admin', '--password-stdin'], PASSWORD)).code, 2, 'taken');
    const refusals: Array<[string[], string, RegExp]> = [
      [['add', '--email', 'x@clinic.org', '--role', 'boss', '--password-stdin'], PASSWORD, /role must be one of clinician, admin/],
      [['add', '--email', 'x@clinic.org', '--role', 'admin', '--password-stdin'], 'short', /at least 12 characters/],
      [['add', '--email', 'x@clinic.org', '--role', 'admin', '--password', PASSWORD], '', /Unknown option '--password'/],
      [['add', '--email', 'x@clinic.org', '--role', 'admin'], PASSWORD, /--password-stdin/],
      [['add', '--email', 'not-an-email', '--role', 'admin', '--password-stdin'], PASSWORD, /email/],
    ];
    for (const [args, input, message] of refusals) {
      const r = await admin(args, input);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }

    const store = await openStore();
    try {
      const accounts = new StaffAccounts(store, systemClock);
      const all = await accounts.list();
      assert.deepEqual(all.map((a) => [a.email, a.role, a.language]), [['nurse@clinic.org', 'clinician', 'es']]);
      assert.match(all[0].passwordHash, /^scrypt\$15\$8\$1\$/);
      assert.ok(!all[0].passwordHash.includes(PASSWORD));
      assert.equal(await verifyPassword(PASSWORD, all[0].passwordHash), true);
      const events = [];
      for await (const e of new AuditLog(store, systemClock).all({ from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) })) events.push(e);
      assert.deepEqual(events.map((e) => [e.action, e.channel, e.actorRole]), [['staff.add', 'cli', 'operator']]);
    } finally {
      await store.close();
    }
  });

  it('lists, links a Teams user, unlocks and disables', async () => {
    const listed = JSON.parse((await admin(['list', '--json'])).stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(listed.map((a) => a.email), ['nurse@clinic.org']);
    assert.equal(JSON.stringify(listed).includes('scrypt'), false, 'no hashes printed');
    assert.equal((await admin(['link-teams', '--email', 'nurse@clinic.org', '--aad-object-id', 'aad-123'])).code, 0);

    const store = await openStore();
    try {
      const config = loadConfig({ SQLITE_PATH: env.SQLITE_PATH! });
      const accounts = new StaffAccounts(store, systemClock);
      assert.equal((await accounts.byAadObjectId('aad-123'))?.email, 'nurse@clinic.org');
      const guard = new SignInGuard(store, systemClock, { maxFailures: 2, lockMinutes: 15, baseDelayMs: 0, maxDelayMs: 0 }, silentLogger());
      const auth = new StaffAuth(accounts, new StaffSessions(store, systemClock, config.staff.sessionIdleMinutes), guard, async () => undefined);
      await auth.signIn('nurse@clinic.org', 'wrong one', '10.0.0.1');
      assert.equal((await auth.signIn('nurse@clinic.org', 'wrong two', '10.0.0.1')).ok, false);
      assert.deepEqual(await auth.signIn('nurse@clinic.org', PASSWORD, '10.0.0.1').then((r) => !r.ok && r.reason), 'locked');
      assert.equal((await admin(['unlock', '--email', 'nurse@clinic.org'])).code, 0);
      const signedIn = await auth.signIn('nurse@clinic.org', PASSWORD, '10.0.0.1');
      assert.ok(signedIn.ok);
      assert.equal((await admin(['disable', '--email', 'nurse@clinic.org'])).code, 0);
      assert.equal(await auth.authenticate(signedIn.token), undefined, 'the session ended');
      assert.deepEqual(await auth.signIn('nurse@clinic.org', PASSWORD, '10.0.0.1').then((r) => !r.ok && r.reason), 'invalid');
      assert.equal((await admin(['unlock', '--email', 'ghost@clinic.org'])).code, 2);
    } finally {
      await store.close();
    }
  });

  it('with password sign-in off (Microsoft sign-in only), adds an account without asking for a password', async () => {
    const oidcOnly = {
      ...env,
      SQLITE_PATH: join(dir, 'oidc-only.db'),
      STAFF_PASSWORD_SIGNIN: 'false',
      STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      STAFF_OIDC_CLIENT_ID: 'puente-dashboard',
      STAFF_OIDC_CLIENT_SECRET: 'not-a-real-secret',
    };
    const run = (args: string[], stdin = '') => admin(args, stdin, oidcOnly);
    // Nothing on stdin and no --password-stdin: the command does not wait for a password that nobody could use.
    const added = await run(['add', '--email', 'Maria@Clinic.org', '--role', 'clinician', '--language', 'es']);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout.trim(), 'staff maria@clinic.org (clinician) added');
    const asked = await run(['add', '--email', 'ben@clinic.org', '--role', 'admin', '--password-stdin'], PASSWORD);
    assert.equal(asked.code, 2);
    assert.match(asked.stderr, /password sign-in is off/);

    const store = new SqliteStore(oidcOnly.SQLITE_PATH, COLLECTIONS);
    await store.init();
    try {
      const accounts = new StaffAccounts(store, systemClock);
      assert.deepEqual((await accounts.list()).map((a) => [a.email, a.role, a.language, a.passwordHash]), [['maria@clinic.org', 'clinician', 'es', '']]);
      // Were password sign-in turned on later, no password opens this account.
      const guard = new SignInGuard(store, systemClock, { maxFailures: 5, lockMinutes: 15, baseDelayMs: 0, maxDelayMs: 0 }, silentLogger());
      const auth = new StaffAuth(accounts, new StaffSessions(store, systemClock, 15), guard, async () => undefined);
      for (const password of ['', PASSWORD]) assert.deepEqual(await auth.signIn('maria@clinic.org', password, '10.0.0.1').then((r) => !r.ok && r.reason), 'invalid');
    } finally {
      await store.close();
    }
  });
});

describe('sign-in throttle', () => {
  it('waits longer after each failure, up to the cap, before answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-guard-'));
    const store = new SqliteStore(join(dir, 'g.db'), COLLECTIONS);
    await store.init();
    try {
      const waits: number[] = [];
      const accounts = new StaffAccounts(store, systemClock, { log2N: 10, r: 8, p: 1 });
      await accounts.add({ email: 'a@clinic.org', role: 'admin', password: PASSWORD });
      const guard = new SignInGuard(store, systemClock, { maxFailures: 6, lockMinutes: 15, baseDelayMs: 500, maxDelayMs: 4000 }, silentLogger());
      const auth = new StaffAuth(accounts, new StaffSessions(store, systemClock, 15), guard, async (ms) => void waits.push(ms));
      for (let i = 0; i < 6; i++) await auth.signIn('a@clinic.org', `wrong ${i}`, '10.0.0.1');
      assert.deepEqual(waits, [500, 1000, 2000, 4000, 4000]);
      assert.deepEqual(await auth.signIn('a@clinic.org', PASSWORD, '10.0.0.1').then((r) => !r.ok && r.reason), 'locked');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
