import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCrisis } from '../../bot/safety/crisis';
import { assessRisk } from '../../bot/safety/risk';

/** The misses that opened the crisis-care issue: ordinary messages nobody on the team wrote. */
const ISSUE_MISSES: Array<[string, string]> = [
  ['I have the pills right here', 'suicide'],
  ["my son said he'll kill himself tonight", 'other_at_risk'],
  ['Me tomé 10 xanax', 'overdose'],
  ['Él dijo que me iba a matar', 'danger_from_other'],
  ['I just wanted to say thanks for everything before I go', 'suicide'],
];

describe('detectCrisis (what the gate asks)', () => {
  it('is the crisis tier of the risk screen, with its kind as the category', () => {
    for (const [text, kind] of ISSUE_MISSES) {
      assert.deepEqual(detectCrisis(text), { crisis: true, category: kind, matched: assessRisk(text).reason }, text);
    }
  });

  it('catches what the gate tests send, in both languages', () => {
    assert.equal(detectCrisis('i took too many pills').category, 'overdose');
    assert.equal(detectCrisis('me quiero matar').category, 'suicide');
    assert.equal(detectCrisis('stop texting me, I want to die').crisis, true);
    assert.equal(detectCrisis('honestly I just want to die').crisis, true);
    assert.equal(detectCrisis('ya no quiero vivir').crisis, true);
  });

  it('returns only { crisis: false } below the crisis tier', () => {
    assert.deepEqual(detectCrisis('mood 6, slept ok'), { crisis: false });
    assert.deepEqual(detectCrisis(''), { crisis: false });
    assert.deepEqual(detectCrisis("I'm not suicidal, just tired"), { crisis: false });
    assert.deepEqual(detectCrisis('ya no aguanto'), { crisis: false });
  });

  it('tolerates case, missing accents, punctuation, elongation, leetspeak and joined or split words', () => {
    for (const text of ['QUIERO MORIRME', 'quiero morirmeeee!!!', 'me quiero matarrrr', 'matar me', 'no quiero vivir...', 'sucidio', 'i wanna diiiie', 'k1ll mys3lf', 'KILL-MY-SELF', 'kill myslef']) {
      assert.equal(detectCrisis(text).crisis, true, text);
    }
  });

  it('matches whole words only', () => {
    assert.equal(detectCrisis('I taught myself new skills').crisis, false);
    assert.equal(detectCrisis('ugh kms').crisis, true);
    assert.equal(detectCrisis('ran 10 kms this morning').crisis, false); // a distance, not "kill myself"
  });
});
