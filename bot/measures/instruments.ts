import { Band, BamScores, Instrument } from './measureRecord';

/**
 * The instruments' items and scoring, as their authors publish them (pure,
 * no store, no botbuilder). Item keys are the record's keys (measureRecord.ts).
 *
 * - PHQ-9 (Kroenke, Spitzer, Williams; Pfizer, free to use): 9 items 0–3,
 *   total 0–27; bands at 5/10/15/20. Items 1–2 are the PHQ-2.
 * - GAD-7 (Spitzer et al.; Pfizer, free to use): 7 items 0–3, total 0–21;
 *   bands at 5/10/15 (no moderately severe band). Items 1–2 are the GAD-2.
 * - BAM (Brief Addiction Monitor, VA, public domain): 17 items about the past
 *   30 days, item 7 in seven parts by drug (7A–7G). The VA manual's composite
 *   scores: Use = items 4, 5, 6; Risk = 1, 2, 3, 8, 11, 15; Protective = 9,
 *   10, 12, 13, 14, 16; items 7A–G elaborate item 6 and item 17 (satisfaction
 *   with progress) are in no composite. Day counts are asked as numbers of
 *   days (0–30, the continuous BAM) and scored into the manual's 0–4 ranges
 *   (0 · 1–3 · 4–8 · 9–15 · 16–30 days) for the composites.
 */

export const PHQ9_ITEMS = ['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7', 'item8', 'item9'] as const;
export const GAD7_ITEMS = ['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7'] as const;

/** The BAM items in the order asked. */
export const BAM_ITEMS = [
  'item1', 'item2', 'item3', 'item4', 'item5', 'item6',
  'item7a', 'item7b', 'item7c', 'item7d', 'item7e', 'item7f', 'item7g',
  'item8', 'item9', 'item10', 'item11', 'item12', 'item13', 'item14', 'item15', 'item16', 'item17',
] as const;
export type BamItem = (typeof BAM_ITEMS)[number];

/** How a BAM item is answered: a number of days (0–30), a 0–4 scale with the item's own words, or no (0) / yes (4). */
export type BamAnswerKind = 'days' | 'health' | 'amount' | 'yesNo';

export const BAM_ANSWER_KIND: Readonly<Record<BamItem, BamAnswerKind>> = {
  item1: 'health', item2: 'days', item3: 'days', item4: 'days', item5: 'days', item6: 'days',
  item7a: 'days', item7b: 'days', item7c: 'days', item7d: 'days', item7e: 'days', item7f: 'days', item7g: 'days',
  item8: 'amount', item9: 'amount', item10: 'days', item11: 'days', item12: 'amount', item13: 'days',
  item14: 'yesNo', item15: 'amount', item16: 'days', item17: 'amount',
};

/**
 * The form's skips: no drinking days (item 4 = 0) means no heavy drinking
 * days (item 5), and no drug days (item 6 = 0) means none of any drug (7A–G).
 * Returns the answers an item implies for the items it skips.
 */
export function bamSkipsAfter(item: BamItem, answer: number | null): Partial<Record<BamItem, number>> {
  if (answer !== 0) return {};
  if (item === 'item4') return { item5: 0 };
  if (item === 'item6') return { item7a: 0, item7b: 0, item7c: 0, item7d: 0, item7e: 0, item7f: 0, item7g: 0 };
  return {};
}

export const BAM_USE: readonly BamItem[] = ['item4', 'item5', 'item6'];
export const BAM_RISK: readonly BamItem[] = ['item1', 'item2', 'item3', 'item8', 'item11', 'item15'];
export const BAM_PROTECTIVE: readonly BamItem[] = ['item9', 'item10', 'item12', 'item13', 'item14', 'item16'];

export function itemsOf(instrument: Instrument): readonly string[] {
  return instrument === 'phq9' ? PHQ9_ITEMS : instrument === 'gad7' ? GAD7_ITEMS : BAM_ITEMS;
}

/** A day count as the BAM manual scores it: 0 · 1–3 · 4–8 · 9–15 · 16–30 days → 0–4. */
export function bamDaysScore(days: number): number {
  if (days <= 0) return 0;
  if (days <= 3) return 1;
  if (days <= 8) return 2;
  if (days <= 15) return 3;
  return 4;
}

/** One BAM answer as the composites count it: day counts binned, scales and yes/no (0/4) as given. */
export function bamItemScore(item: BamItem, answer: number): number {
  return BAM_ANSWER_KIND[item] === 'days' ? bamDaysScore(answer) : answer;
}

/** Null when an item of the composite could not be read: a health score is never guessed. */
function composite(items: Record<string, number | null>, keys: readonly BamItem[]): number | null {
  let sum = 0;
  for (const key of keys) {
    const answer = items[key];
    if (answer === null || answer === undefined) return null;
    sum += bamItemScore(key, answer);
  }
  return sum;
}

/**
 * The three BAM composites (each 0–12, 0–24, 0–24); null when one of them is
 * missing an item (the record's bam field stays null then, the items are kept).
 */
export function scoreBam(items: Record<string, number | null>): BamScores | null {
  const use = composite(items, BAM_USE);
  const risk = composite(items, BAM_RISK);
  const protective = composite(items, BAM_PROTECTIVE);
  return use === null || risk === null || protective === null ? null : { use, risk, protective };
}

/** PHQ-9 / GAD-7 total; null while an item is missing or unreadable. */
export function totalOf(instrument: 'phq9' | 'gad7', items: Record<string, number | null>): number | null {
  let sum = 0;
  for (const key of itemsOf(instrument)) {
    const answer = items[key];
    if (answer === null || answer === undefined) return null;
    sum += answer;
  }
  return sum;
}

/** PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. GAD-7: 15–21 severe. */
export function bandOf(instrument: 'phq9' | 'gad7', total: number): Band {
  if (total < 5) return 'minimal';
  if (total < 10) return 'mild';
  if (total < 15) return 'moderate';
  if (instrument === 'gad7') return 'severe';
  return total < 20 ? 'moderatelySevere' : 'severe';
}
