import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../bot/app';
import { fixedClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { PuenteApp } from '../../bot/puenteApp';
import { CaptureConnector } from '../helpers/captureConnector';
import { DATABASES } from './outreachHarness';

const PROMPT_AT = new Date('2026-12-01T14:00:00Z'); // 09:00 in New York
const DUE = 10;
const INTERVAL_MS = 2000;

/**
 * Two app instances on one shared store send through one SMS number limited
 * to 1 message per 2 s: ten check-in prompts come due at once, both instances
 * tick, and a stranger's message to one of them is answered meanwhile. The
 * connector (the carrier's side) must never see two messages closer than the
 * limit, by its own arrival times. Real time: a little over (DUE) × 2 s per store.
 */
for (const db of DATABASES) {
  describe(`SMS pacing across instances on ${db.name}`, () => {
    test(`two instances, ${DUE} due and a reply, 1 message per 2 s: no two messages closer than that`, { timeout: 90_000 }, async (t) => {
      const connector = new CaptureConnector();
      await connector.start();
      t.after(() => connector.stop());
      const shared = await db.make();
      t.after(() => shared.cleanup());
      // Two messages in hand per instance: with the default 16, whichever ticks first would claim all ten.
      const config = loadConfig({ ...shared.env, LOG_LEVEL: 'silent', OUTREACH_SMS_PER_SECOND: String(1000 / INTERVAL_MS), OUTREACH_CONCURRENCY: '2' });
      const clock = fixedClock(PROMPT_AT);
      const apps: PuenteApp[] = [];
      for (let i = 0; i < 2; i++) {
        const store = shared.open();
        const app = await createApp({ config, store, clock, logger: silentLogger() });
        apps.push(app);
        t.after(() => app.close());
      }
      const [a, b] = apps;
      const baseUrl = await b.listen(0);

      const { participants } = a.services;
      for (let i = 0; i < DUE; i++) {
        const p = await participants.add({
          displayName: `P ${i}`,
          language: i % 2 ? 'es' : 'en',
          timeZone: 'America/New_York',
          track: 'morning',
          checkinTime: '09:00',
          screenWeekday: 1,
          reminders: { enabled: false, leadMinutes: 60 },
        });
        await participants.link(p.id, { channelId: 'sms', serviceUrl: connector.url, conversationId: `conv-${i}`, userId: `+1555010${String(i).padStart(4, '0')}`, botId: 'bot' });
        await participants.update(p.id, (doc) => (doc.consent = { given: true, at: '2026-11-30T12:00:00Z', channel: 'sms' }));
        await a.services.outreach.reschedule(p.id);
      }

      const arrivals: number[] = [];
      connector.respond = () => {
        arrivals.push(performance.now());
        return { status: 200 };
      };
      const ticks = [a.outreach.tick(PROMPT_AT), b.outreach.tick(PROMPT_AT)];
      // A reply to an incoming message takes its slot like any other send.
      await connector.waitForArrivals(3, 60_000);
      const incoming = fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'in-1',
          channelId: 'sms',
          serviceUrl: connector.url,
          from: { id: '+15550109999' },
          recipient: { id: 'bot' },
          conversation: { id: 'conv-stranger' },
          text: 'hello',
        }),
      });
      const reports = await Promise.all(ticks);
      assert.equal((await incoming).status, 200);
      await connector.waitForArrivals(DUE + 1, 60_000);

      assert.equal(reports[0].sent + reports[1].sent, DUE, 'each prompt sent once, by one of the two');
      assert.ok(reports[0].sent > 0 && reports[1].sent > 0, `both instances sent: ${reports[0].sent} + ${reports[1].sent}`);
      assert.equal(connector.forConversation('conv-stranger').length, 1, 'the reply went out');
      assert.equal(arrivals.length, DUE + 1);
      const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]);
      const closest = Math.min(...gaps);
      // Measured where the carrier sees them: each send holds the number until its answer is back and the next may
      // start only an interval after that, so no latency, however stretched, brings two arrivals closer.
      assert.ok(closest >= INTERVAL_MS, `closest two messages ${closest.toFixed(0)} ms apart (gaps ${gaps.map((g) => g.toFixed(0)).join(', ')})`);
    });
  });
}
