/**
 * Folding of free text into the plain form the safety matchers compare against.
 *
 * Participants text the way people text: no accents, CAPS, "diieee", "k1ll",
 * "od'd", emoji, "x q", "kiero", "bida". Both the message and every lexicon
 * word go through the same folding, so a lexicon author writes ordinary
 * spelling ("kill", "sueño", "pastillas") and the comparison still works
 * ("kil", "sueno", "pastiyas").
 *
 * Two levels:
 * - foldForMatching: characters only (SMS keywords use it).
 * - foldForRisk: the risk screen's form — folding, then SMS spellings read as
 *   words ("u" → "you", "xq" → "porque"), then a sound-alike key that merges
 *   the usual misspellings (b/v, ll/y, s/z/c, k/qu/c, a dropped h).
 */

/** Sentence boundary token. Lexicon gaps never cross it, so unrelated clauses do not join. */
export const BOUNDARY = '.';

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

/**
 * SMS spellings and abbreviations, read as the words they stand for (keys are
 * folded: doubled letters already collapsed). Only forms that mean one thing
 * in a message to a care team: "k" is "que" (Spanish) or "ok" (English),
 * neither of which changes a risk reading.
 */
const SMS_WORDS: Readonly<Record<string, string>> = {
  // English
  u: 'you', ur: 'your', r: 'are', rn: 'right now', tn: 'tonight', tonite: 'tonight', nite: 'night', '2day': 'today',
  tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', gona: 'going to', wana: 'want to', wan: 'want', tryna: 'trying to',
  fina: 'going to', ima: 'im going to', bc: 'because', cuz: 'because', cus: 'because', coz: 'because', idk: 'i dont know',
  idc: 'i dont care', ppl: 'people', pls: 'please', plz: 'please', bout: 'about', abt: 'about', ded: 'dead', dnt: 'dont',
  cnt: 'cant', wont: 'wont', iam: 'i am', someone: 'someone', somei: 'someone', everyi: 'everyone', noi: 'no one',
  noone: 'no one', nobody: 'no one', dyin: 'dying', kilin: 'kiling', cutin: 'cuting', goin: 'going', tryin: 'trying',
  thinkin: 'thinking', felin: 'feling', hurtin: 'hurting', takin: 'taking', endin: 'ending', jumpin: 'jumping',
  b4: 'before', b: 'be', w: 'with', n: 'and', ty: 'thank you', thx: 'thanks', sh: 'self harm', shd: 'self harmed', yr: 'year', bro: 'brother', sis: 'sister', mom: 'mom', mum: 'mom', ma: 'mom', bf: 'boyfriend', gf: 'girlfriend',
  // Spanish
  k: 'que', q: 'que', ke: 'que', qe: 'que', xq: 'porque', xk: 'porque', pq: 'porque', pk: 'porque', porq: 'porque',
  xque: 'porque', x: 'por', tb: 'tambien', tmb: 'tambien', pa: 'para', xfa: 'por favor', porfa: 'por favor',
  ps: 'pues', pz: 'pues', m: 'me', d: 'de', stoy: 'estoy', tngo: 'tengo', msj: 'mensaje', ta: 'esta', tas: 'estas', kien: 'quien', aki: 'aqui', toy: 'estoy', tqm: 'te quiero mucho', bn: 'bien', mñn: 'manana', dsp: 'despues',
};

/** Multi-word SMS spellings, over the folded text. */
const SMS_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/(?<![a-z0-9])x q(?![a-z0-9])/g, 'porque'],
  [/(?<![a-z0-9])2 (?:nite|night)(?![a-z0-9])/g, 'tonight'],
  [/(?<![a-z0-9])(want|wana|going|gona|have|need|about|hard) 2(?= [a-z])/g, '$1 to'],
];

/** English words whose h is heard: without it they are other words. */
const KEEP_H = new Set(
  'hits hitting hate hated hates hand hands harm harming harmed hold holding hall heat hear heard heart hide hiding hurt hurts hurting hang hanging help helped helps helping home hope hoping hell head heal heavy here hers herself himself high hour hours hard'.split(' '),
);

/**
 * A sound-alike key for one folded word: the misspellings Spanish and
 * English texters make most merge with the word ("bida"/"vida",
 * "pastiyas"/"pastillas", "suisidio"/"suicidio", "kiero"/"quiero",
 * "aorcarme"/"ahorcarme", "acerme"/"hacerme"). Applied to message and lexicon
 * alike, so the key itself never has to be readable.
 */
export function soundAlike(word: string): string {
  let w = word
    .replace(/v/g, 'b')
    .replace(/z/g, 's')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c(?![hsk])/g, 'k')
    // "pastiyas": after folding, "ll" is "l", so a "y" between vowels reads as that "l".
    .replace(/(?<=[aeiou])y(?=[aeiou])/g, 'l')
    // A silent h between vowels ("ahora", "ahorcar").
    .replace(/(?<=[aeiou])h(?=[aeiou])/g, '');
  // A silent initial h (Spanish), in words long enough not to be "he", "his", "him", "her",
  // and never in English words that would become other words ("hits" → "its", "harm" → "arm").
  if (w.length >= 4 && /^h[aeiou]/.test(w) && !KEEP_H.has(word)) w = w.slice(1);
  return collapseRepeatedLetters(w);
}

/**
 * The risk screen's form of a message (see the header). `correct` rewrites
 * near-misses of key words ("suicde") before the sound-alike key, which
 * would otherwise move them further away.
 */
export function foldForRisk(text: string, correct: (folded: string) => string = (f) => f): string {
  let folded = foldForMatching(text);
  for (const [re, to] of SMS_PHRASES) folded = folded.replace(re, to);
  const words = folded
    .split(' ')
    .map((w) => SMS_WORDS[w] ?? w)
    .join(' ');
  return correct(words)
    .split(' ')
    .map((w) => (w === BOUNDARY ? w : soundAlike(w)))
    .join(' ');
}

/**
 * The same key for a lexicon pattern source: only runs of letters change;
 * character classes ("[a-z]"), escapes and the rest of the regex syntax stay.
 */
export function foldPatternForRisk(source: string): string {
  return collapseRepeatedLetters(stripAccents(source).replace(/['’]/g, '')).replace(/\[[^\]]*\]|\\.|[a-z]+/g, (part) =>
    /^[a-z]/.test(part) ? soundAlike(part) : part,
  );
}
