import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Language, LANGUAGES, loadResources } from '../../bot/i18n';
import { TipCatalog, TipCategory } from '../../bot/tips/catalog';
import { buttonData, Chat, ChatHarness } from '../main/chatHarness';

const catalog = TipCatalog.load();
const resources = loadResources();

/** Which tip a text is, by its locale text (any language). */
function tipOf(text: string): string | undefined {
  for (const language of LANGUAGES) {
    const tips = (resources[language].tips as { tip: Record<string, string> }).tip;
    const found = Object.entries(tips).find(([, body]) => text.includes(body));
    if (found) return found[0];
  }
  return undefined;
}

function tipIn(text: string, category: TipCategory, language: Language): string {
  const id = tipOf(text);
  assert.ok(id, `no tip in:\n${text}`);
  assert.ok(catalog.tipsIn(category).includes(id), `${id} is not a ${category} tip`);
  const body = (resources[language].tips as { tip: Record<string, string> }).tip[id];
  assert.ok(text.includes(body), `${id} not shown in ${language}`);
  return id;
}

describe('tip dialog', () => {
  let h: ChatHarness;
  before(async () => {
    h = await ChatHarness.start();
  });
  after(() => h.stop());

  describe('picking a category', () => {
    for (const language of LANGUAGES) {
      it(`shows a tip of the category picked by SMS number, then asks if it helped (${language})`, async () => {
        const p = await h.participant('sms', { language });
        const chat = h.chat(p, 'sms');
        const t = h.t(language);
        const ask = await chat.text(language === 'es' ? 'consejo' : 'tip');
        assert.equal(
          ask,
          [
            t('tips:ask'),
            ...['cravings', 'anxiety', 'stress', 'lowMood', 'sleep', 'anger'].map((c, i) => `${i + 1} ${t(`tips:category.${c}`)}`),
            t('prompts:sms.replyRange', { min: 1, max: 6 }),
          ].join('\n'),
        );
        const replies = await chat.say('5');
        assert.equal(replies.length, 2, 'the tip, then the question');
        tipIn(replies[0].text ?? '', 'sleep', language);
        assert.ok(replies[1].text?.startsWith(t('tips:feedback.ask')));
      });

      it(`shows a tip of the category clicked on a Teams card, and reads a typed category (${language})`, async () => {
        const p = await h.participant('msteams', { language });
        const chat = h.chat(p, 'msteams');
        const t = h.t(language);
        const ask = await chat.say('tip');
        const replies = await chat.say({ value: buttonData(ask, t('tips:category.anger')) });
        tipIn(replies[0].text ?? '', 'anger', language);
        assert.ok(replies[1].attachments?.length, 'feedback question on a card');

        await chat.say('menu');
        await chat.say('tip');
        tipIn(await chat.text(language === 'es' ? 'ansiedad' : 'Anxiety'), 'anxiety', language);
      });
    }
  });

  describe('another', () => {
    for (const [channel, language] of [['sms', 'es'], ['msteams', 'en']] as const) {
      it(`gives a different tip each time until the category is exhausted (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        const all = catalog.tipsIn('cravings');
        const ask = await chat.say('tip');
        let replies = await chat.say(channel === 'sms' ? '1' : { value: buttonData(ask, t('tips:category.cravings')) });
        const shown = [tipIn(replies[0].text ?? '', 'cravings', language)];
        for (let i = 1; i < all.length + 1; i++) {
          replies =
            channel === 'sms'
              ? await chat.say(i % 2 ? t('tips:feedback.another') : '4')
              : await chat.say({ value: buttonData(replies, t('tips:feedback.another')) });
          shown.push(tipIn(replies[0].text ?? '', 'cravings', language));
        }
        assert.deepEqual([...shown.slice(0, all.length)].sort(), [...all].sort(), 'each tip once');
        assert.notEqual(shown[all.length], shown[all.length - 1], 'the round after starts with a different tip');
        const history = await h.services.tips.selector.history(p.id);
        assert.deepEqual(history?.seen, [shown[all.length]]);
      });
    }
  });

  describe('did it help?', () => {
    for (const [channel, language, answer, rating] of [
      ['sms', 'en', '1', 'yes'],
      ['sms', 'es', 'un poco', 'little'],
      ['msteams', 'es', 'No', 'no'],
      ['msteams', 'en', 'A little', 'little'],
    ] as const) {
      it(`stores "${answer}" as ${rating} for the tip shown (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        const ask = await chat.say('tip');
        const replies = channel === 'sms' ? await chat.say('3') : await chat.say({ value: buttonData(ask, t('tips:category.stress')) });
        const tipId = tipIn(replies[0].text ?? '', 'stress', language);
        const thanks =
          channel === 'msteams' && answer !== 'No'
            ? await chat.text({ value: buttonData(replies, answer) })
            : await chat.text(answer);
        assert.equal(thanks, t(`tips:thanks.${rating}`));
        const stored = await h.services.tips.feedback.forParticipant(p.id);
        assert.equal(stored.length, 1);
        assert.equal(stored[0].tipId, tipId);
        assert.equal(stored[0].rating, rating);
        assert.equal(stored[0].category, 'stress');
        assert.equal(stored[0].language, language);
        assert.equal(stored[0].channel, channel);
        assert.equal(stored[0].shownAt, h.clock().toISOString());
      });
    }

    it('ignores a click on an older tip\'s feedback card', async () => {
      const p = await h.participant('msteams', { language: 'en' });
      const chat = h.chat(p, 'msteams');
      const first = await chat.say({ value: buttonData(await chat.say('tip'), 'Sleep') });
      const second = await chat.say({ value: buttonData(first, 'Another tip') });
      const again = await chat.text({ value: buttonData(first, 'Yes') });
      assert.ok(again.startsWith(h.t('en')('tips:feedback.ask')), again);
      assert.equal((await h.services.tips.feedback.forParticipant(p.id)).length, 0);
      await chat.say({ value: buttonData(second, 'Yes') });
      const stored = await h.services.tips.feedback.forParticipant(p.id);
      assert.equal(stored[0].tipId, tipOf(second[0].text ?? ''));
    });
  });

  describe('matched to the last check-in', () => {
    for (const language of LANGUAGES) {
      it(`offers the match only after a check-in, and it picks the category of the answers (${language})`, async () => {
        const p = await h.participant('sms', { language });
        const chat = h.chat(p, 'sms');
        const t = h.t(language);
        assert.ok(!(await chat.text('tip')).includes(t('tips:matched')));
        await chat.text('menu');

        const { checkins } = h.services;
        const record = checkins.start({ participantId: p.id, timeZone: p.timeZone, language, channel: 'sms', localDate: '2025-03-04' });
        record.status = 'complete';
        record.finishedAt = '2025-03-04T23:00:00.000Z';
        record.answers = { ...record.answers, mood: 2, craving: 1, sleepHours: 8, use: 'no' };
        await checkins.save(record);

        const ask = await chat.text('tip');
        assert.ok(ask.includes(`7 ${t('tips:matched')}`), ask);
        tipIn(await chat.text('7'), 'lowMood', language);
      });
    }
  });

  describe('offered at the end of a check-in', () => {
    async function checkIn(chat: Chat, sleep: string): Promise<string> {
      await chat.text('check in');
      for (const answer of ['6', '1', '2', sleep, '1', 'no']) await chat.text(answer);
      await chat.text('no');
      return chat.text('skip');
    }

    for (const [channel, language] of [['sms', 'en'], ['sms', 'es'], ['msteams', 'es'], ['msteams', 'en']] as const) {
      it(`offers a sleep tip after a short night; yes shows one, no says how to ask later (${channel}, ${language})`, async () => {
        const t = h.t(language);
        const yes = h.chat(await h.participant(channel, { language }), channel);
        const end = await checkIn(yes, '3');
        assert.ok(end.includes(t('tips:offer.sleep')), end);
        tipIn(await yes.text(language === 'es' ? 'sí' : 'yes'), 'sleep', language);

        const no = h.chat(await h.participant(channel, { language }), channel);
        await checkIn(no, '3');
        assert.equal(await no.text('no'), t('tips:declined'));
      });
    }
  });
});
