import { DateTime } from 'luxon';

/**
 * Local calendar and clock arithmetic with luxon. Zone conversions cost tens
 * of microseconds each (Intl formatting), and a tick over thousands of
 * participants in a handful of zones asks the same questions over and over,
 * so the pure answers are memoized in small bounded maps.
 */

const MEMO_LIMIT = 10_000;

function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const instants = new Map<string, number>();

/**
 * The instant a local wall time happens in a zone, DST-aware:
 * - in the spring-forward gap (02:30 that does not exist) → the first valid
 *   minute after the gap, i.e. the same distance into the new offset (03:30);
 * - in the repeated fall hour (01:30 happens twice) → the first of the two,
 *   so a prompt or meeting is placed once, at its earlier reading.
 */
export function wallTimeToInstant(localDate: string, hhmm: string, zone: string): Date {
  const ms = memo(instants, `${zone}|${localDate}T${hhmm}`, () => {
    const dt = DateTime.fromISO(`${localDate}T${hhmm}`, { zone });
    if (!dt.isValid) throw new Error(`invalid local time ${localDate}T${hhmm} in ${zone}`);
    const candidates = dt.getPossibleOffsets();
    return (candidates.length > 0 ? DateTime.min(...candidates)! : dt).toMillis();
  });
  return new Date(ms);
}

const wallClocks = new Map<string, { date: string; time: string }>();

/**
 * Date and HH:mm on the local clock at an instant. Offsets are whole minutes
 * (every zone in use today), so both hold for the whole UTC minute and are
 * memoized per minute.
 */
function wallClock(at: Date, zone: string): { date: string; time: string } {
  const minute = Math.floor(at.getTime() / 60_000);
  return memo(wallClocks, `${zone}|${minute}`, () => {
    const local = DateTime.fromMillis(minute * 60_000, { zone });
    return { date: local.toISODate()!, time: local.toFormat('HH:mm') };
  });
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(at: Date, zone: string): string {
  return wallClock(at, zone).date;
}

/** The local wall time (HH:mm) of an instant in a zone. */
export function localTimeOf(at: Date, zone: string): string {
  return wallClock(at, zone).time;
}

function utcMidnight(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Local date plus `days` (calendar arithmetic, no zone involved). */
export function addDays(localDate: string, days: number): string {
  return new Date(utcMidnight(localDate) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / 86_400_000);
}
