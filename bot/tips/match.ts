import { TipCategory } from './catalog';

/** The check-in answers a tip can be matched to; missing or null means not answered. */
export interface CheckinSignals {
  mood?: number | null;
  craving?: number | null;
  sleepHours?: number | null;
  use?: string | null;
  /** Weekly screen scores, on screen days. */
  phq2?: number | null;
  gad2?: number | null;
  /** The rest of a check-in record's answers may come along; they do not change the match. */
  readonly [otherItem: string]: unknown;
}

/**
 * Where the matching starts to count. These pick a coping tip, not a clinical
 * flag (the flag thresholds are the clinic's config in bot/flags), so they sit
 * a little lower: a craving of 6 already deserves an urge-surfing tip.
 */
const STRONG_CRAVING = 6;
const SOME_CRAVING = 4;
const LOW_MOOD = 3;
const SHORT_SLEEP_HOURS = 6;
const POSITIVE_SCREEN = 3;

/**
 * The tip category that fits a check-in best, most pressing first: a strong
 * craving or use (urge surfing, delay and distract), low mood (opposite
 * action), anxiety on a screen day, short sleep (a sleep tip), then some
 * craving; otherwise general stress skills.
 */
export function categoryForCheckin(answers: CheckinSignals): TipCategory {
  const { mood, craving, sleepHours, use, phq2, gad2 } = answers;
  if ((craving ?? -1) >= STRONG_CRAVING || use === 'yes') return 'cravings';
  if ((mood ?? Infinity) <= LOW_MOOD || (phq2 ?? -1) >= POSITIVE_SCREEN) return 'lowMood';
  if ((gad2 ?? -1) >= POSITIVE_SCREEN) return 'anxiety';
  if ((sleepHours ?? Infinity) < SHORT_SLEEP_HOURS) return 'sleep';
  if ((craving ?? -1) >= SOME_CRAVING) return 'cravings';
  return 'stress';
}
