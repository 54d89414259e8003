import { ComponentDialog, DialogTurnResult, WaterfallDialog } from 'botbuilder-dialogs';
import { TextPromptSpec } from '../bot/channels/prompt';
import { DialogServices } from '../bot/services';
import { currentProfile } from './participantUpdate';
import { AnswerPrompt } from './prompts/answerPrompt';
import { say } from './say';
import { answerOf, Step, typedSteps } from './steps';

export const LESSON_DIALOG = 'lesson';

const FLOW = 'lesson.flow';
const PROMPT = 'lesson.prompt';

/** Which delivery the reflection belongs to, kept between the two steps. */
interface FlowValues {
  weekStart?: string;
  lessonId?: string;
}
type LessonStep = Step<object, FlowValues>;

/**
 * This week's lesson of the participant's track: its few short messages, then
 * its one reflection question, whose answer is stored with the delivery.
 * Asked for again ("lesson"), it is shown again and a new answer replaces the
 * old; the delivery itself is recorded once per week.
 */
export class LessonDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(LESSON_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, typedSteps<object, FlowValues>((s) => this.show(s), (s) => this.keepReflection(s))));
    this.addDialog(new AnswerPrompt(PROMPT));
    this.initialDialogId = FLOW;
  }

  private async show(step: LessonStep): Promise<DialogTurnResult> {
    const now = this.services.clock();
    const participant = await this.services.participants.get(currentProfile(step.context).participantId);
    const week = participant && (await this.services.lessons.thisWeek(participant, now));
    if (!participant || !week) {
      await say(step.context, 'lessons:none');
      return step.endDialog();
    }
    const { lesson, weekStart } = week;
    await this.services.lessons.deliveries.recordSent(participant.id, weekStart, lesson.id, now);
    for (const key of lesson.messageKeys) await say(step.context, key);
    step.values.weekStart = weekStart;
    step.values.lessonId = lesson.id;
    // Per lesson, so an older lesson's Skip button is not taken as this one's answer.
    const spec: TextPromptSpec = { kind: 'text', id: `lessons.reflection.${lesson.id}`, textKey: lesson.reflectionKey, allowSkip: true };
    return step.beginDialog(PROMPT, spec);
  }

  private async keepReflection(step: LessonStep): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    const { weekStart, lessonId } = step.values;
    if (answer.status === 'skipped') await say(step.context, 'lessons:reflectionSkipped');
    if (answer.status !== 'answered' || typeof answer.value !== 'string' || !weekStart || !lessonId) return step.endDialog();
    const { participantId } = currentProfile(step.context);
    await this.services.lessons.deliveries.saveReflection(participantId, weekStart, lessonId, answer.value, this.services.clock());
    await say(step.context, 'lessons:reflectionSaved');
    return step.endDialog();
  }
}
