import { DateTime } from 'luxon';

/**
 * The instant a local wall time happens in a zone, DST-aware:
 * - in the spring-forward gap (02:30 that does not exist) → the first valid
 *   minute after the gap, i.e. the same distance into the new offset (03:30);
 * - in the repeated fall hour (01:30 happens twice) → the first of the two,
 *   so a prompt or meeting is placed once, at its earlier reading.
 */
export function wallTimeToInstant(localDate: string, hhmm: string, zone: string): Date {
  const dt = DateTime.fromISO(`${localDate}T${hhmm}`, { zone });
  if (!dt.isValid) throw new Error(`invalid local time ${localDate}T${hhmm} in ${zone}`);
  const candidates = dt.getPossibleOffsets();
  const earliest = candidates.length > 0 ? DateTime.min(...candidates) : dt;
  return (earliest ?? dt).toJSDate();
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** Local date plus `days` (calendar arithmetic, no zone involved). */
export function addDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(DateTime.fromISO(b, { zone: 'UTC' }).diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days').days);
}
