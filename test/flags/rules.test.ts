import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CheckIn, emptyAnswers, scoreWeeklyScreen, WeeklyScreen } from '../../bot/domain/checkins';
import { evaluateCheckIn, FlagRulesError, loadFlagRules } from '../../bot/flags/rules';

type Facts = Pick<CheckIn, 'answers' | 'screen' | 'unreadable'>;

/** A check-in with calm answers, changed by `change`. */
function checkIn(change: (c: Facts) => void = () => {}): Facts {
  const c: Facts = {
    answers: { ...emptyAnswers(), mood: 6, craving: 3, use: 'no', sleepHours: 7, medication: 'yes', wishedDead: false, suicidalThoughts: false, note: null },
    screen: null,
    unreadable: [],
  };
  change(c);
  return c;
}

function screen(items: Partial<WeeklyScreen['items']>): WeeklyScreen {
  return scoreWeeklyScreen({ littleInterest: 0, feelingDown: 0, nervous: 0, cannotStopWorrying: 0, ...items });
}

function writeRules(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'puente-rules-')), 'rules.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const defaults = loadFlagRules();

describe('default flag rules (CONTENT.md)', () => {
  it('raise nothing for a calm check-in', () => {
    assert.deepEqual(evaluateCheckIn(checkIn(), defaults), { reasons: [], severity: null });
  });

  const cases: Array<[string, (c: Facts) => void, string, string]> = [
    ['wished dead yes', (c) => (c.answers.wishedDead = true), 'safety_yes', 'urgent'],
    ['suicidal thoughts yes', (c) => (c.answers.suicidalThoughts = true), 'safety_yes', 'urgent'],
    ['unreadable safety answer', (c) => ((c.answers.suicidalThoughts = null), c.unreadable.push('suicidalThoughts')), 'safety_unanswered', 'high'],
    ['use reported', (c) => (c.answers.use = 'yes'), 'use_reported', 'high'],
    ['craving 8', (c) => (c.answers.craving = 8), 'craving_high', 'high'],
    ['mood 2', (c) => (c.answers.mood = 2), 'mood_low', 'high'],
    ['sleep 3.5 h', (c) => (c.answers.sleepHours = 3.5), 'sleep_low', 'moderate'],
    ['PHQ-2 of 3', (c) => (c.screen = screen({ littleInterest: 2, feelingDown: 1 })), 'phq2_positive', 'moderate'],
    ['GAD-2 of 3', (c) => (c.screen = screen({ nervous: 1, cannotStopWorrying: 2 })), 'gad2_positive', 'moderate'],
  ];
  for (const [name, change, code, severity] of cases) {
    it(`${name} → ${code} (${severity})`, () => {
      const result = evaluateCheckIn(checkIn(change), defaults);
      assert.deepEqual(result.reasons.map((r) => [r.code, r.severity]), [[code, severity]]);
      assert.equal(result.severity, severity);
    });
  }

  const belowThreshold: Array<[string, (c: Facts) => void]> = [
    ['craving 7', (c) => (c.answers.craving = 7)],
    ['mood 3', (c) => (c.answers.mood = 3)],
    ['sleep 4 h', (c) => (c.answers.sleepHours = 4)],
    ['use: prefer not to say', (c) => (c.answers.use = 'prefer_not')],
    ['PHQ-2 and GAD-2 of 2', (c) => (c.screen = screen({ littleInterest: 1, feelingDown: 1, nervous: 2 }))],
    ['unanswered items (skipped or not reached)', (c) => (c.answers = emptyAnswers())],
  ];
  for (const [name, change] of belowThreshold) {
    it(`${name} raises nothing`, () => {
      assert.deepEqual(evaluateCheckIn(checkIn(change), defaults).reasons, []);
    });
  }

  it('list every matching reason, with its values, and take the highest severity', () => {
    const result = evaluateCheckIn(
      checkIn((c) => {
        c.answers.sleepHours = 2;
        c.answers.craving = 9;
        c.answers.wishedDead = true;
        c.screen = screen({ littleInterest: 3, feelingDown: 3 });
      }),
      defaults,
    );
    assert.equal(result.severity, 'urgent');
    assert.deepEqual(
      result.reasons.map((r) => r.code),
      ['safety_yes', 'craving_high', 'phq2_positive', 'sleep_low'],
    );
    assert.deepEqual(result.reasons.find((r) => r.code === 'craving_high')?.detail, { craving: 9, threshold: 8 });
    assert.deepEqual(result.reasons.find((r) => r.code === 'safety_yes')?.detail, { safety: 'yes' });
  });

  it('a screen with an unreadable item has no score and raises nothing for that scale', () => {
    const c = checkIn((x) => (x.screen = { phq2: null, gad2: 6, items: { littleInterest: null, feelingDown: 3, nervous: 3, cannotStopWorrying: 3 } }));
    assert.deepEqual(evaluateCheckIn(c, defaults).reasons.map((r) => r.code), ['gad2_positive']);
  });
});

describe('a clinic rules file', () => {
  it('replaces the defaults: its thresholds and severities decide', () => {
    const rules = loadFlagRules(
      writeRules({
        rules: [
          { code: 'craving_some', field: 'craving', op: '>=', value: 6, severity: 'moderate' },
          { code: 'missed_meds', field: 'medication', op: '=', value: 'no', severity: 'low' },
        ],
      }),
    );
    const result = evaluateCheckIn(checkIn((c) => ((c.answers.craving = 6), (c.answers.medication = 'no'), (c.answers.use = 'yes'))), rules);
    assert.deepEqual(result.reasons.map((r) => [r.code, r.severity]), [['craving_some', 'moderate'], ['missed_meds', 'low']]);
    assert.equal(result.severity, 'moderate');
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{ rules: [', /could not be read as JSON/],
    ['no rules', { rules: [] }, /rules: /],
    ['an unknown field', { rules: [{ code: 'x', field: 'anger', op: '>', value: 3, severity: 'high' }] }, /rules\.0\.field/],
    ['a word for a number field', { rules: [{ code: 'x', field: 'craving', op: '>=', value: 'high', severity: 'high' }] }, /rules\.0\.value: craving needs a number from 0 to 10/],
    ['a threshold off the scale', { rules: [{ code: 'x', field: 'mood', op: '<=', value: 12, severity: 'high' }] }, /mood needs a number from 0 to 10/],
    ['an answer that does not exist', { rules: [{ code: 'x', field: 'use', op: '=', value: 'maybe', severity: 'high' }] }, /use needs one of yes, no, prefer_not/],
    ['< on a word field', { rules: [{ code: 'x', field: 'safety', op: '<', value: 'yes', severity: 'urgent' }] }, /rules\.0\.op: safety compares with = or != only/],
    ['an unknown severity', { rules: [{ code: 'x', field: 'mood', op: '<=', value: 2, severity: 'critical' }] }, /rules\.0\.severity/],
    ['a misspelt property', { rules: [{ code: 'x', field: 'mood', op: '<=', value: 2, severity: 'high', treshold: 3 }] }, /treshold/],
    [
      'a code used twice',
      { rules: [{ code: 'x', field: 'mood', op: '<=', value: 2, severity: 'high' }, { code: 'x', field: 'craving', op: '>=', value: 8, severity: 'high' }] },
      /rules\.1\.code: "x" is used twice/,
    ],
  ];
  for (const [name, content, message] of bad) {
    it(`with ${name} is refused with a message naming the file and the problem`, () => {
      const path = writeRules(content);
      assert.throws(() => loadFlagRules(path), (err: Error) => err instanceof FlagRulesError && err.message.includes(path) && message.test(err.message));
    });
  }

  it('that does not exist is refused', () => {
    assert.throws(() => loadFlagRules('/nonexistent/puente-rules.json'), FlagRulesError);
  });
});
