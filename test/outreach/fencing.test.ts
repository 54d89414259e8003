import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DueEntry } from '../../bot/outreach/dueEntries';
import { Ledger, LedgerEntry } from '../../bot/outreach/ledger';
import { SentActivity } from '../helpers/captureConnector';
import { DATABASES, enroll, Instance, OutreachWorld } from './outreachHarness';

const T = Date.parse('2026-12-01T14:00:00Z');
const LEASE_MS = 30_000;
const fields = { participantId: 'p1', kind: 'checkin' as const, localDate: '2026-12-01', occurrenceId: null };

for (const db of DATABASES) {
  describe(`fencing on ${db.name}`, () => {
    let w: OutreachWorld;
    let requests: SentActivity[];
    let answers: Array<{ status: number; headers?: Record<string, string> }>;
    beforeEach(async () => {
      w = await OutreachWorld.create(db, { env: { OUTREACH_LEASE_SECONDS: '30' } });
      requests = [];
      answers = [];
      w.connector.respond = (activity) => {
        requests.push(activity);
        return answers.shift() ?? { status: 200 };
      };
    });
    afterEach(() => w.close());

    test('a sender told to wait 25 s twice keeps its 30 s claim while another instance ticks: one delivery', async () => {
      const b = await w.instance('B');
      // A's time moves only when it waits; while it waits, B ticks at that later instant.
      let elapsed = 0;
      const bTicks: Array<{ inFlight: number; sent: number }> = [];
      const a: Instance = await w.instance('A', w.config, {
        monotonic: () => elapsed,
        sleep: async (ms) => {
          elapsed += ms;
          bTicks.push(await b.outreach.tick(new Date(T + elapsed + 6_000)));
        },
      });
      const p = await enroll(a, w.connector.url, { language: 'es' });
      answers.push({ status: 429, headers: { 'retry-after': '25' } }, { status: 429, headers: { 'retry-after': '25' } });
      const report = await a.outreach.tick(new Date(T));
      assert.equal(report.sent, 1);
      assert.equal(bTicks.length, 2, 'B ticked during both waits, after the first lease would have run out');
      assert.deepEqual(bTicks.map((r) => [r.inFlight, r.sent]), [[1, 0], [1, 0]], 'B respected the renewed claim');
      assert.equal(w.received(p.id).length, 1, 'one delivery');
      assert.equal(requests.length, 3);
      const entry = await a.services.store.get<LedgerEntry>('outreachLedger', p.id, 'checkin:2026-12-01');
      assert.deepEqual([entry!.state, entry!.owner, entry!.fence, entry!.takeovers], ['sent', 'A', 1, 0]);
      assert.equal((await b.outreach.tick(new Date(T + 120_000))).sent, 0, 'and nothing later');
    });

    test('a Retry-After longer than the lease defers the message to a later tick instead of waiting on it', async () => {
      const a = await w.instance('A', w.config, { monotonic: () => 0 });
      const p = await enroll(a, w.connector.url, { channels: ['msteams'] });
      answers.push({ status: 429, headers: { 'retry-after': '120' } });
      const first = await a.outreach.tick(new Date(T));
      assert.deepEqual([first.sent, first.deferred, first.failed], [0, 1, 0]);
      assert.ok(a.sleeps.every((ms) => ms < LEASE_MS), `no long wait: ${a.sleeps.join(', ')}`);
      assert.equal(await a.services.store.get('outreachLedger', p.id, 'checkin:2026-12-01'), undefined, 'the claim is given up');
      const due = await a.services.store.get<DueEntry>('outreachDue', p.id, 'daily');
      assert.deepEqual([due!.kind, due!.dueAt], ['checkin', new Date(T + 120_000).toISOString()]);
      const b = await w.instance('B');
      assert.equal((await b.outreach.tick(new Date(T + 60_000))).sent, 0, 'not before the channel allows');
      assert.equal((await b.outreach.tick(new Date(T + 120_000))).sent, 1);
      assert.equal(w.received(p.id, 'msteams').length, 1);
    });

    test('a holder whose claim was taken over can neither renew nor finish it; the new holder can', async () => {
      const a = await w.instance('A');
      const ledger = new Ledger(a.services.store);
      const first = await ledger.claim('checkin:2026-12-01', fields, 'A', new Date(T), LEASE_MS);
      assert.equal(first.status, 'acquired');
      const taken = await ledger.claim('checkin:2026-12-01', fields, 'B', new Date(T + LEASE_MS + 1), LEASE_MS);
      assert.equal(taken.status, 'acquired');
      if (first.status !== 'acquired' || taken.status !== 'acquired') return;
      assert.deepEqual([first.entry.fence, taken.entry.fence], [1, 2]);
      assert.equal(await ledger.renew(first.entry, new Date(T + 90_000)), undefined);
      const sent = { state: 'sent' as const, channelId: 'sms', sentAt: new Date(T).toISOString(), failure: null };
      assert.equal(await ledger.finish(first.entry, sent), undefined);
      const renewed = await ledger.renew(taken.entry, new Date(T + 90_000));
      assert.ok(renewed);
      assert.equal((await ledger.finish(renewed!, sent))?.owner, 'B');
      assert.equal(await ledger.finish(taken.entry, sent), undefined, 'a stale copy of the current claim is refused too');
    });
  });
}

