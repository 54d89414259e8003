import { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogContext, DialogEvent, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ChoicePromptSpec, QuestionSpec, YesNoPromptSpec } from '../bot/channels/prompt';
import { turnFacts } from '../bot/turn/turnFacts';
import { CheckIn, checkInId, CheckInItem, localDateOf, MedicationAnswer, nextItem, UseAnswer, WeeklyScreen } from '../bot/domain/checkins';
import { checkinFlagId } from '../bot/flags/flag';
import { evaluateCheckIn } from '../bot/flags/rules';
import { planScreen, ScreenPlan } from '../bot/measures/plan';
import { CRISIS_EVENT, CrisisEventValue, requestSafetyEpisode } from '../bot/safety/episodeSignals';
import { DialogServices } from '../bot/services';
import { categoryForCheckin } from '../bot/tips/match';
import { AnswerPrompt, AnswerResult } from './prompts/answerPrompt';
import { say } from './say';
import { MEASURE_DIALOG, MeasureDialogOptions } from './measureDialog';
import { beginMeasures } from './measureStart';
import { answerOf, childResultOf } from './steps';
import { TIP_DIALOG, TipDialogOptions } from './tipDialog';
import { WEEKLY_SCREEN_DIALOG, WeeklyScreenDialog } from './weeklyScreenDialog';

export const CHECKIN_DIALOG = 'checkin';
const START = 'checkin.start';
const ITEM_LOOP = 'checkin.item';
/** Conversation-state property holding an unfinished check-in. */
const DRAFT = 'checkinDraft';

/** Yes, no and a third way out ("prefer not to say", "none prescribed"); yes/no words answer it too. */
const yesNoOr = (ns: string, third: { value: string; key: string }): ChoicePromptSpec['choices'] => [
  { value: 'yes', labelKey: `checkin:${ns}.yes` },
  { value: 'no', labelKey: `checkin:${ns}.no` },
  { value: third.value, labelKey: `checkin:${ns}.${third.key}` },
];

/** The daily items, as CONTENT.md asks them. */
export const CHECKIN_QUESTIONS: Readonly<Record<CheckInItem, QuestionSpec>> = {
  mood: { kind: 'scale', textKey: 'checkin:mood.ask', min: 0, max: 10 },
  craving: { kind: 'scale', textKey: 'checkin:craving.ask', min: 0, max: 10 },
  use: { kind: 'choice', textKey: 'checkin:use.ask', choices: yesNoOr('use', { value: 'prefer_not', key: 'preferNot' }) },
  sleepHours: { kind: 'number', textKey: 'checkin:sleep.ask', min: 0, max: 24, step: 0.5 },
  medication: {
    kind: 'choice',
    textKey: 'checkin:medication.ask',
    choices: yesNoOr('medication', { value: 'not_prescribed', key: 'notPrescribed' }),
  },
  wishedDead: { kind: 'yesno', textKey: 'checkin:wishedDead.ask' },
  suicidalThoughts: { kind: 'yesno', textKey: 'checkin:suicidalThoughts.ask' },
  note: { kind: 'text', textKey: 'checkin:note.ask', allowSkip: true },
};

const UPDATE_TODAY: YesNoPromptSpec = { kind: 'yesno', textKey: 'checkin:update.ask' };

/** Kept in the check-in's own dialog state between turns. */
interface Progress {
  checkIn: CheckIn;
  /** The participant's weekly screen day: PHQ-2 + GAD-2 follow the daily items. */
  screenDay: boolean;
  /** What today's check-in ends with (bot/measures/plan.ts); absent in check-ins begun before measures existed. */
  plan?: ScreenPlan;
  /** Last message this check-in received: after checkinResumeMinutes it starts over. */
  lastActiveAt: string;
}

/** How the check-in ends: with a tip offer matched to the answers, or (not updated) without. */
interface CheckinEnd {
  tipCategory?: string;
  /** Measures that follow (in the main dialog, so a check-in left for good does not hold them). */
  measures?: MeasureDialogOptions;
}

/**
 * The daily check-in. Answers are kept in the conversation state, which every
 * turn saves anyway (one write per turn), so a check-in left half-way continues
 * where it stopped when taken up again in this conversation within
 * config.checkinResumeMinutes; after that it starts over. The day's record is
 * written when the check-in finishes, or at once when an answer is urgent. A finished check-in is evaluated against the clinic's flag
 * rules (one flag per check-in) and hands over to a matched coping tip.
 *
 * Crisis care comes first: a safety yes hands the conversation to a safety
 * episode on the check-in's flag; crisis words given as an answer reach the
 * episode instead (nothing is recorded for that item, and the check-in is
 * linked to the episode's flag), except a note, which is kept as the note.
 */
export class CheckinDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(CHECKIN_DIALOG);
    this.addDialog(new AnswerPrompt(AnswerPrompt.DEFAULT_ID, 'moveOn'));
    this.addDialog(new WeeklyScreenDialog());
    this.addDialog(new WaterfallDialog(START, [(s) => this.open(s), (s) => this.afterUpdateQuestion(s)]));
    this.addDialog(new WaterfallDialog(ITEM_LOOP, [(s) => this.askNext(s), (s) => this.recordAnswer(s)]));
    this.initialDialogId = START;
  }

  /** A reply to a question left too long ago starts the check-in over instead of answering it. */
  override async continueDialog(outer: DialogContext): Promise<DialogTurnResult> {
    const progress = (outer.activeDialog?.state as { progress?: Progress } | undefined)?.progress;
    if (progress) {
      const now = this.services.clock();
      if (this.expired(progress.lastActiveAt, now)) return outer.replaceDialog(this.id);
      progress.lastActiveAt = now.toISOString();
    }
    return super.continueDialog(outer);
  }

  /** A crisis message interrupted this check-in (the gate opened a safety episode on it). */
  protected override async onPreBubbleEvent(dc: DialogContext, event: DialogEvent): Promise<boolean> {
    if (event.name !== CRISIS_EVENT) return false;
    const progress = (dc.activeDialog?.state as { progress?: Progress } | undefined)?.progress;
    if (progress) await this.keepCrisisAnswer(dc.context, progress, event.value as CrisisEventValue);
    return true;
  }

  protected override async endComponent(outer: DialogContext, result: CheckinEnd | undefined): Promise<DialogTurnResult> {
    if (result?.measures) return outer.replaceDialog(MEASURE_DIALOG, { ...result.measures, tipCategory: result.tipCategory } satisfies MeasureDialogOptions);
    if (result?.tipCategory) return outer.replaceDialog(TIP_DIALOG, { category: result.tipCategory, offer: true } satisfies TipDialogOptions);
    return outer.endDialog();
  }

  // ── start: new, resumed, restarted or updated ────────────────────────────

  private async open(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { participants, checkins, clock } = this.services;
    const profile = turnFacts(step.context).profile;
    const participant = profile && (await participants.get(profile.participantId));
    if (!participant) return step.endDialog();

    const now = clock();
    const plan = await planScreen(this.services.measures, participant, this.services.config.measures, now);
    const stored = await checkins.today(participant.id, participant.timeZone);
    const draft = this.draft(step.context);
    // A half-done check-in lives in conversation state (saved with the turn);
    // the record holds it only once finished, or once an urgent answer was given.
    const today = stored?.status === 'complete' ? stored : draft?.id === checkInId(participant.id, localDateOf(now, participant.timeZone)) ? draft : stored;
    this.setProgress(step, {
      checkIn: today ?? this.fresh(step.context, participant.id, participant.timeZone),
      screenDay: plan === 'weekly',
      plan,
      lastActiveAt: now.toISOString(),
    });

    if (!today) return this.begin(step, 'checkin:intro');
    if (today.status === 'complete') return step.beginDialog(AnswerPrompt.DEFAULT_ID, UPDATE_TODAY);
    if (!this.expired(today.updatedAt, now)) {
      await say(step.context, 'checkin:resume');
      return step.replaceDialog(ITEM_LOOP);
    }
    return this.begin(step, 'checkin:restart', { ...this.fresh(step.context, participant.id, participant.timeZone), replaced: today.replaced, flagId: today.flagId });
  }

  private async afterUpdateQuestion(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered' || answer.value !== true) {
      await say(step.context, 'checkin:update.kept');
      return step.endDialog();
    }
    const done = this.progress(step).checkIn;
    return this.begin(step, 'checkin:intro', {
      ...this.fresh(step.context, done.participantId, done.timeZone),
      flagId: done.flagId,
      // Kept until the update is finished, so an update left half-way loses nothing.
      replaced: { answers: done.answers, screen: done.screen, finishedAt: done.finishedAt },
    });
  }

  private async begin(step: WaterfallStepContext, textKey: string, checkIn?: CheckIn): Promise<DialogTurnResult> {
    const progress = this.progress(step);
    if (checkIn) progress.checkIn = checkIn;
    this.keepDraft(step.context, progress.checkIn);
    await say(step.context, textKey);
    return step.replaceDialog(ITEM_LOOP);
  }

  private fresh(context: TurnContext, participantId: string, timeZone: string): CheckIn {
    return this.services.checkins.start({
      participantId,
      timeZone,
      language: turnFacts(context).language,
      channel: context.activity.channelId,
    });
  }

  // ── the items, one per turn ──────────────────────────────────────────────

  private async askNext(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkIn, screenDay } = this.progress(step);
    const item = nextItem(checkIn);
    if (item) return step.beginDialog(AnswerPrompt.DEFAULT_ID, CHECKIN_QUESTIONS[item]);
    if (screenDay && !checkIn.screen) return step.beginDialog(WEEKLY_SCREEN_DIALOG);
    return this.finish(step);
  }

  private async recordAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkIn } = this.progress(step);
    const item = nextItem(checkIn);
    if (!item) {
      checkIn.screen = childResultOf<WeeklyScreen>(step);
      return this.finish(step);
    }
    const answer = answerOf(step);
    const firstSafetyYes = isSafetyItem(item) && answer.status === 'answered' && answer.value === true && !saidSafetyYes(checkIn);
    applyAnswer(checkIn, item, answer);
    checkIn.updatedAt = this.services.clock().toISOString();
    // One write per turn (the conversation state) unless staff must see the answers now.
    if (await this.raiseUrgentNow(checkIn)) await this.services.checkins.save(checkIn);
    this.keepDraft(step.context, checkIn);
    if (firstSafetyYes && checkIn.flagId) {
      // The safety episode takes over; "check in" later picks up from the next item.
      requestSafetyEpisode(step.context, { flagId: checkIn.flagId, kind: 'suicide', reason: `checkin_${item}` });
      return step.endDialog();
    }
    return step.replaceDialog(ITEM_LOOP);
  }

  /**
   * Crisis words as an answer: nothing recorded for the item, but the check-in
   * joins the episode's flag; as the note, they are the note (and a finished
   * check-in is stored at once, without a thank-you or a tip).
   */
  private async keepCrisisAnswer(context: TurnContext, progress: Progress, crisis: CrisisEventValue): Promise<void> {
    const { checkIn } = progress;
    checkIn.flagId ??= crisis.flagId;
    if (nextItem(checkIn) !== 'note') return this.keepDraft(context, checkIn);
    applyAnswer(checkIn, 'note', { status: 'answered', value: crisis.text });
    checkIn.updatedAt = this.services.clock().toISOString();
    if (progress.screenDay && !checkIn.screen) {
      await this.services.checkins.save(checkIn);
      return this.keepDraft(context, checkIn);
    }
    await this.complete(checkIn);
    this.keepDraft(context, undefined);
  }

  /**
   * An urgent answer (a safety yes) reaches the care team at once, not only
   * if the participant finishes: the end of the check-in merges its other
   * reasons into the same flag.
   */
  private async raiseUrgentNow(checkIn: CheckIn): Promise<boolean> {
    const evaluation = evaluateCheckIn(checkIn, this.services.flagRules);
    if (evaluation.severity !== 'urgent') return false;
    await this.raise(checkIn, evaluation.reasons);
    return true;
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkIn, plan } = this.progress(step);
    await this.complete(checkIn);
    this.keepDraft(step.context, undefined);
    // A positive PHQ-2/GAD-2 steps into PHQ-9/GAD-7, or a due full measure or BAM follows; else one left from before is offered.
    const begun = await beginMeasures(this.services, checkIn, plan ?? 'none');
    const measures: MeasureDialogOptions | undefined = begun.length
      ? { records: begun }
      : (await this.services.measures.resumable(checkIn.participantId, checkIn.timeZone)).length
        ? { offer: true }
        : undefined;

    await say(step.context, 'checkin:thanks');
    if (checkIn.flagId) await say(step.context, 'checkin:followUp');
    // After a safety yes the care team follows up; a "lift your mood" tip would answer it wrongly.
    const tipCategory = saidSafetyYes(checkIn)
      ? undefined
      : categoryForCheckin({ ...checkIn.answers, phq2: checkIn.screen?.phq2 ?? null, gad2: checkIn.screen?.gad2 ?? null });
    return step.endDialog({ tipCategory, measures } satisfies CheckinEnd);
  }

  /** Stores the finished check-in, its flag reasons raised (or merged into the flag it is linked to). */
  private async complete(checkIn: CheckIn): Promise<void> {
    const now = this.services.clock().toISOString();
    checkIn.status = 'complete';
    checkIn.finishedAt = now;
    checkIn.updatedAt = now;
    const { reasons } = evaluateCheckIn(checkIn, this.services.flagRules);
    if (reasons.length) await this.raise(checkIn, reasons);
    else if (checkIn.flagId) await this.services.flags.linkCheckIn(checkIn.participantId, checkIn.flagId, checkIn.id);
    checkIn.replaced = null;
    await this.services.checkins.save(checkIn);
  }

  private async raise(checkIn: CheckIn, reasons: ReturnType<typeof evaluateCheckIn>['reasons']): Promise<void> {
    const flag = await this.services.flags.raise({
      // A check-in that joined a safety episode adds to the episode's one flag.
      id: checkIn.flagId ?? checkinFlagId(checkIn.id),
      participantId: checkIn.participantId,
      checkinId: checkIn.id,
      source: 'checkin',
      reasons,
    });
    checkIn.flagId = flag.id;
  }

  // ── state ────────────────────────────────────────────────────────────────

  /** Today's unfinished check-in, kept in conversation state so "check in" again resumes it. */
  private draft(context: TurnContext): CheckIn | undefined {
    return turnFacts(context).state.get<CheckIn>(DRAFT);
  }

  private keepDraft(context: TurnContext, checkIn: CheckIn | undefined): void {
    turnFacts(context).state.set(DRAFT, checkIn && structuredClone(checkIn));
  }

  private expired(lastActiveAt: string, now: Date): boolean {
    return now.getTime() - new Date(lastActiveAt).getTime() > this.services.config.checkinResumeMinutes * 60_000;
  }

  /** The progress lives in this component's own instance state (the parent's active dialog). */
  private progress(step: WaterfallStepContext): Progress {
    const progress = (step.parent?.activeDialog?.state as { progress?: Progress } | undefined)?.progress;
    if (!progress) throw new Error('check-in progress missing from dialog state');
    return progress;
  }

  private setProgress(step: WaterfallStepContext, progress: Progress): void {
    (step.parent!.activeDialog!.state as { progress?: Progress }).progress = progress;
  }
}

function isSafetyItem(item: CheckInItem): boolean {
  return item === 'wishedDead' || item === 'suicidalThoughts';
}

function saidSafetyYes(checkIn: CheckIn): boolean {
  return checkIn.answers.wishedDead === true || checkIn.answers.suicidalThoughts === true;
}

function applyAnswer(checkIn: CheckIn, item: CheckInItem, answer: AnswerResult): void {
  if (!checkIn.asked.includes(item)) checkIn.asked.push(item);
  if (answer.status === 'invalid' && !checkIn.unreadable.includes(item)) checkIn.unreadable.push(item);
  if (answer.status !== 'answered') return;
  const { answers } = checkIn;
  const value = answer.value;
  switch (item) {
    case 'mood':
    case 'craving':
    case 'sleepHours':
      answers[item] = value as number;
      break;
    case 'use':
      answers.use = value as UseAnswer;
      break;
    case 'medication':
      answers.medication = value as MedicationAnswer;
      break;
    case 'wishedDead':
    case 'suicidalThoughts':
      answers[item] = value as boolean;
      break;
    case 'note':
      answers.note = value as string;
      break;
  }
}
