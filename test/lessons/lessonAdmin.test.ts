import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DueEntry } from '../../bot/outreach/dueEntries';
import { AuditEvent } from '../../bot/staff/audit';
import { COLLECTIONS } from '../../bot/store/collections';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';
import { StaffClient, StaffHarness } from '../staff/staffHarness';

/** The staff harness clock is Tuesday 2025-03-04; the evening track's default lesson day is Monday. */
const NEXT_WEEK = '2025-03-10';

for (const factory of STORE_FACTORIES) {
  describe(`staff API: weekly lessons (${factory.name})`, () => {
    let store: StoreHandle;
    let s: StaffHarness;
    let admin: StaffClient;
    let clin: StaffClient;
    let pid: string;

    before(async () => {
      store = await factory.make();
      s = await StaffHarness.start({}, store.store);
      await s.account('admin@clinic.org', 'admin', { language: 'es' });
      await s.account('clin@clinic.org', 'clinician');
      pid = (await s.participant()).id;
      admin = await StaffClient.signedIn(s.base, 'admin@clinic.org');
      clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    });
    after(async () => {
      await s?.stop();
      await store?.cleanup();
    });

    const auditOf = async (action: string) =>
      (await s.staff.core.audit.page({ from: new Date('2025-01-01'), to: new Date('2026-01-01'), action: action as AuditEvent['action'] }, 100)).items;
    const lessonEntry = () => s.services.store.get<DueEntry>('outreachDue', pid, 'lesson');

    it('assigns a week\'s lesson, lists it with the library in the viewer\'s language, reschedules the track, audits both', async () => {
      const saved = await admin.json('POST', '/api/staff/lessons', { track: 'evening', weekStart: NEXT_WEEK, lessonId: 'dearMan' });
      assert.deepEqual(saved.assignment, { track: 'evening', weekStart: NEXT_WEEK, lessonId: 'dearMan', assignedBy: 'admin@clinic.org', assignedAt: s.clock().toISOString() });
      assert.equal(saved.rescheduled, 1);
      // Monday 2025-03-10 at 19:00 in Chicago.
      assert.equal((await lessonEntry())?.dueAt, '2025-03-11T00:00:00.000Z');

      const listed = await admin.json('GET', '/api/staff/lessons');
      assert.ok(listed.library.length >= 8);
      assert.equal(listed.library.find((l: { id: string }) => l.id === 'dearMan').title, 'DEAR MAN: pedir lo que necesita');
      assert.deepEqual(listed.assignments, [saved.assignment]);
      assert.equal(listed.lessonWeekdays.evening, 1);

      const [assigned] = await auditOf('lessons.assign');
      assert.equal(assigned.actor, 'admin@clinic.org');
      assert.equal(assigned.recordType, 'lessonAssignment');
      assert.equal(assigned.recordId, `evening:${NEXT_WEEK}`);
      assert.deepEqual(assigned.detail, { lessonId: 'dearMan', rescheduled: 1 });
      assert.equal((await auditOf('lessons.view')).length, 1);

      // Assigning the week again replaces its lesson.
      await admin.json('POST', '/api/staff/lessons', { track: 'evening', weekStart: NEXT_WEEK, lessonId: 'halt' });
      assert.deepEqual((await admin.json('GET', '/api/staff/lessons')).assignments.map((a: { lessonId: string }) => a.lessonId), ['halt']);
    });

    it('bad input is a 400 naming the field, and changes nothing', async () => {
      const before = await s.services.lessons.assignments.list();
      for (const [body, field] of [
        [{ track: 'evening', weekStart: '2025-03-11', lessonId: 'halt' }, 'weekStart'],
        [{ track: 'evening', weekStart: '2025-02-30', lessonId: 'halt' }, 'weekStart'],
        [{ track: 'night', weekStart: NEXT_WEEK, lessonId: 'halt' }, 'track'],
        [{ track: 'evening', weekStart: NEXT_WEEK, lessonId: 'noSuchLesson' }, 'lessonId'],
        [{ track: 'evening', weekStart: NEXT_WEEK }, 'lessonId'],
        [{ track: 'evening', weekStart: NEXT_WEEK, lessonId: 42 }, 'lessonId'],
      ] as const) {
        const res = await admin.call('POST', '/api/staff/lessons', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        const error = (await res.json()) as { error: string; message: string };
        assert.equal(error.error, 'invalid');
        assert.ok(error.message.startsWith(`${field}:`), error.message);
      }
      assert.equal((await admin.call('DELETE', `/api/staff/lessons/evening/2025-03-12`)).status, 400, 'not a Monday');
      assert.equal((await admin.call('DELETE', `/api/staff/lessons/evening/2025-03-17`)).status, 404, 'nothing assigned that week');
      assert.equal((await admin.call('POST', '/api/staff/lessons', { track: 'evening', weekStart: NEXT_WEEK, lessonId: 'halt' }, { csrf: false })).status, 403, 'no CSRF token');
      assert.deepEqual(await s.services.lessons.assignments.list(), before);
    });

    it('is for admins: a clinician gets 403 on the API and the page, audited, and no nav link', async () => {
      for (const [method, path, body] of [
        ['GET', '/api/staff/lessons', undefined],
        ['POST', '/api/staff/lessons', { track: 'evening', weekStart: NEXT_WEEK, lessonId: 'halt' }],
        ['DELETE', `/api/staff/lessons/evening/${NEXT_WEEK}`, undefined],
      ] as const) {
        assert.equal((await clin.call(method, path, body)).status, 403, `${method} ${path}`);
      }
      assert.equal((await clin.call('GET', '/staff/lessons')).status, 403);
      const denied = (await auditOf('access.denied')).filter((e) => String(e.detail?.route).includes('lessons'));
      assert.equal(denied.length, 4);
      assert.ok(denied.every((e) => e.actor === 'clin@clinic.org'));
      assert.doesNotMatch(await (await clin.call('GET', '/staff')).text(), /href="\/staff\/lessons"/);

      const page = await (await admin.call('GET', '/staff/lessons')).text();
      assert.match(page, /<a href="\/staff\/lessons" aria-current="page">Lecciones<\/a>/);
      assert.match(page, /<option value="urgeSurfing">Surfear las ganas \(Prevención de recaídas\)<\/option>/);
    });

    it('removing a week\'s lesson takes it off the participants\' schedule, audited', async () => {
      const removed = await admin.json('DELETE', `/api/staff/lessons/evening/${NEXT_WEEK}`);
      assert.deepEqual(removed, { removed: true, rescheduled: 1 });
      assert.equal(await lessonEntry(), undefined);
      assert.equal((await auditOf('lessons.unassign'))[0]?.recordId, `evening:${NEXT_WEEK}`);
    });
  });
}

describe('admin CLI: lessons', () => {
  const run = promisify(execFile);
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'puente-lessons-cli-'));
    env = { ...process.env, SQLITE_PATH: join(dir, 'admin.db'), STORE: 'sqlite', LESSON_WEEKDAY_BY_TRACK: 'evening=3' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'lessons', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  test('library, assign, list, refusals and unassign; changes reschedule the track and are audited', async () => {
    const library = JSON.parse((await admin('library', '--json')).stdout) as Array<{ id: string; topic: string }>;
    assert.ok(library.some((l) => l.id === 'oppositeAction' && l.topic === 'emotionalRegulation'));

    const enrolled = await run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'participant', 'add', '--name', 'Bo K', '--lang', 'en', '--tz', 'America/New_York', '--track', 'evening', '--checkin', '19:00', '--json'], { env });
    const { id } = JSON.parse(enrolled.stdout) as { id: string };

    const assigned = await admin('assign', '--track', 'evening', '--week', '2030-01-07', '--lesson', 'oppositeAction');
    assert.equal(assigned.code, 0, assigned.stderr);
    assert.equal(assigned.stdout.trim(), 'assigned oppositeAction to evening for the week of 2030-01-07; 1 participant(s) rescheduled');
    const listed = JSON.parse((await admin('list', '--json')).stdout) as Array<Record<string, string>>;
    assert.deepEqual(listed.map(({ assignedAt: _a, ...rest }) => rest), [{ track: 'evening', weekStart: '2030-01-07', lessonId: 'oppositeAction', assignedBy: 'cli' }]);

    for (const [args, message] of [
      [['assign', '--track', 'evening', '--week', '2030-01-08', '--lesson', 'halt'], /^refused: weekStart: must be the Monday/],
      [['assign', '--track', 'evening', '--week', '2030-01-07', '--lesson', 'nope'], /^refused: lessonId: the library has no lesson "nope"/],
      [['assign', '--track', 'late', '--week', '2030-01-07', '--lesson', 'halt'], /^refused: track:/],
      [['assign', '--track', 'evening'], /^usage:/],
      [['unassign', '--track', 'evening', '--week', '2030-01-14'], /^refused: evening has no lesson in the week of 2030-01-14/],
      [['assign', '--weird'], /^refused: Unknown option '--weird'/],
    ] as const) {
      const refused = await admin(...args);
      assert.equal(refused.code, 2, args.join(' '));
      assert.match(refused.stderr, message);
    }

    const store = new SqliteStore(env.SQLITE_PATH!, COLLECTIONS);
    await store.init();
    try {
      // The evening track's lesson day is Wednesday here: 2030-01-09 at 19:00 New York.
      assert.equal((await store.get<DueEntry>('outreachDue', id, 'lesson'))?.dueAt, '2030-01-10T00:00:00.000Z');
      assert.equal((await admin('unassign', '--track', 'evening', '--week', '2030-01-07')).code, 0);
      assert.equal(await store.get<DueEntry>('outreachDue', id, 'lesson'), undefined);
      const events = (await store.query<AuditEvent>('audit', {})).items.filter((e) => e.action.startsWith('lessons.'));
      assert.deepEqual(events.map((e) => [e.action, e.channel, e.recordId]).sort(), [
        ['lessons.assign', 'cli', 'evening:2030-01-07'],
        ['lessons.unassign', 'cli', 'evening:2030-01-07'],
      ]);
    } finally {
      await store.close();
    }
  });
});
