import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../bot/clock';
import { ProgramSession, ProgramSessions, NewSession, occurrenceOn, upcomingOccurrences, attends } from '../../bot/domain/sessions';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

function session(overrides: Partial<ProgramSession> = {}): ProgramSession {
  return {
    id: 's1',
    pk: 'program',
    title: { key: null, text: 'Morning group' },
    kind: 'group',
    startLocal: '2026-11-30T10:00',
    endLocal: '11:30',
    timeZone: 'America/New_York',
    location: null,
    link: null,
    track: 'morning',
    participantIds: [],
    recurrence: 'weekly',
    until: null,
    cancelledDates: [],
    createdAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

const morning = { id: 'p-morning', track: 'morning' as const };
const evening = { id: 'p-evening', track: 'evening' as const };

describe('upcomingOccurrences', () => {
  test('a weekly session repeats on its weekday at its local time, from the instant asked', () => {
    const occ = upcomingOccurrences([session()], morning, new Date('2026-12-01T00:00:00Z'), 3);
    assert.deepEqual(
      occ.map((o) => [o.occurrenceId, o.start.toISOString(), o.end.toISOString()]),
      [
        ['s1@2026-12-07', '2026-12-07T15:00:00.000Z', '2026-12-07T16:30:00.000Z'],
        ['s1@2026-12-14', '2026-12-14T15:00:00.000Z', '2026-12-14T16:30:00.000Z'],
        ['s1@2026-12-21', '2026-12-21T15:00:00.000Z', '2026-12-21T16:30:00.000Z'],
      ],
    );
  });

  test('cancelled dates are left out and `until` ends the series', () => {
    const s = session({ cancelledDates: ['2026-12-14'], until: '2026-12-28' });
    const occ = upcomingOccurrences([s], morning, new Date('2026-12-01T00:00:00Z'), 10);
    assert.deepEqual(occ.map((o) => o.localDate), ['2026-12-07', '2026-12-21', '2026-12-28']);
  });

  test('a one-off session occurs once; an occurrence that already started is not upcoming', () => {
    const once = session({ id: 'once', recurrence: 'none', startLocal: '2026-12-03T18:00' });
    assert.equal(upcomingOccurrences([once], morning, new Date('2026-12-01T00:00:00Z'), 5).length, 1);
    assert.equal(upcomingOccurrences([once], morning, new Date('2026-12-03T23:00:01Z'), 5).length, 0);
  });

  test('attendance: the track attends, or participants named on the session', () => {
    const named = session({ id: 'family', kind: 'family', track: null, participantIds: ['p-evening'] });
    assert.equal(attends(session(), morning), true);
    assert.equal(attends(session(), evening), false);
    assert.equal(attends(named, evening), true);
    assert.equal(attends(named, morning), false);
    const occ = upcomingOccurrences([session(), named], evening, new Date('2026-12-01T00:00:00Z'), 2);
    assert.deepEqual([...new Set(occ.map((o) => o.sessionId))], ['family']);
  });

  test('several sessions merge in start order, across time zones', () => {
    const chicago = session({ id: 'chi', timeZone: 'America/Chicago', startLocal: '2026-11-30T09:30', endLocal: '10:00' });
    const ny = session({ id: 'ny', startLocal: '2026-12-01T10:00' });
    const occ = upcomingOccurrences([ny, chicago], morning, new Date('2026-12-01T00:00:00Z'), 3);
    assert.deepEqual(
      occ.map((o) => [o.sessionId, o.start.toISOString()]),
      [
        ['ny', '2026-12-01T15:00:00.000Z'],
        ['chi', '2026-12-07T15:30:00.000Z'],
        ['ny', '2026-12-08T15:00:00.000Z'],
      ],
    );
  });

  test('DST: a 02:30 start on the spring-forward day moves past the gap; the weeks around keep their wall time', () => {
    const s = session({ startLocal: '2026-03-01T02:30', endLocal: '04:00' });
    const occ = upcomingOccurrences([s], morning, new Date('2026-03-02T00:00:00Z'), 3);
    assert.deepEqual(
      occ.map((o) => [o.localDate, o.start.toISOString()]),
      [
        ['2026-03-08', '2026-03-08T07:30:00.000Z'], // 03:30 EDT: 02:30 does not exist that night
        ['2026-03-15', '2026-03-15T06:30:00.000Z'], // 02:30 EDT
        ['2026-03-22', '2026-03-22T06:30:00.000Z'],
      ],
    );
    assert.equal(occurrenceOn(s, '2026-03-01')!.start.toISOString(), '2026-03-01T07:30:00.000Z'); // 02:30 EST
  });

  test('DST: a start in the repeated fall hour takes its first reading', () => {
    const s = session({ startLocal: '2026-10-25T01:30', endLocal: '02:30' });
    const fallBack = occurrenceOn(s, '2026-11-01')!;
    assert.equal(fallBack.start.toISOString(), '2026-11-01T05:30:00.000Z'); // 01:30 EDT, not 01:30 EST (06:30Z)
    assert.equal(fallBack.end.toISOString(), '2026-11-01T07:30:00.000Z'); // 02:30 EST
  });

  test('a session ending after midnight ends the next day', () => {
    const late = session({ startLocal: '2026-12-01T23:00', endLocal: '00:30', recurrence: 'none' });
    const occ = occurrenceOn(late, '2026-12-01')!;
    assert.equal(occ.end.getTime() - occ.start.getTime(), 90 * 60_000);
  });
});

const valid: NewSession = {
  id: 'grp-am',
  title: { key: null, text: 'Skills group' },
  kind: 'group',
  startLocal: '2026-12-01T10:00',
  endLocal: '11:00',
  timeZone: 'America/New_York',
  location: null,
  link: null,
  track: 'morning',
  participantIds: [],
  recurrence: 'weekly',
  until: null,
  cancelledDates: [],
};

for (const factory of STORE_FACTORIES) {
  describe(`ProgramSessions on ${factory.name}`, () => {
    let h: StoreHandle;
    let repo: ProgramSessions;
    beforeEach(async () => {
      h = await factory.make();
      repo = new ProgramSessions(h.store, fixedClock('2026-11-20T12:00:00Z'));
    });
    afterEach(() => h.cleanup());

    test('add, get and list (ordered by start)', async () => {
      await repo.add({ ...valid, id: 'late', startLocal: '2026-12-02T18:00' });
      const added = await repo.add(valid);
      assert.equal(added.pk, 'program');
      assert.equal(added.createdAt, '2026-11-20T12:00:00.000Z');
      assert.deepEqual((await repo.get('grp-am'))?.title, { key: null, text: 'Skills group' });
      assert.deepEqual((await repo.list()).map((s) => s.id), ['grp-am', 'late']);
      await assert.rejects(repo.add(valid), { code: 'Conflict' });
    });

    test('add refuses what cannot be scheduled', async () => {
      await assert.rejects(repo.add({ ...valid, title: { key: null, text: null } }), /title/);
      await assert.rejects(repo.add({ ...valid, track: null, participantIds: [] }), /track/);
      await assert.rejects(repo.add({ ...valid, timeZone: 'Mars/Olympus' }), /timeZone/);
      await assert.rejects(repo.add({ ...valid, startLocal: '2026-02-30T10:00' }), /startLocal/);
      await assert.rejects(repo.add({ ...valid, until: '2026-11-01' }), /until/);
      assert.equal((await repo.list()).length, 0);
    });

    test('cancel a date: idempotent, and only a date the session meets', async () => {
      await repo.add(valid);
      const cancelled = await repo.cancel('grp-am', '2026-12-08');
      assert.deepEqual(cancelled.cancelledDates, ['2026-12-08']);
      await repo.cancel('grp-am', '2026-12-08');
      assert.deepEqual((await repo.get('grp-am'))!.cancelledDates, ['2026-12-08']);
      await assert.rejects(repo.cancel('grp-am', '2026-12-09'), /does not meet/);
      await assert.rejects(repo.cancel('nope', '2026-12-08'), /not found/);
      const occ = upcomingOccurrences(await repo.list(), morning, new Date('2026-12-02T00:00:00Z'), 1);
      assert.equal(occ[0].localDate, '2026-12-15');
    });
  });
}
