import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { i18n as I18n } from 'i18next';
import { createI18n, LANGUAGES, LOCALES_DIR } from '../../bot/i18n';
import { ChoicePromptSpec, NumberPromptSpec, ScalePromptSpec, TextPromptSpec, YesNoPromptSpec } from '../../bot/channels/prompt';

/**
 * Check-in-like questions in a test-only namespace, with the real prompts.json
 * beside them, so these tests do not break when clinic wording changes but do
 * run the real generic prompt words. Lengths are realistic on purpose.
 */
const SAMPLE = {
  en: {
    mood: 'How is your mood today? 0 = worst, 10 = best',
    sleep: 'How many hours did you sleep last night?',
    use: 'Have you used since your last check-in?',
    preferNot: 'Prefer not to say',
    safety: 'Since your last check-in, have you wished you were dead?',
    note: 'Anything you want your care team to know?',
    phqItem: 'Feeling nervous, anxious, or on edge',
    notAtAll: 'Not at all',
    several: 'Several days',
    moreThanHalf: 'More than half the days',
    nearlyEvery: 'Nearly every day',
    thanks: 'Thanks, {{name}}. See you tomorrow.',
  },
  es: {
    mood: '¿Cómo está su ánimo hoy? 0 = peor, 10 = mejor',
    sleep: '¿Cuántas horas durmió anoche?',
    use: '¿Ha consumido desde su último registro?',
    preferNot: 'Prefiero no decir',
    safety: 'Desde su último registro, ¿ha deseado estar muerto(a)?',
    note: '¿Algo que quiera decirle a su equipo de atención?',
    phqItem: 'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
    notAtAll: 'Ningún día',
    several: 'Varios días',
    moreThanHalf: 'Más de la mitad de los días',
    nearlyEvery: 'Casi todos los días',
    thanks: 'Gracias, {{name}}. Hasta mañana.',
  },
};

/** A locales/ copy with the SAMPLE namespace added; extra namespaces can be layered on. */
export function fixtureLocalesDir(extra: Partial<Record<string, Record<string, Record<string, unknown>>>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-locales-'));
  for (const lang of LANGUAGES) {
    mkdirSync(join(dir, lang));
    cpSync(join(LOCALES_DIR, lang, 'prompts.json'), join(dir, lang, 'prompts.json'));
    writeFileSync(join(dir, lang, 'sample.json'), JSON.stringify(SAMPLE[lang]));
    for (const [ns, byLang] of Object.entries(extra)) {
      writeFileSync(join(dir, lang, `${ns}.json`), JSON.stringify(byLang?.[lang] ?? {}));
    }
  }
  return dir;
}

export function fixtureI18n(): I18n {
  return createI18n('en', fixtureLocalesDir());
}

export const mood: ScalePromptSpec = { kind: 'scale', textKey: 'sample:mood', min: 0, max: 10 };
export const sleep: NumberPromptSpec = { kind: 'number', textKey: 'sample:sleep', min: 0, max: 24, step: 0.5, example: '7.5' };
export const safety: YesNoPromptSpec = { kind: 'yesno', textKey: 'sample:safety' };
export const note: TextPromptSpec = { kind: 'text', textKey: 'sample:note', allowSkip: true };
export const use: ChoicePromptSpec = {
  kind: 'choice',
  textKey: 'sample:use',
  choices: [
    { value: 'yes', labelKey: 'prompts:yes' },
    { value: 'no', labelKey: 'prompts:no' },
    { value: 'preferNot', labelKey: 'sample:preferNot' },
  ],
};
const frequency = [
  { value: '0', labelKey: 'sample:notAtAll' },
  { value: '1', labelKey: 'sample:several' },
  { value: '2', labelKey: 'sample:moreThanHalf' },
  { value: '3', labelKey: 'sample:nearlyEvery' },
];
export const phqItem: ChoicePromptSpec = { kind: 'choice', textKey: 'sample:phqItem', choices: frequency };
export const phqItemAfterLegend: ChoicePromptSpec = { ...phqItem, optionsListedBefore: true };
