import type { TFunction } from 'i18next';
import { ActionTypes, Activity, CardAction, InputHints, MessageFactory } from 'botbuilder';
import { PromptSpec } from './prompt';
import { optionsOf, questionText, retryText, scalePoints } from './promptText';
import { RenderOptions } from './renderOptions';

/**
 * Web Chat, the Emulator, Direct Line and any channel we do not know: text
 * plus suggested actions. imBack posts the label as the participant's own
 * message, so the transcript reads naturally and the parser reads labels.
 */
export function renderWithSuggestedActions(spec: PromptSpec, t: TFunction, options: RenderOptions = {}): Partial<Activity> {
  const question = questionText(spec, t);
  if (spec.kind === 'message') return MessageFactory.text(question);

  const text = options.retry ? `${retryText(spec, t, false)}\n\n${question}` : question;
  const labels =
    spec.kind === 'scale' ? scalePoints(spec).map(String) : spec.kind === 'choice' || spec.kind === 'yesno' ? optionsOf(spec, t).map((o) => o.label) : [];
  if (spec.allowSkip) labels.push(t('prompts:skip'));
  if (labels.length === 0) return MessageFactory.text(text, undefined, InputHints.ExpectingInput);

  const actions: CardAction[] = labels.map((label) => ({ type: ActionTypes.ImBack, title: label, value: label }));
  return MessageFactory.suggestedActions(actions, text, undefined, InputHints.ExpectingInput);
}
