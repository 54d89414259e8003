import { addDays, daysBetween, localDateOf } from '../domain/localTime';
import { Track } from '../domain/participant';
import { ReportRange, weekStartOf } from './reportRange';
import { DayRow, LessonRow, ParticipantRow } from './reportSource';
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

const key = (pk: string, localDate: string) => `${pk}|${localDate}`;

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
  const done = new Set(completed.map((c) => key(c.pk, c.localDate)));
  const cells = new Map<string, AdherenceCell>();
  for (let week = weekStartOf(range.from); week <= range.to; week = addDays(week, 7)) {
    for (const track of tracks) cells.set(`${track}|${week}`, { track, weekStart: week, expected: 0, completed: 0, rate: null });
  }
  for (const p of scope) {
    if (p.status !== 'active') continue;
    const enrolledOn = localDateOf(new Date(p.createdAt), p.timeZone);
    const first = enrolledOn > range.from ? enrolledOn : range.from;
    for (let day = first, n = daysBetween(first, range.to); n >= 0; day = addDays(day, 1), n--) {
      const cell = cells.get(`${p.track}|${weekStartOf(day)}`)!;
      cell.expected++;
      if (done.has(key(p.id, day))) cell.completed++;
    }
  }
  return [...cells.values()].map((c) => ({ ...c, rate: rate(c.completed, c.expected) }));
}

/** Check-in prompts sent, and how many of them were followed by a completed check-in the same local day. */
export function promptResponse(prompts: readonly DayRow[], completed: readonly DayRow[]): Ratio {
  const done = new Set(completed.map((c) => key(c.pk, c.localDate)));
  const answered = prompts.filter((p) => done.has(key(p.pk, p.localDate))).length;
  return { sent: prompts.length, completed: answered, rate: rate(answered, prompts.length) };
}

/** Lessons sent in the range (by their week), and those whose reflection was answered. */
export function lessonCompletion(lessons: readonly LessonRow[]): Ratio {
  const answered = lessons.filter((l) => l.reflectionAt !== null).length;
  return { sent: lessons.length, completed: answered, rate: rate(answered, lessons.length) };
}
