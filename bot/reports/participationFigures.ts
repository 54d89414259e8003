import { addDays, localDateOf } from '../domain/localTime';
import { Track } from '../domain/participant';
import { ReportRange, weekStartOf } from './reportRange';
import { CheckinCounts } from './checkinCounts';
import { LessonCounts, ParticipantRow } from './reportRows';
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

/** The first local date the 7-day activity window covers: 6 days before `to`. */
export function activeWindowStart(range: Pick<ReportRange, 'to'>): string {
  return addDays(range.to, -6);
}

export function participantCounts(scope: readonly ParticipantRow[], recent: ReadonlySet<string>, range: ReportRange): ParticipantCounts {
  const enrolled = scope.filter((p) => p.createdAt < range.end.toISOString());
  return {
    enrolled: enrolled.length,
    active: enrolled.filter((p) => recent.has(p.id)).length,
    paused: enrolled.filter((p) => p.status === 'paused').length,
    discharged: enrolled.filter((p) => p.status === 'discharged').length,
  };
}

/** Completed check-ins over expected participant-days, per track and week (weeks Monday to Sunday, clipped to the range). */
export function adherence(scope: readonly ParticipantRow[], checkins: CheckinCounts, range: ReportRange, tracks: readonly Track[]): AdherenceCell[] {
  // The range's days and their weeks, worked out once.
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  const weeks = days.map(weekStartOf);
  const cells = new Map<string, AdherenceCell>();
  const cell = (track: Track, week: string) => cells.get(`${track}|${week}`)!;
  for (const week of new Set(weeks)) {
    for (const track of tracks) cells.set(`${track}|${week}`, { track, weekStart: week, expected: 0, completed: 0, rate: null });
  }
  const enrolledOn = new Map<string, { track: Track; day: string }>();
  // Per track, how many active participants are expected from each day of the range on (enrolled by then).
  const joining = new Map<Track, number[]>();
  for (const p of scope) {
    if (p.status !== 'active') continue;
    const day = localDateOf(new Date(p.createdAt), p.timeZone);
    enrolledOn.set(p.id, { track: p.track, day });
    const first = day <= range.from ? 0 : days.indexOf(day);
    if (first === -1) continue;
    if (!joining.has(p.track)) joining.set(p.track, new Array<number>(days.length).fill(0));
    joining.get(p.track)![first]++;
  }
  for (const [track, joined] of joining) {
    let enrolled = 0;
    for (let i = 0; i < days.length; i++) {
      enrolled += joined[i];
      cell(track, weeks[i]).expected += enrolled;
    }
  }
  // Participants enrolled by the range's first day count every day of it; those who joined during it, from their day on.
  for (const [track, byDay] of checkins.settledByDay) days.forEach((day, i) => (cell(track, weeks[i]).completed += byDay.get(day) ?? 0));
  for (const c of checkins.joinerDays) {
    const joined = enrolledOn.get(c.pk);
    if (joined && c.localDate >= joined.day) cell(joined.track, weekStartOf(c.localDate)).completed++;
  }
  return [...cells.values()].map((c) => ({ ...c, rate: rate(c.completed, c.expected) }));
}

/** Check-in prompts sent, and how many of them were followed by a completed check-in the same local day. */
export function promptResponse(prompts: CheckinCounts['prompts']): Ratio {
  return { sent: prompts.sent, completed: prompts.answered, rate: rate(prompts.answered, prompts.sent) };
}

/** Lessons sent in the range (by their week), and those whose reflection was answered. */
export function lessonCompletion(lessons: LessonCounts): Ratio {
  return { sent: lessons.sent, completed: lessons.answered, rate: rate(lessons.answered, lessons.sent) };
}
