import { DialogTurnResult, WaterfallStep, WaterfallStepContext } from 'botbuilder-dialogs';
import { AnswerResult } from './prompts/answerPrompt';

/**
 * A waterfall step as one dialog's steps see it. botbuilder-dialogs types the
 * values kept between a waterfall's steps as `object` and the result of the
 * step before as `any`; a dialog names its options (O) and values (V) once,
 * with `typedSteps`, and its steps read them without casts. Fields a step may
 * read before an earlier one set them are optional in V.
 */
export interface Step<O extends object = object, V extends object = object> extends WaterfallStepContext<O> {
  readonly values: V;
}

export function typedSteps<O extends object = object, V extends object = object>(
  ...steps: Array<(step: Step<O, V>) => Promise<DialogTurnResult>>
): WaterfallStep<O>[] {
  return steps.map((run) => (step: WaterfallStepContext<O>) => run(step as Step<O, V>));
}

/** What the AnswerPrompt the step before began ended with. */
export function answerOf(step: WaterfallStepContext<object>): AnswerResult {
  return step.result as AnswerResult;
}

/** What the child dialog the step before began ended with; R is the type that dialog's module names for it. */
export function childResultOf<R>(step: WaterfallStepContext<object>): R {
  return step.result as R;
}
