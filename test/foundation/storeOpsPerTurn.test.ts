import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness } from '../helpers/botHarness';

for (const [paced, perTurn] of [['0', 1], ['1', 2]] as const) {
  test(`a check-in answer turn costs one store read and one store write${paced === '1' ? ', plus one of each for the SMS pacing record of its reply' : ' (SMS unpaced)'}`, async () => {
    const h = await BotHarness.start({ env: { OUTREACH_SMS_PER_SECOND: paced } });
    try {
      const { participants, clock } = h.app.services;
      const p = await participants.add({
        displayName: 'Sam', language: 'en', timeZone: 'America/Chicago', track: 'evening', checkinTime: '19:00',
        screenWeekday: ((clock().getUTCDay() + 3) % 7) + 1, reminders: { enabled: true, leadMinutes: 60 },
      });
      const user = { id: '+15550001111', channelId: 'sms' };
      await participants.link(p.id, { channelId: 'sms', serviceUrl: h.connector.url, conversationId: 'conv-+15550001111', userId: user.id, botId: 'puente' });
      await participants.update(p.id, (x) => { x.consent = { given: true, at: clock().toISOString(), channel: 'sms' }; });

      await h.say(user, 'check in');
      for (const answer of ['7', '3', 'no', '8']) {
        const { reads, writes, queries } = { ...h.app.services.store.stats };
        const replies = await h.say(user, answer);
        assert.equal(replies.length, 1, `one question follows ${answer}`);
        const s = h.app.services.store.stats;
        // Conversation state once; a paced reply reserves its send slot on the shared pacing record (bot/outreach/rateLimiter.ts).
        assert.deepEqual([s.reads - reads, s.writes - writes, s.queries - queries], [perTurn, perTurn, 0], `answer ${answer}`);
      }
    } finally {
      await h.stop();
    }
  });
}
