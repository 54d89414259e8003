import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixedClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { Participants } from '../../bot/domain/participants';
import { ProgramSession } from '../../bot/domain/sessions';
import { rescheduleParticipant } from '../../bot/outreach/reschedule';
import { COLLECTIONS } from '../../bot/store/collections';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';
import { CaptureConnector } from '../helpers/captureConnector';

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;
let connector: CaptureConnector;
let ids: Record<string, string>;

async function cli(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withStore<T>(work: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = new SqliteStore(join(dir, 'puente.db'), COLLECTIONS);
  await store.init();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Each test: a fresh SQLite file with two consenting participants (es on SMS, en on Teams), check-in 09:00 New York. */
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puente-outreach-cli-'));
  env = { ...process.env, STORE: 'sqlite', SQLITE_PATH: join(dir, 'puente.db'), LOG_LEVEL: 'silent' };
  connector = new CaptureConnector();
  ids = {};
  await connector.start();
  await withStore(async (store) => {
    const clock = fixedClock('2026-12-01T12:00:00Z');
    const participants = new Participants(store, clock);
    for (const [name, channelId, language] of [['ana', 'sms', 'es'], ['bo', 'msteams', 'en']] as const) {
      const p = await participants.add({
        displayName: name,
        language,
        timeZone: 'America/New_York',
        track: 'morning',
        checkinTime: '09:00',
        screenWeekday: 1,
        reminders: { enabled: true, leadMinutes: 60 },
      });
      await participants.link(p.id, { channelId, serviceUrl: connector.url, conversationId: `conv-${name}`, userId: `u-${name}`, botId: 'bot' });
      await participants.update(p.id, (doc) => (doc.consent = { given: true, at: '2026-11-30T12:00:00Z', channel: channelId }));
      await rescheduleParticipant({ store, clock, participants, config: loadConfig({}) }, p.id);
      ids[name] = p.id;
    }
  });
});

afterEach(async () => {
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('outreach --dry-run prints participant, kind and channel, and claims or sends nothing', async () => {
  const res = await cli('scripts/outreach.ts', '--dry-run', '--at', '2026-12-01T14:00:00Z');
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, -1).sort(), [`${ids.ana}  checkin   sms`, `${ids.bo}  checkin   msteams`].sort());
  assert.match(lines.at(-1)!, /2 due; would send 2/);
  assert.equal(connector.received.length, 0);
  assert.equal(await withStore((s) => s.count('outreachLedger', {})), 0);
  const json = await cli('scripts/outreach.ts', '--dry-run', '--at', '2026-12-01T13:59:00Z', '--json');
  assert.equal(JSON.parse(json.stdout).due, 0, 'nothing is due a minute early');
});

test('outreach --once runs one tick at that instant and sends for real, once', async () => {
  assert.equal((await cli('scripts/outreach.ts', '--once', '--at', '2026-12-01T13:59:00Z')).code, 0);
  assert.equal(connector.received.length, 0);
  const res = await cli('scripts/outreach.ts', '--once', '--at', '2026-12-01T14:00:00Z');
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /2 due; sent 2, failed 0/);
  assert.deepEqual(connector.received.map((a) => a.conversation?.id).sort(), ['conv-ana', 'conv-bo']);
  assert.match(String(connector.forConversation('conv-ana')[0].text), /^Hola/);
  const again = await cli('scripts/outreach.ts', '--once', '--at', '2026-12-01T14:00:00Z');
  assert.match(again.stdout, /0 due; sent 0/);
  assert.equal(connector.received.length, 2);
});

test('outreach --dry-run/--once at 09:00 local the day after nothing ran name and send that day\'s prompts', async () => {
  const dry = await cli('scripts/outreach.ts', '--dry-run', '--at', '2026-12-02T14:00:00Z');
  assert.equal(dry.code, 0, dry.stderr);
  const lines = dry.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, -1).sort(), [`${ids.ana}  checkin   sms`, `${ids.bo}  checkin   msteams`].sort());
  assert.match(lines.at(-1)!, /would send 2; skipped expired 2/);
  const once = await cli('scripts/outreach.ts', '--once', '--at', '2026-12-02T14:00:00Z');
  assert.equal(once.code, 0, once.stderr);
  assert.match(once.stdout, /sent 2, failed 0; skipped expired 2/);
  assert.deepEqual(connector.received.map((a) => a.conversation?.id).sort(), ['conv-ana', 'conv-bo']);
  assert.ok(await withStore(async (s) => (await s.get('outreachLedger', ids.ana, 'checkin:2026-12-02')) !== undefined));
});

test('outreach refuses unclear orders', async () => {
  assert.equal((await cli('scripts/outreach.ts')).code, 2);
  assert.equal((await cli('scripts/outreach.ts', '--once', '--dry-run')).code, 2);
  const bad = await cli('scripts/outreach.ts', '--once', '--at', 'tomorrow');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--at must be an ISO instant/);
});

const HEADER = 'id,title,kind,start,end,time_zone,recurrence,until,track,participants,location,link,cancelled';

function goodCsv(): string {
  const file = join(dir, 'good.csv');
  writeFileSync(
    file,
    [
      HEADER,
      'am-group,"Skills group, morning",group,2026-12-02 10:00,11:30,,weekly,2027-03-31,morning,,Room 2,,2026-12-23',
      `fam-ana,Family session,family,2026-12-03T17:00,18:00,America/Chicago,none,,,${ids.ana},,https://example.test/meet,`,
      '',
    ].join('\r\n'),
  );
  return file;
}

test('sessions import: a good file is imported whole, reminders scheduled; list --json and cancel', async () => {
  const res = await cli('scripts/admin.ts', 'sessions', 'import', goodCsv());
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /imported 2 session\(s\); reminders rescheduled for 2 participant\(s\)/);

  const listed = await cli('scripts/admin.ts', 'sessions', 'list', '--json');
  const sessions = JSON.parse(listed.stdout) as ProgramSession[];
  assert.deepEqual(sessions.map((s) => s.id), ['am-group', 'fam-ana']);
  assert.equal(sessions[0].title.text, 'Skills group, morning');
  assert.equal(sessions[0].timeZone, 'America/New_York', 'blank zone = PROGRAM_TIMEZONE');
  assert.deepEqual(sessions[0].cancelledDates, ['2026-12-23']);
  assert.deepEqual(sessions[1].participantIds, [ids.ana]);
  const reminder = await withStore((s) => s.get<{ occurrenceId: string } & { id: string; pk: string }>('outreachDue', ids.bo, 'reminder'));
  assert.ok(reminder?.occurrenceId.startsWith('am-group@'), 'attendees were rescheduled');

  const cancelled = await cli('scripts/admin.ts', 'sessions', 'cancel', 'am-group', '--date', '2026-12-09');
  assert.equal(cancelled.code, 0, cancelled.stderr);
  const after = JSON.parse((await cli('scripts/admin.ts', 'sessions', 'list', '--json')).stdout) as ProgramSession[];
  assert.deepEqual(after[0].cancelledDates, ['2026-12-09', '2026-12-23']);
  const wrongDay = await cli('scripts/admin.ts', 'sessions', 'cancel', 'am-group', '--date', '2026-12-10');
  assert.equal(wrongDay.code, 2);
  assert.match(wrongDay.stderr, /does not meet/);
});

test('sessions import: a bad row is reported with its line number and nothing of the file is imported', async () => {
  assert.equal((await cli('scripts/admin.ts', 'sessions', 'import', goodCsv())).code, 0);
  const cases: Array<[string[], RegExp]> = [
    [[HEADER, 'x1,Group,group,2026-12-02 10:00,11:00,,weekly,,morning,,,,', 'x2,Group,party,2026-12-02 10:00,11:00,,weekly,,morning,,,,'], /line 3: kind/],
    [[HEADER, 'y1,Group,group,2026-12-02 10:00,11:00,,weekly,,morning,,,,', '', 'y2,Group,group,2026-12-02 25:00,11:00,,weekly,,morning,,,,'], /line 4: startLocal/],
    [[HEADER, 'z1,Group,group,2026-12-02 10:00,11:00,,weekly,,,nobody-here,,,'], /line 2: no participant nobody-here/],
    [[HEADER, 'w1,"Group\nwith a line break",group,2026-12-02 10:00,11:00,,weekly,,morning,,,,', 'w2,Group,group,2026-12-02 10:00,11:00,Mars/Base,weekly,,morning,,,,'], /line 4: timeZone/],
    [[HEADER, 'am-group,Again,group,2026-12-02 10:00,11:00,,weekly,,morning,,,,'], /line 2: a session with id am-group already exists/],
    [[HEADER, 'v1,Group,group,2026-12-02 10:00,11:00,,weekly,,morning,,,'], /line 2: 12 fields, the header has 13/],
    [['id,title,colour', 'a,b,c'], /line 1: unknown column\(s\) colour/],
  ];
  for (const [lines, expected] of cases) {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, lines.join('\n'));
    const res = await cli('scripts/admin.ts', 'sessions', 'import', file);
    assert.equal(res.code, 2, res.stdout);
    assert.match(res.stderr, /nothing imported/);
    assert.match(res.stderr, expected);
  }
  const after = JSON.parse((await cli('scripts/admin.ts', 'sessions', 'list', '--json')).stdout) as unknown[];
  assert.equal(after.length, 2, 'only the good file');
});
