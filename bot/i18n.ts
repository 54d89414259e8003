import i18next, { i18n, Resource, TFunction } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Languages Puente speaks. Adding one means adding a folder under locales/. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOCALES_DIR = join(__dirname, '..', 'locales');

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** "es-US", "es_MX", "ES" → "es"; anything we do not speak → undefined. */
export function languageOf(locale: string | undefined | null): Language | undefined {
  if (!locale) return undefined;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}

/** Reads every namespace file of every language from locales/ (so clinics edit JSON, not code). */
export function loadResources(dir = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const lang of LANGUAGES) {
    resources[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

/**
 * An isolated i18next instance (no global state, so tests can build many apps).
 * Keys are written `namespace:key`, e.g. t('checkin:mood.ask').
 */
export function createI18n(defaultLanguage: Language = 'en', dir = LOCALES_DIR): i18n {
  const resources = loadResources(dir);
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    lng: defaultLanguage,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** A translator fixed to one language. */
export type Translate = TFunction;

export function translatorFor(i18n: i18n, language: Language): Translate {
  return i18n.getFixedT(language);
}
