import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksForLines, endWordOf, readSafeAnswer, readYesNo } from '../../bot/safety/episode';

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
