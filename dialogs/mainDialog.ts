import { ActivityTypes, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogContext, DialogTurnResult, WaterfallDialog } from 'botbuilder-dialogs';
import { ChoicePromptSpec } from '../bot/channels/prompt';
import { Language } from '../bot/i18n';
import { turnFacts } from '../bot/turn/turnFacts';
import { DialogServices } from '../bot/services';
import { CHECKIN_DIALOG, CheckinDialog } from './checkinDialog';
import { MEASURE_DIALOG, MeasureDialog, MeasureDialogOptions, MeasureDialogResult } from './measureDialog';
import { LESSON_DIALOG, LessonDialog } from './lessonDialog';
import { PROGRESS_DIALOG, ProgressDialog } from './progressDialog';
import { Destination, Intent, isDestination, recognizeIntent } from '../bot/turn/commands';
import { DESTINATIONS, MORE_DESTINATIONS } from './mainIntents';
import { currentProfile, switchLanguage } from './participantUpdate';
import { AnswerPrompt, AnswerResult } from './prompts/answerPrompt';
import { cardSubmit } from './prompts/parse';
import { say } from './say';
import { SESSIONS_DIALOG, SessionsDialog } from './sessionsDialog';
import { SAFETY_PLAN_ADD_DIALOG, SAFETY_PLAN_DIALOG, SafetyPlanAddDialog, SafetyPlanDialog } from './safetyPlanDialog';
import { asksLanguage, SETTINGS_DIALOG, SettingsDialog } from './settingsDialog';
import { answerOf, childResultOf, Step, typedSteps } from './steps';
import { TIP_DIALOG, TipDialog } from './tipDialog';

export const MAIN_DIALOG = 'main';

const FLOW = 'main.flow';
const MENU_PROMPT = 'main.menuPrompt';
/** The menu card's prompt id: a click on an old menu card still goes where it says. */
const MENU_ID = 'main.menu';
const MORE_ID = 'main.more';

/** How the menu flow starts: straight to a destination, or showing the menu (with or without a greeting) or its "More" part. */
interface FlowOptions {
  destination?: Destination;
  greet?: boolean;
  more?: boolean;
}

/** Destinations answered in one message, or a second menu, rather than a dialog of their own. */
type OneReply = 'help' | 'more' | 'contact';

const DIALOG_OF: Readonly<Record<Exclude<Destination, OneReply>, string>> = {
  checkin: CHECKIN_DIALOG,
  tip: TIP_DIALOG,
  sessions: SESSIONS_DIALOG,
  lesson: LESSON_DIALOG,
  progress: PROGRESS_DIALOG,
  settings: SETTINGS_DIALOG,
  plan: SAFETY_PLAN_DIALOG,
  planAdd: SAFETY_PLAN_ADD_DIALOG,
};

/**
 * The participant's conversation: a greeting by name and a menu (check in,
 * coping tip, my sessions, settings, my plan, and under "More" this week's
 * lesson, my progress and help), or straight to one of them when the
 * message says so ("tip", "registro", "sesiones" …). Wherever the participant
 * is, "menu"/"cancel" leave it for the menu and a language name ("español",
 * "english") switches the language and asks the current question again in it.
 * A conversation that reached its end starts over with the next message.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(MAIN_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, typedSteps<FlowOptions>((s) => this.offerMeasures(s), (s) => this.offerMenu(s), (s) => this.go(s))));
    this.addDialog(new MeasureDialog(services));
    this.addDialog(new AnswerPrompt(MENU_PROMPT));
    this.addDialog(new CheckinDialog(services));
    this.addDialog(new TipDialog(services));
    this.addDialog(new SessionsDialog(services));
    this.addDialog(new SettingsDialog(services));
    this.addDialog(new SafetyPlanDialog(services));
    this.addDialog(new SafetyPlanAddDialog(services));
    this.addDialog(new LessonDialog(services));
    this.addDialog(new ProgressDialog(services));
    this.initialDialogId = FLOW;
  }

  /** The message that starts the conversation may already say where to go. */
  protected override async onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const { activity } = inner.context;
    if (activity.type !== ActivityTypes.Message) return inner.endDialog();
    const intent = recognizeIntent(activity.text);
    if (intent?.kind === 'language') await this.switchTo(inner, intent.language);
    return inner.beginDialog(FLOW, this.flowFor(intent, menuCardChoice(activity.value)));
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const { activity } = inner.context;
    const intent = activity.type === ActivityTypes.Message ? recognizeIntent(activity.text) : undefined;
    if (!intent) return super.onContinueDialog(inner);

    switch (intent.kind) {
      case 'language':
        if (asksLanguage(inner)) return super.onContinueDialog(inner);
        await this.switchTo(inner, intent.language);
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      case 'menu':
      case 'cancel':
        await inner.cancelAllDialogs();
        if (intent.kind === 'cancel') await say(inner.context, 'common:cancelled');
        return inner.beginDialog(FLOW, {} satisfies FlowOptions);
      case 'greeting':
      case 'go': {
        // The check-in reads its own answers: only menu, cancel and a language switch break into it.
        // Within a dialog, its own name is an answer ("another tip" to a tip).
        const active = inner.activeDialog?.id;
        if (active === CHECKIN_DIALOG || active === dialogOf(intent)) return super.onContinueDialog(inner);
        await inner.cancelAllDialogs();
        return inner.beginDialog(FLOW, this.flowFor(intent, undefined));
      }
    }
  }

  private flowFor(intent: Intent | undefined, cardChoice: Destination | undefined): FlowOptions {
    if (intent?.kind === 'go') return { destination: intent.destination };
    if (cardChoice) return { destination: cardChoice };
    // A language switch was already confirmed: the menu follows without a second hello.
    return { greet: intent?.kind !== 'language' && intent?.kind !== 'menu' && intent?.kind !== 'cancel' };
  }

  /** A new conversation first offers the questions left unanswered earlier today or yesterday (dialogs/measureDialog.ts). */
  private async offerMeasures(step: Step<FlowOptions>): Promise<DialogTurnResult> {
    if (!step.options.greet) return step.next();
    return step.beginDialog(MEASURE_DIALOG, { offer: true } satisfies MeasureDialogOptions);
  }

  private async offerMenu(step: Step<FlowOptions>): Promise<DialogTurnResult> {
    const measures = childResultOf<MeasureDialogResult | undefined>(step);
    if (measures?.status === 'done' || measures?.status === 'safety') return step.endDialog();
    const { destination, greet, more } = step.options;
    if (destination) return step.next({ status: 'answered', value: destination } satisfies AnswerResult);
    const spec: ChoicePromptSpec = more
      ? { kind: 'choice', id: MORE_ID, textKey: 'common:menu.ask', choices: MORE_DESTINATIONS.map((d) => ({ value: d, labelKey: `common:menu.${d}` })) }
      : {
          kind: 'choice',
          id: MENU_ID,
          textKey: greet ? 'common:menu.greeting' : 'common:menu.ask',
          vars: greet ? { name: currentProfile(step.context).displayName } : undefined,
          choices: DESTINATIONS.map((d) => ({ value: d, labelKey: `common:menu.${d}` })),
        };
    return step.beginDialog(MENU_PROMPT, spec);
  }

  private async go(step: Step<FlowOptions>): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered' || !isDestination(answer.value)) return step.endDialog();
    if (answer.value === 'more') return step.replaceDialog(FLOW, { more: true } satisfies FlowOptions);
    if (answer.value === 'help') {
      await say(step.context, 'common:help', { clinicPhone: this.services.config.clinicPhone });
      return step.endDialog();
    }
    if (answer.value === 'contact') {
      await this.requestContact(step.context);
      return step.endDialog();
    }
    return step.beginDialog(DIALOG_OF[answer.value]);
  }

  /** "Talk to my counsellor": a flag for the care team, and when to expect them. */
  private async requestContact(context: TurnContext): Promise<void> {
    const { language, t } = turnFacts(context);
    const profile = currentProfile(context);
    const { activity } = context;
    const reply = await this.services.careTeam.contact.request({
      participantId: profile.participantId,
      activityKey: `${activity.channelId}:${activity.conversation.id}:${activity.id ?? ''}`,
      language,
      timeZone: profile.timeZone,
      t,
    });
    await say(context, reply.textKey, reply.vars);
  }

  private async switchTo(inner: DialogContext, language: Language): Promise<void> {
    await switchLanguage(inner.context, this.services, language);
    await say(inner.context, 'common:language.switched');
  }
}

function dialogOf(intent: Intent): string | undefined {
  return intent.kind === 'go' && intent.destination !== 'help' && intent.destination !== 'more' && intent.destination !== 'contact' ? DIALOG_OF[intent.destination] : undefined;
}

/** A click on a menu card that is no longer the open question (Teams keeps old cards). */
function menuCardChoice(value: unknown): Destination | undefined {
  const submit = cardSubmit(value);
  return (submit?.prompt === MENU_ID || submit?.prompt === MORE_ID) && isDestination(submit.answer) ? submit.answer : undefined;
}
