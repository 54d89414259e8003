/**
 * Which languages a message is written in, from its function words: the
 * question tier's threshold is per language (the classifier's scores on
 * ordinary Spanish and English messages sit differently), and the turn's
 * language does not say how one message is written — a Spanish speaker
 * writes Spanglish, a stranger writes in whatever they like.
 *
 * A message with words of both languages, or of neither (a bare "ok"), is
 * read at the lower of the thresholds: recall first.
 */
import type { Language } from '../../i18n';
import { foldForRisk } from '../normalize';

/** Short words that are almost never the other language's. */
const MARKERS: Readonly<Record<Language, readonly string[]>> = {
  en: ['i', 'im', 'ive', 'ill', 'the', 'my', 'you', 'your', 'and', 'to', 'is', 'it', 'its', 'of', 'for', 'that', 'this', 'with', 'was', 'have', 'be', 'he', 'she', 'they', 'we', 'not', 'dont', 'cant', 'wont', 'just', 'what', 'at', 'in', 'on', 'can', 'will', 'want', 'feel', 'him', 'her', 'them'],
  es: ['el', 'la', 'los', 'las', 'que', 'de', 'del', 'y', 'mi', 'mis', 'yo', 'es', 'esta', 'estoy', 'por', 'para', 'con', 'un', 'una', 'se', 'lo', 'le', 'ya', 'pero', 'muy', 'q', 'porque', 'tengo', 'quiero', 'como', 'todo', 'nada', 'ella', 'su', 'al', 'voy', 'siento'],
};

/** The markers in the screen's folded form (sound-alike keys), so they compare with a folded message. */
const FOLDED_MARKERS: ReadonlyArray<readonly [Language, ReadonlySet<string>]> = (Object.entries(MARKERS) as [Language, readonly string[]][]).map(
  ([language, words]) => [language, new Set(words.map((w) => foldForRisk(w)))] as const,
);

/** The languages whose function words appear in a folded message (none for a bare "ok"). */
export function languagesIn(folded: string): Language[] {
  const heard = new Set<Language>();
  for (const word of folded.split(' ')) for (const [language, markers] of FOLDED_MARKERS) if (markers.has(word)) heard.add(language);
  return [...heard];
}

/** The question tier's threshold for this message: its language's, or the lowest when it is mixed or unclear. */
export function questionThreshold(folded: string, byLanguage: Readonly<Record<Language, number>>): number {
  const heard = languagesIn(folded);
  const candidates = heard.length === 1 ? heard : (Object.keys(byLanguage) as Language[]);
  return Math.min(...candidates.map((l) => byLanguage[l]));
}
