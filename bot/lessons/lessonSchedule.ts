import { wallTimeToInstant } from '../domain/localTime';
import { Participant, Track } from '../domain/participant';
import type { NewLessonDueEntry } from '../outreach/dueEntries';
import { LessonAssignments } from './assignments';
import { lessonDateOf, weekStartOf } from './lessonWeek';

/** A lesson due for one participant: the outreach entry and what the week holds. */
export interface DueLesson {
  entry: NewLessonDueEntry;
  weekStart: string;
  lessonId: string;
}

/**
 * When a participant's next lesson goes out: on their track's lesson day of
 * the next week that has a lesson assigned, at their check-in time. Weeks
 * without a lesson get no entry at all, so a track with no plan costs the
 * tick nothing; assigning a lesson reschedules the track's participants.
 */
export class LessonSchedule {
  constructor(
    private readonly assignments: LessonAssignments,
    private readonly weekdays: Record<Track, number>,
  ) {}

  /** The first lesson whose day is on or after `fromDate` and whose instant is at or after `notBefore`; null when none is assigned. */
  async next(p: Participant, fromDate: string, notBefore: Date): Promise<DueLesson | null> {
    const weekday = this.weekdays[p.track];
    for (const a of await this.assignments.from(p.track, weekStartOf(fromDate))) {
      const localDate = lessonDateOf(a.weekStart, weekday);
      if (localDate < fromDate) continue;
      const dueAt = wallTimeToInstant(localDate, p.checkinTime, p.timeZone);
      if (dueAt < notBefore) continue;
      return {
        entry: { participantId: p.id, kind: 'lesson', dueAt: dueAt.toISOString(), localDate, occurrenceId: null, sessionStart: null },
        weekStart: a.weekStart,
        lessonId: a.lessonId,
      };
    }
    return null;
  }

  /** The lesson of the week holding `localDate`, if one is assigned to the participant's track. */
  async ofWeek(p: Pick<Participant, 'track'>, localDate: string): Promise<{ weekStart: string; lessonId: string } | null> {
    const weekStart = weekStartOf(localDate);
    const a = await this.assignments.get(p.track, weekStart);
    return a ? { weekStart, lessonId: a.lessonId } : null;
  }
}
