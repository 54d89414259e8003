import assert from 'node:assert/strict';
import { describe, test, TestContext } from 'node:test';
import { createApp } from '../../bot/app';
import { fixedClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { claimAlerts } from '../../bot/flags/alertOutbox';
import { Participants } from '../../bot/domain/participants';
import { FlagEvents } from '../../bot/flags/events';
import { FlagReason } from '../../bot/flags/flag';
import { FlagRepository } from '../../bot/flags/repository';
import { FlagService } from '../../bot/flags/service';
import { createLogger, silentLogger } from '../../bot/log';
import { PuenteApp } from '../../bot/puenteApp';
import { CaptureConnector, SentActivity } from '../helpers/captureConnector';
import { DATABASES, SharedDatabase } from '../outreach/outreachHarness';

const STAFF_CHANNEL = '19:staff-channel@thread.tacv2';
const START = '2026-12-01T15:00:00.000Z';
const URGENT: FlagReason[] = [{ code: 'safety_yes', severity: 'urgent' }];
const HIGH: FlagReason[] = [{ code: 'craving_high', severity: 'high', detail: { craving: 9, threshold: 8 } }];
const CRISIS_TEXT = 'I want to end it, call me at 555-0100';
const NAME = 'Ana María Ruiz';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function cardOf(activity: SentActivity): Record<string, unknown> | undefined {
  return activity.attachments?.find((a: { contentType: string }) => a.contentType === ADAPTIVE)?.content;
}

/** The cards the channel took for one flag (its id is in the card's Acknowledge data). */
function cardsFor(activities: SentActivity[], flagId: string): SentActivity[] {
  return activities.filter((a) => cardOf(a) && JSON.stringify(cardOf(a)).includes(JSON.stringify(flagId)));
}

interface World {
  db: SharedDatabase;
  connector: CaptureConnector;
  clock: ReturnType<typeof fixedClock>;
  /** Log lines of every app, as written. */
  logs: string[];
  app(language?: 'en' | 'es'): Promise<PuenteApp>;
  /**
   * A flag service on the shared store whose process "dies" right after the
   * write: nobody listens for its events, so nothing posts the alert at once.
   */
  deadWriter(): Promise<FlagService>;
}

async function world(t: TestContext, factory: (typeof DATABASES)[number]): Promise<World> {
  const connector = new CaptureConnector();
  await connector.start();
  t.after(() => connector.stop());
  const db = await factory.make();
  t.after(() => db.cleanup());
  const clock = fixedClock(START);
  const logs: string[] = [];
  const env = { ...db.env, LOG_LEVEL: 'info', STAFF_TEAMS_CONVERSATION_ID: STAFF_CHANNEL, STAFF_TEAMS_SERVICE_URL: connector.url, PUBLIC_BASE_URL: 'https://puente.example.org' };
  return {
    db,
    connector,
    clock,
    logs,
    async app(language = 'en') {
      const config = loadConfig({ ...env, STAFF_TEAMS_LANGUAGE: language });
      const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } });
      const app = await createApp({ config, store: db.open(), clock, logger });
      t.after(() => app.close());
      return app;
    },
    async deadWriter() {
      const store = db.open();
      await store.init();
      t.after(() => store.close());
      return new FlagService(new FlagRepository(store), clock, new FlagEvents(silentLogger()), new Participants(store, clock), true);
    },
  };
}

async function participant(app: PuenteApp): Promise<string> {
  const p = await app.services.participants.add({
    displayName: NAME,
    language: 'es',
    timeZone: 'America/Chicago',
    track: 'evening',
    checkinTime: '19:00',
    screenWeekday: 1,
    reminders: { enabled: true, leadMinutes: 60 },
  });
  return p.id;
}

/** No log line names the person or quotes what they wrote. */
function assertDiscreetLogs(logs: string[]): void {
  for (const line of logs) {
    assert.doesNotMatch(line, /Ana|Ruiz|555-0100|end it/, line);
  }
}

for (const factory of DATABASES) {
  describe(`staff alert outbox on ${factory.name}`, () => {
    test('a crash between raising the flag and posting loses nothing: a fresh instance’s tick posts it once', async (t) => {
      const w = await world(t, factory);
      const writer = await w.deadWriter();
      const fresh = await w.app();
      const pid = await participant(fresh);
      await writer.raise({ id: 'crisis:1', participantId: pid, source: 'crisis', reasons: URGENT, message: CRISIS_TEXT });
      const stored = await fresh.services.flags.get(pid, 'crisis:1');
      assert.deepEqual(stored!.alertOutbox!.pending.map((p) => p.kind), ['raised'], 'the alert was written with its flag');
      assert.equal(w.connector.arrivals, 0, 'nothing posted it');
      assert.deepEqual(((await fresh.staff.readiness!()) as { staff: { alerts: unknown } }).staff.alerts, { pending: 1, failing: 0 });

      const ticked = await fresh.staff.tick();
      assert.equal(ticked.alertsPosted, 1);
      assert.equal((await fresh.staff.tick()).alertsPosted, 0, 'once');
      assert.equal(cardsFor(w.connector.received, 'crisis:1').length, 1);
      const after = await fresh.services.flags.get(pid, 'crisis:1');
      assert.deepEqual(after!.alertOutbox!.pending, []);
      assert.equal(after!.alertDueAt, null);
      assert.deepEqual(((await fresh.staff.readiness!()) as { staff: { alerts: unknown } }).staff.alerts, { pending: 0, failing: 0 });
      assertDiscreetLogs(w.logs);
    });

    test('a holder that died mid-post keeps the alert until its lease runs out; then another instance posts it once', async (t) => {
      const w = await world(t, factory);
      const writer = await w.deadWriter();
      const b = await w.app();
      const pid = await participant(b);
      await writer.raise({ id: 'checkin:1', participantId: pid, source: 'checkin', reasons: HIGH });
      // The dead instance's claim, as its deliver() wrote it before the process was killed.
      const store = w.db.open();
      await store.init();
      t.after(() => store.close());
      const flags = new FlagRepository(store);
      await flags.update(pid, 'checkin:1', (flag) => claimAlerts(flag, 'dead', w.clock(), 60_000));
      assert.equal((await b.staff.tick()).alertsPosted, 0, 'the claim is live: left to its holder');
      assert.equal(w.connector.arrivals, 0);
      w.clock.advance(61_000);
      assert.equal((await b.staff.tick()).alertsPosted, 1);
      assert.equal((await b.staff.tick()).alertsPosted, 0);
      assert.equal(cardsFor(w.connector.received, 'checkin:1').length, 1);
      assert.equal((await b.services.flags.get(pid, 'checkin:1'))!.alertOutbox!.fence, 2, 'taken over with the next token');
    });

    test('two instances ticking on one store, one of them raising meanwhile: exactly one card per flag', async (t) => {
      const w = await world(t, factory);
      const writer = await w.deadWriter();
      const [a, b] = [await w.app(), await w.app()];
      const pid = await participant(a);
      const left = ['checkin:1', 'checkin:2', 'checkin:3', 'crisis:4'];
      for (const id of left) await writer.raise({ id, participantId: pid, source: 'checkin', reasons: id.startsWith('crisis') ? URGENT : HIGH });
      const raisedNow = ['checkin:5', 'checkin:6', 'crisis:7'];
      await Promise.all([
        a.staff.tick(),
        b.staff.tick(),
        ...raisedNow.map((id) => a.services.flags.raise({ id, participantId: pid, source: 'checkin', reasons: HIGH })),
        b.staff.tick(),
      ]);
      await Promise.all([a.staff.tick(), b.staff.tick()]);
      for (const id of [...left, ...raisedNow]) assert.equal(cardsFor(w.connector.received, id).length, 1, id);
      assert.equal(w.connector.arrivals, left.length + raisedNow.length, 'no other post reached the channel');
    });

    test('a channel failing (500) the first 3 times: retried with back-off, posted once, the failures counted and shown', async (t) => {
      const w = await world(t, factory);
      const a = await w.app();
      const pid = await participant(a);
      let failures = 3;
      w.connector.respond = () => (failures-- > 0 ? { status: 500 } : { status: 200 });
      const figures = async () => ((await a.staff.readiness!()) as { staff: { alerts: unknown } }).staff.alerts;

      await a.services.flags.raise({ id: 'crisis:1', participantId: pid, source: 'crisis', reasons: URGENT, message: CRISIS_TEXT });
      assert.equal(w.connector.arrivals, 1, 'posted at once, and refused');
      assert.equal(w.connector.received.length, 0);
      assert.deepEqual(await figures(), { pending: 1, failing: 1 });
      assert.equal((await a.staff.tick()).alertsFailed, 0, 'within its back-off: not tried again yet');
      assert.equal(w.connector.arrivals, 1);

      for (const [waitMs, arrivals] of [[15_000, 2], [30_000, 3]] as const) {
        w.clock.advance(waitMs);
        assert.equal((await a.staff.tick()).alertsFailed, 1);
        assert.equal(w.connector.arrivals, arrivals);
      }
      w.clock.advance(30_000);
      assert.equal((await a.staff.tick()).alertsPosted, 0, 'the third failure doubled the wait again');
      w.clock.advance(30_000);
      assert.equal((await a.staff.tick()).alertsPosted, 1);
      assert.equal((await a.staff.tick()).alertsPosted, 0);
      assert.equal(cardsFor(w.connector.received, 'crisis:1').length, 1);
      const flag = await a.services.flags.get(pid, 'crisis:1');
      assert.equal(flag!.alertOutbox!.failures, 3);
      assert.deepEqual(flag!.alertOutbox!.lastFailure, { at: new Date(Date.parse(START) + 45_000).toISOString(), status: 500 });
      assert.deepEqual(await figures(), { pending: 0, failing: 0 });
      const failed = w.logs.filter((l) => l.includes('staff alert post failed'));
      assert.equal(failed.length, 3);
      assert.ok(failed.every((l) => l.includes('"flagId":"crisis:1"') && l.includes('"status":500')));
      assertDiscreetLogs(w.logs);
    });

    for (const [language, escalated, acknowledged] of [
      ['en', /ESCALATED: Urgent flag not acknowledged/, /Acknowledged by ana@clinic\.org/],
      ['es', /ESCALADA: alerta/, /Confirmada por ana@clinic\.org/],
    ] as const) {
      test(`the escalation's second post, a card refresh and a new message line go through the outbox too (${language})`, async (t) => {
        const w = await world(t, factory);
        const a = await w.app(language);
        const b = await w.app(language);
        const pid = await participant(a);
        await a.services.flags.raise({ id: 'crisis:1', participantId: pid, source: 'crisis', reasons: URGENT, message: CRISIS_TEXT, messageId: 'm1' });
        assert.equal(w.connector.received.length, 1);

        // The escalation's post fails: the mark stands, the post stays queued on the flag.
        w.connector.respond = () => ({ status: 500 });
        w.clock.advance(15 * 60_000);
        assert.equal((await a.staff.tick()).escalated, 1);
        assert.deepEqual((await a.services.flags.get(pid, 'crisis:1'))!.alertOutbox!.pending.map((p) => p.kind), ['escalated']);
        w.connector.respond = () => ({ status: 200 });
        w.clock.advance(15_000);
        assert.equal((await b.staff.tick()).alertsPosted, 1, 'the other instance posts it');
        assert.equal(w.connector.received.length, 2);
        assert.match(JSON.stringify(cardOf(w.connector.received[1])), escalated);

        // An acknowledgement and a new message written by an instance that dies before posting.
        await b.staff.core.review.acknowledge(pid, 'crisis:1', 'ana@clinic.org');
        const writer = await w.deadWriter();
        await writer.addMessage(pid, 'crisis:1', { at: w.clock().toISOString(), text: 'still here', id: 'm2' });
        assert.deepEqual((await a.services.flags.get(pid, 'crisis:1'))!.alertOutbox!.pending.map((p) => p.kind), ['changed', 'message']);
        assert.equal(w.connector.updated.length, 0);
        assert.equal((await a.staff.tick()).alertsPosted, 1);
        const line = w.connector.received[2];
        assert.equal(line.conversation!.id, `${STAFF_CHANNEL};messageid=sent-1`, 'the line goes into the first card’s thread');
        assert.doesNotMatch(JSON.stringify(line), /still here/);
        assert.deepEqual([...new Set(w.connector.updated.map((u) => u.id))].sort(), ['sent-1', 'sent-2'], 'both cards updated');
        for (const update of w.connector.updated) assert.match(JSON.stringify(cardOf(update)), acknowledged);
        assert.equal((await b.staff.tick()).alertsPosted, 0);
        assert.deepEqual((await a.services.flags.get(pid, 'crisis:1'))!.alertOutbox!.pending, []);
      });
    }
  });
}
