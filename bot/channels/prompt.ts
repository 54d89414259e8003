/**
 * The channel-neutral prompt a dialog emits. Text is given as i18n keys
 * (`ns:key`) and translated at render time, so one spec serves every channel
 * and language. Specs are plain JSON: AnswerPrompt keeps them in dialog state.
 */

/** Values handed to i18next interpolation; JSON-safe because specs are persisted. */
export type PromptVars = Record<string, string | number>;

export interface PromptChoice {
  /** What the dialog gets back. A choice valued 'yes' or 'no' also accepts yes/no words. */
  value: string;
  labelKey: string;
  vars?: PromptVars;
}

interface PromptBase {
  /** Tells this prompt's card buttons from an older card's; defaults to textKey. */
  id?: string;
  textKey: string;
  vars?: PromptVars;
  /** Offer "skip" (button, SMS hint) and accept skip words as an answer. */
  allowSkip?: boolean;
}

/** Integer points min..max shown as buttons ("Reply 0-10" on SMS). */
export interface ScalePromptSpec extends PromptBase {
  kind: 'scale';
  min: number;
  max: number;
  /** Shown in the re-prompt; defaults to 7 clamped into min..max. */
  example?: string;
}

/** A free number such as hours of sleep; replies are rounded to the nearest step. */
export interface NumberPromptSpec extends PromptBase {
  kind: 'number';
  min: number;
  max: number;
  /** Default 1; 0.5 accepts halves ("six and a half", "7,5"). */
  step?: number;
  example?: string;
}

export interface ChoicePromptSpec extends PromptBase {
  kind: 'choice';
  choices: PromptChoice[];
  /**
   * SMS only: the numbered options were listed in an earlier message (e.g. the
   * weekly screen's stem), so this one shows just "Reply 1-4". Keeps long
   * items within 2 segments; replies are read the same way.
   */
  optionsListedBefore?: boolean;
}

export interface YesNoPromptSpec extends PromptBase {
  kind: 'yesno';
}

/** Free text; with allowSkip, skip words (skip, saltar, no, nada…) mean "skipped". */
export interface TextPromptSpec extends PromptBase {
  kind: 'text';
  /**
   * The answer is an entry for the person's own safety plan (warning signs,
   * reasons for living…), which goes to staff as a suggestion. Such words are
   * expected to sound like risk ("I stop answering my phone"), so the screen's
   * model alone does not interrupt them with the risk question; the crisis
   * tier still opens an episode (bot/safety/gate.ts).
   */
  safetyPlanEntry?: boolean;
}

/** A message that expects no answer (confirmations, outreach texts). */
export interface MessageSpec {
  kind: 'message';
  textKey: string;
  vars?: PromptVars;
  /**
   * Label keys of buttons that send their label as the participant's own
   * message (suggested actions, imBack), e.g. "Check in" under the outreach
   * prompt. SMS shows none: there the text itself says what to reply.
   */
  replyButtons?: string[];
}

export type QuestionSpec = ScalePromptSpec | NumberPromptSpec | ChoicePromptSpec | YesNoPromptSpec | TextPromptSpec;
export type PromptSpec = QuestionSpec | MessageSpec;
export type PromptKind = PromptSpec['kind'];

/** The answer value each kind yields. */
export interface AnswerValueByKind {
  scale: number;
  number: number;
  choice: string;
  yesno: boolean;
  text: string;
}
export type AnswerValue = AnswerValueByKind[keyof AnswerValueByKind];

export function promptId(spec: QuestionSpec): string {
  return spec.id ?? spec.textKey;
}

/** The example a number/scale re-prompt shows. */
export function exampleFor(spec: ScalePromptSpec | NumberPromptSpec): string {
  return spec.example ?? String(Math.min(spec.max, Math.max(spec.min, 7)));
}

/**
 * What a Teams card submit carries in `activity.value`. Action.Submit merges
 * card inputs into `data`, so an Input.Number/Input.Text with id ANSWER_FIELD
 * lands in the same field as a button's value.
 */
export const ANSWER_FIELD = 'puenteAnswer';
export const PROMPT_FIELD = 'puentePrompt';
export const SKIP_FIELD = 'puenteSkip';

export interface CardSubmitData {
  [ANSWER_FIELD]?: string | number;
  [PROMPT_FIELD]: string;
  [SKIP_FIELD]?: true;
}
