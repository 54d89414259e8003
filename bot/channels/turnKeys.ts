import type { i18n as I18n, TFunction } from 'i18next';
import type { TurnContext } from 'botbuilder';
import { Language, isLanguage } from '../i18n';

/**
 * turnState keys the turn pipeline fills before any dialog runs, so prompts can
 * render and parse in the participant's language without knowing where it came from.
 *
 *   context.turnState.set(LANGUAGE_KEY, 'es');          // a Language
 *   context.turnState.set(I18N_KEY, i18nInstance);      // from createI18n()
 */
export const LANGUAGE_KEY = 'puente.language';
export const I18N_KEY = 'puente.i18n';

export interface TurnLanguage {
  language: Language;
  i18n: I18n;
  t: TFunction;
}

/** The participant's language for this turn; throws if the pipeline did not set it (never guess a language). */
export function turnLanguage(context: TurnContext): TurnLanguage {
  const language: unknown = context.turnState.get(LANGUAGE_KEY);
  const i18n: I18n | undefined = context.turnState.get(I18N_KEY);
  if (!isLanguage(language) || !i18n) {
    throw new Error(`turnState must carry ${LANGUAGE_KEY} (en|es) and ${I18N_KEY} before dialogs run`);
  }
  return { language, i18n, t: i18n.getFixedT(language) };
}
