import { DateTime } from 'luxon';
import { z } from 'zod';
import { TRACKS, Track } from '../domain/participant';
import { addDays } from '../domain/localTime';
import { AppError } from '../errors';

/** A year at most: the longest view a program review asks for, and a bound on what one request reads. */
export const MAX_RANGE_DAYS = 366;

/**
 * The period a report covers: local dates `from`…`to` (both included) in the
 * program's time zone, and optionally one track. `start`/`end` are the
 * instants that period begins and ends (end exclusive), for records stamped
 * with an instant (flags).
 */
export interface ReportRange {
  from: string;
  to: string;
  track: Track | null;
  start: Date;
  end: Date;
  zone: string;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const rangeQuery = z.object({ from: isoDate, to: isoDate, track: z.enum(TRACKS).optional() });

/** Validates a request's from/to/track: a clear 400 for a bad date, from after to, a range too long or an unknown track. */
export function parseReportRange(query: Record<string, string | undefined>, zone: string): ReportRange {
  const parsed = rangeQuery.safeParse({ from: query.from, to: query.to, track: query.track || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid', `${issue.path.join('.')}: ${issue.message}`);
  }
  const { from, to, track } = parsed.data;
  const first = DateTime.fromISO(from, { zone });
  const last = DateTime.fromISO(to, { zone });
  if (!first.isValid) throw new AppError('invalid', 'from: not a calendar date');
  if (!last.isValid) throw new AppError('invalid', 'to: not a calendar date');
  if (last < first) throw new AppError('invalid', 'from must be on or before to');
  const days = Math.round(last.diff(first, 'days').days) + 1;
  if (days > MAX_RANGE_DAYS) throw new AppError('invalid', `the range may span at most ${MAX_RANGE_DAYS} days`);
  return { from, to, track: track ?? null, start: first.startOf('day').toJSDate(), end: last.plus({ days: 1 }).startOf('day').toJSDate(), zone };
}

/** The page's default: the last 90 days ending today. */
export function defaultRange(now: Date, zone: string): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone });
  return { from: today.minus({ days: 89 }).toISODate()!, to: today.toISODate()! };
}

/** The Monday of the week a date falls in. */
export function weekStartOf(localDate: string): string {
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return addDays(localDate, -((weekday + 6) % 7));
}
