import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { fixedClock } from '../../bot/clock';
import { createI18n, Language } from '../../bot/i18n';
import { BotHarness, replyText } from '../helpers/botHarness';
import { CaptureConnector } from '../helpers/captureConnector';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

const i18n = createI18n();
const t = (language: Language, key: string) => i18n.getFixedT(language)(key);
const STAFF_CHANNEL = '19:staff-channel@thread.tacv2';

/** Three messages of one safety episode through POST /api/messages, as channels deliver them. */
const EPISODE: Record<Language, { channel: string; messages: string[] }> = {
  en: { channel: 'sms', messages: ['I want to kill myself', 'no one can help', 'help me'] },
  es: { channel: 'msteams', messages: ['me quiero matar', 'nadie me puede ayudar', '2'] },
};

for (const factory of STORE_FACTORIES) {
  describe(`a safety episode over HTTP on ${factory.name}`, () => {
    let store: StoreHandle | undefined;
    let harness: BotHarness | undefined;
    let teams: CaptureConnector | undefined;
    afterEach(async () => {
      await harness?.stop();
      await teams?.stop();
      await store?.cleanup();
      harness = store = teams = undefined;
    });

    for (const language of ['en', 'es'] as const) {
      it(`${language}: three messages are one flag carrying all three, and staff were told three times`, async () => {
        const script = EPISODE[language];
        store = await factory.make();
        teams = new CaptureConnector();
        await teams.start();
        harness = await BotHarness.start({
          store: store.store,
          clock: fixedClock('2025-03-04T18:00:00Z'),
          env: { STAFF_TEAMS_CONVERSATION_ID: STAFF_CHANNEL, STAFF_TEAMS_SERVICE_URL: teams.url },
        });
        const { participants, flags, flagEvents } = harness.app.services;
        const told: string[] = [];
        for (const event of ['raised', 'message'] as const) flagEvents.on(event, async () => void told.push(event));
        const user = { id: `${script.channel}-user-1`, channelId: script.channel };
        const p = await participants.add({
          displayName: 'Rosa',
          language,
          timeZone: 'America/Chicago',
          track: 'morning',
          checkinTime: '18:00',
          screenWeekday: 1,
          reminders: { enabled: true, leadMinutes: 60 },
        });
        await participants.link(p.id, { channelId: script.channel, serviceUrl: harness.connector.url, conversationId: `conv-${user.id}`, userId: user.id, botId: 'puente-bot' });

        const replies: string[][] = [];
        for (const text of script.messages) replies.push((await harness.say(user, text)).map(replyText));
        assert.equal(replies[0][0], t(language, 'safety:crisis.lines.suicide'));
        assert.ok(replies[1].includes(t(language, 'safety:crisis.ack.told')), replies[1].join('\n'));
        assert.ok(replies[2].includes(t(language, 'safety:crisis.lines.suicide')), `help again:\n${replies[2].join('\n')}`);

        const [flag, ...others] = await flags.listForParticipant(p.id);
        assert.equal(others.length, 0, 'one flag');
        assert.deepEqual(flag.messages?.map((m) => m.text), script.messages);
        assert.equal(flag.severity, 'urgent');
        assert.deepEqual(told, ['raised', 'message', 'message']);

        // Teams: the card once, then a line in its thread per later message, and the card kept current.
        await teams.waitFor((received) => received.length >= 3);
        const [card, ...threadLines] = teams.received;
        assert.equal(card.conversation?.id, STAFF_CHANNEL);
        assert.equal(card.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
        // The connector answered the card's post with id sent-1: the thread hangs off it.
        assert.deepEqual(threadLines.map((a) => a.conversation?.id), [`${STAFF_CHANNEL};messageid=sent-1`, `${STAFF_CHANNEL};messageid=sent-1`]);
        for (const line of threadLines) assert.doesNotMatch(String(line.text), /kill|matar|ayudar/, 'no message text in the channel');
        assert.equal(teams.updated.length, 2, 'the card was updated with each message');
      });
    }
  });
}
