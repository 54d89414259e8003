import { ComponentDialog, DialogContext, DialogTurnResult, WaterfallDialog } from 'botbuilder-dialogs';
import { ChoicePromptSpec } from '../bot/channels/prompt';
import { ScreenItems, WeeklyScreen, scoreWeeklyScreen } from '../bot/domain/checkins';
import { AnswerPrompt } from './prompts/answerPrompt';
import { say } from './say';
import { answerOf, Step, typedSteps } from './steps';

export const WEEKLY_SCREEN_DIALOG = 'weeklyScreen';
const ITEM_LOOP = 'weeklyScreen.item';

/** PHQ-2 (first two) then GAD-2 (last two), in the order of the instruments. */
export const SCREEN_ITEMS = ['littleInterest', 'feelingDown', 'nervous', 'cannotStopWorrying'] as const satisfies ReadonlyArray<keyof ScreenItems>;
type ScreenItem = (typeof SCREEN_ITEMS)[number];

/** Partial answers while the screen runs; null = two unreadable replies. */
type ScreenAnswers = Partial<Record<ScreenItem, number | null>>;

/** Each item is one pass of the loop, begun with the answers so far. */
interface ItemLoopOptions {
  answers: ScreenAnswers;
}

/** "How often?" about one item: the four options, valued by their score 0–3. */
export function screenQuestion(item: ScreenItem): ChoicePromptSpec {
  return {
    kind: 'choice',
    // One id per item: a tap on the previous item's card is not an answer to this one.
    id: `screen.${item}`,
    textKey: 'screen:howOften',
    choices: [
      { value: '0', labelKey: 'screen:option.notAtAll' },
      { value: '1', labelKey: 'screen:option.severalDays' },
      { value: '2', labelKey: 'screen:option.moreThanHalf' },
      { value: '3', labelKey: 'screen:option.nearlyEveryDay' },
    ],
  };
}

function scored(answers: ScreenAnswers): WeeklyScreen {
  return scoreWeeklyScreen({
    littleInterest: answers.littleInterest ?? null,
    feelingDown: answers.feelingDown ?? null,
    nervous: answers.nervous ?? null,
    cannotStopWorrying: answers.cannotStopWorrying ?? null,
  });
}

/**
 * The weekly PHQ-2 + GAD-2, appended to the check-in on the participant's
 * screen day. Ends with a WeeklyScreen; the check-in stores it and its rules
 * flag a positive screen. The stem goes first on its own, then each item
 * followed by "How often?" with the four options: an item and the four
 * Spanish options in one text would not fit two SMS segments.
 */
export class WeeklyScreenDialog extends ComponentDialog {
  constructor() {
    super(WEEKLY_SCREEN_DIALOG);
    this.addDialog(new AnswerPrompt(AnswerPrompt.DEFAULT_ID, 'moveOn'));
    this.addDialog(new WaterfallDialog(ITEM_LOOP, typedSteps<ItemLoopOptions>((s) => this.askItem(s), (s) => this.recordItem(s))));
    this.initialDialogId = ITEM_LOOP;
  }

  protected override async onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    await say(inner.context, 'screen:intro');
    await say(inner.context, 'screen:stem');
    return inner.beginDialog(ITEM_LOOP, { answers: {} } satisfies ItemLoopOptions);
  }

  private async askItem(step: Step<ItemLoopOptions>): Promise<DialogTurnResult> {
    const { answers } = step.options;
    const item = SCREEN_ITEMS.find((i) => !(i in answers));
    if (!item) return step.endDialog(scored(answers));
    await say(step.context, `screen:item.${item}`);
    return step.beginDialog(AnswerPrompt.DEFAULT_ID, screenQuestion(item));
  }

  private async recordItem(step: Step<ItemLoopOptions>): Promise<DialogTurnResult> {
    const { answers } = step.options;
    const item = SCREEN_ITEMS.find((i) => !(i in answers))!;
    const result = answerOf(step);
    answers[item] = result.status === 'answered' ? Number(result.value) : null;
    return step.replaceDialog(ITEM_LOOP, { answers } satisfies ItemLoopOptions);
  }
}
