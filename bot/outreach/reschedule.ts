import { Clock } from '../clock';
import { Config } from '../config';
import { addDays, localDateOf } from '../domain/localTime';
import { LessonAssignments } from '../lessons/assignments';
import { LessonSchedule } from '../lessons/lessonSchedule';
import { Participant, Track } from '../domain/participant';
import { Participants } from '../domain/participants';
import { attends, ProgramSession, ProgramSessions } from '../domain/sessions';
import { DocumentStore } from '../store/port';
import { DUE_SLOTS, DueEntries, DueEntry } from './dueEntries';
import { Ledger, ledgerKey } from './ledger';
import { checkinEntry, nextCheckinEntry, nextReminderEntry } from './planner';

export interface RescheduleDeps {
  store: DocumentStore;
  clock: Clock;
  participants: Participants;
  config: Pick<Config, 'outreach'>;
}

/**
 * Brings a participant's due entries in line with their record: call it after
 * a participant is created or re-admitted and after any change of check-in
 * time, time zone, track or reminder settings. (The tick re-reads status,
 * consent, opt-out, language and addresses when it sends, and moves entries
 * whose time no longer matches, so those changes need no call; this one makes
 * a change take effect at once.)
 *
 * An entry already due is left alone: the tick will judge it against the new
 * record. A discharged or deleted participant loses every entry.
 */
export async function rescheduleParticipant(deps: RescheduleDeps, participantId: string, sessions?: readonly ProgramSession[]): Promise<void> {
  const due = new DueEntries(deps.store);
  const now = deps.clock();
  const p = await deps.participants.get(participantId);
  if (!p || p.status === 'discharged') {
    await Promise.all(DUE_SLOTS.map((slot) => due.remove(participantId, slot)));
    return;
  }
  const keepIfDue = (current: DueEntry) => current.dueAt <= now.toISOString();
  let checkin = nextCheckinEntry(p, now);
  // Today's prompt may have gone out at the old time already: then the next one is tomorrow's.
  if (await new Ledger(deps.store).get(p.id, ledgerKey('checkin', checkin.localDate))) {
    checkin = checkinEntry(p, addDays(checkin.localDate, 1));
  }
  // A pending follow-up stays: the prompt after it is placed, with the new settings, once it is handled.
  await due.set(p.id, 'daily', checkin, now, (current) => keepIfDue(current) || current.kind === 'followup');
  const program = sessions ?? (await new ProgramSessions(deps.store, deps.clock).list());
  await due.set(p.id, 'reminder', nextReminderEntry(p, program, now), now, keepIfDue);
  await due.set(p.id, 'lesson', (await nextLesson(deps, p, now))?.entry ?? null, now, keepIfDue);
}

/** The participant's next lesson from now on; this week's counts unless it already went out (at an old check-in time). */
async function nextLesson(deps: RescheduleDeps, p: Participant, now: Date) {
  const schedule = new LessonSchedule(new LessonAssignments(deps.store), deps.config.outreach.lessonWeekdays);
  const lesson = await schedule.next(p, localDateOf(now, p.timeZone), now);
  if (!lesson || !(await new Ledger(deps.store).get(p.id, ledgerKey('lesson', lesson.entry.localDate)))) return lesson;
  return schedule.next(p, addDays(lesson.entry.localDate, 1), now);
}

/**
 * After a track's lesson plan changed (an assignment): reschedules the
 * track's participants, so the new lesson is due (or a removed one is not).
 */
export async function rescheduleTrack(deps: RescheduleDeps, track: Track): Promise<number> {
  const members = (await deps.participants.list()).filter((p) => p.track === track && p.status !== 'discharged');
  for (const p of members) await rescheduleParticipant(deps, p.id);
  return members.length;
}

/**
 * After the schedule changed (an import): reschedules everyone who attends one
 * of the sessions. Reads all participants once: an operator action, not the tick.
 */
export async function rescheduleAttendees(deps: RescheduleDeps, changed: readonly ProgramSession[]): Promise<number> {
  const sessions = await new ProgramSessions(deps.store, deps.clock).list();
  const affected = (await deps.participants.list()).filter((p: Participant) => changed.some((s) => attends(s, p)));
  for (const p of affected) await rescheduleParticipant(deps, p.id, sessions);
  return affected.length;
}
