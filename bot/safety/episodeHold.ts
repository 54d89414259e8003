import { Participant, SafetyHold } from '../domain/participant';
import { Participants } from '../domain/participants';

/**
 * The trace of an open safety episode on the participant record, where
 * outreach already looks (no extra read per send): while it holds, routine
 * outreach to that person waits. The episode itself lives in conversation
 * state; this copy exists for outreach, and for staff to lift.
 */

export function heldForSafety(p: Pick<Participant, 'safetyHold'>, now: Date): boolean {
  return !!p.safetyHold && Date.parse(p.safetyHold.until) > now.getTime();
}

/** Sets or extends the hold of the episode with this flag. */
export async function holdOutreach(participants: Participants, participantId: string, hold: SafetyHold): Promise<void> {
  await participants.update(participantId, (p) => {
    p.safetyHold = p.safetyHold?.flagId === hold.flagId ? { ...hold, openedAt: p.safetyHold.openedAt } : hold;
  });
}

/** Lifts the hold of the episode with this flag (a later episode's hold stays). */
export async function releaseOutreach(participants: Participants, participantId: string, flagId: string): Promise<void> {
  const p = await participants.get(participantId);
  if (p?.safetyHold?.flagId !== flagId) return;
  await participants.update(participantId, (q) => {
    if (q.safetyHold?.flagId === flagId) q.safetyHold = null;
  });
}
