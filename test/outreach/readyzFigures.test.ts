import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../bot/app';
import { fixedClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { PuenteApp } from '../../bot/puenteApp';
import { CaptureConnector } from '../helpers/captureConnector';
import { DATABASES } from './outreachHarness';

interface Figures {
  totals: Record<string, number>;
  lastTick: { at: string; instance: string; sent: number } | null;
  lastActiveTick: { at: string; instance: string; sent: number } | null;
}

/** Two app instances on one store: either one's /readyz shows what both did, the last busy tick apart from the last tick. */
for (const db of DATABASES) {
  describe(`/readyz outreach figures on ${db.name}`, () => {
    test('come from the store (all instances); the last tick that did something is kept apart from the last tick', async (t) => {
      const connector = new CaptureConnector();
      await connector.start();
      t.after(() => connector.stop());
      const shared = await db.make();
      t.after(() => shared.cleanup());
      const config = loadConfig({ ...shared.env, LOG_LEVEL: 'silent', OUTREACH_SMS_PER_SECOND: '0' });
      const clock = fixedClock('2026-12-01T12:00:00Z');
      const apps: PuenteApp[] = [];
      const urls: string[] = [];
      for (let i = 0; i < 2; i++) {
        const app = await createApp({ config, store: shared.open(), clock, logger: silentLogger() });
        apps.push(app);
        t.after(() => app.close());
        urls.push(await app.listen(0));
      }
      const [a, b] = apps;
      const figures = async (url: string) => ((await (await fetch(`${url}/readyz`)).json()) as { outreach: Figures }).outreach;
      assert.deepEqual((await figures(urls[0])).lastTick, null, 'nothing ticked yet');

      const { participants } = a.services;
      for (const [i, checkinTime] of ['09:00', '10:00'].entries()) {
        const p = await participants.add({ displayName: `P ${i}`, language: 'en', timeZone: 'America/New_York', track: 'morning', checkinTime, screenWeekday: 1, reminders: { enabled: false, leadMinutes: 60 } });
        await participants.link(p.id, { channelId: 'sms', serviceUrl: connector.url, conversationId: `conv-${i}`, userId: `u-${i}`, botId: 'bot' });
        await participants.update(p.id, (doc) => (doc.consent = { given: true, at: '2026-11-30T12:00:00Z', channel: 'sms' }));
        await a.services.outreach.reschedule(p.id);
      }

      assert.equal((await a.outreach.tick(new Date('2026-12-01T14:00:00Z'))).sent, 1);
      assert.equal((await b.outreach.tick(new Date('2026-12-01T15:00:00Z'))).sent, 1);
      await b.outreach.tick(new Date('2026-12-01T15:01:00Z')); // nothing due

      for (const url of urls) {
        const f = await figures(url);
        assert.deepEqual(f.totals, { ticks: 3, sent: 2, failed: 0, skipped: 0, errors: 0 }, 'both instances counted, by either');
        assert.deepEqual([f.lastTick?.at, f.lastTick?.instance === f.lastActiveTick?.instance], ['2026-12-01T15:01:00.000Z', true]);
        assert.deepEqual([f.lastActiveTick?.at, f.lastActiveTick?.sent], ['2026-12-01T15:00:00.000Z', 1], 'the idle tick does not hide the busy one');
      }
      // A dry run is not a tick.
      await a.outreach.tick(new Date('2026-12-01T17:00:00Z'), { dryRun: true });
      assert.equal((await figures(urls[0])).totals.ticks, 3);
    });
  });
}
