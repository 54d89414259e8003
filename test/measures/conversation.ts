import assert from 'node:assert/strict';
import { Activity } from 'botbuilder';
import { createI18n, Language } from '../../bot/i18n';
import { Instrument, MeasureRecord } from '../../bot/measures/measureRecord';
import { Stored } from '../../bot/store/port';
import { Channel, Chat, read, TUESDAY } from '../checkin/chat';

/** What the measure conversation tests share: the words, a check-in up to its end, answers by channel. */

const i18n = createI18n();
export const t = (language: Language, key: string, vars?: Record<string, unknown>) => i18n.getFixedT(language)(key, vars ?? {});

export const START: Record<Language, string> = { en: 'check in', es: 'registro' };
export const SKIP: Record<Language, string> = { en: 'skip', es: 'saltar' };
export const TODAY = '2025-03-04';
export const HOUR = 3_600_000;

/** The four answers of the PHQ-9/GAD-7 items, by score. */
export const OFTEN = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'] as const;

export async function startOnScreenDay(channel: Channel, language: Language): Promise<Chat> {
  return Chat.start({ channel, language, screenWeekday: TUESDAY });
}

/** The daily items answered calmly (no flag of their own); resolves with the reply to the last one. */
export async function dailyItems(chat: Chat, language: Language): Promise<Partial<Activity>[]> {
  await chat.say(START[language]);
  for (const answer of ['6', '2', '2', '7', '1', 'no', 'no']) await chat.say(answer);
  return chat.say(SKIP[language]);
}

/**
 * Answers one how-often question with a score: on SMS alternately the option
 * number (score + 1) and the words; on Teams a tap on the button. "Casi todos
 * los días" typed alone is read by the risk screen as possible risk (the
 * gate then asks its direct question), so Spanish SMS sends its number.
 */
export async function answerOften(chat: Chat, language: Language, previous: Partial<Activity>[], score: number, turn: number): Promise<Partial<Activity>[]> {
  const label = t(language, `screen:option.${OFTEN[score]}`);
  if (chat.options.channel === 'msteams') return chat.tap(previous, label);
  const words = turn % 2 === 1 && !(language === 'es' && score === 3);
  return chat.say(words ? label.toLowerCase() : String(score + 1));
}

/** Answers a run of how-often questions; resolves with every reply in order. */
export async function answerAll(chat: Chat, language: Language, first: Partial<Activity>[], scores: number[]): Promise<Partial<Activity>[][]> {
  const replies: Partial<Activity>[][] = [];
  let previous = first;
  for (const [i, score] of scores.entries()) {
    previous = await answerOften(chat, language, previous, score, i);
    replies.push(previous);
  }
  return replies;
}

export async function measure(chat: Chat, instrument: Instrument, localDate = TODAY): Promise<Stored<MeasureRecord> | undefined> {
  return chat.app.services.measures.get(chat.participant!.id, instrument, localDate);
}

export function includes(replies: Partial<Activity>[], language: Language, key: string): void {
  const text = read(replies);
  assert.ok(text.includes(t(language, key)), `expected ${key} in:\n${text}`);
}
