import { ComponentDialog, DialogTurnResult, WaterfallDialog } from 'botbuilder-dialogs';
import { ChoicePromptSpec, TextPromptSpec } from '../bot/channels/prompt';
import { isSectionName, SECTIONS, SectionName } from '../bot/safetyPlan/sections';
import { DialogServices } from '../bot/services';
import { turnFacts } from '../bot/turn/turnFacts';
import { currentProfile } from './participantUpdate';
import { AnswerPrompt, AnswerResult } from './prompts/answerPrompt';
import { say } from './say';
import { answerOf, Step, typedSteps } from './steps';

export const SAFETY_PLAN_DIALOG = 'safetyPlan';
export const SAFETY_PLAN_ADD_DIALOG = 'safetyPlan.add';

const ADD_FLOW = 'safetyPlan.add.flow';
const PROMPT = 'safetyPlan.prompt';

/** Kept in the waterfall's values between turns. */
interface AddValues {
  section?: SectionName;
}
type AddStep = Step<object, AddValues>;

/** "my plan" / "mi plan": the participant's safety plan as their channel shows it (bot/safetyPlan/render.ts). */
export class SafetyPlanDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(SAFETY_PLAN_DIALOG);
    this.addDialog(new WaterfallDialog(`${SAFETY_PLAN_DIALOG}.flow`, typedSteps((s) => this.show(s))));
  }

  private async show(step: Step): Promise<DialogTurnResult> {
    const { participantId } = currentProfile(step.context);
    const { language } = turnFacts(step.context);
    const activities = await this.services.safetyPlan.activities(participantId, step.context.activity.channelId, language);
    await step.context.sendActivities(activities);
    return step.endDialog();
  }
}

/**
 * "add to my plan" / "agregar a mi plan": which part, then the words. The
 * text goes to the care team as a suggestion; it enters the plan only when a
 * clinician accepts it (plans are written with the clinician, CONTENT.md).
 */
export class SafetyPlanAddDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(SAFETY_PLAN_ADD_DIALOG);
    const steps = typedSteps<object, AddValues>((s) => this.askSection(s), (s) => this.askText(s), (s) => this.store(s));
    this.addDialog(new WaterfallDialog(ADD_FLOW, steps));
    this.addDialog(new AnswerPrompt(PROMPT));
    this.initialDialogId = ADD_FLOW;
  }

  private async askSection(step: AddStep): Promise<DialogTurnResult> {
    const spec: ChoicePromptSpec = {
      kind: 'choice',
      id: 'safetyplan.section',
      textKey: 'safetyplan:add.ask',
      choices: SECTIONS.map((s) => ({ value: s, labelKey: `safetyplan:add.choice.${s}` })),
    };
    return step.beginDialog(PROMPT, spec);
  }

  private async askText(step: AddStep): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered' || !isSectionName(answer.value)) return this.nothingAdded(step, answer);
    step.values.section = answer.value;
    const { t } = turnFacts(step.context);
    const spec: TextPromptSpec = { kind: 'text', id: 'safetyplan.text', safetyPlanEntry: true, textKey: 'safetyplan:add.text', vars: { section: t(`safetyplan:add.choice.${answer.value}`) } };
    return step.beginDialog(PROMPT, spec);
  }

  private async store(step: AddStep): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    const { section } = step.values;
    if (answer.status !== 'answered' || typeof answer.value !== 'string' || !section) return this.nothingAdded(step, answer);
    const { participantId } = currentProfile(step.context);
    const { activity } = step.context;
    await this.services.safetyPlan.plans.suggest(participantId, {
      section,
      text: answer.value,
      channel: activity.channelId,
      // The reply's id: a turn re-run after a state conflict finds the same suggestion.
      dedupeKey: `${activity.conversation.id}:${activity.id ?? this.services.clock().toISOString()}`,
    });
    await say(step.context, 'safetyplan:add.thanks');
    return step.endDialog();
  }

  /** AnswerPrompt already said "let's move on" after two unreadable replies; otherwise say nothing was added. */
  private async nothingAdded(step: AddStep, answer: AnswerResult): Promise<DialogTurnResult> {
    if (answer.status !== 'invalid') await say(step.context, 'safetyplan:add.notSaved');
    return step.endDialog();
  }
}
