/**
 * The safety episode of one conversation: opened by any crisis signal (the
 * gate's crisis tier, a YES to the direct question, a check-in safety yes, a
 * crisis note), kept in conversation state so the gate knows of it at no
 * extra read. While it is open the gate owns the conversation (see
 * safetyConversation.ts). It ends only on MENU / MENÚ / CONTINUE / SEGUIR, a
 * staff "safe to resume" on its flag, or a quiet period; ending it never
 * resolves the flag.
 *
 * This file is the state and the words that steer it; pure, no botbuilder.
 */
import { SafetyConfig } from '../config';
import { DangerKind } from './risk';

/** A whole reply as the word lists below spell it: lower case, no accents, apostrophes or punctuation. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Conversation-state key of the open episode. */
export const EPISODE_KEY = 'safetyEpisode';

export interface SafetyEpisode {
  /** The episode's one flag: every later message joins it. */
  flagId: string;
  /** Whose flag: the participant, or `unknown:…` for a stranger. */
  participantId: string;
  /** The kind of danger the help leads with (the latest one named). */
  kind: DangerKind;
  openedAt: string;
  lastMessageAt: string;
  /** When the full crisis lines last went out (they repeat at most every linesRepeatMinutes). */
  linesSentAt: string;
  /** "Are you safe right now?" is waiting for its answer. */
  askedSafe: boolean;
}

/** How the person asked to leave the episode: MENU shows the menu, CONTINUE goes back to where they were. */
export type EndWord = 'menu' | 'continue';

const END_WORDS: ReadonlyMap<string, EndWord> = new Map([
  ['menu', 'menu'],
  ['main menu', 'menu'],
  ['menu principal', 'menu'],
  ['continue', 'continue'],
  ['seguir', 'continue'],
  ['continuar', 'continue'],
]);

/** The whole message MENU / MENÚ / CONTINUE / SEGUIR (any case, accents or punctuation). */
export function endWordOf(text: string): EndWord | undefined {
  return END_WORDS.get(fold(text));
}

/** 988, AYUDA or HELP alone: the full crisis lines, whenever they last went out. */
export function asksForLines(text: string): boolean {
  return ['988', 'ayuda', 'help', 'help me', 'ayudame', 'ayudeme'].includes(fold(text));
}

export type SafeAnswer = 'yes' | 'no' | 'not_sure';

/** In the order the question lists them: SMS option 1 is yes, 2 no, 3 not sure. */
export const SAFE_ANSWERS: readonly SafeAnswer[] = ['yes', 'no', 'not_sure'];

const SAFE_WORDS: ReadonlyArray<readonly [SafeAnswer, readonly string[]]> = [
  ['yes', ['yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'yes i am', 'i am', 'im safe', 'i am safe', 'safe', 'si', 's', 'sip', 'si estoy', 'estoy a salvo', 'si estoy a salvo', 'a salvo']],
  ['no', ['no', 'n', 'nope', 'nah', 'no im not', 'no i am not', 'im not', 'i am not', 'not safe', 'im not safe', 'i am not safe', 'nop', 'nel', 'no estoy', 'no estoy a salvo']],
  [
    'not_sure',
    ['not sure', 'unsure', 'idk', 'i dont know', 'dont know', 'i do not know', 'maybe', 'im not sure', 'i am not sure',
      'no se', 'nose', 'no estoy seguro', 'no estoy segura', 'tal vez', 'quizas', 'quiza', 'ni se'],
  ],
];
const SAFE_BY_WORD: ReadonlyMap<string, SafeAnswer> = new Map(SAFE_WORDS.flatMap(([answer, words]) => words.map((w) => [w, answer] as const)));

/** A reply to "Are you safe right now?": words in either language, the option number, or a card button's value. */
export function readSafeAnswer(text: string, buttonValue?: unknown): SafeAnswer | undefined {
  if (typeof buttonValue === 'string' && (SAFE_ANSWERS as readonly string[]).includes(buttonValue)) return buttonValue as SafeAnswer;
  const folded = fold(text);
  const option = /^[123]$/.test(folded) ? SAFE_ANSWERS[Number(folded) - 1] : undefined;
  return option ?? SAFE_BY_WORD.get(folded);
}

/** YES / NO to the possible-risk question (numbers are not offered there). */
export function readYesNo(text: string): 'yes' | 'no' | undefined {
  const answer = SAFE_BY_WORD.get(fold(text));
  return answer === 'yes' || answer === 'no' ? answer : undefined;
}

/** No message from the person for the quiet period: the episode is over. */
export function quietPeriodOver(episode: SafetyEpisode, now: Date, config: SafetyConfig): boolean {
  return now.getTime() - Date.parse(episode.lastMessageAt) >= config.episodeQuietHours * 3_600_000;
}

/** The full lines may go out again (not within linesRepeatMinutes of the last time). */
export function linesDue(episode: SafetyEpisode, now: Date, config: SafetyConfig): boolean {
  return now.getTime() - Date.parse(episode.linesSentAt) >= config.linesRepeatMinutes * 60_000;
}
