import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../bot/clock';
import { Flag, FLAGS, Severity } from '../../bot/flags/flag';
import { AuditLog, csvCell, csvRow } from '../../bot/staff/audit';
import { FlagQueue } from '../../bot/flags/queue';
import { FlagRepository } from '../../bot/flags/repository';
import { FlagActionError, FlagReview } from '../../bot/flags/review';
import { flagDoc } from '../helpers/flags';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

function flag(n: number, severity: Severity, overrides: Partial<Flag> = {}): Flag {
  const participantId = `p${n % 3}`;
  return flagDoc(participantId, `f${String(n).padStart(3, '0')}`, severity, new Date(Date.UTC(2025, 2, 1, 0, n)).toISOString(), {
    track: n % 2 ? 'evening' : 'morning',
    ...overrides,
  });
}

for (const factory of STORE_FACTORIES) {
  describe(`flag queue and audit log on ${factory.name}`, () => {
    let h: StoreHandle;
    beforeEach(async () => {
      h = await factory.make();
    });
    afterEach(() => h.cleanup());

    it('lists one row per participant, ordered by their top flag (highest severity, oldest), their other flags grouped', async () => {
      const severities: Severity[] = ['low', 'urgent', 'moderate', 'high', 'urgent', 'low', 'high', 'moderate', 'urgent', 'high', 'low'];
      // Created in shuffled order so insertion order cannot pass for sorting. Participants are p(n % 3).
      for (const n of [7, 2, 9, 0, 4, 10, 1, 5, 3, 8, 6]) await h.store.create(FLAGS, flag(n, severities[n]));
      await h.store.create(FLAGS, flag(11, 'urgent', { status: 'resolved' }));
      const queue = new FlagQueue(new FlagRepository(h.store));
      const whole = await queue.page({ status: 'open' }, 10);
      assert.deepEqual(whole.counts, { urgent: 3, high: 3, moderate: 2, low: 3 });
      assert.deepEqual(
        whole.rows.map((r) => [r.participantId, r.flags.map((f) => f.id)]),
        [
          ['p1', ['f001', 'f004', 'f007', 'f010']],
          ['p2', ['f008', 'f002', 'f005']],
          ['p0', ['f003', 'f006', 'f009', 'f000']],
        ],
      );
      assert.equal(whole.continuation, undefined);
      // A row at a time: each page goes on from the keyset of the last; no row twice, none lost.
      const seen: string[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const page = await queue.page({ status: 'open' }, 1, continuation);
        seen.push(...page.rows.map((r) => r.participantId));
        continuation = page.continuation;
        assert.ok(++pages <= 5, 'paging terminates');
      } while (continuation);
      assert.deepEqual(seen, ['p1', 'p2', 'p0']);
      // A new flag older than the cursor's does not shift what the next page shows.
      const first = await queue.page({ status: 'open' }, 1);
      await h.store.create(FLAGS, flag(12, 'urgent', { participantId: 'p9', pk: 'p9', createdAt: '2025-02-01T00:00:00.000Z' }));
      const next = await queue.page({ status: 'open' }, 1, first.continuation);
      assert.deepEqual(next.rows.map((r) => r.participantId), ['p2']);
    });

    it('filters by severity, status, track, assignee and caseload; counts follow the filters', async () => {
      await h.store.create(FLAGS, flag(1, 'urgent', { status: 'acknowledged', assignee: 'a@clinic.org' }));
      await h.store.create(FLAGS, flag(2, 'urgent', { status: 'acknowledged', assignee: 'b@clinic.org' }));
      await h.store.create(FLAGS, flag(3, 'high', { status: 'acknowledged', assignee: 'a@clinic.org' }));
      await h.store.create(FLAGS, flag(4, 'high', { assignedStaffId: 'staff-a' }));
      await h.store.create(FLAGS, flag(5, 'low'));
      const queue = new FlagQueue(new FlagRepository(h.store));
      const ids = (page: { rows: Array<{ flags: Flag[] }> }) => page.rows.map((r) => r.flags.map((f) => f.id));
      const mine = await queue.page({ status: 'acknowledged', assignee: 'a@clinic.org' }, 10);
      assert.deepEqual(ids(mine), [['f001'], ['f003']]);
      assert.deepEqual(mine.counts, { urgent: 1, high: 1, moderate: 0, low: 0 });
      const urgentAck = await queue.page({ status: 'acknowledged', severity: 'urgent' }, 10);
      assert.deepEqual(ids(urgentAck), [['f001'], ['f002']]);
      const unassigned = await queue.page({ status: 'open', assignee: null }, 10);
      assert.deepEqual(ids(unassigned), [['f004'], ['f005']]);
      const evening = await queue.page({ status: 'open', track: 'evening' }, 10);
      assert.deepEqual(ids(evening), [['f005']]);
      const caseload = await queue.page({ status: 'open', caseload: 'staff-a' }, 10);
      assert.deepEqual(ids(caseload), [['f004']]);
      assert.deepEqual(caseload.counts, { urgent: 0, high: 1, moderate: 0, low: 0 });
      assert.deepEqual(ids(await queue.page({ status: 'open', caseload: null }, 10)), [['f005']], 'nobody\'s caseload: the field missing counts as null');
      await assert.rejects(queue.page({ status: 'open' }, 10, 'not-a-token'), /invalid continuation/);
    });

    it('acknowledge, note, resolve: who and when on each change; a stale write is re-applied, never lost', async () => {
      const clock = fixedClock('2025-03-04T15:00:00Z');
      await h.store.create(FLAGS, flag(1, 'high'));
      const review = new FlagReview(new FlagRepository(h.store), clock);
      const ack = await review.acknowledge('p1', 'f001', 'a@clinic.org');
      assert.equal(ack.changed, true);
      assert.equal(ack.flag.acknowledgedAt, '2025-03-04T15:00:00.000Z');
      assert.equal((await review.acknowledge('p1', 'f001', 'b@clinic.org')).changed, false, 'stays with the first');
      clock.advance(60_000);
      // Two notes at once: both kept (eTag conflict, re-read, re-applied).
      await Promise.all([review.addNote('p1', 'f001', 'a@clinic.org', 'one'), review.addNote('p1', 'f001', 'b@clinic.org', 'two')]);
      const resolved = await review.resolve('p1', 'f001', 'b@clinic.org', 'referred', 'sent to IOP lead');
      assert.deepEqual(resolved.flag.notes.map((n) => n.text).sort(), ['one', 'sent to IOP lead', 'two']);
      assert.equal(resolved.flag.resolvedBy, 'b@clinic.org');
      assert.equal(resolved.flag.outcome, 'referred');
      assert.equal(resolved.flag.assignee, 'a@clinic.org');
      await assert.rejects(review.resolve('p1', 'f001', 'a@clinic.org', 'other'), (e: unknown) => e instanceof FlagActionError && e.reason === 'resolved');
      await assert.rejects(review.acknowledge('p1', 'nope', 'a@clinic.org'), (e: unknown) => e instanceof FlagActionError && e.reason === 'not_found');
    });

    it('audit: pages newest first across months inside the range, and exports oldest first', async () => {
      const clock = fixedClock('2025-01-31T23:59:00Z');
      const audit = new AuditLog(h.store, clock);
      const at: string[] = [];
      for (let i = 0; i < 5; i++) {
        await audit.record({ actor: 'a@clinic.org', actorRole: 'admin', action: i % 2 ? 'flag.view' : 'flags.list', recordType: 'flag', recordId: `f${i}`, ip: '127.0.0.1' });
        at.push(clock().toISOString());
        clock.advance(30 * 24 * 3600_000); // about a month apart
      }
      const range = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-15T00:00:00Z') };
      const seen: string[] = [];
      let continuation: string | undefined;
      do {
        const page = await audit.page(range, 1, continuation);
        seen.push(...page.items.map((e) => e.recordId!));
        continuation = page.continuation;
      } while (continuation);
      // Jan 31, Mar 2, Apr 1 are in range (February has none); May 1 and May 31 are not.
      assert.deepEqual(seen, ['f2', 'f1', 'f0']);
      const exported: string[] = [];
      for await (const e of audit.all(range)) exported.push(e.recordId!);
      assert.deepEqual(exported, ['f0', 'f1', 'f2']);
      const views: string[] = [];
      for await (const e of audit.all({ ...range, action: 'flag.view' })) views.push(e.recordId!);
      assert.deepEqual(views, ['f1']);
    });
  });
}

describe('audit CSV', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell(null), '');
    const row = csvRow({
      id: 'x',
      pk: '2025-03',
      at: '2025-03-04T15:00:00.000Z',
      actor: 'a@clinic.org',
      actorRole: 'admin',
      action: 'flag.resolve',
      recordType: 'flag',
      recordId: 'checkin:p1:2025-03-04',
      participantId: 'p1',
      ip: '10.0.0.1',
      channel: 'dashboard',
      detail: { outcome: 'referred' },
    });
    assert.equal(row, '2025-03-04T15:00:00.000Z,a@clinic.org,admin,flag.resolve,flag,checkin:p1:2025-03-04,p1,10.0.0.1,dashboard,"{""outcome"":""referred""}"\r\n');
  });
});
