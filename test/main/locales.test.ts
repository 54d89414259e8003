import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createI18n, LANGUAGES, loadResources } from '../../bot/i18n';
import { renderPrompt } from '../../bot/channels/render';
import { countSegments } from '../../bot/channels/smsSegments';
import { TIP_CATEGORIES } from '../../bot/tips/catalog';
import { DESTINATIONS } from '../../dialogs/mainIntents';
import { assertFitsSms, assertLocaleFitsSms, assertPromptFitsSms } from '../helpers/sms';

/** The subtrees of common.json this part of Puente owns (the lead's enrollment texts are checked by the lead). */
const OWN_COMMON = ['menu', 'help', 'cancelled', 'language', 'error'];

describe('main, tips, sessions and settings texts', () => {
  const i18n = createI18n();

  it('fit 2 SMS segments in every language, with long names and phone numbers filled in', () => {
    // The longest values each placeholder takes ("12:30 p.m.", a US zone label); free text (session titles) gets 20 x's.
    const time = '12:30 p.m.';
    const vars = { name: 'Guadalupe Hernández', clinicPhone: '(555) 010-0000 ext. 1234', current: time, time, earliest: time, latest: time, count: 120, zone: 'America/Argentina/Buenos_Aires' };
    assertLocaleFitsSms(['common'], { vars, include: (key) => OWN_COMMON.includes(key.split('.')[0]) });
    assertLocaleFitsSms(['sessions', 'settings'], { vars, placeholderLength: 20 });
  });

  it('fit the menu, with a long name, as SMS shows it', () => {
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      const spec = {
        kind: 'choice' as const,
        textKey: 'common:menu.greeting',
        vars: { name: 'María Guadalupe Hernández' },
        choices: DESTINATIONS.map((d) => ({ value: d, labelKey: `common:menu.${d}` })),
      };
      const text = renderPrompt(spec, 'sms', t).text ?? '';
      assertFitsSms(text, `menu ${language}`);
      assert.ok(countSegments(text).segments <= 2);
    }
  });

  it('fit every tip offer as the yes/no question SMS shows', () => {
    for (const category of TIP_CATEGORIES) assertPromptFitsSms({ kind: 'yesno', textKey: `tips:offer.${category}` }, i18n);
  });

  it('keep the same keys in English and Spanish', () => {
    const resources = loadResources();
    const keys = (node: unknown, prefix = ''): string[] =>
      typeof node === 'object' && node !== null ? Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];
    for (const ns of ['tips', 'sessions', 'settings']) assert.deepEqual(keys(resources.es[ns]).sort(), keys(resources.en[ns]).sort(), ns);
    const common = (language: string) => keys(resources[language].common).filter((k) => OWN_COMMON.includes(k.split('.')[0]));
    assert.deepEqual(common('es').sort(), common('en').sort());
  });

  it('never name CANCEL / CANCELAR as a command (opt-out keywords on SMS)', () => {
    const resources = loadResources();
    for (const language of LANGUAGES) {
      for (const ns of ['common', 'tips', 'sessions', 'settings']) {
        assert.doesNotMatch(JSON.stringify(resources[language][ns]), /\b(CANCEL|CANCELAR)\b/, `${language}/${ns}`);
      }
    }
  });
});
