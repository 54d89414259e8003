import type { TFunction } from 'i18next';
import { ActionTypes, Activity, CardAction, InputHints, MessageFactory } from 'botbuilder';
import { MessageSpec, PromptSpec } from './prompt';
import { optionsOf, questionText, retryText, scalePoints } from './promptText';
import { RenderOptions } from './renderOptions';

/**
 * Web Chat, the Emulator, Direct Line and any channel we do not know: text
 * plus suggested actions. imBack posts the label as the participant's own
 * message, so the transcript reads naturally and the parser reads labels.
 */
/** A message, with its reply buttons as suggested actions (Web Chat, and Teams, which shows imBack ones in every scope). */
export function messageWithReplyButtons(spec: MessageSpec, t: TFunction): Partial<Activity> {
  const text = questionText(spec, t);
  if (!spec.replyButtons?.length) return MessageFactory.text(text);
  const actions: CardAction[] = spec.replyButtons.map((key) => ({ type: ActionTypes.ImBack, title: t(key), value: t(key) }));
  return MessageFactory.suggestedActions(actions, text);
}

export function renderWithSuggestedActions(spec: PromptSpec, t: TFunction, options: RenderOptions = {}): Partial<Activity> {
  const question = questionText(spec, t);
  if (spec.kind === 'message') return messageWithReplyButtons(spec, t);

  const text = options.retry ? `${retryText(spec, t, false)}\n\n${question}` : question;
  const labels =
    spec.kind === 'scale' ? scalePoints(spec).map(String) : spec.kind === 'choice' || spec.kind === 'yesno' ? optionsOf(spec, t).map((o) => o.label) : [];
  if (spec.allowSkip) labels.push(t('prompts:skip'));
  if (labels.length === 0) return MessageFactory.text(text, undefined, InputHints.ExpectingInput);

  const actions: CardAction[] = labels.map((label) => ({ type: ActionTypes.ImBack, title: label, value: label }));
  return MessageFactory.suggestedActions(actions, text, undefined, InputHints.ExpectingInput);
}
