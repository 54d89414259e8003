import type { i18n } from 'i18next';
import { OutreachConfig } from '../config';
import { localDateOf } from '../domain/localTime';
import { Participant } from '../domain/participant';
import { DocumentStore } from '../store/port';
import { LessonAssignments } from './assignments';
import { LessonDeliveries } from './deliveries';
import { Lesson, LessonLibrary } from './library';
import { LessonSchedule } from './lessonSchedule';

/** This week's lesson of one participant: the library entry and the week it belongs to. */
export interface WeekLesson {
  lesson: Lesson;
  weekStart: string;
}

/**
 * Weekly lessons as conversations and staff use them (services.lessons): the
 * library, each track's plan, and what was sent to whom with their reflection.
 */
export interface LessonService {
  readonly library: LessonLibrary;
  readonly assignments: LessonAssignments;
  readonly deliveries: LessonDeliveries;
  /** The lesson assigned to the participant's track for the week holding `at` (their local date); null when none. */
  thisWeek(p: Participant, at: Date): Promise<WeekLesson | null>;
}

export function createLessonService(store: DocumentStore, i18n: i18n, outreach: Pick<OutreachConfig, 'lessonWeekdays'>): LessonService {
  const library = new LessonLibrary(i18n);
  const assignments = new LessonAssignments(store);
  const schedule = new LessonSchedule(assignments, outreach.lessonWeekdays);
  return {
    library,
    assignments,
    deliveries: new LessonDeliveries(store),
    async thisWeek(p, at) {
      const week = await schedule.ofWeek(p, localDateOf(at, p.timeZone));
      const lesson = week && library.get(week.lessonId);
      // A lesson removed from the library after it was assigned is no lesson: nothing to show.
      return week && lesson ? { lesson, weekStart: week.weekStart } : null;
    },
  };
}
