import { ActivityTypes, TurnContext } from 'botbuilder';
import { DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import { HandoffRouting } from './careTeam/handoffRouting';
import type { Bot } from './features';
import { Services } from './services';
import { EPISODE_KEY, SafetyEpisode } from './safety/episode';
import { CRISIS_EVENT, CrisisEventValue, takeSafetyEpisodeRequest } from './safety/episodeSignals';
import { SafetyGate } from './safety/gate';
import { DIALOG_STATE_KEY, TurnState } from './turn/conversationState';
import { resolveProfile } from './turn/participantContext';
import { setTurnFacts, turnFacts } from './turn/turnFacts';
import { ENROLLMENT_DIALOG, EnrollmentDialog, EnrollmentResult } from '../dialogs/enrollmentDialog';
import { MAIN_DIALOG, MainDialog } from '../dialogs/mainDialog';

/**
 * One turn of Puente: who is writing, in which language; the safety gate before
 * anything else; then the conversation (enrollment for strangers, the main
 * dialog for participants). A safety episode the gate or a dialog opened owns
 * the conversation from then on (bot/safety/episode.ts); a counsellor's
 * hand-off takes it from the dialogs (bot/careTeam/handoffRouting.ts).
 */
export class PuenteBot implements Bot {
  private readonly gate: SafetyGate;
  private readonly enrollment: EnrollmentDialog;
  private readonly main: MainDialog;
  private readonly handoff: HandoffRouting;

  constructor(private readonly services: Services) {
    this.gate = new SafetyGate(services);
    this.handoff = new HandoffRouting(services.careTeam, services.clock);
    this.enrollment = new EnrollmentDialog(services);
    this.main = new MainDialog(services);
  }

  async handle(context: TurnContext, state: TurnState): Promise<void> {
    const { type } = context.activity;
    // Teams card buttons arrive as messages with a value, or as invokes (Action.Execute).
    if (type !== ActivityTypes.Message && type !== ActivityTypes.Invoke) return;

    const profile = await resolveProfile(context, state, this.services, { refresh: false });
    // Language, translator, profile and state for the gate, dialogs and prompts of this turn.
    setTurnFacts(context, { state, i18n: this.services.i18n, profile, defaultLanguage: this.services.config.defaultLanguage });

    const outcome = type === ActivityTypes.Message ? await this.gate.screen(context, state, profile) : 'continue';
    // A counsellor is talking with this person: their messages go to the thread, the bot says nothing the gate did not.
    if ((await this.handoff.afterGate(context, state, outcome)) === 'quiet') return;
    if (outcome === 'handled') return;

    const dialogs = new DialogSet(state.accessor<DialogState>(DIALOG_STATE_KEY));
    dialogs.add(this.enrollment);
    dialogs.add(this.main);
    const dc = await dialogs.createContext(context);
    if (outcome === 'crisis') {
      // The dialog the crisis interrupted keeps what it must (a crisis note is the note); it answers nothing.
      const episode = state.get<SafetyEpisode>(EPISODE_KEY);
      if (dc.activeDialog && episode) {
        await dc.emitEvent(CRISIS_EVENT, { text: context.activity.text ?? '', flagId: episode.flagId } satisfies CrisisEventValue, true, true);
      }
      return;
    }
    if (outcome === 'resume') {
      if (dc.activeDialog) await dc.repromptDialog();
      else await dc.beginDialog(turnFacts(context).profile ? MAIN_DIALOG : ENROLLMENT_DIALOG);
      return;
    }
    const result = await dc.continueDialog();
    const justEnrolled = result.status === DialogTurnStatus.complete && (result.result as EnrollmentResult | undefined)?.enrolled;
    if (justEnrolled) {
      await dc.beginDialog(MAIN_DIALOG);
    } else if (result.status === DialogTurnStatus.empty) {
      // A participant between conversations, or a stranger: start theirs.
      await dc.beginDialog(turnFacts(context).profile ? MAIN_DIALOG : ENROLLMENT_DIALOG);
    }
    // A check-in safety yes: the episode takes over from here.
    const request = takeSafetyEpisodeRequest(context);
    if (request) await this.gate.openRequested(context, state, turnFacts(context).profile, request);
  }
}

export function createPuenteBot(services: Services): Bot {
  return new PuenteBot(services);
}
