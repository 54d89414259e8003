import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../bot/clock';
import { Flag, FLAGS, Severity, SEVERITY_RANK } from '../../bot/flags/flag';
import { AuditLog, csvCell, csvRow } from '../../bot/staff/audit';
import { FlagQueue } from '../../bot/flags/queue';
import { FlagRepository } from '../../bot/flags/repository';
import { FlagActionError, FlagReview } from '../../bot/flags/review';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

function flag(n: number, severity: Severity, overrides: Partial<Flag> = {}): Flag {
  const participantId = `p${n % 3}`;
  return {
    id: `f${String(n).padStart(3, '0')}`,
    pk: participantId,
    participantId,
    checkinId: null,
    source: 'checkin',
    severity,
    severityRank: SEVERITY_RANK[severity],
    reasons: [{ code: 'x', severity }],
    message: null,
    track: n % 2 ? 'evening' : 'morning',
    sender: null,
    status: 'open',
    createdAt: new Date(Date.UTC(2025, 2, 1, 0, n)).toISOString(),
    assignee: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    outcome: null,
    notes: [],
    escalatedAt: null,
    ...overrides,
  };
}

for (const factory of STORE_FACTORIES) {
  describe(`flag queue and audit log on ${factory.name}`, () => {
    let h: StoreHandle;
    beforeEach(async () => {
      h = await factory.make();
    });
    afterEach(() => h.cleanup());

    it('orders open flags highest severity first, then oldest first, and pages by continuation', async () => {
      const severities: Severity[] = ['low', 'urgent', 'moderate', 'high', 'urgent', 'low', 'high', 'moderate', 'urgent', 'high', 'low'];
      // Created in shuffled order so insertion order cannot pass for sorting.
      for (const n of [7, 2, 9, 0, 4, 10, 1, 5, 3, 8, 6]) await h.store.create(FLAGS, flag(n, severities[n]));
      await h.store.create(FLAGS, flag(11, 'urgent', { status: 'resolved' }));
      const queue = new FlagQueue(new FlagRepository(h.store));
      const seen: string[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const page = await queue.page({ status: 'open' }, 4, continuation);
        assert.deepEqual(page.counts, { urgent: 3, high: 3, moderate: 2, low: 3 });
        seen.push(...page.items.map((f) => f.id));
        continuation = page.continuation;
        pages++;
      } while (continuation);
      assert.equal(pages, 3);
      assert.deepEqual(seen, ['f001', 'f004', 'f008', 'f003', 'f006', 'f009', 'f002', 'f007', 'f000', 'f005', 'f010']);
    });

    it('filters by severity, status, track and assignee; counts follow the filters', async () => {
      await h.store.create(FLAGS, flag(1, 'urgent', { status: 'acknowledged', assignee: 'a@clinic.org' }));
      await h.store.create(FLAGS, flag(2, 'urgent', { status: 'acknowledged', assignee: 'b@clinic.org' }));
      await h.store.create(FLAGS, flag(3, 'high', { status: 'acknowledged', assignee: 'a@clinic.org' }));
      await h.store.create(FLAGS, flag(4, 'high'));
      await h.store.create(FLAGS, flag(5, 'low'));
      const queue = new FlagQueue(new FlagRepository(h.store));
      const mine = await queue.page({ status: 'acknowledged', assignee: 'a@clinic.org' }, 10);
      assert.deepEqual(mine.items.map((f) => f.id), ['f001', 'f003']);
      assert.deepEqual(mine.counts, { urgent: 1, high: 1, moderate: 0, low: 0 });
      const urgentAck = await queue.page({ status: 'acknowledged', severity: 'urgent' }, 10);
      assert.deepEqual(urgentAck.items.map((f) => f.id), ['f001', 'f002']);
      const unassigned = await queue.page({ status: 'open', assignee: null }, 10);
      assert.deepEqual(unassigned.items.map((f) => f.id), ['f004', 'f005']);
      const evening = await queue.page({ status: 'open', track: 'evening' }, 10);
      assert.deepEqual(evening.items.map((f) => f.id), ['f005']);
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
