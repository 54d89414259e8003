import { TurnContext } from 'botbuilder';
import { DangerKind } from './risk';

/**
 * How dialogs and the safety episode hear of each other without importing
 * each other: a dialog asks for an episode (a check-in safety yes), and the
 * dialog a crisis message interrupted hears of it (a crisis note is the note).
 */

/** Dialog event emitted (from the leaf) when a message opened a safety episode instead of reaching the dialog. */
export const CRISIS_EVENT = 'puente.crisis';

export interface CrisisEventValue {
  /** The message (health data: never logged). */
  text: string;
  /** The episode's flag: what the interrupted dialog links to. */
  flagId: string;
}

/** A dialog's ask to open a safety episode on a flag it raised. */
export interface EpisodeRequest {
  flagId: string;
  kind: DangerKind;
  /** Safe to log: what asked. */
  reason: string;
}

const REQUEST_KEY = 'puente.safetyEpisodeRequest';

export function requestSafetyEpisode(context: TurnContext, request: EpisodeRequest): void {
  context.turnState.set(REQUEST_KEY, request);
}

/** The request of this turn, once. */
export function takeSafetyEpisodeRequest(context: TurnContext): EpisodeRequest | undefined {
  const request = context.turnState.get(REQUEST_KEY) as EpisodeRequest | undefined;
  context.turnState.delete(REQUEST_KEY);
  return request;
}
