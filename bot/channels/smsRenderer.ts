import type { TFunction } from 'i18next';
import { Activity, ActivityTypes, InputHints } from 'botbuilder';
import { ChoicePromptSpec, PromptSpec, YesNoPromptSpec } from './prompt';
import { numberVars, optionsOf, questionText, retryText } from './promptText';
import { RenderOptions } from './renderOptions';

/**
 * SMS: one plain text, options numbered one per line ("1 Yes\n2 No") so a
 * reply of "2" works on any phone. No cards, no buttons. Every text must fit
 * 2 segments; test/helpers/sms.ts checks the locale content against that.
 * The hints use a hyphen ("Reply 0-10"): an en dash is not GSM-7 and would
 * halve the room of an English text.
 */
export function renderSms(spec: PromptSpec, t: TFunction, options: RenderOptions = {}): Partial<Activity> {
  if (spec.kind === 'message') return { type: ActivityTypes.Message, text: questionText(spec, t), inputHint: InputHints.AcceptingInput };

  const lines: string[] = [];
  if (options.retry) {
    lines.push(retryText(spec, t, true));
  } else {
    lines.push(questionText(spec, t));
    switch (spec.kind) {
      case 'scale':
        lines.push(t('prompts:sms.replyRange', { min: spec.min, max: spec.max }));
        break;
      case 'number':
        lines.push(t('prompts:sms.replyNumber', numberVars(spec)));
        break;
      case 'yesno':
        // "1 Yes / 2 No" needs no instructions.
        lines.push(...numberedOptions(spec, t));
        break;
      case 'choice':
        if (!spec.optionsListedBefore) lines.push(...numberedOptions(spec, t));
        lines.push(t('prompts:sms.replyRange', { min: 1, max: spec.choices.length }));
        break;
      case 'text':
        break;
    }
  }
  if (spec.allowSkip) lines.push(t('prompts:sms.replySkip'));
  return { type: ActivityTypes.Message, text: lines.join('\n'), inputHint: InputHints.ExpectingInput };
}

function numberedOptions(spec: ChoicePromptSpec | YesNoPromptSpec, t: TFunction): string[] {
  return optionsOf(spec, t).map((o, i) => `${i + 1} ${o.label}`);
}
