import { DateTime } from 'luxon';
import { addDays } from '../domain/localTime';

/**
 * Lessons are assigned to calendar weeks, named by their Monday (local date),
 * the same for every zone: a track's week 2026-11-30 is the week of that
 * Monday wherever its participants live.
 */

/** The Monday (YYYY-MM-DD) of the week holding `localDate`. */
export function weekStartOf(localDate: string): string {
  return DateTime.fromISO(localDate, { zone: 'utc' }).startOf('week').toISODate()!;
}

export function isWeekStart(localDate: string): boolean {
  const day = DateTime.fromISO(localDate, { zone: 'utc' });
  return /^\d{4}-\d{2}-\d{2}$/.test(localDate) && day.isValid && day.weekday === 1;
}

/** The local date of the lesson day (ISO weekday) in the week starting `weekStart`. */
export function lessonDateOf(weekStart: string, weekday: number): string {
  return addDays(weekStart, weekday - 1);
}
