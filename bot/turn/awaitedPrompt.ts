import { DialogInstance, DialogState } from 'botbuilder-dialogs';
import { QuestionSpec } from '../channels/prompt';
import { DIALOG_STATE_KEY, TurnState } from './conversationState';

/**
 * The question the conversation is waiting on, read from the dialog stack
 * before the dialogs run (the safety gate needs it): the spec the innermost
 * prompt was started with (dialogs/prompts/answerPrompt.ts keeps it as
 * `spec` in its dialog state), or undefined when no prompt is waiting.
 * Component dialogs keep their own stack inside their state (`dialogs`), so
 * the innermost active dialog is found by going down those.
 */
export function awaitedPrompt(state: TurnState): QuestionSpec | undefined {
  let top: DialogInstance | undefined = state.get<DialogState>(DIALOG_STATE_KEY)?.dialogStack?.at(-1);
  for (let inner = childStackTop(top); inner; inner = childStackTop(top)) top = inner;
  const spec = (top?.state as { spec?: QuestionSpec } | undefined)?.spec;
  return spec && typeof spec === 'object' && typeof spec.kind === 'string' ? spec : undefined;
}

/** The active dialog of a component dialog's own stack (botbuilder-dialogs keeps the active one last). */
function childStackTop(instance: DialogInstance | undefined): DialogInstance | undefined {
  return (instance?.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack?.at(-1);
}
