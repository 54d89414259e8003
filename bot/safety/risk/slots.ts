/** Pattern pieces shared by the grammar files (over the risk screen's folded text). */

/** Up to two filler words, never across a sentence boundary. */
export const GAP = '(?:[a-z0-9]+ ){0,2}';
/** Up to four filler words. */
export const GAP4 = '(?:[a-z0-9]+ ){0,4}';
/** End of the sentence or of the message. */
export const END = '(?= \\.|$)';
/** Words that may sit between a subject and its verb without changing the meaning (never a negation). */
export const FILLER = '(?:(?:just|really|honestly|literally|so|fr|actually|seriously|still|already|kinda|lowkey|finally|totally|gonna|going to) )*';
