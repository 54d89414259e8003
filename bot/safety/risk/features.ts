/**
 * The classifier's features, shared by scoring and training: hashed word
 * unigrams and bigrams, character 3- to 5-grams (which carry misspellings and
 * SMS spellings the word features miss), and what the grammar read. Each
 * feature is present or not; the vector is scaled to unit length.
 */
import { BOUNDARY } from '../normalize';
import type { GrammarReading } from './grammar';

/** Feature buckets (2^18): few collisions for a vocabulary of this size. */
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

export interface FeatureVector {
  readonly indices: Uint32Array;
  /** Every feature's value: 1 / sqrt(number of features). */
  readonly value: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over part of a string, after a one-letter namespace ("w", "b", "c", "g"): fast and the same everywhere. */
function hash(namespace: number, text: string, start = 0, end = text.length): number {
  let h = Math.imul(FNV_OFFSET ^ namespace, FNV_PRIME);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return (h >>> 0) & MASK;
}

const WORD = 'w'.charCodeAt(0);
const BIGRAM = 'b'.charCodeAt(0);
const CHARS = 'c'.charCodeAt(0);
const GRAMMAR = 'g'.charCodeAt(0);

export function featuresOf(reading: GrammarReading): FeatureVector {
  const hashes: number[] = [];
  for (const clause of reading.folded.split(` ${BOUNDARY} `)) {
    const words = clause.split(' ').filter(Boolean);
    words.forEach((w, i) => {
      hashes.push(hash(WORD, w));
      if (i > 0) hashes.push(hash(BIGRAM, `${words[i - 1]} ${w}`));
    });
    const padded = ` ${clause} `;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) hashes.push(hash(CHARS + n, padded, i, i + n));
  }
  const grammar: string[] = [];
  if (reading.crisis) grammar.push(`crisis ${reading.crisis.id}`, `crisis ${reading.crisis.kind}`);
  if (reading.weak) grammar.push(`weak ${reading.weak.id}`, `weak ${reading.weak.kind}`, `lowered ${reading.weak.lowered ?? 'no'}`);
  if (reading.riskWord) grammar.push('risk word');
  for (const g of grammar) hashes.push(hash(GRAMMAR, g));

  const sorted = Uint32Array.from(hashes).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i];
  const indices = sorted.slice(0, unique);
  return { indices, value: unique > 0 ? 1 / Math.sqrt(unique) : 0 };
}
