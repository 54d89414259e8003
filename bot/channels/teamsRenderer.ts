import type { TFunction } from 'i18next';
import { Activity, ActivityTypes, CardFactory, InputHints, MessageFactory } from 'botbuilder';
import { ANSWER_FIELD, CardSubmitData, PROMPT_FIELD, PromptSpec, QuestionSpec, SKIP_FIELD, exampleFor, promptId } from './prompt';
import { optionsOf, questionText, retryText, scalePoints } from './promptText';
import { RenderOptions } from './renderOptions';
import { messageWithReplyButtons } from './suggestedActionsRenderer';

/** The slice of Adaptive Card 1.5 Puente uses, typed so a misspelt property fails to compile. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
}
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: CardSubmitData;
}
export interface ActionSet {
  type: 'ActionSet';
  actions: SubmitAction[];
}
export interface NumberInput {
  type: 'Input.Number';
  id: typeof ANSWER_FIELD;
  min: number;
  max: number;
  placeholder: string;
}
/** Teams' line chart (Teams-only card element; hosts without charts show `fallback`). */
export interface LineChart {
  type: 'Chart.Line';
  title: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  data: Array<{ legend: string; values: Array<{ x: string; y: number }> }>;
  fallback: TextBlock;
}
export type CardElement = TextBlock | ActionSet | NumberInput | LineChart;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  fallbackText: string;
  body: CardElement[];
}

/** Teams shows at most 6 actions in a row before folding the rest into a menu. */
const MAX_ACTIONS_PER_ROW = 6;

/**
 * Teams: the question on an Adaptive Card 1.5 with a button per scale point or
 * option. A button's data carries the answer and which prompt it belongs to,
 * so a click on an older card is told apart (see parse.ts). Typing the answer
 * in the compose box works too. Free-text questions stay plain messages, with
 * a Skip button when skipping is allowed.
 */
export function renderTeams(spec: PromptSpec, t: TFunction, options: RenderOptions = {}): Partial<Activity> {
  const question = questionText(spec, t);
  if (spec.kind === 'message') return messageWithReplyButtons(spec, t);

  const textBlocks: TextBlock[] = [
    ...(options.retry ? [textBlock(retryText(spec, t, false))] : []),
    textBlock(question),
  ];
  const answerElements = answerElementsFor(spec, t);
  const skip = spec.allowSkip ? [actionSet([submit(t('prompts:skip'), { [PROMPT_FIELD]: promptId(spec), [SKIP_FIELD]: true })])] : [];
  const inputs = [...answerElements, ...skip];
  if (inputs.length === 0) {
    return MessageFactory.text(textBlocks.map((b) => b.text).join('\n\n'), undefined, InputHints.ExpectingInput);
  }

  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: question,
    body: [...textBlocks, ...inputs],
  };
  return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)], inputHint: InputHints.ExpectingInput };
}

function answerElementsFor(spec: QuestionSpec, t: TFunction): CardElement[] {
  const id = promptId(spec);
  const answer = (title: string, value: string) => submit(title, { [PROMPT_FIELD]: id, [ANSWER_FIELD]: value });
  switch (spec.kind) {
    case 'scale':
      return chunk(scalePoints(spec).map((p) => answer(String(p), String(p))), MAX_ACTIONS_PER_ROW).map(actionSet);
    case 'yesno':
      return [actionSet(optionsOf(spec, t).map((o) => answer(o.label, o.value)))];
    case 'choice':
      // One option per row: labels like "More than half the days" would be cut off side by side.
      return optionsOf(spec, t).map((o) => actionSet([answer(o.label, o.value)]));
    case 'number':
      return [
        { type: 'Input.Number', id: ANSWER_FIELD, min: spec.min, max: spec.max, placeholder: t('prompts:numberPlaceholder', { example: exampleFor(spec) }) },
        actionSet([submit(t('prompts:send'), { [PROMPT_FIELD]: id })]),
      ];
    case 'text':
      return [];
  }
}

function textBlock(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true };
}

function submit(title: string, data: CardSubmitData): SubmitAction {
  return { type: 'Action.Submit', title, data };
}

function actionSet(actions: SubmitAction[]): ActionSet {
  return { type: 'ActionSet', actions };
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}
