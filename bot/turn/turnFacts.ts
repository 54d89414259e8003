import { TurnContext } from 'botbuilder';
import { TurnState } from './conversationState';
import { ProfileSnapshot } from './participantContext';

/** context.turnState keys for what the pipeline knows about this turn (beside LANGUAGE_KEY / I18N_KEY). */
export const PROFILE_KEY = 'puente.profile';
export const TURN_STATE_KEY = 'puente.turnState';

export function turnProfile(context: TurnContext): ProfileSnapshot | undefined {
  return context.turnState.get(PROFILE_KEY) as ProfileSnapshot | undefined;
}

export function turnStateOf(context: TurnContext): TurnState {
  const state = context.turnState.get(TURN_STATE_KEY) as TurnState | undefined;
  if (!state) throw new Error('conversation state is not loaded for this turn');
  return state;
}
