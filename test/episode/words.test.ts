import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n } from '../../bot/i18n';
import { asksForLines, endWordOf, readSafeAnswer, readYesNo } from '../../bot/safety/episode';
import { ASK_SAFE } from '../../bot/safety/episodeTexts';
import { assertFitsSms, assertPromptFitsSms } from '../helpers/sms';

describe('the words that steer a safety episode', () => {
  it('MENU / MENÚ / CONTINUE / SEGUIR end it, as the whole message only', () => {
    for (const [text, word] of [['MENU', 'menu'], ['Menú', 'menu'], ['menu.', 'menu'], ['CONTINUE', 'continue'], ['seguir', 'continue'], ['Seguir!', 'continue']] as const) {
      assert.equal(endWordOf(text), word, text);
    }
    for (const text of ['the menu is useless', 'I cannot continue', 'no quiero seguir', 'seguir viviendo']) assert.equal(endWordOf(text), undefined, text);
  });

  it('988, AYUDA and HELP ask for the lines', () => {
    for (const text of ['988', 'AYUDA', 'help', 'Help me', 'ayúdeme']) assert.ok(asksForLines(text), text);
    for (const text of ['help me find my keys', 'I called 988 yesterday']) assert.ok(!asksForLines(text), text);
  });

  it('"Are you safe right now?" is answered in words or option numbers, in both languages, or by a card button', () => {
    const cases: Array<[string, string | undefined]> = [
      ['yes', 'yes'], ['Sí', 'yes'], ['1', 'yes'], ["I'm safe", 'yes'], ['estoy a salvo', 'yes'],
      ['no', 'no'], ['2', 'no'], ["I'm not safe", 'no'], ['No estoy a salvo', 'no'],
      ['not sure', 'not_sure'], ['3', 'not_sure'], ['idk', 'not_sure'], ['no sé', 'not_sure'], ['No estoy segura', 'not_sure'],
      ['no one can help', undefined], ['ok', undefined], ['4', undefined], ['I have the pills right here', undefined],
    ];
    for (const [text, answer] of cases) assert.equal(readSafeAnswer(text), answer, text);
    assert.equal(readSafeAnswer('', 'not_sure'), 'not_sure');
    assert.equal(readSafeAnswer('', 'maybe'), undefined);
  });

  it('the direct question takes YES / NO words, never numbers', () => {
    assert.equal(readYesNo('YES'), 'yes');
    assert.equal(readYesNo('sí'), 'yes');
    assert.equal(readYesNo('nope'), 'no');
    assert.equal(readYesNo('1'), undefined);
    assert.equal(readYesNo('not sure'), undefined);
  });
});

describe('the episode texts on SMS', () => {
  it('"Are you safe right now?" with its numbered options fits, first asked and re-asked', () => {
    assertPromptFitsSms(ASK_SAFE);
  });

  it('the out-of-hours texts fit with the longest "when" of each language filled in', () => {
    const i18n = createI18n();
    for (const language of ['en', 'es'] as const) {
      const t = i18n.getFixedT(language);
      const when = language === 'en' ? t('safety:crisis.when.later', { day: 'Wednesday', time: '10:30 AM' }) : t('safety:crisis.when.later', { day: 'miércoles', time: '10:30' });
      for (const key of ['safety:crisis.team.outOfHours', 'safety:crisis.ack.outOfHours']) assertFitsSms(t(key, { when }), `${key} [${language}]`);
      // "sábado" makes a Spanish text UCS-2: the shorter budget must hold too.
      for (const key of ['safety:crisis.team.outOfHours', 'safety:crisis.ack.outOfHours']) {
        assertFitsSms(t(key, { when: t('safety:crisis.when.later', { day: 'sábado', time: '10:30' }) }), `${key} [${language}, sábado]`);
      }
    }
  });
});
