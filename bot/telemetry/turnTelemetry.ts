import { performance } from 'node:perf_hooks';
import { ConversationData } from '../turn/conversationState';
import { inSpan, instruments } from './telemetry';

interface DialogFrame {
  id?: unknown;
  state?: { dialogs?: { dialogStack?: DialogFrame[] } };
}

/**
 * The conversation a turn belongs to, by dialog id (a code name such as
 * 'checkin'): the innermost component dialog on the saved stack, or 'none'
 * (prompts inside it are left out).
 */
export function activeDialog(data: ConversationData | undefined): string {
  let stack = (data?.dialogState as { dialogStack?: DialogFrame[] } | undefined)?.dialogStack;
  let id = 'none';
  while (stack?.length) {
    const top = stack[stack.length - 1];
    // A component dialog keeps its own stack; prompts and waterfall steps inside it are not conversations.
    if (typeof top.id !== 'string' || !top.state?.dialogs) break;
    id = top.id;
    stack = top.state.dialogs.dialogStack;
  }
  return id;
}

/** What the runner learns about a turn as it runs it. */
export interface TurnFactsForTelemetry {
  /** The dialog the message arrived in (from the loaded state), else the one the turn left open. */
  dialog: string;
  attempts: number;
}

/** A span per turn (channel, dialog, outcome, attempts) and the latency histogram. */
export async function observeTurn(channel: string, run: (facts: TurnFactsForTelemetry) => Promise<void>): Promise<void> {
  const started = performance.now();
  const facts: TurnFactsForTelemetry = { dialog: 'none', attempts: 0 };
  let outcome = 'ok';
  await inSpan('turn', { 'puente.channel': channel }, async (span) => {
    try {
      await run(facts);
    } catch (err) {
      outcome = 'error';
      throw err;
    } finally {
      span.setAttributes({ 'puente.dialog': facts.dialog, 'puente.outcome': outcome, 'puente.attempts': facts.attempts });
      instruments().turnDuration.record(performance.now() - started, { 'puente.channel': channel, 'puente.dialog': facts.dialog, 'puente.outcome': outcome });
    }
  });
}
