import { ActivityTypes, TurnContext } from 'botbuilder';
import { Dialog, DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { AnswerValue, AnswerValueByKind, QuestionSpec } from '../../bot/channels/prompt';
import { RenderOptions, renderPrompt } from '../../bot/channels/render';
import { turnFacts } from '../../bot/turn/turnFacts';
import { parseAnswer } from './parse';

/**
 * What AnswerPrompt ends with:
 * - answered: a value of the kind asked (number for scale/number, boolean for
 *   yesno, the choice's value, the trimmed text);
 * - skipped: the participant used a skip word or button (only with allowSkip);
 * - invalid: two replies in a row could not be read (questionnaires only, see
 *   UnreadablePolicy). The prompt has already said "OK, let's move on."; the
 *   caller records no answer and asks its next question.
 */
export type AnswerResult<V extends AnswerValue = AnswerValue> =
  | { status: 'answered'; value: V }
  | { status: 'skipped' }
  | { status: 'invalid' };

export type AnswerResultFor<S extends QuestionSpec> = AnswerResult<AnswerValueByKind[S['kind']]>;

/**
 * What a second unreadable reply does. A questionnaire (check-in, weekly
 * screen) records the item as unreadable and moves on to its next question.
 * Anywhere else a choice or yes/no question is a fork in the conversation:
 * ending it would leave the participant with nothing to answer, so the
 * options are shown again and the question stays open (MENU still leaves).
 */
export type UnreadablePolicy = 'moveOn' | 'showOptionsAgain';

interface AnswerPromptState {
  spec: QuestionSpec;
  retried: boolean;
}

/**
 * Asks one question described by a QuestionSpec (the dialog options), rendered
 * for the turn's channel in the participant's language (the turn facts, see
 * bot/turn/turnFacts.ts), and reads the reply with parseAnswer.
 * An unreadable reply gets one re-prompt that shows a good answer; a second
 * one ends the prompt as 'invalid' or shows the options again (UnreadablePolicy). A click on an older Teams card is not a
 * wrong answer: the current question is shown again without using the retry.
 */
export class AnswerPrompt extends Dialog<QuestionSpec> {
  static readonly DEFAULT_ID = 'answerPrompt';

  constructor(
    dialogId: string = AnswerPrompt.DEFAULT_ID,
    private readonly unreadable: UnreadablePolicy = 'showOptionsAgain',
  ) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, spec?: QuestionSpec): Promise<DialogTurnResult> {
    if (!spec || (spec.kind as string) === 'message') {
      throw new Error(`${this.id} needs a question spec (scale, number, choice, yesno or text)`);
    }
    const state: AnswerPromptState = { spec, retried: false };
    Object.assign(instanceOf(dc).state, state);
    await ask(dc.context, spec);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    if (context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;

    const state = instanceOf(dc).state as AnswerPromptState;
    const parsed = parseAnswer(context.activity, state.spec, turnFacts(context));
    if (parsed.ok) {
      const result: AnswerResult = parsed.value === null ? { status: 'skipped' } : { status: 'answered', value: parsed.value };
      return dc.endDialog(result);
    }
    if (parsed.reason === 'stale-card') {
      await ask(context, state.spec);
      return Dialog.EndOfTurn;
    }
    if (!state.retried) {
      state.retried = true;
      await ask(context, state.spec, { retry: true });
      return Dialog.EndOfTurn;
    }
    if (this.unreadable === 'showOptionsAgain' && (state.spec.kind === 'choice' || state.spec.kind === 'yesno')) {
      state.retried = false;
      await say(context, 'prompts:optionsAgain');
      await ask(context, state.spec);
      return Dialog.EndOfTurn;
    }
    await say(context, 'prompts:giveUp');
    const result: AnswerResult = { status: 'invalid' };
    return dc.endDialog(result);
  }

  /** After an interruption (e.g. the help reply) the question is asked again as new. */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await ask(context, (instance.state as AnswerPromptState).spec);
  }
}

function instanceOf(dc: DialogContext): DialogInstance {
  if (!dc.activeDialog) throw new Error('AnswerPrompt used outside an active dialog');
  return dc.activeDialog;
}

async function ask(context: TurnContext, spec: QuestionSpec, options?: RenderOptions): Promise<void> {
  const { t } = turnFacts(context);
  await context.sendActivity(renderPrompt(spec, context.activity.channelId, t, options));
}

async function say(context: TurnContext, textKey: string): Promise<void> {
  const { t } = turnFacts(context);
  await context.sendActivity(renderPrompt({ kind: 'message', textKey }, context.activity.channelId, t));
}
