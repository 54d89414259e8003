import { DateTime } from 'luxon';
import { Language } from '../bot/i18n';

/** The Intl locale of a language: US English and US Spanish date and time conventions. */
export function intlLocale(language: Language): string {
  return language === 'es' ? 'es-US' : 'en-US';
}

/**
 * Some ICU versions put narrow no-break spaces in times ("6:30\u202fPM"). They
 * are not GSM-7: one would turn a whole English SMS into UCS-2 and halve its room.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
}

/** A local wall time 'HH:mm' as the participant reads it: "6:30 PM", "6:30 p.m.". */
export function formatClockTime(hhmm: string, language: Language): string {
  const time = DateTime.fromFormat(hhmm, 'HH:mm', { zone: 'UTC', locale: intlLocale(language) });
  return plainSpaces(time.toLocaleString(DateTime.TIME_SIMPLE));
}

/** An instant in the participant's zone, short: "Mon, Mar 3, 6:30 PM", "lun, 3 de mar, 6:30 p.m.". */
export function formatWhen(at: Date, timeZone: string, language: Language): string {
  const when = DateTime.fromJSDate(at, { zone: timeZone }).setLocale(intlLocale(language));
  return plainSpaces(when.toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }));
}

/** The time of day of an instant in a zone: "6:30 PM". */
export function formatTimeIn(at: Date, timeZone: string, language: Language): string {
  const when = DateTime.fromJSDate(at, { zone: timeZone }).setLocale(intlLocale(language));
  return plainSpaces(when.toLocaleString(DateTime.TIME_SIMPLE));
}
