import { TurnContext } from 'botbuilder';
import { Participant } from '../bot/domain/participant';
import { Language } from '../bot/i18n';
import { DialogServices } from '../bot/services';
import { Stored } from '../bot/store/port';
import { ProfileSnapshot } from '../bot/turn/participantContext';
import { refreshProfile, turnFacts, useLanguage } from '../bot/turn/turnFacts';

/** The participant of this turn; the main dialog only runs for someone enrolled. */
export function currentProfile(context: TurnContext): ProfileSnapshot {
  const profile = turnFacts(context).profile;
  if (!profile) throw new Error('participant dialogs need a profile in turnState');
  return profile;
}

/**
 * Changes the participant record (eTag-safe read-modify-write), refreshes
 * the profile snapshot in conversation state and in this turn, so the next
 * turns see the change without another read, and moves their outreach to the
 * new settings (check-in time, time zone, reminders). Setting values is
 * idempotent: a re-run turn writes the same again.
 */
export async function updateParticipant(
  context: TurnContext,
  services: DialogServices,
  change: (p: Participant) => void,
): Promise<Stored<Participant>> {
  const profile = currentProfile(context);
  const participant = await services.participants.update(profile.participantId, change);
  await services.outreach.reschedule(participant.id);
  refreshProfile(context, participant, services.clock());
  return participant;
}

/**
 * Switches the participant's language everywhere it is read: the record
 * (outreach reads it), the profile snapshot (later turns) and the turn facts
 * (the rest of this turn, so the confirmation is already in the new language).
 */
export async function switchLanguage(context: TurnContext, services: DialogServices, language: Language): Promise<void> {
  await updateParticipant(context, services, (p) => {
    p.language = language;
  });
  useLanguage(context, language);
}
