import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPrompt } from '../../bot/channels/render';
import { countSegments } from '../../bot/channels/smsSegments';
import { createI18n, LANGUAGES } from '../../bot/i18n';
import { CHECKIN_QUESTIONS } from '../../dialogs/checkinDialog';
import { SCREEN_ITEMS, screenQuestion } from '../../dialogs/weeklyScreenDialog';
import { assertLocaleFitsSms, assertPromptFitsSms } from '../helpers/sms';

const i18n = createI18n();
const questions = [...Object.values(CHECKIN_QUESTIONS), ...SCREEN_ITEMS.map(screenQuestion)];

describe('check-in and weekly screen on SMS', () => {
  it('every question fits 2 segments in every language, first asked and re-prompted', () => {
    for (const spec of questions) assertPromptFitsSms(spec, i18n);
  });

  it('every check-in and screen message fits 2 segments in every language', () => {
    assertLocaleFitsSms(['checkin', 'screen']);
  });

  it('the Spanish screen items are sent apart from their options: together they would not fit', () => {
    // What one text would be if item and options were joined: the reason for the split.
    const t = i18n.getFixedT('es');
    const joined = `${t('screen:item.nervous')}\n${renderPrompt(screenQuestion('nervous'), 'sms', t).text}`;
    assert.ok(countSegments(joined).segments > 2);
  });

  it('SMS numbers the options of a choice in both languages, so a digit answers it', () => {
    for (const language of LANGUAGES) {
      const text = renderPrompt(CHECKIN_QUESTIONS.use, 'sms', i18n.getFixedT(language)).text ?? '';
      assert.match(text, /\n1 .+\n2 .+\n3 .+/);
    }
  });
});
