import assert from 'node:assert/strict';
import type { i18n as I18n } from 'i18next';
import { createI18n, LANGUAGES, loadResources, LOCALES_DIR } from '../../bot/i18n';
import { PromptSpec } from '../../bot/channels/prompt';
import { renderPrompt } from '../../bot/channels/render';
import { countSegments, nonGsmCharacters, SMS_SEGMENT_BUDGET } from '../../bot/channels/smsSegments';

/**
 * SMS budget checks for any team's tests: every SMS-rendered message must fit
 * SMS_SEGMENT_BUDGET segments in every language.
 *
 *   assertPromptFitsSms(spec)                        // a question as SMS shows it, first ask and re-prompt
 *   assertLocaleFitsSms(['outreach'], { vars: { name: 'Guadalupe' } })  // every string of some namespaces
 */

/** Fails with the text, its size and the characters that forced UCS-2. */
export function assertFitsSms(text: string, where: string): void {
  const size = countSegments(text);
  const culprits = size.encoding === 'UCS-2' ? ` (UCS-2 because of: ${[...new Set(nonGsmCharacters(text))].join(' ')})` : '';
  assert.ok(
    size.segments <= SMS_SEGMENT_BUDGET,
    `${where}: ${size.segments} SMS segments, budget ${SMS_SEGMENT_BUDGET}; ${size.units} ${size.encoding} units${culprits}:\n${text}`,
  );
}

/** Renders the spec on `sms` in every language, as first asked and as re-prompted, and checks each fits. */
export function assertPromptFitsSms(spec: PromptSpec, i18n: I18n = createI18n()): void {
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    const renderings = spec.kind === 'message' ? [false] : [false, true];
    for (const retry of renderings) {
      const text = renderPrompt(spec, 'sms', t, { retry }).text ?? '';
      assertFitsSms(text, `${spec.textKey} [${language}${retry ? ', re-prompt' : ''}]`);
    }
  }
}

export interface LocaleSmsOptions {
  /** Values for {{placeholders}}; any other placeholder becomes `placeholderLength` x's. */
  vars?: Record<string, string | number>;
  placeholderLength?: number;
  /** Only keys (dotted, without namespace) this returns true for, e.g. staff-only strings left out. */
  include?: (key: string) => boolean;
  localesDir?: string;
}

/** Every string of the given namespaces, in every language, interpolated, fits the SMS budget. */
export function assertLocaleFitsSms(namespaces: string[], options: LocaleSmsOptions = {}): void {
  const resources = loadResources(options.localesDir ?? LOCALES_DIR);
  const filler = 'x'.repeat(options.placeholderLength ?? 10);
  for (const language of LANGUAGES) {
    for (const ns of namespaces) {
      const strings = leafStrings(resources[language]?.[ns]).filter(([key]) => !options.include || options.include(key));
      // An empty check would pass silently: a misspelt namespace or filter must fail instead.
      assert.ok(strings.length > 0, `locales/${language}/${ns}.json: no strings to check`);
      for (const [key, raw] of strings) {
        const text = raw.replace(/{{\s*([\w.]+)[^}]*}}/g, (_, name: string) => String(options.vars?.[name] ?? filler));
        assertFitsSms(text, `${language}/${ns}:${key}`);
      }
    }
  }
}

function leafStrings(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => leafStrings(v, prefix ? `${prefix}.${k}` : k));
}
