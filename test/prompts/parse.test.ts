import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Language } from '../../bot/i18n';
import { QuestionSpec } from '../../bot/channels/prompt';
import { normalizeReply } from '../../bot/channels/replyText';
import { parseAnswer, cardSubmit } from '../../dialogs/prompts/parse';
import { fixtureI18n, mood, note, phqItem, safety, sleep, use } from '../channels/promptFixtures';

const i18n = fixtureI18n();

function parse(spec: QuestionSpec, text: string, language: Language = 'en') {
  return parseAnswer({ text }, spec, { i18n, language });
}

/** Each case is tried with the participant speaking either language: replies in the other one must still work. */
function expectAll(spec: QuestionSpec, cases: Array<[string, unknown]>): void {
  for (const language of ['en', 'es'] as const) {
    for (const [text, expected] of cases) {
      const result = parse(spec, text, language);
      if (expected === undefined) {
        assert.deepEqual(result, { ok: false, reason: 'unrecognized' }, `${JSON.stringify(text)} (${language}) should not parse`);
      } else {
        assert.deepEqual(result, { ok: true, value: expected }, `${JSON.stringify(text)} (${language})`);
      }
    }
  }
}

describe('normalizeReply', () => {
  it('drops case, accents and punctuation but keeps decimals and fractions', () => {
    assert.equal(normalizeReply('  ¡Sí, CLARO!  '), 'si claro');
    assert.equal(normalizeReply('7,5.'), '7,5');
    assert.equal(normalizeReply('7/10'), '7/10');
    assert.equal(normalizeReply("I didn't"), 'i didnt');
    assert.equal(normalizeReply('twenty-four'), 'twenty four');
    assert.equal(normalizeReply('6½'), '6.5');
  });
});

describe('parseAnswer: scale 0-10', () => {
  it('reads digits, "x/10", "x de 10", "x out of 10" and number words in both languages', () => {
    expectAll(mood, [
      ['7', 7], [' 7 ', 7], ['7.', 7], ['0', 0], ['10', 10],
      ['7/10', 7], ['7 / 10', 7], ['7 de 10', 7], ['7 out of 10', 7], ['siete de 10', 7],
      ['seven', 7], ['Seven!', 7], ['siete', 7], ['SIETE', 7], ['diez', 10], ['ten', 10],
      ['zero', 0], ['cero', 0], ['none', 0], ['nada', 0], ['uno', 1], ['one', 1],
      ['about 7', 7], ['unos 7', 7], ['le doy un 8', 8], ['como 3', 3],
    ]);
  });

  it('rejects what is not one of the points shown', () => {
    expectAll(mood, [
      ['11', undefined], ['-1', undefined], ['7.5', undefined], ['3/5', undefined], ['7-8', undefined],
      ['', undefined], ['good', undefined], ['bien', undefined], ['I feel like a 7 today', undefined], ['twelve', undefined],
    ]);
  });
});

describe('parseAnswer: number (sleep hours, halves)', () => {
  it('reads halves in words and digits, with or without hours', () => {
    expectAll(sleep, [
      ['7', 7], ['7.5', 7.5], ['7,5', 7.5], ['6½', 6.5], ['7 hours', 7], ['7h', 7], ['7 hrs', 7], ['7 horas', 7],
      ['six and a half', 6.5], ['six and a half hours', 6.5], ['seis y media', 6.5], ['seis y medio', 6.5], ['6 y media', 6.5],
      ['half', 0.5], ['half an hour', 0.5], ['una y media', 1.5], ['media hora', 0.5], ['una hora', 1], ['zero', 0], ['ninguna', 0],
      ['twenty four', 24], ['twenty-four', 24], ['veinticuatro', 24], ['dieciséis', 16], ['dieciseis', 16], ['veintiún', 21],
      ['7.3', 7.5], ['7.2', 7],
    ]);
  });

  it('rejects out-of-range and unreadable replies', () => {
    expectAll(sleep, [['25', undefined], ['24.5', undefined], ['a lot', undefined], ['mucho', undefined], ['6-7', undefined]]);
  });
});

describe('parseAnswer: yes/no', () => {
  it('reads yes and no words in either language, any case, accents or none', () => {
    expectAll(safety, [
      ['yes', true], ['Y', true], ['yeah', true], ['yep', true], ['Sí', true], ['si', true], ['SI', true], ['s', true],
      ['claro', true], ['¡Sí!', true], ['siii', true], ['yesss', true], ['yes I did', true],
      ['no', false], ['N', false], ['nope', false], ['nah', false], ['No.', false], ['nooo', false], ['no gracias', false],
    ]);
  });

  it('reads the option numbers SMS shows ("1 Yes 2 No")', () => {
    expectAll(safety, [['1', true], ['2', false], ['uno', true], ['dos', false], ['3', undefined]]);
  });

  it('never reads "I don\'t know" or a longer sentence starting with no as an answer', () => {
    expectAll(safety, [
      ['no sé', undefined], ['no se', undefined], ['no quiero decir', undefined], ['not sure', undefined],
      ['maybe', undefined], ['yes and no', undefined], ['sí no', undefined],
    ]);
  });
});

describe('parseAnswer: choice', () => {
  it('reads option numbers as shown on SMS, not the stored values', () => {
    // Values are 0-3 (PHQ scores) but SMS numbers the options 1-4.
    expectAll(phqItem, [['1', '0'], ['2', '1'], ['3', '2'], ['4', '3'], ['dos', '1'], ['0', undefined], ['5', undefined]]);
  });

  it('reads labels typed in either language, accents or none, any case', () => {
    expectAll(phqItem, [
      ['Not at all', '0'], ['not at all', '0'], ['Several days', '1'], ['more than half the days', '2'], ['NEARLY EVERY DAY', '3'],
      ['Ningún día', '0'], ['ningun dia', '0'], ['Varios días', '1'], ['mas de la mitad de los dias', '2'], ['casi todos los días', '3'],
    ]);
  });

  it('reads the unique start of a label, at least 3 letters', () => {
    expectAll(phqItem, [['several', '1'], ['varios', '1'], ['nearly', '3'], ['casi', '3'], ['más', '2'], ['no', undefined]]);
  });

  it('reads yes/no words for options valued yes and no', () => {
    expectAll(use, [['sí', 'yes'], ['yep', 'yes'], ['nope', 'no'], ['No', 'no'], ['3', 'preferNot'], ['prefer not to say', 'preferNot'], ['prefiero no decir', 'preferNot'], ['prefer', 'preferNot']]);
  });
});

describe('parseAnswer: text', () => {
  it('keeps the reply as typed, trimmed', () => {
    assert.deepEqual(parse(note, '  Tuve un día difícil.  ', 'es'), { ok: true, value: 'Tuve un día difícil.' });
  });

  it('reads skip words as skipped when the question allows it', () => {
    expectAll(note, [['skip', null], ['SALTAR', null], ['omitir', null], ['no', null], ['none', null], ['nada', null], ['No gracias', null]]);
  });

  it('keeps skip words as text when skipping is not allowed', () => {
    assert.deepEqual(parse({ ...note, allowSkip: false }, 'no'), { ok: true, value: 'no' });
  });

  it('has nothing to read in an empty reply', () => {
    assert.deepEqual(parse(note, '   '), { ok: false, reason: 'unrecognized' });
  });
});

describe('parseAnswer: skip on other kinds', () => {
  it('accepts skip words only with allowSkip, and never "no" as a skip on yes/no', () => {
    assert.deepEqual(parse(mood, 'skip'), { ok: false, reason: 'unrecognized' });
    assert.deepEqual(parse({ ...mood, allowSkip: true }, 'saltar', 'es'), { ok: true, value: null });
    assert.deepEqual(parse({ ...safety, allowSkip: true }, 'no'), { ok: true, value: false });
  });
});

describe('parseAnswer: Teams card submits', () => {
  const submit = (spec: QuestionSpec, data: Record<string, unknown>) =>
    parseAnswer({ text: undefined, value: { puentePrompt: spec.textKey, ...data } }, spec, { i18n, language: 'en' });

  it('reads the button value of the current prompt', () => {
    assert.deepEqual(submit(mood, { puenteAnswer: '7' }), { ok: true, value: 7 });
    assert.deepEqual(submit(safety, { puenteAnswer: 'yes' }), { ok: true, value: true });
    assert.deepEqual(submit(safety, { puenteAnswer: 'no' }), { ok: true, value: false });
    // Choice buttons carry the stored value, not the option number.
    assert.deepEqual(submit(phqItem, { puenteAnswer: '0' }), { ok: true, value: '0' });
    assert.deepEqual(submit(phqItem, { puenteAnswer: '9' }), { ok: false, reason: 'unrecognized' });
  });

  it('reads Input.Number values, string or number', () => {
    assert.deepEqual(submit(sleep, { puenteAnswer: '6.5' }), { ok: true, value: 6.5 });
    assert.deepEqual(submit(sleep, { puenteAnswer: 8 }), { ok: true, value: 8 });
    assert.deepEqual(submit(sleep, {}), { ok: false, reason: 'unrecognized' });
  });

  it('reads the Skip button only where skipping is allowed', () => {
    assert.deepEqual(submit(note, { puenteSkip: true }), { ok: true, value: null });
    assert.deepEqual(submit(mood, { puenteSkip: true }), { ok: false, reason: 'unrecognized' });
  });

  it('tells a click on an older card apart', () => {
    const result = parseAnswer({ value: { puentePrompt: 'sample:sleep', puenteAnswer: '7' } }, mood, { i18n, language: 'en' });
    assert.deepEqual(result, { ok: false, reason: 'stale-card' });
  });

  it('uses the spec id over the text key to tell prompts apart', () => {
    const first = { ...mood, id: 'mood#1' };
    assert.deepEqual(parseAnswer({ value: { puentePrompt: 'mood#1', puenteAnswer: '3' } }, first, { i18n, language: 'en' }), { ok: true, value: 3 });
    assert.deepEqual(parseAnswer({ value: { puentePrompt: 'sample:mood', puenteAnswer: '3' } }, first, { i18n, language: 'en' }).ok, false);
  });

  it('ignores a value that is not ours and reads the text', () => {
    assert.equal(cardSubmit({ something: 'else' }), undefined);
    assert.deepEqual(parseAnswer({ text: '4', value: { something: 'else' } }, mood, { i18n, language: 'en' }), { ok: true, value: 4 });
  });
});
