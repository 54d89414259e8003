import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCrisis } from '../../bot/safety/crisis';
import { CRISIS_LEXICON } from '../../bot/safety/crisisLexicon';
import { LANGUAGES } from '../../bot/i18n';
import { CRISIS_SET, POLICY_FLAGS } from './crisis-set';

const MAX_FALSE_ALARM_RATE = 0.1;
const MIN_EXAMPLES = 60;

const percent = (n: number) => `${(n * 100).toFixed(1)}%`;

describe('crisis screen on the labelled set', () => {
  for (const language of LANGUAGES) {
    const set = CRISIS_SET[language];

    it(`[${language}] has at least ${MIN_EXAMPLES} crisis and ${MIN_EXAMPLES} benign messages, no duplicates`, () => {
      assert.ok(set.crisis.length >= MIN_EXAMPLES, `${set.crisis.length} crisis messages`);
      assert.ok(set.benign.length >= MIN_EXAMPLES, `${set.benign.length} benign messages`);
      const all = [...set.crisis, ...set.benign];
      assert.deepEqual(all.filter((t, i) => all.indexOf(t) !== i), []);
    });

    it(`[${language}] flags every crisis message (100% recall) with at most ${percent(MAX_FALSE_ALARM_RATE)} false alarms`, (t) => {
      const missed = set.crisis.filter((text) => !detectCrisis(text).crisis);
      const falseAlarms = set.benign.filter((text) => detectCrisis(text).crisis);
      const recall = (set.crisis.length - missed.length) / set.crisis.length;
      const falseAlarmRate = falseAlarms.length / set.benign.length;
      const figures =
        `crisis screen [${language}]: recall ${percent(recall)} (${set.crisis.length - missed.length}/${set.crisis.length}), ` +
        `false alarms ${percent(falseAlarmRate)} (${falseAlarms.length}/${set.benign.length})`;
      console.log(figures);
      for (const text of falseAlarms) t.diagnostic(`false alarm [${language}] ${detectCrisis(text).matched}: ${text}`);

      assert.deepEqual(missed, [], 'missed crisis messages');
      assert.ok(falseAlarmRate <= MAX_FALSE_ALARM_RATE, `${figures}\n${falseAlarms.join('\n')}`);
    });
  }

  it('keeps the deliberate over-flags flagged (policy: negation and threat idioms are not trusted)', () => {
    for (const { text, why } of POLICY_FLAGS) assert.equal(detectCrisis(text).crisis, true, `${text} (${why})`);
  });
});

describe('detectCrisis', () => {
  it('names the category', () => {
    const cases: Array<[string, string]> = [
      ['I want to kill myself', 'suicide'],
      ['quiero morirme', 'suicide'],
      ['kms', 'suicide'],
      ['i cut myself again', 'self_harm'],
      ['me quiero cortar', 'self_harm'],
      ['i think i overdosed', 'overdose'],
      ['tomé demasiadas pastillas', 'overdose'],
      ['someone is going to hurt me', 'danger'],
      ['tengo un arma', 'danger'],
    ];
    for (const [text, category] of cases) assert.equal(detectCrisis(text).category, category, text);
  });

  it('reports the lexicon entry id, never the message text', () => {
    const ids = new Set(CRISIS_LEXICON.map((e) => e.id));
    const result = detectCrisis('Ya no quiero vivir, Maria');
    assert.equal(result.crisis, true);
    assert.ok(result.matched && ids.has(result.matched), `matched=${result.matched}`);
    assert.doesNotMatch(JSON.stringify(result), /vivir|maria/i);
  });

  it('returns only { crisis: false } for ordinary messages', () => {
    assert.deepEqual(detectCrisis('mood 6, slept ok'), { crisis: false });
    assert.deepEqual(detectCrisis(''), { crisis: false });
  });

  it('tolerates case, missing accents, punctuation, elongation, leetspeak and joined or split words', () => {
    for (const text of [
      'QUIERO MORIRME',
      'quiero morirmeeee!!!',
      'me quiero matarrrr',
      'matar me',
      'no quiero vivir...',
      'sucidio',
      'suicde',
      'i wanna diiiie',
      'k1ll mys3lf',
      'KILL-MY-SELF',
      'kill myslef',
    ]) {
      assert.equal(detectCrisis(text).crisis, true, text);
    }
  });

  it('does not let an idiom hide crisis words elsewhere in the message', () => {
    assert.equal(detectCrisis('me muero de risa jaja pero la verdad quiero morirme').crisis, true);
    assert.equal(detectCrisis('this traffic is killing me and honestly I want to die').crisis, true);
    assert.equal(detectCrisis("I'm dying to see my kids. I took a whole bottle of pills").category, 'overdose');
  });

  it('matches whole words only', () => {
    assert.equal(detectCrisis('I taught myself new skills').crisis, false);
    assert.equal(detectCrisis('ugh kms').crisis, true);
    assert.equal(detectCrisis('ran 10 kms this morning').crisis, false); // a distance, not "kill myself"
  });
});

describe('crisis lexicon', () => {
  it('has unique entry ids and patterns that compile', () => {
    const ids = CRISIS_LEXICON.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const entry of CRISIS_LEXICON) assert.ok(entry.patterns.length > 0, entry.id);
  });

  it('covers every category in both languages', () => {
    const probes: Record<string, [string, string]> = {
      suicide: ['I want to end my life', 'quiero quitarme la vida'],
      self_harm: ['I want to hurt myself', 'quiero hacerme daño'],
      overdose: ['my friend overdosed', 'mi amigo tuvo una sobredosis'],
      danger: ['my husband is going to kill me', 'mi esposo me quiere matar'],
    };
    for (const [category, texts] of Object.entries(probes)) {
      for (const text of texts) assert.equal(detectCrisis(text).category, category, text);
    }
  });
});
