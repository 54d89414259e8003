import type { TFunction } from 'i18next';
import { NumberPromptSpec, PromptChoice, PromptSpec, QuestionSpec, ScalePromptSpec, exampleFor } from './prompt';

/** The translated words every renderer shares; the renderers only lay them out. */

export function questionText(spec: PromptSpec, t: TFunction): string {
  return t(spec.textKey, spec.vars ?? {});
}

export const YES_NO_CHOICES: readonly PromptChoice[] = [
  { value: 'yes', labelKey: 'prompts:yes' },
  { value: 'no', labelKey: 'prompts:no' },
];

/** The options of a choice or yes/no question, in the order they are shown and numbered. */
export function optionsOf(spec: QuestionSpec, t: TFunction): Array<{ value: string; label: string }> {
  const choices = spec.kind === 'choice' ? spec.choices : spec.kind === 'yesno' ? YES_NO_CHOICES : [];
  return choices.map((c) => ({ value: c.value, label: t(c.labelKey, c.vars ?? {}) }));
}

export function scalePoints(spec: ScalePromptSpec): number[] {
  return Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
}

/**
 * The one re-prompt after an answer we could not read: says what a good answer
 * looks like. Yes/no gives no example on purpose: "for example: yes" would
 * nudge an answer to a safety question.
 */
export function retryText(spec: QuestionSpec, t: TFunction, numberedOptions: boolean): string {
  switch (spec.kind) {
    case 'scale':
    case 'number':
      return t('prompts:retry.number', numberVars(spec));
    case 'choice':
      return numberedOptions ? t('prompts:retry.choiceNumbers', { count: spec.choices.length }) : t('prompts:retry.choiceButtons');
    case 'yesno':
      return t('prompts:retry.yesno');
    case 'text':
      return t('prompts:retry.text');
  }
}

export function numberVars(spec: ScalePromptSpec | NumberPromptSpec): { min: number; max: number; example: string } {
  return { min: spec.min, max: spec.max, example: exampleFor(spec) };
}
