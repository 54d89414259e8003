import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { systemClock } from '../../bot/clock';
import { Participants } from '../../bot/domain/participants';
import { DueEntries } from '../../bot/outreach/dueEntries';
import { StaffAccounts, staffId } from '../../bot/staff/staffAccounts';
import { COLLECTIONS } from '../../bot/store/collections';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'puente-admin-'));
  env = { ...process.env, SQLITE_PATH: join(dir, 'admin.db'), STORE: 'sqlite' };
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('participant add prints an id and a one-time code; list shows the record', async () => {
  const added = await admin('participant', 'add', '--name', 'Ana R', '--lang', 'es', '--tz', 'America/Chicago', '--track', 'evening', '--checkin', '19:00', '--json');
  assert.equal(added.code, 0, added.stderr);
  const { id, enrollmentCode } = JSON.parse(added.stdout) as { id: string; enrollmentCode: string };
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.match(enrollmentCode, /^[A-Z0-9]{6,10}$/);

  const plain = await admin('participant', 'add', '--name', 'Bo K', '--lang', 'en', '--tz', 'America/New_York', '--track', 'morning', '--checkin', '08:30');
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /participant [0-9a-f-]{36}\nenrollment code [A-Z0-9]{6,10}/);

  const listed = await admin('participant', 'list', '--json');
  const all = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
  assert.equal(all.length, 2);
  const ana = all.find((p) => p.id === id)!;
  assert.equal(ana.language, 'es');
  assert.equal(ana.timeZone, 'America/Chicago');
  assert.equal(ana.track, 'evening');
  assert.equal(ana.checkinTime, '19:00');
  assert.deepEqual(ana.consent, { given: false, at: null, channel: null });

  // Enrolled by the operator = scheduled: the first daily prompt is already due at 19:00 Chicago time.
  const store = new SqliteStore(env.SQLITE_PATH!, COLLECTIONS);
  await store.init();
  try {
    const due = await new DueEntries(store).get(id, 'daily');
    assert.equal(due?.kind, 'checkin');
    assert.equal(DateTime.fromISO(due.dueAt, { zone: 'America/Chicago' }).toFormat('HH:mm'), '19:00');
  } finally {
    await store.close();
  }
});

test('bad flag values are refused with a clear message and nothing is written', async () => {
  const before = JSON.parse((await admin('participant', 'list', '--json')).stdout).length;
  const base = ['participant', 'add', '--name', 'X Y', '--lang', 'en', '--tz', 'America/Chicago', '--track', 'evening', '--checkin', '19:00'];
  const bad: Array<[string, string, RegExp]> = [
    ['--tz', 'America/Atlantis', /time zone/],
    ['--checkin', '25:00', /check-in time/],
    ['--checkin', '23:30', /between 08:00 and 21:00/],
    ['--lang', 'fr', /language/],
    ['--track', 'night', /track/],
  ];
  for (const [flag, value, message] of bad) {
    const args = [...base];
    args[args.indexOf(flag) + 1] = value;
    const res = await admin(...args);
    assert.equal(res.code, 2, `${flag} ${value}`);
    assert.match(res.stderr, message);
    assert.equal(res.stdout, '');
  }
  const unknown = await admin(...base, '--colour', 'blue');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /colour/);
  const after = JSON.parse((await admin('participant', 'list', '--json')).stdout).length;
  assert.equal(after, before);
});

test('participant assign sets the counsellor (an active staff account) or nobody, audited; refusals change nothing', async () => {
  const added = await admin('participant', 'add', '--name', 'Luz N', '--lang', 'es', '--tz', 'America/Chicago', '--track', 'evening', '--checkin', '19:00', '--json');
  const { id } = JSON.parse(added.stdout) as { id: string };
  const store = new SqliteStore(env.SQLITE_PATH!, COLLECTIONS);
  await store.init();
  try {
    await new StaffAccounts(store, systemClock).add({ email: 'clin@clinic.org', role: 'clinician', password: 'correct horse battery staple' });
    const assigned = () => new Participants(store, systemClock).get(id).then((p) => p?.assignedStaffId ?? null);

    assert.equal((await admin('participant', 'assign', id, '--counsellor', 'nobody@clinic.org')).code, 2);
    assert.equal((await admin('participant', 'assign', id)).code, 2);
    assert.equal((await admin('participant', 'assign', 'missing', '--counsellor', 'clin@clinic.org')).code, 2);
    assert.equal(await assigned(), null);

    const ok = await admin('participant', 'assign', id, '--counsellor', 'Clin@Clinic.org');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /counsellor clin@clinic\.org/);
    assert.equal(await assigned(), staffId('clin@clinic.org'));
    const events = await store.query<{ id: string; pk: string; action: string; channel: string; participantId: string }>('audit', { where: [{ field: 'action', op: '=', value: 'participant.assign' }] });
    assert.deepEqual(events.items.map((e) => [e.channel, e.participantId]), [['cli', id]]);

    assert.equal((await admin('participant', 'assign', id, '--nobody')).code, 0);
    assert.equal(await assigned(), null);
  } finally {
    await store.close();
  }
});
