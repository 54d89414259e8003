import { DocBase } from '../store/port';

/** The lessonDeliveries collection: one document per lesson a participant was sent. */
export const LESSON_DELIVERIES = 'lessonDeliveries';

/**
 * A lesson sent to a participant (outreach on the track's lesson day, or asked
 * for with "lesson"). pk = participantId; id = `${weekStart}:${lessonId}` so a
 * week's lesson is delivered exactly once and asking again rewrites nothing.
 * The reflection answer is health data: never logged.
 */
export interface LessonDelivery extends DocBase {
  participantId: string;
  lessonId: string;
  /** The program track's week the lesson was assigned to: local date (YYYY-MM-DD) of that week's Monday. */
  weekStart: string;
  sentAt: string;
  /** When the reflection question was answered; null until then. Completion = reflection answered. */
  reflectionAt: string | null;
  reflection: string | null;
}

export function lessonDeliveryId(weekStart: string, lessonId: string): string {
  return `${weekStart}:${lessonId}`;
}
