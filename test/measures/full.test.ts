import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { SMS_SEGMENT_BUDGET, countSegments } from '../../bot/channels/smsSegments';
import { renderPrompt } from '../../bot/channels/render';
import { createI18n, LANGUAGES } from '../../bot/i18n';
import { itemsOf } from '../../bot/measures/instruments';
import { INSTRUMENTS } from '../../bot/measures/measureRecord';
import { itemQuestion, itemTexts } from '../../dialogs/measureQuestions';
import { Chat } from '../checkin/chat';
import { assertPromptFitsSms } from '../helpers/sms';
import { answerAll, dailyItems, includes, measure } from './conversation';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

describe('a participant on full measures', () => {
  for (const [channel, language] of [['sms', 'en'], ['msteams', 'es'], ['sms', 'es'], ['msteams', 'en']] as const) {
    it(`${language}, ${channel}: a baseline PHQ-9 and GAD-7 at the first check-in, whatever the day`, async () => {
      chat = await Chat.start({ channel, language }); // screen day Monday; today is Tuesday
      await chat.app.services.participants.update(chat.participant!.id, (p) => (p.fullMeasures = true));
      const opening = await dailyItems(chat, language);
      includes(opening, language, 'screen:stepped.fullIntro');
      includes(opening, language, 'screen:phq9.stem');
      includes(opening, language, 'screen:phq9.item1');
      const phq = await answerAll(chat, language, opening, [1, 1, 0, 0, 0, 0, 0, 0, 0]);
      includes(phq[8], language, 'screen:gad7.item1');
      const gad = await answerAll(chat, language, phq[8], [2, 2, 2, 2, 2, 2, 2]);
      includes(gad[6], language, 'screen:stepped.done');
      includes(gad[6], language, 'tips:offer.stress'); // the check-in's matched tip follows the measures
      const phq9 = await measure(chat, 'phq9');
      const gad7 = await measure(chat, 'gad7');
      assert.deepEqual([phq9?.source, phq9?.total, phq9?.band], ['scheduled', 2, 'minimal']);
      assert.deepEqual([gad7?.source, gad7?.total, gad7?.band], ['scheduled', 14, 'moderate']);
      assert.deepEqual(await chat.flags(), [], 'no default rule matches these bands');
    });
  }
});

describe('every measure message fits 2 SMS segments', () => {
  it('item texts and questions, first ask and re-prompt, both languages', () => {
    const i18n = createI18n();
    let checked = 0;
    for (const instrument of INSTRUMENTS) {
      for (const item of itemsOf(instrument)) {
        assertPromptFitsSms(itemQuestion(instrument, item), i18n);
        for (const key of itemTexts(instrument, item)) assertPromptFitsSms({ kind: 'message', textKey: key }, i18n);
        checked++;
      }
    }
    assert.equal(checked, 9 + 7 + 23);
    for (const language of LANGUAGES) {
      const text = renderPrompt(itemQuestion('bam', 'item1'), 'sms', i18n.getFixedT(language)).text ?? '';
      assert.ok(countSegments(text).segments <= SMS_SEGMENT_BUDGET);
      assert.equal(text.split('\n').filter((l) => /^\d /.test(l)).length, 5, 'five numbered options');
    }
  });
});
