/**
 * The classifier's features, shared by scoring and training: hashed word
 * unigrams and bigrams, character 3- to 5-grams (which carry misspellings and
 * SMS spellings the word features miss), and what the grammar read. Each
 * feature is present or not; the vector is scaled to unit length.
 */
import { BOUNDARY } from '../normalize';
import type { GrammarReading } from './grammar';

/** Feature buckets (2^18): few collisions for a vocabulary of this size, and a small weights file. */
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

export interface FeatureVector {
  readonly indices: Uint32Array;
  /** Every feature's value: 1 / sqrt(number of features). */
  readonly value: number;
}

/** FNV-1a, 32 bits: fast and the same on every platform. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

export function featuresOf(reading: GrammarReading): FeatureVector {
  const names: string[] = [];
  for (const clause of reading.folded.split(` ${BOUNDARY} `)) {
    const words = clause.split(' ').filter(Boolean);
    words.forEach((w, i) => {
      names.push(`w ${w}`);
      if (i > 0) names.push(`b ${words[i - 1]} ${w}`);
    });
    const padded = ` ${clause} `;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) names.push(`c ${padded.slice(i, i + n)}`);
  }
  if (reading.crisis) names.push(`g crisis ${reading.crisis.id}`, `g crisis ${reading.crisis.kind}`);
  if (reading.weak) names.push(`g weak ${reading.weak.id}`, `g weak ${reading.weak.kind}`, `g lowered ${reading.weak.lowered ?? 'no'}`);
  if (reading.riskWord) names.push('g risk word');
  const indices = Uint32Array.from(new Set(names.map(hash))).sort();
  return { indices, value: indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0 };
}
