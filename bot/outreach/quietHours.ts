import { addDays, localDateOf, localTimeOf, wallTimeToInstant } from '../domain/localTime';

export interface QuietHours {
  /** Local 'HH:mm' quiet time begins (e.g. 21:00). */
  start: string;
  /** Local 'HH:mm' quiet time ends (e.g. 08:00). */
  end: string;
}

/** Is `at` inside quiet hours on the participant's local clock? Handles spans over midnight and within a day. */
export function inQuietHours(at: Date, zone: string, quiet: QuietHours): boolean {
  const now = localTimeOf(at, zone);
  if (quiet.start === quiet.end) return false;
  return quiet.start > quiet.end ? now >= quiet.start || now < quiet.end : now >= quiet.start && now < quiet.end;
}

/** The first instant at or after `at` outside quiet hours (`at` itself when it is not quiet). */
export function quietHoursEnd(at: Date, zone: string, quiet: QuietHours): Date {
  if (!inQuietHours(at, zone, quiet)) return at;
  const today = localDateOf(at, zone);
  const endToday = wallTimeToInstant(today, quiet.end, zone);
  return endToday > at ? endToday : wallTimeToInstant(addDays(today, 1), quiet.end, zone);
}

/** The instant the quiet hours holding `at` began (`at` must be inside them). */
export function quietHoursStart(at: Date, zone: string, quiet: QuietHours): Date {
  const today = localDateOf(at, zone);
  const startToday = wallTimeToInstant(today, quiet.start, zone);
  return startToday <= at ? startToday : wallTimeToInstant(addDays(today, -1), quiet.start, zone);
}
