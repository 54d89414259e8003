import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateMeasure, FlagRulesError, loadFlagRules } from '../../bot/flags/rules';
import { bamDaysScore, bamSkipsAfter, bandOf, BAM_ITEMS, scoreBam, totalOf } from '../../bot/measures/instruments';
import { MeasureRecord } from '../../bot/measures/measureRecord';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FLAG_RULES_PATH } from '../../bot/flags/rules';

const items = (scores: number[]): Record<string, number> => Object.fromEntries(scores.map((s, i) => [`item${i + 1}`, s]));

describe('PHQ-9 and GAD-7 totals and bands', () => {
  it('PHQ-9: the sum of the nine items; bands at 5/10/15/20', () => {
    assert.equal(totalOf('phq9', items([0, 1, 2, 3, 0, 1, 2, 3, 1])), 13);
    const bands = [0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map((total) => bandOf('phq9', total));
    assert.deepEqual(bands, ['minimal', 'minimal', 'mild', 'mild', 'moderate', 'moderate', 'moderatelySevere', 'moderatelySevere', 'severe', 'severe']);
  });

  it('GAD-7: the sum of the seven items; bands at 5/10/15, no moderately severe band', () => {
    assert.equal(totalOf('gad7', items([3, 3, 3, 3, 3, 3, 3])), 21);
    const bands = [4, 5, 9, 10, 14, 15, 21].map((total) => bandOf('gad7', total));
    assert.deepEqual(bands, ['minimal', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe']);
  });

  it('no total while an item is missing or unreadable (a health score is never guessed)', () => {
    assert.equal(totalOf('phq9', items([1, 1, 1, 1, 1, 1, 1, 1])), null);
    assert.equal(totalOf('gad7', { ...items([1, 1, 1, 1, 1, 1, 1]), item4: null }), null);
  });
});

describe('BAM scoring (VA manual)', () => {
  it('day counts fall into 0 · 1-3 · 4-8 · 9-15 · 16-30', () => {
    assert.deepEqual([0, 1, 3, 4, 8, 9, 15, 16, 30].map(bamDaysScore), [0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('use = items 4-6, risk = 1, 2, 3, 8, 11, 15, protective = 9, 10, 12, 13, 14, 16; 7A-G and 17 in none', () => {
    const answers: Record<string, number> = Object.fromEntries(BAM_ITEMS.map((k) => [k, 0]));
    Object.assign(answers, {
      item1: 4, item2: 16, item3: 9, item4: 2, item5: 1, item6: 30, item7a: 30, item7e: 30,
      item8: 3, item9: 1, item10: 4, item11: 3, item12: 2, item13: 0, item14: 4, item15: 2, item16: 8, item17: 4,
    });
    // Use: (2 → 1) + (1 → 1) + (30 → 4) = 6.
    // Risk: 4 + (16 → 4) + (9 → 3) + 3 + (3 → 1) + 2 = 17.
    // Protective: 1 + (4 → 2) + 2 + (0 → 0) + 4 + (8 → 2) = 11.
    assert.deepEqual(scoreBam(answers), { use: 6, risk: 17, protective: 11 });
    assert.deepEqual(scoreBam({ ...answers, item7a: 0, item7e: 0, item17: 0 }), { use: 6, risk: 17, protective: 11 });
  });

  it('no scores when a composite item could not be read', () => {
    const answers: Record<string, number | null> = Object.fromEntries(BAM_ITEMS.map((k) => [k, 1]));
    assert.ok(scoreBam(answers));
    assert.equal(scoreBam({ ...answers, item11: null }), null);
  });

  it('no drinking days skips heavy drinking; no drug days skips 7A-G', () => {
    assert.deepEqual(bamSkipsAfter('item4', 0), { item5: 0 });
    assert.deepEqual(bamSkipsAfter('item4', 3), {});
    assert.deepEqual(Object.keys(bamSkipsAfter('item6', 0)), ['item7a', 'item7b', 'item7c', 'item7d', 'item7e', 'item7f', 'item7g']);
    assert.deepEqual(bamSkipsAfter('item6', null), {});
  });
});

function record(change: Partial<MeasureRecord>): Pick<MeasureRecord, 'instrument' | 'items' | 'total' | 'bam'> {
  return { instrument: 'phq9', items: {}, total: null, bam: null, ...change };
}

describe('default flag rules for measures', () => {
  const rules = loadFlagRules();
  const codes = (r: ReturnType<typeof record>) => evaluateMeasure(r, rules).reasons.map((x) => `${x.code}:${x.severity}`);

  it('PHQ-9 ≥ 15 (moderately severe, severe) and GAD-7 ≥ 15 (severe) are moderate; below is nothing', () => {
    assert.deepEqual(codes(record({ total: 14, items: items([2, 2, 2, 2, 2, 2, 2, 0, 0]) })), []);
    assert.deepEqual(codes(record({ total: 15, items: items([2, 2, 2, 2, 2, 2, 2, 1, 0]) })), ['phq9_moderately_severe:moderate']);
    assert.deepEqual(codes(record({ instrument: 'gad7', total: 14 })), []);
    assert.deepEqual(codes(record({ instrument: 'gad7', total: 15 })), ['gad7_severe:moderate']);
  });

  it('PHQ-9 item 9 above 0 is urgent whatever the total, and counts before the total exists', () => {
    assert.deepEqual(codes(record({ total: 1, items: items([0, 0, 0, 0, 0, 0, 0, 0, 1]) })), ['phq9_item9:urgent']);
    assert.deepEqual(codes(record({ total: null, items: { item1: 0, item9: 3 } })), ['phq9_item9:urgent']);
    assert.equal(evaluateMeasure(record({ total: 20, items: items([3, 3, 3, 3, 3, 3, 2, 0, 1]) }), rules).severity, 'urgent');
  });

  it('BAM: any use day, risk 12 or more, protective 12 or less', () => {
    assert.deepEqual(codes(record({ instrument: 'bam', bam: { use: 0, risk: 11, protective: 13 } })), []);
    assert.deepEqual(codes(record({ instrument: 'bam', bam: { use: 1, risk: 12, protective: 12 } })), [
      'bam_use_days:moderate', 'bam_risk_high:moderate', 'bam_protective_low:moderate',
    ]);
  });

  it('a clinic file can flag a band with its own severity; out-of-range values are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-rules-'));
    const file = JSON.parse(readFileSync(DEFAULT_FLAG_RULES_PATH, 'utf8')) as { rules: unknown[] };
    file.rules.push({ code: 'phq9_moderate', field: 'phq9', op: '>=', value: 10, severity: 'low' });
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(file));
    const clinic = loadFlagRules(join(dir, 'ok.json'));
    assert.deepEqual(evaluateMeasure(record({ total: 11 }), clinic).reasons.map((r) => r.code), ['phq9_moderate']);

    file.rules.push({ code: 'gad7_too_high', field: 'gad7', op: '>=', value: 22, severity: 'low' });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(file));
    assert.throws(() => loadFlagRules(join(dir, 'bad.json')), (err: Error) => err instanceof FlagRulesError && /gad7 needs a number from 0 to 21/.test(err.message));
  });
});
