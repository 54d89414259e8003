import { DateTime } from 'luxon';
import type { TFunction } from 'i18next';
import { MessageSpec } from '../channels/prompt';
import { addDays, localDateOf } from '../domain/localTime';
import { SessionKind } from '../domain/sessions';
import { Language } from '../i18n';

/**
 * What each outreach message says, as channel-neutral specs the renderer
 * turns into SMS text or a Teams message. Discreet on purpose (CONTENT.md):
 * no program name, treatment, diagnosis, substance or score. A reminder names
 * the kind of meeting and its time only; titles and places stay out because a
 * schedule's free text may reveal what the meeting is.
 */

/** The button is the menu's own "Check in", so a tap reads as the words the text asks for. */
export const CHECKIN_PROMPT: MessageSpec = { kind: 'message', textKey: 'outreach:checkin.prompt', replyButtons: ['common:menu.checkin'] };
export const CHECKIN_FOLLOWUP: MessageSpec = { kind: 'message', textKey: 'outreach:checkin.followup', replyButtons: ['common:menu.checkin'] };
/** The week's lesson is announced, never sent unasked: its words name the program's topics, the opener names none. */
export const LESSON_OPENER: MessageSpec = { kind: 'message', textKey: 'lessons:opener', replyButtons: ['common:menu.lesson'] };

const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** Intl puts narrow no-break spaces in times ("9:00 AM"); plain spaces keep an English SMS in GSM-7. */
function plainSpaces(text: string): string {
  return text.replace(/\s/gu, ' ');
}

export function formatTime(at: Date, zone: string, language: Language): string {
  return plainSpaces(DateTime.fromJSDate(at, { zone }).setLocale(LOCALES[language]).toLocaleString(DateTime.TIME_SIMPLE));
}

export function formatDay(at: Date, zone: string, language: Language): string {
  return plainSpaces(
    DateTime.fromJSDate(at, { zone }).setLocale(LOCALES[language]).toLocaleString({ weekday: 'long', month: 'long', day: 'numeric' }),
  );
}

/** "Reminder: your group meeting is today at 10:00 AM" (today / tomorrow / a named day), in the participant's zone. */
export function reminderSpec(
  input: { start: Date; kind: SessionKind; now: Date; zone: string; language: Language },
  t: TFunction,
): MessageSpec {
  const { start, kind, now, zone, language } = input;
  const day = localDateOf(start, zone);
  const today = localDateOf(now, zone);
  const vars = { meeting: t(`outreach:meeting.${kind}`), time: formatTime(start, zone, language) };
  if (day === today) return { kind: 'message', textKey: 'outreach:reminder.today', vars };
  if (day === addDays(today, 1)) return { kind: 'message', textKey: 'outreach:reminder.tomorrow', vars };
  return { kind: 'message', textKey: 'outreach:reminder.later', vars: { ...vars, day: formatDay(start, zone, language) } };
}
