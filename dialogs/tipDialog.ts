import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ChoicePromptSpec, YesNoPromptSpec } from '../bot/channels/prompt';
import { turnFacts } from '../bot/turn/turnFacts';
import { DialogServices } from '../bot/services';
import { isTipCategory, TIP_CATEGORIES, TipCategory, tipTextKey } from '../bot/tips/catalog';
import { isTipRating } from '../bot/tips/feedback';
import { categoryForCheckin } from '../bot/tips/match';
import { currentProfile } from './participantUpdate';
import { AnswerPrompt } from './prompts/answerPrompt';
import { say } from './say';
import { answerOf, Step, typedSteps } from './steps';

export const TIP_DIALOG = 'tip';

export interface TipDialogOptions {
  /** Skip the category question (a TipCategory; anything else is ignored). */
  category?: string;
  /** Ask "would you like a tip for …?" first (the end of a check-in). */
  offer?: boolean;
}

const FLOW = 'tip.flow';
const PROMPT = 'tip.prompt';
/** The category choice that means "whatever fits my last check-in". */
const MATCHED = 'matched';
/** How far back "my last check-in" may be. */
const MATCH_DAYS = 7;

/** Kept in the waterfall's values between turns. */
interface FlowValues {
  offered?: boolean;
  category?: TipCategory;
  /** What the last check-in matches, when there is one (decided when the choice is shown). */
  matchedCategory?: TipCategory;
  tipId?: string;
  shownAt?: string;
}
type TipStep = Step<TipDialogOptions, FlowValues>;

/**
 * A coping tip: the participant picks what they want help with (or takes the
 * match to their last check-in), reads a tip they have not seen lately, and
 * says whether it helped; "another" shows a different one of the same kind.
 */
export class TipDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(TIP_DIALOG);
    this.addDialog(
      new WaterfallDialog(
        FLOW,
        typedSteps<TipDialogOptions, FlowValues>(
          (s) => this.offer(s),
          (s) => this.chooseCategory(s),
          (s) => this.showTip(s),
          (s) => this.takeFeedback(s),
        ),
      ),
    );
    this.addDialog(new AnswerPrompt(PROMPT));
    this.initialDialogId = FLOW;
  }

  private async offer(step: TipStep): Promise<DialogTurnResult> {
    const { options, values } = step;
    if (isTipCategory(options.category)) values.category = options.category;
    if (!options.offer || !values.category) return step.next();
    values.offered = true;
    const spec: YesNoPromptSpec = { kind: 'yesno', id: 'tips.offer', textKey: `tips:offer.${values.category}` };
    return step.beginDialog(PROMPT, spec);
  }

  private async chooseCategory(step: TipStep): Promise<DialogTurnResult> {
    const { values } = step;
    if (values.offered) {
      const answer = answerOf(step);
      if (answer.status !== 'answered' || answer.value !== true) {
        if (answer.status !== 'invalid') await say(step.context, 'tips:declined');
        return step.endDialog();
      }
    }
    if (values.category) return step.next();

    values.matchedCategory = await this.lastCheckinCategory(step);
    const choices: ChoicePromptSpec['choices'] = TIP_CATEGORIES.map((c) => ({ value: c, labelKey: `tips:category.${c}` }));
    if (values.matchedCategory) choices.push({ value: MATCHED, labelKey: 'tips:matched' });
    const spec: ChoicePromptSpec = { kind: 'choice', id: 'tips.category', textKey: 'tips:ask', choices };
    return step.beginDialog(PROMPT, spec);
  }

  private async showTip(step: TipStep): Promise<DialogTurnResult> {
    const { values } = step;
    if (!values.category) {
      const answer = answerOf(step);
      if (answer.status !== 'answered') return step.endDialog();
      values.category = answer.value === MATCHED ? values.matchedCategory : isTipCategory(answer.value) ? answer.value : undefined;
      if (!values.category) return step.endDialog();
    }

    const { participantId } = currentProfile(step.context);
    const tipId = await this.services.tips.selector.next(participantId, values.category, step.context.activity.id ?? '');
    values.tipId = tipId;
    values.shownAt = this.services.clock().toISOString();
    await say(step.context, tipTextKey(tipId));

    const spec: ChoicePromptSpec = {
      kind: 'choice',
      // Per tip, so a click on an older tip's card is not taken as feedback on this one.
      id: `tips.feedback.${tipId}`,
      textKey: 'tips:feedback.ask',
      choices: [
        { value: 'yes', labelKey: 'tips:feedback.yes' },
        { value: 'little', labelKey: 'tips:feedback.little' },
        { value: 'no', labelKey: 'tips:feedback.no' },
        { value: 'another', labelKey: 'tips:feedback.another' },
      ],
    };
    return step.beginDialog(PROMPT, spec);
  }

  private async takeFeedback(step: TipStep): Promise<DialogTurnResult> {
    const { values } = step;
    const answer = answerOf(step);
    if (answer.status !== 'answered') return step.endDialog();
    if (answer.value === 'another') return step.replaceDialog(FLOW, { category: values.category } satisfies TipDialogOptions);

    const rating = answer.value;
    if (!isTipRating(rating) || !values.tipId || !values.shownAt || !values.category) return step.endDialog();
    const { participantId } = currentProfile(step.context);
    await this.services.tips.feedback.record({
      participantId,
      tipId: values.tipId,
      category: values.category,
      rating,
      language: turnFacts(step.context).language,
      channel: step.context.activity.channelId,
      shownAt: values.shownAt,
      answeredAt: this.services.clock().toISOString(),
    });
    await say(step.context, `tips:thanks.${rating}`);
    return step.endDialog();
  }

  /** The category the participant's latest finished check-in of the last week points to, if any. */
  private async lastCheckinCategory(step: WaterfallStepContext): Promise<TipCategory | undefined> {
    const { participantId, timeZone } = currentProfile(step.context);
    const recent = await this.services.checkins.history(participantId, timeZone, MATCH_DAYS);
    const last = recent.find((c) => c.status === 'complete');
    if (!last) return undefined;
    return categoryForCheckin({ ...last.answers, phq2: last.screen?.phq2 ?? null, gad2: last.screen?.gad2 ?? null });
  }
}
