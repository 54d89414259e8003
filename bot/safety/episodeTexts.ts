import { DateTime } from 'luxon';
import { ANSWER_FIELD, ChoicePromptSpec, MessageSpec, PROMPT_FIELD } from '../channels/prompt';
import { ProgramHours, programStatus } from '../domain/programHours';
import { Language, Translate } from '../i18n';
import { SafeAnswer } from './episode';
import { DangerKind, Means } from './risk';

/**
 * Which words of the safety conversation a person gets (locales/*\/safety.json,
 * crisis.*). Honest about humans: only someone with a care team hears that it
 * was told, and outside program hours they hear when it will be seen.
 */

/** Who is on the other side: a participant's care team (at work or not), or nobody for a stranger. */
export type Audience = { kind: 'stranger' } | { kind: 'team'; atWork: boolean; when: string };

export function audienceOf(
  enrolled: boolean,
  now: Date,
  hours: ProgramHours,
  reader: { timeZone: string; language: Language; t: Translate },
): Audience {
  if (!enrolled) return { kind: 'stranger' };
  const status = programStatus(now, hours);
  return { kind: 'team', atWork: status.open, when: status.open ? '' : whenBack(status.backAt, now, reader) };
}

/** "at 8:00 AM", "tomorrow at 8:00 AM", "on Monday at 8:00 AM", on the reader's clock and in their language. */
export function whenBack(backAt: Date | null, now: Date, reader: { timeZone: string; language: Language; t: Translate }): string {
  const { t, language, timeZone } = reader;
  if (!backAt) return t('safety:crisis.when.unknown');
  const back = DateTime.fromJSDate(backAt, { zone: timeZone }).setLocale(`${language}-US`);
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  // Explicit formats: ICU's own put a narrow no-break space before AM (not GSM-7) and vary by version.
  const time = back.toFormat(language === 'en' ? 'h:mm a' : 'H:mm').replace(/\s/g, ' ');
  const days = Math.round(back.startOf('day').diff(today, 'days').days);
  if (days <= 0) return t('safety:crisis.when.today', { time });
  if (days === 1) return t('safety:crisis.when.tomorrow', { time });
  return t('safety:crisis.when.later', { time, day: back.toFormat('cccc') });
}

/** The help a kind of danger leads with. */
export function linesFor(kind: DangerKind): MessageSpec {
  return { kind: 'message', textKey: `safety:crisis.lines.${kind}` };
}

/** Said once, when the episode opens: who was told. */
export function teamToldFor(audience: Audience): MessageSpec {
  if (audience.kind === 'stranger') return { kind: 'message', textKey: 'safety:crisis.team.stranger' };
  if (audience.atWork) return { kind: 'message', textKey: 'safety:crisis.team.told' };
  return { kind: 'message', textKey: 'safety:crisis.team.outOfHours', vars: { when: audience.when } };
}

/** The brief reply to each later message: I'm here, and who has it. Never a menu, never a tip. */
export function ackFor(audience: Audience): MessageSpec {
  if (audience.kind === 'stranger') return { kind: 'message', textKey: 'safety:crisis.ack.stranger' };
  if (audience.atWork) return { kind: 'message', textKey: 'safety:crisis.ack.told' };
  return { kind: 'message', textKey: 'safety:crisis.ack.outOfHours', vars: { when: audience.when } };
}

const MEANS_LINE: Readonly<Record<Means, string>> = {
  pills: 'pills',
  drugs: 'drugs',
  gun: 'gun',
  car: 'car',
  height: 'height',
  rope: 'other',
  knife: 'other',
};

/** One line asking for distance from the means named first; none when no means was named. */
export function meansLineFor(means: readonly Means[]): MessageSpec | undefined {
  const first = means[0];
  return first ? { kind: 'message', textKey: `safety:crisis.means.${MEANS_LINE[first]}` } : undefined;
}

/** The "Are you safe right now?" question; its id tells its card buttons from others. */
export const ASK_SAFE: ChoicePromptSpec = {
  kind: 'choice',
  id: 'safety.askSafe',
  textKey: 'safety:crisis.askSafe',
  choices: [
    { value: 'yes', labelKey: 'safety:crisis.safe.yes' },
    { value: 'no', labelKey: 'safety:crisis.safe.no' },
    { value: 'not_sure', labelKey: 'safety:crisis.safe.notSure' },
  ],
};

/** The locale key of each answer's label: a tapped answer joins the flag in words. */
export const SAFE_LABEL: Readonly<Record<SafeAnswer, string>> = { yes: 'yes', no: 'no', not_sure: 'notSure' };

/** A tap on a button of the "Are you safe?" card. */
export function buttonAnswer(value: unknown): unknown {
  const data = value as Record<string, unknown> | null | undefined;
  return data && typeof data === 'object' && data[PROMPT_FIELD] === ASK_SAFE.id ? data[ANSWER_FIELD] : undefined;
}
