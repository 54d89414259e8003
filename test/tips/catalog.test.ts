import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPrompt } from '../../bot/channels/render';
import { countSegments } from '../../bot/channels/smsSegments';
import { createI18n, LANGUAGES, loadResources } from '../../bot/i18n';
import { TIP_CATEGORIES, TipCatalog, tipTextKey } from '../../bot/tips/catalog';
import { categoryForCheckin } from '../../bot/tips/match';
import { assertFitsSms, assertLocaleFitsSms } from '../helpers/sms';

const catalog = TipCatalog.load();
const resources = loadResources();
const tipTexts = (language: string) => (resources[language].tips as { tip: Record<string, string> }).tip;

describe('tip catalog', () => {
  it('has at least 24 tips, and at least 4 in every category', () => {
    assert.ok(catalog.tips.length >= 24, `${catalog.tips.length} tips`);
    for (const category of TIP_CATEGORIES) assert.ok(catalog.tipsIn(category).length >= 4, category);
  });

  it('has every skill of the CONTENT.md library', () => {
    const library = [
      'tipp', 'stop', 'acceptsOverview', 'oppositeAction', 'wiseMind', 'grounding54321', 'boxBreathing', 'urgeSurfing', 'sober', 'halt',
      'playTheTape', 'selfSoothe', 'checkTheFacts', 'callSupport', 'delayDistract', 'gratitudeList',
    ];
    for (const id of library) assert.ok(catalog.has(id), id);
    for (const id of ['sleepSchedule', 'windDown', 'getUpIfAwake']) assert.ok(catalog.tipsIn('sleep').includes(id), id);
  });

  it('has the text of every tip, and no other tip text, in every language', () => {
    const ids = catalog.tips.map((t) => t.id).sort();
    for (const language of LANGUAGES) assert.deepEqual(Object.keys(tipTexts(language)).sort(), ids, language);
  });

  it('cautions about heart conditions on every TIPP tip with cold water or hard exercise, in both languages', () => {
    for (const id of ['tipp', 'tippCold', 'tippExercise']) {
      assert.match(tipTexts('en')[id], /heart condition/i, id);
      assert.match(tipTexts('es')[id], /corazón/i, id);
    }
  });

  it('puts the 15-minute wait in delay-and-distract and 4-4-4-4 in box breathing', () => {
    assert.match(tipTexts('en').delayDistract, /15 minutes/);
    assert.match(tipTexts('es').delayDistract, /15 minutos/);
    for (const language of LANGUAGES) assert.equal(tipTexts(language).boxBreathing.match(/4/g)?.length, 5, language);
  });

  it('refuses a catalog with an unknown category, a duplicate id or an empty category', () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-tips-'));
    try {
      const write = (tips: unknown) => {
        const path = join(dir, 'catalog.json');
        writeFileSync(path, JSON.stringify({ tips }));
        return path;
      };
      const all = TIP_CATEGORIES.map((c) => ({ id: `t${c}`, categories: [c] }));
      assert.doesNotThrow(() => TipCatalog.load(write(all)));
      assert.throws(() => TipCatalog.load(write([...all, { id: 'x', categories: ['boredom'] }])), /categories/);
      assert.throws(() => TipCatalog.load(write([...all, all[0]])), /duplicate tip id/);
      assert.throws(() => TipCatalog.load(write(all.slice(1))), /category cravings has no tip/);
      assert.throws(() => TipCatalog.load(write([...all, { id: 'a.b', categories: ['sleep'] }])), /letters and digits/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tips on SMS', () => {
  it('renders every tip of every locale as an SMS of at most 2 segments', () => {
    const i18n = createI18n();
    const sizes: string[] = [];
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const { id } of catalog.tips) {
        const text = renderPrompt({ kind: 'message', textKey: tipTextKey(id) }, 'sms', t).text ?? '';
        assert.notEqual(text, tipTextKey(id), `${language} text of ${id} missing`);
        assertFitsSms(text, `${language} tip ${id}`);
        sizes.push(`${language} ${id} ${countSegments(text).segments}`);
      }
    }
    assert.equal(sizes.length, catalog.tips.length * LANGUAGES.length);
  });

  it('fits every other tips string (questions, answers, thanks) in 2 segments', () => {
    assertLocaleFitsSms(['tips']);
  });
});

describe('categoryForCheckin', () => {
  it('matches a strong craving or any use to cravings, before anything else', () => {
    assert.equal(categoryForCheckin({ mood: 1, craving: 9, sleepHours: 3 }), 'cravings');
    assert.equal(categoryForCheckin({ mood: 8, craving: 6 }), 'cravings');
    assert.equal(categoryForCheckin({ mood: 8, craving: 0, use: 'yes' }), 'cravings');
  });

  it('matches low mood (or a positive PHQ-2) to low mood, then anxiety, then short sleep', () => {
    assert.equal(categoryForCheckin({ mood: 2, craving: 3, sleepHours: 4 }), 'lowMood');
    assert.equal(categoryForCheckin({ mood: 6, phq2: 4 }), 'lowMood');
    assert.equal(categoryForCheckin({ mood: 6, gad2: 3, sleepHours: 4 }), 'anxiety');
    assert.equal(categoryForCheckin({ mood: 6, craving: 2, sleepHours: 4.5 }), 'sleep');
  });

  it('matches some craving to cravings and an ordinary day to stress; unanswered items count for nothing', () => {
    assert.equal(categoryForCheckin({ mood: 6, craving: 4, sleepHours: 8 }), 'cravings');
    assert.equal(categoryForCheckin({ mood: 7, craving: 1, sleepHours: 8, use: 'no' }), 'stress');
    assert.equal(categoryForCheckin({ mood: null, craving: null, sleepHours: null, use: 'prefer_not' }), 'stress');
    assert.equal(categoryForCheckin({}), 'stress');
  });

  it('accepts a whole check-in record answers object', () => {
    const answers = { mood: 5, craving: 2, use: 'no', sleepHours: 5, medication: 'yes', wishedDead: false, suicidalThoughts: false, note: null };
    assert.equal(categoryForCheckin(answers), 'sleep');
  });
});
