import { ActivityTypes, TurnContext } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { Clock } from '../clock';
import { GateOutcome, OPTED_OUT_KEY } from '../safety/gate';
import { TurnState } from '../turn/conversationState';
import { turnFacts } from '../turn/turnFacts';
import { CareTeam } from './careTeam';
import { endsHandoff, Handoff, HANDOFF_KEY, handoffOver } from './handoff';

/** Where the turn goes once the hand-off has seen it: on to the bot as usual, or nowhere (a person is answering). */
export type HandoffRoute = 'bot' | 'quiet';

/** The instant of this turn's message, the same on every re-run of the turn (its thread id is made of it). */
const RECEIVED_AT = Symbol('careTeam.receivedAt');

/**
 * The turn's side of a hand-off, asked right after the safety gate:
 * - no hand-off open, or its quiet time passed (it ends): the bot as usual;
 * - every message of an open hand-off goes to the thread, whatever the gate
 *   made of it (the counsellor sees the crisis message and the STOP too);
 * - what the gate answered stands: crisis language still gets the crisis
 *   response and joins the episode; a NO to the gate's direct question
 *   returns to the person, not to a dialog's question;
 * - STOP (BAJA, PARAR, … any opt-out the gate heard) opts out and ends the
 *   hand-off: nobody may write to them now, and a later START finds the bot;
 * - MENU ends the hand-off and the bot shows its menu;
 * - anything else: the bot stays quiet, the counsellor is told.
 */
export class HandoffRouting {
  constructor(
    private readonly careTeam: CareTeam,
    private readonly clock: Clock,
  ) {}

  async afterGate(context: TurnContext, state: TurnState, outcome: GateOutcome): Promise<HandoffRoute> {
    const open = state.get<Handoff>(HANDOFF_KEY);
    if (!open || context.activity.type !== ActivityTypes.Message) return 'bot';
    const now = this.receivedAt(context);
    if (handoffOver(open, now, this.careTeam.quietHours)) {
      state.set(HANDOFF_KEY, undefined);
      return 'bot';
    }
    const { activity } = context;
    const text = (activity.text ?? '').trim();
    if (text) {
      await this.careTeam.receive(
        {
          participantId: open.participantId,
          text,
          channelId: activity.channelId,
          activityKey: `${activity.channelId}:${activity.conversation.id}:${activity.id ?? now.toISOString()}`,
          activityId: activity.id ?? null,
          at: now.toISOString(),
        },
        open,
      );
    }
    if (state.get<string>(OPTED_OUT_KEY) !== undefined) {
      state.set(HANDOFF_KEY, undefined);
      return 'bot';
    }
    if (outcome !== 'continue') return outcome === 'resume' ? 'quiet' : 'bot';
    if (endsHandoff(text)) {
      state.set(HANDOFF_KEY, undefined);
      const { t } = turnFacts(context);
      await context.sendActivity(renderPrompt({ kind: 'message', textKey: 'careteam:handoff.endedByYou' }, activity.channelId, t));
      return 'bot';
    }
    state.set(HANDOFF_KEY, { ...open, lastMessageAt: now.toISOString() } satisfies Handoff);
    return 'quiet';
  }

  private receivedAt(context: TurnContext): Date {
    const known = context.turnState.get<Date | undefined>(RECEIVED_AT);
    if (known) return known;
    const now = this.clock();
    context.turnState.set(RECEIVED_AT, now);
    return now;
  }
}
