import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness } from '../helpers/botHarness';

for (const [paced, reads, writes] of [['0', 1, 1], ['1', 2, 3]] as const) {
  test(`a check-in answer turn costs one store read and one store write${paced === '1' ? ', plus a read and two writes (hold, release) of the SMS pacing record for its reply' : ' (SMS unpaced)'}`, async () => {
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
        const before = { ...h.app.services.store.stats };
        const replies = await h.say(user, answer);
        assert.equal(replies.length, 1, `one question follows ${answer}`);
        const s = h.app.services.store.stats;
        // Conversation state once; a paced reply holds the shared pacing record through its send (bot/outreach/rateLimiter.ts).
        assert.deepEqual([s.reads - before.reads, s.writes - before.writes, s.queries - before.queries], [reads, writes, 0], `answer ${answer}`);
      }
    } finally {
      await h.stop();
    }
  });
}
