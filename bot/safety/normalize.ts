/**
 * Folding of free text into the plain form the safety matchers compare against.
 *
 * Participants text the way people text: no accents, CAPS, "diieee", "k1ll",
 * "od'd", emoji. Both the message and every lexicon word go through the same
 * folding, so a lexicon author writes ordinary spelling ("kill", "sueño") and
 * the comparison still works ("kil", "sueno").
 */

/** Sentence boundary token. Lexicon gaps never cross it, so unrelated clauses do not join. */
const BOUNDARY = '.';

/** Leetspeak digits read as letters, only when written inside a word ("k1ll", "su1c1de", "di3"). */
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** NFD + strip combining marks ("sueño" → "sueno", "MÁS" → "MAS"), then lower case. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** "diiieee" → "die", "killlll" → "kil". Applied to message and lexicon alike. */
export function collapseRepeatedLetters(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

/** Apostrophes vanish so contractions stay one word: "don't" → "dont", "od'd" → "odd" → "od". */
const APOSTROPHES = /['’‘`´ʼ]/g;

function readLeetspeak(text: string): string {
  return (
    text
      // "k!ll", "$uicide", "p@ss": symbols standing for letters inside words.
      .replace(/(?<=[a-z])[!|](?=[a-z])/g, 'i')
      .replace(/(?<=[a-z])@|@(?=[a-z])/g, 'a')
      .replace(/\$(?=[a-z])/g, 's')
      // A single digit between letters, or ending a word of letters: "k1ll", "di3".
      // Digit runs ("988", "30pills", "3am") stay numbers.
      .replace(/(?<=[a-z])[013457](?=[a-z])|(?<=[a-z]{2})[013457](?![a-z0-9])/g, (d) => LEET[d])
  );
}

/**
 * The matching form of a message: lower-case ASCII words separated by single
 * spaces, with "." standing for a sentence boundary.
 * Ellipses and dashes are pauses, not boundaries ("i just... want to die").
 */
export function foldForMatching(text: string): string {
  const folded = readLeetspeak(stripAccents(text).replace(APOSTROPHES, ''))
    .replace(/\.{2,}|…|[-–—]/g, ' ')
    .replace(/[.!?¡¿;:,\n\r]+/g, ` ${BOUNDARY} `)
    .replace(/(?<=[0-9])(?=[a-z])|(?<=[a-z])(?=[0-9])/g, ' ')
    .replace(/[^a-z0-9. ]+/g, ' ');
  return collapseRepeatedLetters(folded)
    .replace(/(?:\s*\.\s*)+/g, ` ${BOUNDARY} `)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.\s*|\s*\.$/g, '')
    .trim();
}
