import { Language } from '../../bot/i18n';

/**
 * Words a reply may use, per language, already normalized (lower case, no
 * accents, no punctuation): see normalizeReply. These are for reading replies,
 * never shown to anyone, so they live here where the type system makes every
 * language supply all of them. Whole replies only: "no quiero decir" must not
 * read as "no" on a safety question.
 */
export interface Lexicon {
  /** Index = value, 0..30 (hours in a day, days in a month); '|' separates spellings. */
  numbers: readonly string[];
  /** Endings that add a half: "six and a half", "seis y media". */
  andAHalf: readonly string[];
  /** A half on its own (half an hour of sleep). */
  half: readonly string[];
  /** "7 of 10", "7 de 10". */
  outOf: readonly string[];
  /** Dropped before a number: "about 7", "unos 7". */
  leadingFillers: readonly string[];
  /** Dropped after a number: "7 hours", "7 horas", "3 days" (the BAM's day counts). */
  units: readonly string[];
  yes: readonly string[];
  no: readonly string[];
  /** Skip a question of any kind. */
  skip: readonly string[];
  /** Also skip a free-text question ("anything for your care team?" → "no"). */
  skipText: readonly string[];
}

const en: Lexicon = {
  numbers: [
    'zero|none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
    'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
    'twenty', 'twenty one', 'twenty two', 'twenty three', 'twenty four',
    'twenty five', 'twenty six', 'twenty seven', 'twenty eight', 'twenty nine', 'thirty|all|every day|all of them',
  ],
  andAHalf: ['and a half', 'and half'],
  half: ['half', 'a half', 'half an'],
  outOf: ['/', 'of', 'out of'],
  leadingFillers: ['about', 'around', 'maybe', 'like', 'roughly', 'approximately', 'approx', 'probably', 'i would say', 'id say', 'i say', 'a'],
  units: ['hours', 'hour', 'hrs', 'hr', 'h', 'days', 'day', 'nights', 'night'],
  yes: [
    'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'yes i did', 'yes i have', 'yes i am', 'i did', 'i have',
    'sure', 'of course', 'correct', 'yes please',
  ],
  no: ['no', 'n', 'nope', 'nah', 'no i did not', 'no i didnt', 'no i have not', 'no i havent', 'i did not', 'i didnt', 'i have not', 'i havent', 'not really', 'never', 'no thanks'],
  skip: ['skip', 'pass', 'next', 'skip it'],
  skipText: ['no', 'none', 'nothing', 'nope', 'nah', 'no thanks', 'no thank you', 'n/a', 'na'],
};

const es: Lexicon = {
  numbers: [
    'cero|nada|ninguna|ninguno', 'uno|un|una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez',
    'once', 'doce', 'trece', 'catorce', 'quince',
    'dieciseis|diez y seis', 'diecisiete|diez y siete', 'dieciocho|diez y ocho', 'diecinueve|diez y nueve',
    'veinte', 'veintiuno|veintiun|veintiuna|veinte y uno', 'veintidos|veinte y dos', 'veintitres|veinte y tres',
    'veinticuatro|veinte y cuatro',
    'veinticinco|veinte y cinco', 'veintiseis|veinte y seis', 'veintisiete|veinte y siete', 'veintiocho|veinte y ocho',
    'veintinueve|veinte y nueve', 'treinta|todos|todos los dias',
  ],
  andAHalf: ['y media', 'y medio'],
  half: ['media', 'medio', 'media hora'],
  outOf: ['de', 'sobre'],
  leadingFillers: ['como', 'unos', 'unas', 'un', 'una', 'mas o menos', 'cerca de', 'alrededor de', 'aproximadamente', 'tal vez', 'quizas', 'yo diria', 'diria', 'le doy un', 'le doy'],
  units: ['horas', 'hora', 'hrs', 'hs', 'h', 'dias', 'dia', 'noches', 'noche'],
  yes: ['si', 's', 'claro', 'claro que si', 'si claro', 'sip', 'por supuesto', 'asi es', 'correcto', 'si lo hice', 'si gracias'],
  no: ['no', 'n', 'nop', 'nel', 'para nada', 'nunca', 'no lo hice', 'no gracias'],
  skip: ['saltar', 'omitir', 'paso', 'siguiente', 'pasar'],
  skipText: ['no', 'nada', 'ninguno', 'ninguna', 'no gracias', 'nada mas', 'n/a', 'na'],
};

export const LEXICONS: Readonly<Record<Language, Lexicon>> = { en, es };
