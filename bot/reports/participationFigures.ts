import { addDays, localDateOf } from '../domain/localTime';
import { Track } from '../domain/participant';
import { ReportRange, weekStartOf } from './reportRange';
import { DayRow, LessonCounts, ParticipantRow } from './reportSource';
import { rate } from './reportStats';

export interface ParticipantCounts {
  /** Enrolled before the range ended. */
  enrolled: number;
  /** Of those, with at least one completed check-in in the range's last 7 days. */
  active: number;
  /** Current status (the record keeps no status history). */
  paused: number;
  discharged: number;
}

export interface AdherenceCell {
  track: Track;
  /** Monday of the week; the week is clipped to the range. */
  weekStart: string;
  /** Participant-days a check-in was expected: active participants, on or after their enrollment day. */
  expected: number;
  completed: number;
  rate: number | null;
}

export interface Ratio {
  sent: number;
  completed: number;
  rate: number | null;
}

/** Participant → the local dates of their rows. */
function datesByParticipant(rows: readonly DayRow[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let dates = out.get(r.pk);
    if (!dates) out.set(r.pk, (dates = new Set()));
    dates.add(r.localDate);
  }
  return out;
}

/** The first local date the 7-day activity window covers: 6 days before `to`. */
export function activeWindowStart(range: Pick<ReportRange, 'to'>): string {
  return addDays(range.to, -6);
}

export function participantCounts(scope: readonly ParticipantRow[], completed: readonly DayRow[], range: ReportRange): ParticipantCounts {
  const windowStart = activeWindowStart(range);
  const recent = new Set(completed.filter((c) => c.localDate >= windowStart && c.localDate <= range.to).map((c) => c.pk));
  const enrolled = scope.filter((p) => p.createdAt < range.end.toISOString());
  return {
    enrolled: enrolled.length,
    active: enrolled.filter((p) => recent.has(p.id)).length,
    paused: enrolled.filter((p) => p.status === 'paused').length,
    discharged: enrolled.filter((p) => p.status === 'discharged').length,
  };
}

/** Completed check-ins over expected participant-days, per track and week (weeks Monday to Sunday, clipped to the range). */
export function adherence(scope: readonly ParticipantRow[], completed: readonly DayRow[], range: ReportRange, tracks: readonly Track[]): AdherenceCell[] {
  const done = datesByParticipant(completed);
  // The range's days and their weeks, worked out once: the loop below runs once per participant and day.
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  const weeks = days.map(weekStartOf);
  const cells = new Map<string, AdherenceCell>();
  for (const week of new Set(weeks)) {
    for (const track of tracks) cells.set(`${track}|${week}`, { track, weekStart: week, expected: 0, completed: 0, rate: null });
  }
  for (const p of scope) {
    if (p.status !== 'active') continue;
    const enrolledOn = localDateOf(new Date(p.createdAt), p.timeZone);
    const mine = done.get(p.id);
    for (let i = 0; i < days.length; i++) {
      if (days[i] < enrolledOn) continue;
      const cell = cells.get(`${p.track}|${weeks[i]}`)!;
      cell.expected++;
      if (mine?.has(days[i])) cell.completed++;
    }
  }
  return [...cells.values()].map((c) => ({ ...c, rate: rate(c.completed, c.expected) }));
}

/** Check-in prompts sent, and how many of them were followed by a completed check-in the same local day. */
export function promptResponse(prompts: readonly DayRow[], completed: readonly DayRow[]): Ratio {
  const done = datesByParticipant(completed);
  const answered = prompts.filter((p) => done.get(p.pk)?.has(p.localDate)).length;
  return { sent: prompts.length, completed: answered, rate: rate(answered, prompts.length) };
}

/** Lessons sent in the range (by their week), and those whose reflection was answered. */
export function lessonCompletion(lessons: LessonCounts): Ratio {
  return { sent: lessons.sent, completed: lessons.answered, rate: rate(lessons.answered, lessons.sent) };
}
