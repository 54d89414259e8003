import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { FlagRepository } from '../../bot/flags/repository';
import { FlagReview } from '../../bot/flags/review';
import { LedgerEntry } from '../../bot/outreach/ledger';
import { RateLimiter } from '../../bot/outreach/rateLimiter';
import { DATABASES, enroll, Instance, OutreachWorld } from './outreachHarness';
import { SentActivity } from '../helpers/captureConnector';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

const PROMPT_AT = new Date('2026-12-01T14:00:00Z');

describe('delivery', () => {
  let w: OutreachWorld;
  let a: Instance;
  /** Every request the channel saw, accepted or not. */
  let requests: SentActivity[];
  let answers: Array<{ status: number; headers?: Record<string, string> }>;
  beforeEach(async () => {
    w = await OutreachWorld.create(DATABASES[0]);
    a = await w.instance();
    requests = [];
    answers = [];
    // Answers in order, then 200.
    w.connector.respond = (activity) => {
      requests.push(activity);
      return answers.shift() ?? { status: 200 };
    };
  });
  afterEach(() => w.close());

  /** An instance whose clock moves only by the waits it asks for (each recorded): waits come out exact. */
  const timedByWaits = async (id: string) => {
    let elapsed = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      elapsed += ms;
    };
    return { instance: await w.instance(id, w.config, { monotonic: () => elapsed, sleep }), waits };
  };
  const flagsOf = (id: string) => a.services.flags.listForParticipant(id);
  const ledgerOf = async (id: string) => (await a.services.store.query<LedgerEntry>('outreachLedger', { pk: id })).items;

  test('429 with Retry-After: the destination waits that long, then the message goes once', async () => {
    const { instance: b, waits } = await timedByWaits('b');
    const p = await enroll(b, w.connector.url, { channels: ['msteams'] });
    answers.push({ status: 429, headers: { 'retry-after': '7' } });
    const report = await b.outreach.tick(PROMPT_AT);
    assert.equal(report.sent, 1);
    assert.equal(requests.length, 2, 'one refused, one accepted: the SDK did not retry on its own');
    assert.equal(w.received(p.id, 'msteams').length, 1);
    assert.deepEqual(waits, [7000], 'waited for Retry-After, through the pacing record');
  });

  test('403 marks the SMS address unreachable, records the failure, raises a low flag, and stops outreach on it', async () => {
    const p = await enroll(a, w.connector.url);
    answers.push({ status: 403 });
    const report = await a.outreach.tick(PROMPT_AT);
    assert.equal(report.failed, 1);
    assert.equal(requests.length, 1, 'not retried');
    const stored = await a.services.participants.get(p.id);
    assert.equal(stored!.addresses.sms.reachable, false);
    const [entry] = await ledgerOf(p.id);
    assert.equal(entry.state, 'failed');
    assert.equal(entry.failure, 'unreachable');
    const [flag] = await flagsOf(p.id);
    assert.equal(flag.severity, 'low');
    assert.equal(flag.source, 'outreach');
    assert.equal(flag.reasons[0].code, 'outreach_undeliverable');

    const next = await a.outreach.tick(new Date('2026-12-02T14:00:00Z'));
    assert.deepEqual(next.skipped, { unreachable: 1 });
    assert.equal(requests.length, 1, 'nothing more sent to a blocked address');
  });

  test('404 on Teams falls back to the participant’s other reachable address', async () => {
    const p = await enroll(a, w.connector.url, { channels: ['msteams', 'sms'], language: 'es' });
    answers.push({ status: 404 });
    const report = await a.outreach.tick(PROMPT_AT);
    assert.equal(report.sent, 1);
    const stored = await a.services.participants.get(p.id);
    assert.equal(stored!.addresses.msteams.reachable, false);
    assert.equal(stored!.addresses.sms.reachable, true);
    assert.match(String(w.received(p.id, 'sms')[0].text), /^Hola/);
    assert.equal((await ledgerOf(p.id))[0].channelId, 'sms');
    assert.equal((await flagsOf(p.id)).length, 0, 'delivered: nothing for staff to do');
  });

  test('transient failures are retried with backoff up to the limit, then recorded failed with a low flag; the chain goes on', async () => {
    // Time moves only by the waits, so the SMS pacing (1/s) has nothing left to wait after each backoff.
    const { instance: b, waits } = await timedByWaits('b');
    const p = await enroll(b, w.connector.url);
    answers.push({ status: 503 }, { status: 500 }, { status: 502 }, { status: 503 });
    const report = await b.outreach.tick(PROMPT_AT);
    assert.equal(report.failed, 1);
    assert.equal(requests.length, 4, 'OUTREACH_MAX_ATTEMPTS tries, no more');
    assert.deepEqual(waits, [1000, 2000, 4000], 'exponential backoff, and no pacing wait on top');
    const [entry] = await ledgerOf(p.id);
    assert.equal(entry.state, 'failed');
    assert.equal(entry.failure, 'transient');
    const [flag] = await flagsOf(p.id);
    assert.equal(flag.severity, 'low');
    assert.equal(flag.reasons[0].detail?.outcome, 'failed');
    assert.equal((await a.services.participants.get(p.id))!.addresses.sms.reachable, true, 'a server error says nothing about the address');

    const tomorrow = await a.outreach.tick(new Date('2026-12-02T14:00:00Z'));
    assert.equal(tomorrow.sent, 1);
  });

  test('a channel that keeps failing raises one undeliverable flag per participant until it is resolved, then a new one', async () => {
    const p = await enroll(a, w.connector.url, { language: 'es' });
    const b = await w.instance('B');
    const failDay = () => answers.push({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const days = ['2026-12-01', '2026-12-02', '2026-12-03'];
    for (const [n, day] of days.entries()) {
      failDay(); // the prompt
      assert.equal((await (n % 2 ? b : a).outreach.tick(new Date(`${day}T14:00:00Z`))).failed, 1);
    }
    const open = await flagsOf(p.id);
    assert.equal(open.length, 1, 'one flag for three days of failures, whichever instance ticked');
    assert.deepEqual([open[0].severity, open[0].status, open[0].reasons.length], ['low', 'open', 1]);

    await new FlagReview(new FlagRepository(a.services.store), a.services.clock).resolve(p.id, open[0].id, 'staff-1', 'contacted');
    failDay();
    await a.outreach.tick(new Date('2026-12-04T14:00:00Z'));
    const after = await flagsOf(p.id);
    assert.equal(after.length, 2, 'a failure after the resolution is news again');
    assert.deepEqual(after.map((f) => f.status).sort(), ['open', 'resolved']);
    failDay();
    await b.outreach.tick(new Date('2026-12-05T14:00:00Z'));
    assert.equal((await flagsOf(p.id)).length, 2);
  });

  test('a transient failure that clears within the limit is simply sent', async () => {
    const p = await enroll(a, w.connector.url);
    answers.push({ status: 500 });
    assert.equal((await a.outreach.tick(PROMPT_AT)).sent, 1);
    assert.equal(w.received(p.id).length, 1);
    assert.equal((await flagsOf(p.id)).length, 0);
  });

  test('SMS are paced one per second across the channel; Teams conversations are paced each on their own', async () => {
    // On a clock that moves only by the waits, a wait is exactly the interval from the end of the send before it:
    // on the wall clock it would be the interval less whatever the machine spent between that send and this one.
    const { instance: b, waits } = await timedByWaits('b');
    for (let i = 0; i < 3; i++) await enroll(b, w.connector.url);
    assert.equal((await b.outreach.tick(PROMPT_AT)).sent, 3);
    assert.deepEqual(waits, [1000, 1000], 'the first goes at once, the next two wait one interval each');

    waits.length = 0;
    for (let i = 0; i < 3; i++) await enroll(b, w.connector.url, { channels: ['msteams'], checkinTime: '10:00' });
    assert.equal((await b.outreach.tick(new Date('2026-12-01T15:00:00Z'))).sent, 3);
    assert.deepEqual(waits, [], 'three conversations, one message each: no waiting');
  });

  test('readiness reports the last tick and totals', async () => {
    await enroll(a, w.connector.url);
    await enroll(a, w.connector.url, { consent: false });
    await a.outreach.tick(PROMPT_AT);
    const facts = (await a.outreach.readiness!()) as { outreach: { lastTick: Record<string, unknown>; totals: Record<string, number> } };
    assert.equal(facts.outreach.lastTick.sent, 1);
    assert.deepEqual(facts.outreach.lastTick.skipped, { noConsent: 1 });
    assert.deepEqual(facts.outreach.totals, { ticks: 1, sent: 1, failed: 0, skipped: 1, errors: 0 });
  });

  test('sendCheckinPromptNow sends the prompt at once in the participant language, and refuses after opt-out', async () => {
    const p = await enroll(a, w.connector.url, { language: 'es', channels: ['msteams'] });
    assert.deepEqual(await a.outreach.sendCheckinPromptNow(p.id), { sent: true });
    assert.match(String(w.received(p.id, 'msteams')[0].text), /registro diario/);
    await a.services.participants.update(p.id, (doc) => (doc.optedOutAt = '2026-12-01T12:00:00Z'));
    assert.deepEqual(await a.outreach.sendCheckinPromptNow(p.id), { sent: false, reason: 'optedOut' });
    assert.deepEqual(await a.outreach.sendCheckinPromptNow('nobody'), { sent: false, reason: 'unknownParticipant' });
    assert.equal(w.received(p.id, 'msteams').length, 1);
  });

  test('sendCheckinPromptNow refuses once today\'s check-in is complete, and not while it is half done', async () => {
    const p = await enroll(a, w.connector.url, { language: 'en', channels: ['msteams'] });
    const draft = await a.services.checkins.save(a.services.checkins.start({ participantId: p.id, timeZone: p.timeZone, language: 'en', channel: 'msteams' }));
    assert.deepEqual(await a.outreach.sendCheckinPromptNow(p.id), { sent: true }, 'a half-done check-in is what the prompt is for');
    await a.services.checkins.save({ ...draft, status: 'complete', finishedAt: draft.startedAt });
    assert.deepEqual(await a.outreach.sendCheckinPromptNow(p.id), { sent: false, reason: 'answered' });
    assert.equal(w.received(p.id, 'msteams').length, 1);
  });
});

for (const factory of STORE_FACTORIES) {
  describe(`RateLimiter on ${factory.name}`, () => {
    let h: StoreHandle;
    beforeEach(async () => {
      h = await factory.make();
    });
    afterEach(() => h.cleanup());

    /** A limiter whose clock moves only by the waits it asks for (each recorded) and by `spend` inside a send. */
    const timed = (limits: { smsPerSecond: number; teamsPerSecondPerConversation: number }, holdMs?: number) => {
      const clock = { now: 0 };
      const waits: number[] = [];
      const sleep = async (ms: number) => {
        waits.push(ms);
        clock.now += ms;
      };
      const limiter = new RateLimiter(h.store, limits, { sleep, now: () => clock.now, holdMs });
      const spend = (ms: number) => async () => {
        clock.now += ms;
      };
      return { limiter, waits, clock, spend };
    };

    test('each send starts one interval after the previous one ended, and a back-off holds the key', async () => {
      const { limiter, waits, clock, spend } = timed({ smsPerSecond: 2, teamsPerSecondPerConversation: 0 });
      const starts: number[] = [];
      const send = (ms: number) => async () => {
        starts.push(clock.now);
        await spend(ms)();
      };
      // The first takes 300 ms: the second may start only at 300 + 500.
      await Promise.all([limiter.run('sms', 'a', send(300)), limiter.run('sms', 'b', send(0)), limiter.run('sms', 'c', send(0))]);
      assert.deepEqual(starts, [0, 800, 1300]);
      assert.deepEqual(waits, [500, 500]);
      waits.length = 0;
      await limiter.run('msteams', 'x', spend(0));
      await limiter.run('msteams', 'x', spend(0));
      assert.deepEqual(waits, [], 'Teams limit 0 = none');
      assert.equal(await limiter.backOff('msteams', 'x', 3000), false, 'an unpaced destination: the caller waits itself');
      assert.equal(await limiter.backOff('sms', 'x', 3000), true);
      await limiter.run('sms', 'd', spend(0));
      assert.deepEqual(waits, [3000]);
      clock.now += 10_000;
      waits.length = 0;
      await limiter.run('sms', 'e', spend(0));
      assert.deepEqual(waits, []);
    });

    test('a send that fails still lets go of the key, one interval after it ended', async () => {
      const { limiter, waits } = timed({ smsPerSecond: 1, teamsPerSecondPerConversation: 0 });
      await assert.rejects(
        limiter.run('sms', 'a', async () => {
          throw new Error('500');
        }),
        /500/,
      );
      await limiter.run('sms', 'b', async () => undefined);
      assert.deepEqual(waits, [1000]);
    });

    test('two limiters (instances) on one store: a send never starts while the other holds the key, nor within an interval of its end', async () => {
      const clock = { now: 0 };
      const events: string[] = [];
      const sleep = async (ms: number) => {
        clock.now += ms;
        await new Promise((resolve) => setImmediate(resolve));
      };
      const limits = { smsPerSecond: 0.5, teamsPerSecondPerConversation: 0 };
      const [one, two] = [0, 1].map(() => new RateLimiter(h.store, limits, { sleep, now: () => clock.now }));
      const windows: Array<[number, number]> = [];
      const send = (name: string) => async () => {
        const start = clock.now;
        events.push(`start ${name}`);
        await sleep(700);
        windows.push([start, clock.now]);
        events.push(`end ${name}`);
      };
      await Promise.all([one.run('sms', 'a', send('a')), two.run('sms', 'b', send('b')), one.run('sms', 'c', send('c')), two.run('sms', 'd', send('d'))]);
      assert.equal(windows.length, 4);
      windows.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < windows.length; i++) {
        assert.ok(windows[i][0] >= windows[i - 1][1] + 2000, `send ${i} started ${windows[i][0] - windows[i - 1][1]} ms after the previous ended: ${events.join(', ')}`);
      }
    });

    test('a holder that died lets go when its lease runs out; its late release does not free the new holder', async () => {
      const { limiter, clock } = timed({ smsPerSecond: 1, teamsPerSecondPerConversation: 0 }, 20_000);
      const dead = new RateLimiter(h.store, { smsPerSecond: 1, teamsPerSecondPerConversation: 0 }, { now: () => clock.now, holdMs: 20_000 });
      let lateRelease: (() => void) | undefined;
      // The dead instance takes the key and never ends its send (until the test lets it, late).
      const hung = dead.run('sms', 'a', () => new Promise<void>((resolve) => (lateRelease = resolve)));
      while (!lateRelease) await new Promise((resolve) => setImmediate(resolve));
      let during: Promise<void> | undefined;
      await limiter.run('sms', 'b', async () => {
        assert.ok(clock.now >= 20_000, `taken over at ${clock.now}, after the lease`);
        // The dead holder's release comes now: the key stays held by this send.
        lateRelease!();
        await hung;
        during = limiter.run('sms', 'c', async () => undefined);
      });
      const ended = clock.now;
      await during;
      assert.ok(clock.now >= ended + 1000, `c started ${clock.now - ended} ms after b ended: it waited for b, not for the dead holder`);
    });

    test('Teams is paced per conversation', async () => {
      const { limiter, waits, spend } = timed({ smsPerSecond: 1, teamsPerSecondPerConversation: 4 });
      await Promise.all([limiter.run('msteams', 'x', spend(0)), limiter.run('msteams', 'y', spend(0)), limiter.run('msteams', 'x', spend(0))]);
      assert.deepEqual(waits, [250]);
      await limiter.run('webchat', 'z', spend(0));
      assert.deepEqual(waits, [250], 'other channels are not limited');
    });
  });
}
