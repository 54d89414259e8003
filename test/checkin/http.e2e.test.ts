import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ANSWER_FIELD, PROMPT_FIELD } from '../../bot/channels/prompt';
import { fixedClock } from '../../bot/clock';
import { createI18n, Language } from '../../bot/i18n';
import { BotHarness, replyText } from '../helpers/botHarness';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

const i18n = createI18n();
const t = (language: Language, key: string) => i18n.getFixedT(language)(key);

/**
 * A complete check-in through POST /api/messages, the way a channel delivers
 * it, on each store; then the saved record and flag are read back from it.
 * English over SMS (typed), Spanish over Teams (card submits and typing).
 */
const SCRIPTS: Record<Language, { channel: string; start: string; turns: Array<string | { prompt: string; answer?: string | number; skip?: true }> }> = {
  en: { channel: 'sms', start: 'check in', turns: ['2', '9', '3', '5.5', '2', 'no', 'no', 'I had a rough night'] },
  es: {
    channel: 'msteams',
    start: 'registro',
    turns: [
      { prompt: 'checkin:mood.ask', answer: '2' },
      { prompt: 'checkin:craving.ask', answer: '9' },
      'prefiero no decir',
      { prompt: 'checkin:sleep.ask', answer: 5.5 },
      { prompt: 'checkin:medication.ask', answer: 'no' },
      { prompt: 'checkin:wishedDead.ask', answer: 'no' },
      'no',
      { prompt: 'checkin:note.ask', skip: true },
    ],
  },
};

for (const factory of STORE_FACTORIES) {
  describe(`check-in over HTTP on ${factory.name}`, () => {
    let store: StoreHandle | undefined;
    let harness: BotHarness | undefined;
    afterEach(async () => {
      await harness?.stop();
      await store?.cleanup();
      harness = store = undefined;
    });

    for (const language of ['en', 'es'] as const) {
      it(`${language}: the record holds every answer and one flag lists every reason`, async () => {
        const script = SCRIPTS[language];
        store = await factory.make();
        harness = await BotHarness.start({ store: store.store, clock: fixedClock('2025-03-04T18:00:00Z') });
        const { participants, checkins, flags } = harness.app.services;
        const user = { id: `${script.channel}-user-1`, channelId: script.channel };
        const p = await participants.add({
          displayName: 'Rosa',
          language,
          timeZone: 'America/Los_Angeles',
          track: 'morning',
          checkinTime: '18:00',
          screenWeekday: 1,
          reminders: { enabled: true, leadMinutes: 60 },
        });
        await participants.link(p.id, { channelId: script.channel, serviceUrl: harness.connector.url, conversationId: `conv-${user.id}`, userId: user.id, botId: 'puente-bot' });
        await participants.update(p.id, (x) => {
          x.consent = { given: true, at: '2025-03-01T00:00:00.000Z', channel: script.channel };
        });

        const opening = (await harness.say(user, script.start)).map(replyText).join('\n');
        assert.ok(opening.includes(t(language, 'checkin:mood.ask')), opening);
        let last = '';
        for (const turn of script.turns) {
          const replies =
            typeof turn === 'string'
              ? await harness.say(user, turn)
              : await harness.say(user, '', {
                  text: undefined,
                  value: { [PROMPT_FIELD]: turn.prompt, ...(turn.skip ? { puenteSkip: true } : { [ANSWER_FIELD]: turn.answer }) },
                });
          last = replies.map(replyText).join('\n');
        }
        assert.ok(last.includes(t(language, 'checkin:thanks')), last);
        assert.ok(last.includes(t(language, 'checkin:followUp')), last);

        const record = await checkins.today(p.id, 'America/Los_Angeles');
        assert.equal(record?.id, `${p.id}:2025-03-04`);
        assert.equal(record?.status, 'complete');
        assert.equal(record?.language, language);
        assert.equal(record?.channel, script.channel);
        assert.equal(record?.startedAt, '2025-03-04T18:00:00.000Z');
        assert.equal(record?.finishedAt, '2025-03-04T18:00:00.000Z');
        assert.deepEqual(record?.answers, {
          mood: 2,
          craving: 9,
          use: 'prefer_not',
          sleepHours: 5.5,
          medication: 'no',
          wishedDead: false,
          suicidalThoughts: false,
          note: language === 'en' ? 'I had a rough night' : null,
        });

        const raised = await flags.listForParticipant(p.id);
        assert.equal(raised.length, 1);
        assert.equal(raised[0].id, record?.flagId);
        assert.equal(raised[0].checkinId, record?.id);
        assert.equal(raised[0].severity, 'high');
        assert.equal(raised[0].status, 'open');
        assert.equal(raised[0].track, 'morning');
        assert.deepEqual(raised[0].reasons.map((r) => r.code), ['craving_high', 'mood_low']);
      });
    }
  });
}
