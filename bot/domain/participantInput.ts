import { z } from 'zod';
import { DateTime } from 'luxon';
import { LANGUAGES } from '../i18n';
import { TRACKS } from './participant';

/**
 * Validation of participant fields typed by operators and staff (CLI, dashboard).
 * One schema, so the admin command and the staff API refuse the same things.
 */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** "HH:mm" outside quiet hours (start e.g. 21:00, end e.g. 08:00, spanning the night). */
export function isOutsideQuietHours(time: string, quiet: { start: string; end: string }): boolean {
  return time >= quiet.end && time < quiet.start;
}

export function participantFieldsSchema(quiet: { start: string; end: string }) {
  return z.object({
    displayName: z.string().trim().min(1, 'name must not be empty').max(80, 'name is too long'),
    language: z.enum(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` }),
    timeZone: z.string().refine(isValidTimeZone, 'time zone must be an IANA zone such as America/Chicago'),
    track: z.enum(TRACKS, { message: `track must be one of ${TRACKS.join(', ')}` }),
    checkinTime: z
      .string()
      .regex(HHMM, 'check-in time must be HH:mm (00:00-23:59)')
      .refine((t) => isOutsideQuietHours(t, quiet), `check-in time must be between ${quiet.end} and ${quiet.start}`),
    // A number, or digits from the command line; not anything Number() happens to accept (true, [3]).
    screenWeekday: z
      .union([z.number(), z.string().trim().regex(/^\d+$/, 'screen weekday must be 1 (Monday) to 7 (Sunday)').transform(Number)])
      .pipe(z.number().int().min(1, 'screen weekday must be 1 (Monday) to 7 (Sunday)').max(7, 'screen weekday must be 1 (Monday) to 7 (Sunday)')),
  });
}

export type ParticipantFields = z.output<ReturnType<typeof participantFieldsSchema>>;
