import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldForRisk } from '../../bot/safety/normalize';
import { languagesIn, questionThreshold } from '../../bot/safety/risk/language';

const THRESHOLDS = { en: 0.1, es: 0.15 };
const heard = (text: string) => languagesIn(foldForRisk(text)).sort();

describe('the language a message is written in (for the question threshold)', () => {
  it('hears English and Spanish by their function words, misspelled or in SMS spelling too', () => {
    assert.deepEqual(heard("I don't know what to do with my life"), ['en']);
    assert.deepEqual(heard('idk wat 2 do w my life tbh'), ['en']);
    assert.deepEqual(heard('Ya no sé qué hacer con mi vida'), ['es']);
    assert.deepEqual(heard('ya no se k acer kon mi bida'), ['es']);
  });

  it('hears both in Spanglish and neither in a bare reply', () => {
    assert.deepEqual(heard("estoy cansada de todo, I just can't anymore"), ['en', 'es']);
    assert.deepEqual(heard('ok'), []);
    assert.deepEqual(heard('7'), []);
  });

  it("reads a message at its language's threshold, and a mixed or unclear one at the lowest", () => {
    assert.equal(questionThreshold(foldForRisk('ya no quiero seguir con esto'), THRESHOLDS), 0.15);
    assert.equal(questionThreshold(foldForRisk("I can't keep doing this"), THRESHOLDS), 0.1);
    assert.equal(questionThreshold(foldForRisk('ya no puedo, I am so done'), THRESHOLDS), 0.1);
    assert.equal(questionThreshold(foldForRisk('ok'), THRESHOLDS), 0.1);
  });
});
