import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * The dashboard says every flag reason in its own language: no rule id, no
 * English fragment on the Spanish page. Every code a flag can carry (the
 * clinic's rules and signals in rules.default.json, and the codes the bot
 * raises itself) has a label in both staff locales, and so has every detail
 * key and coded value the dashboard prints beside it.
 */
const ROOT = join(__dirname, '..', '..');
const LANGUAGES = ['en', 'es'] as const;
const staff = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(readFileSync(join(ROOT, 'locales', l, 'staff.json'), 'utf8'))]));
const rules = JSON.parse(readFileSync(join(ROOT, 'bot', 'flags', 'rules.default.json'), 'utf8')) as {
  rules: Array<{ code: string; field: string }>;
  signals: Array<{ code: string }>;
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Reason codes raised in code: `{ code: 'x', severity: … }` literals. */
function raisedInCode(): string[] {
  const codes = new Set<string>();
  for (const file of sources(join(ROOT, 'bot'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/code: '([a-z0-9_]+)',\s*severity/g)) codes.add(m[1]);
  }
  return [...codes];
}

function text(language: string, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), staff[language]);
}

describe('flag reasons in the dashboard languages', () => {
  const codes = [...new Set([...rules.rules.map((r) => r.code), ...rules.signals.map((s) => s.code), ...raisedInCode()])].sort();

  it('finds the codes it checks (the scan cannot pass vacuously)', () => {
    for (const known of ['safety_yes', 'crisis_language', 'risk_confirmed', 'says_not_safe', 'missed_checkins', 'outreach_undeliverable']) {
      assert.ok(codes.includes(known), known);
    }
  });

  for (const language of LANGUAGES) {
    it(`every reason code has a ${language} label`, () => {
      const missing = codes.filter((code) => typeof text(language, `reason.${code}`) !== 'string');
      assert.deepEqual(missing, [], `reason codes without staff:reason.* in ${language}`);
    });

    it(`every detail key and coded value has ${language} words`, () => {
      const keys = [...rules.rules.map((r) => r.field), 'threshold', 'inARow', 'lastPromptDate', 'answer', 'kind', 'channel', 'outcome', 'attempts'];
      const missingKeys = keys.filter((k) => typeof text(language, `detail.${k}`) !== 'string' && typeof text(language, `answer.${k}`) !== 'string');
      assert.deepEqual(missingKeys, []);
      const values = ['checkin', 'followup', 'reminder', 'none', 'not_sure', 'yes', 'no', 'unanswered', 'unreachable', 'failed', 'deferred', 'lost'];
      assert.deepEqual(values.filter((v) => typeof text(language, `detailValue.${v}`) !== 'string'), []);
      for (const kind of ['suicide', 'self_harm', 'overdose', 'danger_from_other', 'other_at_risk', 'unknown']) {
        assert.equal(typeof text(language, `kind.${kind}`), 'string', `kind.${kind}`);
      }
    });
  }

  it('the Spanish labels are not the English ones', () => {
    const same = codes.filter((code) => text('es', `reason.${code}`) === text('en', `reason.${code}`) && !/^(PHQ|GAD)/.test(String(text('en', `reason.${code}`))));
    assert.deepEqual(same, []);
  });
});
