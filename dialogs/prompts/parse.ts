import type { i18n as I18n } from 'i18next';
import { Language, LANGUAGES } from '../../bot/i18n';
import {
  ANSWER_FIELD,
  AnswerValue,
  AnswerValueByKind,
  ChoicePromptSpec,
  NumberPromptSpec,
  PROMPT_FIELD,
  QuestionSpec,
  ScalePromptSpec,
  SKIP_FIELD,
  promptId,
} from '../../bot/channels/prompt';
import { normalizeReply } from '../../bot/channels/replyText';
import { Lexicon, LEXICONS } from './lexicon';

/** value null: the participant skipped (only when the spec allows it). */
export type ParseResult<V = AnswerValue> =
  | { ok: true; value: V | null }
  | { ok: false; reason: 'unrecognized' | 'stale-card' };

/** The parts of an incoming activity a reply is read from. */
export interface Reply {
  text?: string;
  value?: unknown;
}

export interface ParseContext {
  i18n: I18n;
  /** The participant's language: its labels win when a short prefix matches options in both. */
  language: Language;
}

/**
 * Reads a reply to a question. A Teams card submit (`activity.value` carrying
 * PROMPT_FIELD) is read first; a submit from an older card is 'stale-card'.
 * Otherwise the text is read in every language Puente speaks, whole reply only.
 */
export function parseAnswer<S extends QuestionSpec>(
  reply: Reply,
  spec: S,
  context: ParseContext,
): ParseResult<AnswerValueByKind[S['kind']]> {
  return parseAny(reply, spec, context) as ParseResult<AnswerValueByKind[S['kind']]>;
}

function parseAny(reply: Reply, spec: QuestionSpec, context: ParseContext): ParseResult {
  const submit = cardSubmit(reply.value);
  if (submit) {
    if (submit.prompt !== promptId(spec)) return { ok: false, reason: 'stale-card' };
    if (submit.skip) return spec.allowSkip ? { ok: true, value: null } : unrecognized;
    return submit.answer === undefined ? unrecognized : parseCardAnswer(submit.answer, spec, context);
  }
  return parseText(reply.text ?? '', spec, context);
}

const unrecognized = { ok: false, reason: 'unrecognized' } as const;

interface CardSubmit {
  prompt: string;
  answer?: string;
  skip: boolean;
}

/** Our Action.Submit data (see renderers), or undefined for anything else in activity.value. */
export function cardSubmit(value: unknown): CardSubmit | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  if (typeof data[PROMPT_FIELD] !== 'string') return undefined;
  const answer = data[ANSWER_FIELD];
  return {
    prompt: data[PROMPT_FIELD],
    answer: typeof answer === 'string' || typeof answer === 'number' ? String(answer) : undefined,
    skip: data[SKIP_FIELD] === true,
  };
}

/** Buttons carry the canonical value (a choice's value, 'yes'/'no', a number); inputs carry typed text. */
function parseCardAnswer(answer: string, spec: QuestionSpec, context: ParseContext): ParseResult {
  switch (spec.kind) {
    case 'choice':
      return found(spec.choices.find((c) => c.value === answer)?.value);
    case 'yesno':
      return found(answer === 'yes' ? true : answer === 'no' ? false : undefined);
    default:
      return parseText(answer, spec, context);
  }
}

function parseText(text: string, spec: QuestionSpec, context: ParseContext): ParseResult {
  const reply = normalizeReply(text);
  if (reply === '') return unrecognized;
  const lexicons = orderedLexicons(context.language);
  if (spec.allowSkip && matchesAny(reply, lexicons, (l) => (spec.kind === 'text' ? [...l.skip, ...l.skipText] : l.skip))) {
    return { ok: true, value: null };
  }
  switch (spec.kind) {
    case 'scale':
      return found(parseScale(reply, spec, lexicons));
    case 'number':
      return found(parseNumber(reply, spec, lexicons));
    case 'yesno':
      return found(parseYesNo(reply, lexicons) ?? optionNumber(reply, 2, lexicons, (n) => n === 1));
    case 'choice':
      return found(parseChoice(reply, spec, context, lexicons));
    case 'text':
      return { ok: true, value: text.trim() };
  }
}

function found(value: AnswerValue | undefined): ParseResult {
  return value === undefined ? unrecognized : { ok: true, value };
}

function orderedLexicons(language: Language): Lexicon[] {
  return [language, ...LANGUAGES.filter((l) => l !== language)].map((l) => LEXICONS[l]);
}

function matchesAny(reply: string, lexicons: Lexicon[], words: (l: Lexicon) => readonly string[]): boolean {
  return lexicons.some((l) => words(l).includes(reply));
}

// ── numbers ──────────────────────────────────────────────────────────────

function parseScale(reply: string, spec: ScalePromptSpec, lexicons: Lexicon[]): number | undefined {
  const value = parseQuantity(reply, spec.max, lexicons);
  // The points shown are whole numbers; 7.5 is not one of them.
  if (value === undefined || !Number.isInteger(value)) return undefined;
  return value >= spec.min && value <= spec.max ? value : undefined;
}

function parseNumber(reply: string, spec: NumberPromptSpec, lexicons: Lexicon[]): number | undefined {
  const value = parseQuantity(reply, spec.max, lexicons);
  if (value === undefined) return undefined;
  const step = spec.step ?? 1;
  const rounded = Number((Math.round(value / step) * step).toFixed(6));
  return rounded >= spec.min && rounded <= spec.max ? rounded : undefined;
}

/**
 * A non-negative quantity: "7", "7.5", "7,5", "7/10", "7 de 10", "seven",
 * "seis y media", "half", "about 7 hours". `outOfMax` is the only denominator
 * accepted ("3/5" on a 0-10 scale is not a 3).
 */
function parseQuantity(reply: string, outOfMax: number, lexicons: Lexicon[]): number | undefined {
  for (const candidate of withoutFillers(withoutUnits(reply, lexicons), lexicons)) {
    const value = quantityCore(candidate, outOfMax, lexicons);
    if (value !== undefined) return value;
  }
  return undefined;
}

function withoutUnits(reply: string, lexicons: Lexicon[]): string {
  for (const unit of longestFirst(lexicons.flatMap((l) => l.units))) {
    const match = new RegExp(`^(.*?(?:\\d|\\s))${escapeRegExp(unit)}$`).exec(reply);
    if (match) return match[1].trim();
  }
  return reply;
}

/** The reply as is, then without each leading filler ("unos 7", "about 7"). */
function withoutFillers(reply: string, lexicons: Lexicon[]): string[] {
  const candidates = [reply];
  for (const filler of longestFirst(lexicons.flatMap((l) => l.leadingFillers))) {
    if (reply.startsWith(`${filler} `)) candidates.push(reply.slice(filler.length + 1));
  }
  return candidates;
}

function quantityCore(text: string, outOfMax: number, lexicons: Lexicon[]): number | undefined {
  const plain = numberToken(text, lexicons);
  if (plain !== undefined) return plain;
  if (lexicons.some((l) => l.half.includes(text))) return 0.5;
  for (const suffix of lexicons.flatMap((l) => l.andAHalf)) {
    if (text.endsWith(` ${suffix}`)) {
      const whole = numberToken(text.slice(0, -suffix.length - 1), lexicons);
      return whole !== undefined && Number.isInteger(whole) ? whole + 0.5 : undefined;
    }
  }
  for (const word of longestFirst(lexicons.flatMap((l) => l.outOf))) {
    const match = new RegExp(`^(.+?)\\s*${escapeRegExp(word)}\\s*(\\d+)$`).exec(text);
    const value = match && Number(match[2]) === outOfMax ? numberToken(match[1].trim(), lexicons) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Digits ("7", "7.5", "7,5") or a number word from 0 to 30. */
function numberToken(text: string, lexicons: Lexicon[]): number | undefined {
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  for (const lexicon of lexicons) {
    const index = lexicon.numbers.findIndex((spellings) => spellings.split('|').includes(text));
    if (index >= 0) return index;
  }
  return undefined;
}

// ── yes / no and options ─────────────────────────────────────────────────

/** Whole-reply yes/no words, forgiving stretched letters ("siii", "nooo"). */
function parseYesNo(reply: string, lexicons: Lexicon[]): boolean | undefined {
  for (const form of [reply, reply.replace(/(\p{L})\1+/gu, '$1')]) {
    if (matchesAny(form, lexicons, (l) => l.yes)) return true;
    if (matchesAny(form, lexicons, (l) => l.no)) return false;
  }
  return undefined;
}

/** "2" or "two" / "dos" picks the second option as numbered on SMS. */
function optionNumber<T>(reply: string, count: number, lexicons: Lexicon[], pick: (n: number) => T): T | undefined {
  const n = numberToken(reply, lexicons);
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= count ? pick(n) : undefined;
}

function parseChoice(reply: string, spec: ChoicePromptSpec, context: ParseContext, lexicons: Lexicon[]): string | undefined {
  const { choices } = spec;
  const yesNo = parseYesNo(reply, lexicons);
  const yesNoChoice = yesNo === undefined ? undefined : choices.find((c) => c.value === (yesNo ? 'yes' : 'no'));
  if (yesNoChoice) return yesNoChoice.value;

  const numbered = optionNumber(reply, choices.length, lexicons, (n) => choices[n - 1].value);
  if (numbered !== undefined) return numbered;

  const languages = [context.language, ...LANGUAGES.filter((l) => l !== context.language)];
  const labels = languages.map((language) => {
    const t = context.i18n.getFixedT(language);
    return choices.map((c) => normalizeReply(t(c.labelKey, c.vars ?? {})));
  });
  for (const inLanguage of labels) {
    const index = inLanguage.indexOf(reply);
    if (index >= 0) return choices[index].value;
  }
  // A typed start of one label ("several", "casi"); at least 3 letters so "no" never picks "not at all".
  if (reply.length < 3) return undefined;
  for (const inLanguage of labels) {
    const matches = inLanguage.flatMap((label, index) => (label.startsWith(reply) ? [index] : []));
    if (matches.length === 1) return choices[matches[0]].value;
    if (matches.length > 1) return undefined;
  }
  return undefined;
}

function longestFirst(words: readonly string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
