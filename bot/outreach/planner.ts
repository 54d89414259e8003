import { addDays, localDateOf, wallTimeToInstant } from '../domain/localTime';
import { ChannelAddress, Participant } from '../domain/participant';
import { ProgramSession, upcomingOccurrences } from '../domain/sessions';
import { NewDailyDueEntry, NewReminderDueEntry } from './dueEntries';
import { inQuietHours, QuietHours, quietHoursEnd, quietHoursStart } from './quietHours';

/**
 * Pure rules of when what is due for whom. The scheduler and
 * rescheduleParticipant both place entries with these, so a participant
 * change and a tick agree on the same instants.
 */

/** Why a due message was not sent. Counted per tick (logs, /readyz). */
export type SkipReason =
  | 'unknownParticipant'
  | 'discharged'
  | 'paused'
  | 'optedOut'
  | 'noConsent'
  | 'unreachable'
  | 'quietHours'
  /** Fell due while nothing ran and is no use any more (another day, or the session began). */
  | 'expired'
  /** The check-in of that day was done (started or finished): no prompt, no follow-up. */
  | 'answered'
  /** Lesson: this week's lesson was already delivered (asked for with "lesson" before its day): nothing to announce. */
  | 'lessonRead'
  /** Reminder: the meeting was cancelled, removed, or the participant no longer attends it. Lesson: no longer assigned. */
  | 'cancelled'
  | 'remindersOff'
  /** A safety episode is open with the participant: routine prompts wait (bot/safety/episodeHold.ts). */
  | 'safetyEpisode';

/** The instant of the check-in prompt of one local day. */
export function checkinInstant(p: Pick<Participant, 'checkinTime' | 'timeZone'>, localDate: string): Date {
  return wallTimeToInstant(localDate, p.checkinTime, p.timeZone);
}

export function checkinEntry(p: Participant, localDate: string): NewDailyDueEntry {
  return {
    participantId: p.id,
    kind: 'checkin',
    dueAt: checkinInstant(p, localDate).toISOString(),
    localDate,
    occurrenceId: null,
    sessionStart: null,
  };
}

/** The first prompt at or after `now`: today's if its time has not passed, else tomorrow's. */
export function nextCheckinEntry(p: Participant, now: Date): NewDailyDueEntry {
  const today = localDateOf(now, p.timeZone);
  return checkinInstant(p, today) >= now ? checkinEntry(p, today) : checkinEntry(p, addDays(today, 1));
}

/**
 * The prompt after the one of `handledDate`: the next day, or today when the
 * handled one is older (after downtime, today's prompt is still due today).
 */
export function followingCheckinEntry(p: Participant, handledDate: string, now: Date): NewDailyDueEntry {
  const nextDay = addDays(handledDate, 1);
  const today = localDateOf(now, p.timeZone);
  return checkinEntry(p, nextDay > today ? nextDay : today);
}

/** The follow-up `hours` after the prompt went out, on the minute (ticks run on minutes). */
export function followupEntry(participantId: string, localDate: string, promptSentAt: Date, hours: number): NewDailyDueEntry {
  const minute = Math.floor(promptSentAt.getTime() / 60_000) * 60_000;
  return {
    participantId,
    kind: 'followup',
    dueAt: new Date(minute + hours * 3_600_000).toISOString(),
    localDate,
    occurrenceId: null,
    sessionStart: null,
  };
}

/** A follow-up is no use sooner than this after its prompt. */
export const MIN_FOLLOWUP_GAP_MS = 3_600_000;

/**
 * A follow-up that would land in quiet hours moves to the last minute before
 * they begin, when that is still at least an hour after the prompt; otherwise
 * it stays, and the tick skips it (counted as quietHours).
 */
export function followupBeforeQuietHours(followup: NewDailyDueEntry, promptSentAt: Date, zone: string, quiet: QuietHours): NewDailyDueEntry {
  const dueAt = new Date(followup.dueAt);
  if (!inQuietHours(dueAt, zone, quiet)) return followup;
  const lastAllowed = new Date(quietHoursStart(dueAt, zone, quiet).getTime() - 60_000);
  if (lastAllowed.getTime() < promptSentAt.getTime() + MIN_FOLLOWUP_GAP_MS) return followup;
  return { ...followup, dueAt: lastAllowed.toISOString() };
}

/**
 * Where reminders may go: quiet hours, and what to do with a reminder of an
 * early meeting that starts before (or as) quiet hours end.
 */
export interface ReminderPolicy {
  quietHours: QuietHours;
  quietReminder: 'evening-before' | 'skip';
}

export function reminderPolicy(config: { quietHours: QuietHours; outreach: { quietReminder: ReminderPolicy['quietReminder'] } }): ReminderPolicy {
  return { quietHours: config.quietHours, quietReminder: config.outreach.quietReminder };
}

/** The reminder for the first meeting the participant attends that starts after `after`; null when none (or reminders off). */
export function nextReminderEntry(p: Participant, sessions: readonly ProgramSession[], after: Date, policy: ReminderPolicy): NewReminderDueEntry | null {
  if (!p.reminders.enabled) return null;
  const [occ] = upcomingOccurrences(sessions, p, new Date(after.getTime() + 1), 1);
  if (!occ) return null;
  return {
    participantId: p.id,
    kind: 'reminder',
    dueAt: reminderInstant(occ.start, p, policy).toISOString(),
    localDate: null,
    occurrenceId: occ.occurrenceId,
    sessionStart: occ.start.toISOString(),
  };
}

/**
 * When a reminder of the meeting starting at `start` is due: the lead time
 * before it. When that falls in quiet hours and they end before the meeting,
 * it stays there (the tick moves it to their end). When they do not (an early
 * meeting), 'evening-before' places it at the last minute before those quiet
 * hours began; 'skip' leaves it, and the tick skips it and counts it.
 */
export function reminderInstant(start: Date, p: Pick<Participant, 'reminders' | 'timeZone'>, policy: ReminderPolicy): Date {
  const lead = new Date(start.getTime() - p.reminders.leadMinutes * 60_000);
  if (policy.quietReminder === 'skip' || !inQuietHours(lead, p.timeZone, policy.quietHours)) return lead;
  if (quietHoursEnd(lead, p.timeZone, policy.quietHours) < start) return lead;
  return new Date(quietHoursStart(lead, p.timeZone, policy.quietHours).getTime() - 60_000);
}

/** `${sessionId}@${localDate}` → its parts (session ids may not contain '@'; the date never does). */
export function splitOccurrenceId(occurrenceId: string): { sessionId: string; localDate: string } {
  const at = occurrenceId.lastIndexOf('@');
  return { sessionId: occurrenceId.slice(0, at), localDate: occurrenceId.slice(at + 1) };
}

/** Where this participant may be messaged right now, or why they may not be at all. */
export type Reach = { ok: true; address: ChannelAddress } | { ok: false; reason: SkipReason };

export function reach(p: Participant): Reach {
  if (p.status === 'discharged') return { ok: false, reason: 'discharged' };
  if (p.status === 'paused') return { ok: false, reason: 'paused' };
  if (p.optedOutAt) return { ok: false, reason: 'optedOut' };
  if (!p.consent.given) return { ok: false, reason: 'noConsent' };
  const address = deliveryAddress(p);
  return address ? { ok: true, address } : { ok: false, reason: 'unreachable' };
}

/**
 * Where to send: the channel they consented on when it is still reachable,
 * else the reachable address linked most recently.
 */
export function deliveryAddress(p: Participant): ChannelAddress | undefined {
  const reachable = Object.values(p.addresses).filter((a) => a.reachable);
  const consented = reachable.find((a) => a.channelId === p.consent.channel);
  if (consented) return consented;
  return reachable.sort((a, b) => b.linkedAt.localeCompare(a.linkedAt))[0];
}
