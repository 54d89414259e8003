import { DocBase } from '../store/port';

/** The measures collection: one document per administration of an instrument. */
export const MEASURES = 'measures';

/**
 * PHQ-9 and GAD-7 (stepped from a positive PHQ-2/GAD-2, or given in full on a
 * schedule) and the Brief Addiction Monitor for substance-use tracks.
 */
export const INSTRUMENTS = ['phq9', 'gad7', 'bam'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** Severity bands: PHQ-9 cut-offs 5/10/15/20, GAD-7 5/10/15 (GAD-7 has no moderately severe band). */
export const BANDS = ['minimal', 'mild', 'moderate', 'moderatelySevere', 'severe'] as const;
export type Band = (typeof BANDS)[number];

/** Why this administration happened: stepped from the weekly 2-item screen, or the participant's full-measure schedule. */
export type MeasureSource = 'stepped' | 'scheduled';

/** BAM scores (VA manual, bot/measures/instruments.ts): use (items 4–6), risk factors (1, 2, 3, 8, 11, 15), protective factors (9, 10, 12–14, 16). */
export interface BamScores {
  use: number;
  risk: number;
  protective: number;
}

/**
 * One administration. pk = participantId (a participant's history is one
 * partition); id = `${instrument}:${localDate}` so a day holds at most one of
 * each and a re-run turn rewrites the same record. Item answers are health
 * data: never logged.
 */
export interface MeasureRecord extends DocBase {
  participantId: string;
  instrument: Instrument;
  source: MeasureSource;
  /** The participant's local date the administration began (YYYY-MM-DD). */
  localDate: string;
  startedAt: string;
  /** Null while items remain (resumable within the day). */
  completedAt: string | null;
  /** Item key → answer score; null = two unreadable replies. Keys are the instrument's item keys (phq9: item1…item9). */
  items: Record<string, number | null>;
  /** PHQ-9 0–27, GAD-7 0–21; null for BAM, or while incomplete, or when an item could not be read. */
  total: number | null;
  band: Band | null;
  /** BAM only, once complete. */
  bam: BamScores | null;
}

export function measureId(instrument: Instrument, localDate: string): string {
  return `${instrument}:${localDate}`;
}
