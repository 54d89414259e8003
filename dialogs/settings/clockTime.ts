import { LANGUAGES } from '../../bot/i18n';
import { LEXICONS } from '../prompts/lexicon';

const MORNING = ['am', 'a', 'in the morning', 'morning', 'de la manana', 'en la manana', 'de la madrugada'];
const AFTERNOON = ['pm', 'p', 'in the afternoon', 'in the evening', 'at night', 'tonight', 'afternoon', 'evening', 'de la tarde', 'de la noche', 'en la tarde', 'en la noche'];
const NOON = ['noon', 'midday', 'mediodia', 'medio dia', '12 del mediodia'];
const MIDNIGHT = ['midnight', 'medianoche', 'media noche'];
const LEADING = ['at about', 'around', 'about', 'at', 'a eso de las', 'como a las', 'a las', 'a la', 'las', 'la'];
const QUARTER_PAST = ['y cuarto', 'and a quarter', 'quarter past'];
const HALF_PAST = ['y media', 'thirty', 'treinta', 'and a half'];

/**
 * Reads a time of day as people type it, in English or Spanish: "18:30",
 * "6:30 pm", "6:30 p.m.", "6pm", "6", "seis y media de la tarde", "noon".
 * Returns 'HH:mm', or undefined when it is not a time. An hour from 1 to 7
 * without am/pm is read as the evening: the morning ones are quiet hours
 * anyway, and the reply repeats the time it understood.
 */
export function parseClockTime(text: string): string | undefined {
  let reply = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b([ap])\s*\.\s*m\b\.?/g, '$1m')
    .replace(/[¿?¡!,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (NOON.includes(reply)) return '12:00';
  if (MIDNIGHT.includes(reply)) return '00:00';
  for (const word of LEADING) if (reply.startsWith(`${word} `)) reply = reply.slice(word.length + 1);

  let half: 'am' | 'pm' | undefined;
  for (const [words, meaning] of [[MORNING, 'am'], [AFTERNOON, 'pm']] as const) {
    const suffix = [...words].sort((a, b) => b.length - a.length).find((w) => endsWithWord(reply, w));
    if (suffix && reply.length > suffix.length) {
      half = meaning;
      reply = reply.slice(0, -suffix.length).trim();
      break;
    }
  }

  const parsed = hourAndMinute(reply);
  if (!parsed) return undefined;
  let { hour } = parsed;
  const { minute } = parsed;
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour >= 1 && hour <= 7) {
    hour += 12;
  } else if (hour > 23) {
    return undefined;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "6 pm" and "6pm" end with "pm"; "media" does not end with "a". */
function endsWithWord(text: string, word: string): boolean {
  if (!text.endsWith(word)) return false;
  const before = text.charAt(text.length - word.length - 1);
  return before === ' ' || /\d/.test(before);
}

function hourAndMinute(text: string): { hour: number; minute: number } | undefined {
  const digits = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2})|\s+(\d{2}))?$/.exec(text);
  if (digits) return { hour: Number(digits[1]), minute: Number(digits[2] ?? digits[3] ?? 0) };
  const compact = /^(\d{1,2})(\d{2})$/.exec(text);
  if (compact) return { hour: Number(compact[1]), minute: Number(compact[2]) };

  for (const [endings, minute] of [[HALF_PAST, 30], [QUARTER_PAST, 15]] as const) {
    const ending = endings.find((e) => text.endsWith(` ${e}`));
    if (ending) {
      const hour = hourWord(text.slice(0, -ending.length - 1).trim());
      return hour === undefined ? undefined : { hour, minute };
    }
  }
  const hour = hourWord(text);
  return hour === undefined ? undefined : { hour, minute: 0 };
}

/** "6", "six", "seis", "six o'clock". */
function hourWord(text: string): number | undefined {
  const word = text.replace(/\s*o\s*['’]?\s*clock$/, '').trim();
  if (/^\d{1,2}$/.test(word)) return Number(word);
  for (const language of LANGUAGES) {
    const index = LEXICONS[language].numbers.findIndex((spellings) => spellings.split('|').includes(word));
    if (index >= 0 && index <= 23) return index;
  }
  return undefined;
}
