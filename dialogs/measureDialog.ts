import { ComponentDialog, DialogContext, DialogTurnResult, WaterfallDialog } from 'botbuilder-dialogs';
import { YesNoPromptSpec } from '../bot/channels/prompt';
import { bamSkipsAfter, BamItem } from '../bot/measures/instruments';
import { flagMeasure, saidSelfHarmThoughts } from '../bot/measures/measureFlag';
import { MeasureRecord } from '../bot/measures/measureRecord';
import { remainingItems } from '../bot/measures/measures';
import { requestSafetyEpisode } from '../bot/safety/episodeSignals';
import { DialogServices } from '../bot/services';
import { turnFacts } from '../bot/turn/turnFacts';
import { itemQuestion, itemScore, itemTexts } from './measureQuestions';
import { AnswerPrompt } from './prompts/answerPrompt';
import { say } from './say';
import { TIP_DIALOG, TipDialogOptions } from './tipDialog';
import { answerOf, Step, typedSteps } from './steps';

export const MEASURE_DIALOG = 'measure';
const START = 'measure.start';
const ITEM_LOOP = 'measure.item';
const OFFER_PROMPT = 'measure.offer';

export interface MeasureDialogOptions {
  /** Administrations to take, in order (already stored). Absent: the participant's resumable ones. */
  records?: MeasureRecord[];
  /** Ask first whether to go on now (administrations begun earlier). */
  offer?: boolean;
  /** After the measures (unless a safety episode took over): offer this coping tip, as the check-in does. */
  tipCategory?: string;
}

/** done: every administration finished; declined: not now; safety: item 9 opened a safety episode; none: nothing to take. */
export interface MeasureDialogResult {
  status: 'done' | 'declined' | 'safety' | 'none';
}

/** Kept in this component's instance state. */
interface OwnState {
  lastActiveAt?: string;
  tipCategory?: string;
}

/** Between the offer and its answer: what is offered. */
interface OfferValues {
  records?: MeasureRecord[];
}

interface LoopOptions {
  records: MeasureRecord[];
  /** The administration whose opening words were said this time. */
  introduced: string | null;
  resumed: boolean;
}

const OFFER: YesNoPromptSpec = { kind: 'yesno', textKey: 'screen:stepped.offer' };

/**
 * PHQ-9, GAD-7 and BAM items, one per turn, each answer stored at once (the
 * record stays with completedAt null until the last one), so a participant
 * who stops can finish later today or tomorrow (Measures.resumable): the next
 * conversation they start, or the end of their next check-in, offers it.
 * A reply after more than checkinResumeMinutes is not taken as an answer to
 * the old question: the offer comes instead. A finished administration is
 * scored, banded and evaluated against the clinic's flag rules; PHQ-9 item 9
 * above 0 hands the conversation to a safety episode on its urgent flag.
 */
export class MeasureDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(MEASURE_DIALOG);
    this.addDialog(new AnswerPrompt(AnswerPrompt.DEFAULT_ID, 'moveOn'));
    this.addDialog(new AnswerPrompt(OFFER_PROMPT, 'showOptionsAgain'));
    this.addDialog(new WaterfallDialog(START, typedSteps<MeasureDialogOptions, OfferValues>((s) => this.open(s), (s) => this.afterOffer(s))));
    this.addDialog(new WaterfallDialog(ITEM_LOOP, typedSteps<LoopOptions>((s) => this.askItem(s), (s) => this.recordItem(s))));
    this.initialDialogId = START;
  }

  override async continueDialog(outer: DialogContext): Promise<DialogTurnResult> {
    const state = outer.activeDialog?.state as OwnState | undefined;
    const now = this.services.clock();
    if (state?.lastActiveAt && now.getTime() - new Date(state.lastActiveAt).getTime() > this.services.config.checkinResumeMinutes * 60_000) {
      return outer.replaceDialog(this.id, { offer: true } satisfies MeasureDialogOptions);
    }
    if (state) state.lastActiveAt = now.toISOString();
    return super.continueDialog(outer);
  }

  protected override async onBeginDialog(inner: DialogContext, options?: MeasureDialogOptions): Promise<DialogTurnResult> {
    Object.assign(inner.parent!.activeDialog!.state, { lastActiveAt: this.services.clock().toISOString(), tipCategory: options?.tipCategory } satisfies OwnState);
    return super.onBeginDialog(inner, options);
  }

  protected override async endComponent(outer: DialogContext, result: MeasureDialogResult): Promise<DialogTurnResult> {
    const { tipCategory } = outer.activeDialog!.state as OwnState;
    if (tipCategory && result.status !== 'safety') {
      return outer.replaceDialog(TIP_DIALOG, { category: tipCategory, offer: true } satisfies TipDialogOptions);
    }
    return outer.endDialog(result);
  }

  private async open(step: Step<MeasureDialogOptions, OfferValues>): Promise<DialogTurnResult> {
    const records = step.options.records ?? (await this.resumable(step));
    if (!records.length) return step.endDialog({ status: 'none' } satisfies MeasureDialogResult);
    if (!step.options.offer) return step.replaceDialog(ITEM_LOOP, { records, introduced: null, resumed: false } satisfies LoopOptions);
    step.values.records = records;
    return step.beginDialog(OFFER_PROMPT, OFFER);
  }

  private async afterOffer(step: Step<MeasureDialogOptions, OfferValues>): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered' || answer.value !== true) {
      await say(step.context, 'screen:stepped.later');
      return step.endDialog({ status: 'declined' } satisfies MeasureDialogResult);
    }
    await say(step.context, 'screen:stepped.resumed');
    return step.replaceDialog(ITEM_LOOP, { records: step.values.records ?? [], introduced: null, resumed: true } satisfies LoopOptions);
  }

  private async askItem(step: Step<LoopOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    while (options.records.length && remainingItems(options.records[0]).length === 0) options.records.shift();
    const record = options.records[0];
    if (!record) {
      await say(step.context, 'screen:stepped.done');
      return step.endDialog({ status: 'done' } satisfies MeasureDialogResult);
    }
    const item = remainingItems(record)[0];
    if (options.introduced !== record.id) {
      for (const key of introOf(record, options.resumed)) await say(step.context, key);
      options.introduced = record.id;
    }
    for (const key of itemTexts(record.instrument, item)) await say(step.context, key);
    return step.beginDialog(AnswerPrompt.DEFAULT_ID, itemQuestion(record.instrument, item));
  }

  private async recordItem(step: Step<LoopOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const record = options.records[0];
    const item = remainingItems(record)[0];
    const score = itemScore(answerOf(step));
    const answers = { [item]: score, ...(record.instrument === 'bam' ? bamSkipsAfter(item as BamItem, score) : {}) };
    const { _etag, ...stored } = await this.services.measures.answer(record, answers);
    options.records[0] = stored;
    if (stored.completedAt) {
      const flagId = await flagMeasure(this.services.flags, this.services.flagRules, stored);
      if (flagId && saidSelfHarmThoughts(stored)) {
        // The safety episode takes over; what is left (a stepped GAD-7) can be finished later.
        requestSafetyEpisode(step.context, { flagId, kind: 'suicide', reason: 'phq9_item9' });
        return step.endDialog({ status: 'safety' } satisfies MeasureDialogResult);
      }
    }
    return step.replaceDialog(ITEM_LOOP, options);
  }

  private async resumable(step: Step<MeasureDialogOptions, OfferValues>): Promise<MeasureRecord[]> {
    const profile = turnFacts(step.context).profile;
    if (!profile) return [];
    return (await this.services.measures.resumable(profile.participantId, profile.timeZone)).map(({ _etag, ...r }) => r);
  }
}

/**
 * What opens an administration: stepped ones follow the screen's stem; full
 * ones, resumed ones and the BAM say their instrument's own (the PHQ-9's
 * English stem reads "any of the following problems", the GAD-7's does not).
 */
function introOf(record: MeasureRecord, resumed: boolean): string[] {
  const stem = record.instrument === 'bam' ? 'bam:stem' : `screen:${record.instrument}.stem`;
  if (resumed) return [stem];
  if (record.instrument === 'bam') return ['screen:stepped.bamIntro', stem];
  if (record.source === 'stepped') return [`screen:stepped.${record.instrument}Intro`];
  return record.instrument === 'phq9' ? ['screen:stepped.fullIntro', stem] : [stem];
}
