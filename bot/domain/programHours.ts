import { addDays, localDateOf, wallTimeToInstant } from './localTime';

/**
 * When the care team is at work (clinic config: days, hours, time zone,
 * holidays). Whatever tells a person when a human will read their message
 * asks here, so the bot never implies someone is reading when nobody is.
 */
export interface ProgramHours {
  /** ISO weekdays the team works, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Local "HH:mm" the team starts and stops; open is before close. */
  open: string;
  close: string;
  timeZone: string;
  /** Local dates (YYYY-MM-DD) the team is off whatever the weekday. */
  holidays: readonly string[];
}

export interface ProgramStatus {
  open: boolean;
  /** When the team is next at work: `now` while open; null when no working day lies within a year (no days configured). */
  backAt: Date | null;
}

/** Far enough for any holiday run; a schedule with no working day at all answers null. */
const LOOKAHEAD_DAYS = 366;

/** Is the team at work at `now`, and if not, when is it back? */
export function programStatus(now: Date, hours: ProgramHours): ProgramStatus {
  const today = localDateOf(now, hours.timeZone);
  for (let i = 0; i < LOOKAHEAD_DAYS; i++) {
    const date = addDays(today, i);
    if (!isWorkingDay(date, hours)) continue;
    const opens = wallTimeToInstant(date, hours.open, hours.timeZone);
    const closes = wallTimeToInstant(date, hours.close, hours.timeZone);
    if (now < opens) return { open: false, backAt: opens };
    if (now < closes) return { open: true, backAt: now };
  }
  return { open: false, backAt: null };
}

function isWorkingDay(localDate: string, hours: ProgramHours): boolean {
  if (hours.holidays.includes(localDate)) return false;
  const [y, m, d] = localDate.split('-').map(Number);
  const isoWeekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return hours.days.includes(isoWeekday);
}

/**
 * The team's working hours as instants [opens, closes), one per working day
 * from local date `first` to `last`: asking "was this during program hours?"
 * of many instants (a report's flags) is then a search, not a zone conversion each.
 */
export function workingIntervals(first: string, last: string, hours: ProgramHours): Array<{ opens: number; closes: number }> {
  const intervals: Array<{ opens: number; closes: number }> = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (!isWorkingDay(date, hours)) continue;
    intervals.push({ opens: wallTimeToInstant(date, hours.open, hours.timeZone).getTime(), closes: wallTimeToInstant(date, hours.close, hours.timeZone).getTime() });
  }
  return intervals;
}
