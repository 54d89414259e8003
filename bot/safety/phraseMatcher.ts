/**
 * The matching engine behind the crisis screen. It knows nothing about crisis
 * words: it compiles a lexicon (data) and matches folded text against it.
 */
import { collapseRepeatedLetters, stripAccents } from './normalize';

/** A named group of patterns. Ids are safe to log; the matched text is not. */
export interface PatternGroup {
  readonly id: string;
  readonly patterns: readonly string[];
}

export interface CompiledGroup<G extends PatternGroup> {
  readonly group: G;
  readonly regexes: readonly RegExp[];
}

/**
 * Patterns are regular expressions over folded text (see foldForMatching):
 * lower-case words separated by single spaces, "." for a sentence boundary.
 * Authors write words in ordinary spelling; accents, apostrophes and doubled
 * letters are folded here exactly as in the message. Each pattern matches
 * whole words only.
 */
export function compilePattern(source: string, flags = '', fold: (source: string) => string = foldPattern): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${fold(source)})(?![a-z0-9])`, flags);
}

/** The character folding of foldForMatching, for a pattern source. */
function foldPattern(source: string): string {
  return collapseRepeatedLetters(stripAccents(source).replace(/['’]/g, ''));
}

/**
 * `global` compiles for blankOut (replace all).
 * `fold` is the folding the text to match went through (foldForRisk needs foldPatternForRisk).
 */
export function compileGroups<G extends PatternGroup>(groups: readonly G[], global = false, fold?: (source: string) => string): CompiledGroup<G>[] {
  return groups.map((group) => ({ group, regexes: group.patterns.map((p) => compilePattern(p, global ? 'g' : '', fold)) }));
}

/**
 * Replaces every match of the groups (compiled with `global`) by a sentence
 * boundary, so the words on either side do not join into a new phrase.
 */
export function blankOut(groups: readonly CompiledGroup<PatternGroup>[], folded: string): string {
  let text = folded;
  for (const { regexes } of groups) {
    for (const re of regexes) text = text.replace(re, ' . ');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition: "myslef"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export interface SpellingTolerance {
  /** Words whose misspellings (one edit away) are read as the word itself. */
  readonly anchors: readonly string[];
  /** Real words one edit from an anchor that must stay themselves ("overdone" is not "overdose"). */
  readonly realWords: readonly string[];
  /** Shorter words are left alone: too many real words sit one edit apart. */
  readonly minLength: number;
}

const MEMO_LIMIT = 20_000;

/** A function that rewrites each folded word one edit away from an anchor into the anchor. */
export function spellingCorrector(tolerance: SpellingTolerance): (folded: string) => string {
  const anchors = tolerance.anchors.map(foldPattern);
  const realWords = new Set(tolerance.realWords.map(foldPattern));
  // Words repeat across messages; remembered answers keep this off the per-message cost (bounded memory).
  const seen = new Map<string, string>();
  const correct = (word: string): string => {
    if (word.length < tolerance.minLength || realWords.has(word) || anchors.includes(word)) return word;
    let answer = seen.get(word);
    if (answer === undefined) {
      answer = anchors.find((a) => Math.abs(a.length - word.length) <= 1 && editDistance(a, word) <= 1) ?? word;
      if (seen.size >= MEMO_LIMIT) seen.clear();
      seen.set(word, answer);
    }
    return answer;
  };
  return (folded) => folded.split(' ').map(correct).join(' ');
}
