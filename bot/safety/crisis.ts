/**
 * The crisis screen: does a message signal suicide, self-harm, overdose or
 * immediate danger? Pure and synchronous, no botbuilder, so the safety gate
 * can run it on every inbound message before any dialog sees it.
 *
 * What counts lives in crisisLexicon.ts; this file only runs it:
 * fold the text → read near-misses of key words as the words → blank idioms
 * → first lexicon entry that matches.
 */
import { CRISIS_LEXICON, CrisisCategory, IDIOMS, SPELLING_TOLERANCE } from './crisisLexicon';
import { foldForMatching } from './normalize';
import { blankOut, compileGroups, firstMatch, spellingCorrector } from './phraseMatcher';

export type { CrisisCategory } from './crisisLexicon';

export interface CrisisScreen {
  crisis: boolean;
  category?: CrisisCategory;
  /** Id of the lexicon entry that matched (safe to log); never the message text. */
  matched?: string;
}

const crisisGroups = compileGroups(CRISIS_LEXICON);
const idiomGroups = compileGroups(IDIOMS, true);
const correctSpelling = spellingCorrector(SPELLING_TOLERANCE);

export function detectCrisis(text: string): CrisisScreen {
  const folded = blankOut(idiomGroups, correctSpelling(foldForMatching(text)));
  const entry = firstMatch(crisisGroups, folded);
  return entry ? { crisis: true, category: entry.category, matched: entry.id } : { crisis: false };
}
