import { TurnContext } from 'botbuilder';
import { Language } from '../i18n';
import { Participant } from '../domain/participant';
import { Services } from '../services';
import { TurnState } from './conversationState';

/** What a turn knows about who is writing, kept in conversation state between turns. */
export interface ProfileSnapshot {
  participantId: string;
  displayName: string;
  language: Language;
  timeZone: string;
  refreshedAt: string;
}

const PROFILE = 'profile';
/** Language chosen by (or guessed for) someone not enrolled yet. */
const GUEST_LANGUAGE = 'guestLanguage';
/** Staff edits reach an ongoing conversation within this long. */
const PROFILE_MAX_AGE_MS = 10 * 60_000;

export function snapshotOf(p: Participant, now: Date): ProfileSnapshot {
  return { participantId: p.id, displayName: p.displayName, language: p.language, timeZone: p.timeZone, refreshedAt: now.toISOString() };
}

/**
 * The participant behind this conversation, from the snapshot in conversation
 * state when it is fresh, otherwise from the store (one extra read, at most
 * every few minutes or when a new dialog begins).
 */
export async function resolveProfile(
  context: TurnContext,
  state: TurnState,
  services: Services,
  options: { refresh: boolean },
): Promise<ProfileSnapshot | undefined> {
  const now = services.clock();
  const cached = state.get<ProfileSnapshot>(PROFILE);
  const stale = !cached || options.refresh || now.getTime() - new Date(cached.refreshedAt).getTime() > PROFILE_MAX_AGE_MS;
  if (!stale) return cached;
  const participant = cached
    ? await services.participants.get(cached.participantId)
    : await services.participants.findByChannelUser(context.activity.channelId, context.activity.from.id);
  if (!participant || participant.status === 'discharged') {
    state.set(PROFILE, undefined);
    return undefined;
  }
  const snapshot = snapshotOf(participant, now);
  state.set(PROFILE, snapshot);
  return snapshot;
}

export function rememberProfile(state: TurnState, participant: Participant, now: Date): ProfileSnapshot {
  const snapshot = snapshotOf(participant, now);
  state.set(PROFILE, snapshot);
  return snapshot;
}

/** The language someone not enrolled chose, kept for their later turns. */
export function guestLanguage(state: TurnState): Language | undefined {
  return state.get<Language>(GUEST_LANGUAGE);
}

export function setGuestLanguage(state: TurnState, language: Language): void {
  state.set(GUEST_LANGUAGE, language);
}
