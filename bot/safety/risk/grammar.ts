/**
 * Reads a message with the phrase grammar (grammarRules.ts, weakCues.ts),
 * the crisis lexicon (crisisLexicon.ts) and the context cues
 * (contextCues.ts): which crisis phrase holds, which weak cue, which means,
 * and whether any risk word is present at all. Pure and synchronous.
 */
import { CRISIS_LEXICON, IDIOMS, SPELLING_TOLERANCE } from '../crisisLexicon';
import { hasIssuedCodeShape } from '../../domain/enrollmentCode';
import { BOUNDARY, foldForRisk, foldPatternForRisk } from '../normalize';
import { blankOut, compileGroups, compilePattern, spellingCorrector } from '../phraseMatcher';
import * as cues from './contextCues';
import { GRAMMAR_RULES } from './grammarRules';
import { MEANS_WORDS, RISK_WORDS } from './meansWords';
import type { DangerKind, Means } from './types';
import { SIGN_GROUPS, WEAK_CUES } from './weakCues';

export type Lowered = 'negation' | 'past' | 'topic' | 'accident' | 'joke' | 'routine' | 'idiom';

export interface PhraseHit {
  /** Rule or lexicon entry id: safe to log. */
  readonly id: string;
  readonly kind: DangerKind;
  readonly strength: 'crisis' | 'weak';
  /** Why a crisis phrase was lowered to the question tier, or a weak cue to the model's judgement. */
  readonly lowered?: Lowered;
}

export interface GrammarReading {
  /** The folded message, idioms blanked: what the classifier reads too. */
  readonly folded: string;
  /** First crisis phrase that holds (not lowered), in rule order. */
  readonly crisis?: PhraseHit;
  /** First weak cue or lowered crisis phrase. */
  readonly weak?: PhraseHit;
  /** Why a crisis phrase in the message was lowered, if one was: the model alone may then not raise it. */
  readonly lowered?: Lowered;
  readonly means: Means[];
  /** Any risk word, even inside a lowered phrase: the model alone can raise the tier only with one. */
  readonly riskWord: boolean;
}

interface Phrase {
  readonly id: string;
  readonly kind: DangerKind;
  readonly strength: 'crisis' | 'weak';
  readonly mention: boolean;
  /** All the phrase's patterns as one alternation: one scan per clause. */
  readonly regex: RegExp;
}

const fold = foldPatternForRisk;
const anyOf = (sources: readonly string[]) => compilePattern(sources.join('|'), '', fold);
const wordSet = (words: readonly string[]) => new Set(words.map(fold));

// Someone else at risk first, then the rest in rule order; weak cues last.
const PHRASES: readonly Phrase[] = [
  ...GRAMMAR_RULES.map((r) => ({ ...r, mention: false, regex: anyOf(r.patterns) })),
  ...CRISIS_LEXICON.map((e) => ({ id: e.id, kind: e.kind, strength: 'crisis' as const, mention: e.mention === true, regex: anyOf(e.patterns) })),
  ...WEAK_CUES.map((r) => ({ ...r, mention: false, regex: anyOf(r.patterns) })),
];
const SIGNS = SIGN_GROUPS.map((g) => ({ ...g, signs: g.signs.map((s) => ({ ...s, regex: anyOf(s.patterns), unless: s.unless ? anyOf(s.unless) : undefined })) }));

// One alternation per idiom group: a handful of passes over the message, not one per idiom.
const idioms = compileGroups([...cues.RISK_IDIOMS, ...IDIOMS].map((g) => ({ id: g.id, patterns: [g.patterns.join('|')] })), true, fold);
const correctSpelling = spellingCorrector(SPELLING_TOLERANCE);
const negators = wordSet(cues.NEGATORS);
const negationIsTheRisk = wordSet(cues.NEGATION_IS_THE_RISK);
const joiners = wordSet(cues.CLAUSE_JOINERS);
const context = {
  past: anyOf(cues.PAST),
  recovered: anyOf(cues.RECOVERED),
  pastTense: anyOf(cues.PAST_TENSE),
  denied: anyOf(cues.DENIED),
  deniedAfter: anyOf(cues.DENIED_AFTER),
  askedIf: anyOf(cues.ASKED_IF),
  affirmed: anyOf(cues.AFFIRMED),
  routine: anyOf(cues.ROUTINE),
  adherence: anyOf(cues.ADHERENCE),
  excess: anyOf(cues.EXCESS),
  again: anyOf(cues.AGAIN),
  topic: anyOf(cues.TOPIC),
  media: anyOf(cues.MEDIA),
  accident: anyOf(cues.ACCIDENT),
  violence: anyOf(cues.VIOLENCE),
  jokingThreat: anyOf(cues.JOKING_THREAT),
  takenBack: anyOf(cues.TAKEN_BACK),
  celebration: anyOf(cues.CELEBRATION),
};
const riskWords = anyOf(RISK_WORDS);
const everyRiskWord = compilePattern(RISK_WORDS.join('|'), 'g', fold);
const meansWords = Object.entries(MEANS_WORDS).map(([means, words]) => [means as Means, anyOf(words)] as const);
/**
 * A third-person subject nearer the phrase than any first-person subject: the
 * risk is someone else's. "Me" as an object ("my brother texted me a
 * goodbye") does not make the sender the subject.
 */
const otherSubject = compilePattern(
  '(?:he|she|they|hes|shes|theyre|ella|my (?:son|daughter|kid|friend|best friend|brother|sister|cousin|boyfriend|girlfriend|husband|wife|partner|mom|dad|roommate|homie|buddy|grandson|granddaughter|nephew|niece)|mi (?:hijo|hija|amigo|amiga|hermano|hermana|primo|prima|novio|novia|esposo|esposa|marido|pareja|mama|papa|roomie|compa|sobrino|sobrina|nieto|nieta))(?!.*(?:^| )(?:i|im|ive|ill|id|yo|myself)(?: |$))',
  '',
  fold,
);
/** The phrase itself is said in the first person ("me quiero morir", "quiero matarme", "kill myself"): the sender's own risk. */
const firstPerson = compilePattern('(?:i|im|ive|ill|id|me|my|myself|mi|yo|quiero|kiero|quisiera|voy|tengo|estoy|siento|[a-z]+(?:arme|erme|irme))', '', fold);

/**
 * A negator before the phrase (within the window) or inside it, not followed
 * within a few words by what makes the negation the risk itself, and not
 * cut off by a joiner ("no aguanto y quiero morirme").
 */
function negated(prefix: string, matched: string, window = cues.NEGATION_WINDOW): boolean {
  const before = prefix.split(' ').filter(Boolean).slice(-window);
  const words = [...before, ...matched.split(' ').filter(Boolean)];
  for (let i = words.length - 1; i >= 0; i--) {
    if (i < before.length && joiners.has(words[i])) return false;
    if (negators.has(words[i]) && !words.slice(i + 1, i + 5).some((w) => negationIsTheRisk.has(w))) return true;
  }
  return false;
}

function lowering(phrase: { kind: DangerKind; mention: boolean }, clause: string, prefix: string, matched: string, message: string, after: string): Lowered | undefined {
  if (negated(prefix, matched) || context.denied.test(message) || context.deniedAfter.test(after)) return 'negation';
  // "La doctora me preguntó si me quería hacer daño": the question asked, not an answer, unless the answer was yes.
  if (context.askedIf.test(prefix) && !context.affirmed.test(message)) return 'topic';
  if (isPast(clause, message)) return 'past';
  if ((phrase.mention && context.topic.test(message)) || context.media.test(clause)) return 'topic';
  if ((phrase.kind === 'self_harm' || phrase.mention) && context.accident.test(message)) return 'accident';
  if (phrase.kind === 'danger_from_other' && !context.violence.test(message) && context.jokingThreat.test(message)) return 'joke';
  if (context.takenBack.test(message)) return 'joke';
  if (phrase.kind === 'overdose' && context.routine.test(message) && !context.excess.test(message)) return 'routine';
  return undefined;
}

/**
 * A weak cue is indirect already: a negation right before it ("nop, no
 * pienso en eso") or a past marker in its clause ("I used to feel there was
 * no way out") leaves the question to the model. Only the last few words
 * before the cue count: inside it, a negation is often the cue itself ("no
 * one cares", "ya no aguanto"), and a negation further back is usually about
 * something else ("not sleeping, not eating, what's the point").
 */
function weakLowering(clause: string, prefix: string): Lowered | undefined {
  if (negated(prefix, '', WEAK_NEGATION_WINDOW)) return 'negation';
  if (context.past.test(clause) && !context.again.test(clause)) return 'past';
  return undefined;
}

/** A negator counts this many words before a weak cue. */
const WEAK_NEGATION_WINDOW = 3;

function isPast(clause: string, message: string): boolean {
  if (context.again.test(clause)) return false;
  const history = context.past.test(message) || context.pastTense.test(message);
  return context.past.test(clause) || (history && context.recovered.test(message));
}

function kindIn(kind: DangerKind, prefix: string, matched: string): DangerKind {
  if ((kind === 'suicide' || kind === 'self_harm') && otherSubject.test(prefix) && !firstPerson.test(matched)) return 'other_at_risk';
  return kind;
}

/** At least one risk word, and a negator before each of them. */
function riskWordsAllNegated(clauses: readonly string[]): boolean {
  let seen = false;
  for (const clause of clauses) {
    for (const match of clause.matchAll(everyRiskWord)) {
      seen = true;
      if (!negated(clause.slice(0, match.index), match[0])) return false;
    }
  }
  return seen;
}

/** The words of a match's clause before the match. */
function clausePrefix(folded: string, index: number): string {
  return folded.slice(folded.lastIndexOf(` ${BOUNDARY} `, index) + 1, index).replace(/^\. /, '');
}

/**
 * A token with the shape of an issued enrollment code ("FMP57R9N", "Q8SH6SMH", "9839C7TB") is a
 * code, not words: split at its digits and read as leetspeak it would be "fmp 57 are 9 and",
 * "q 8 self harm 6 smh" or "9839 ctb", words for the classifier to score and slang for the
 * lexicon to find, in a message that says nothing. The shape is exact (eight characters, no I or
 * O, a digit), so words joined to numbers stay words: "kms2nite", "want2die", "took30pills", "k1ll".
 */
function withoutCodes(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (token) => (hasIssuedCodeShape(token) ? ' ' : token));
}

export function readMessage(text: string): GrammarReading {
  const unblanked = foldForRisk(withoutCodes(text), correctSpelling);
  const folded = blankOut(idioms, unblanked);
  const clauses = folded.split(` ${BOUNDARY} `);
  let crisis: PhraseHit | undefined;
  let weak: PhraseHit | undefined;
  // An idiom was blanked: the model alone may ask, not raise to the crisis tier ("me corté sin querer con un cuchillo").
  let lowered: Lowered | undefined = folded === unblanked ? undefined : 'idiom';
  const hitClauses: string[] = [];
  const record = (hit: PhraseHit) => {
    lowered ??= hit.lowered;
    if (hit.strength === 'crisis' && !hit.lowered) crisis ??= hit;
    // A weak cue that holds outranks a lowered crisis phrase: "no quiero morir pero pienso en eso".
    else if (!weak || (weak.lowered && !hit.lowered)) weak = hit;
  };
  for (const phrase of PHRASES) {
    if (crisis && weak && !weak.lowered) break;
    for (const [c, clause] of clauses.entries()) {
      const match = phrase.regex.exec(clause);
      if (!match) continue;
      hitClauses.push(clause);
      const prefix = clause.slice(0, match.index);
      const after = [clause.slice(match.index + match[0].length).trim(), ...clauses.slice(c + 1)].join(` ${BOUNDARY} `);
      const why = phrase.strength === 'crisis' ? lowering(phrase, clause, prefix, match[0], folded, after) : weakLowering(clause, prefix);
      record({ id: phrase.id, kind: kindIn(phrase.kind, prefix, match[0]), strength: phrase.strength, ...(why ? { lowered: why } : {}) });
    }
  }
  for (const group of SIGNS) {
    if (crisis) break;
    const present = group.signs.flatMap((s) => {
      const match = s.unless?.test(folded) ? null : s.regex.exec(folded);
      return match ? [{ sign: s, kind: kindIn(group.kind, clausePrefix(folded, match.index), match[0]) }] : [];
    });
    const many = present.length >= group.atLeast;
    if (!many && !present.some((p) => p.sign.alone)) continue;
    const why: Lowered | undefined = isPast(folded, folded) ? 'past' : context.media.test(folded) || context.celebration.test(folded) ? 'topic' : undefined;
    // "My husband has been saying goodbye to everyone": the signs are his, the help is for someone worried about him.
    const kind = present.some((p) => p.kind === 'other_at_risk') ? 'other_at_risk' : group.kind;
    record({ id: many ? group.id : `${group.id}.one`, kind, strength: many ? 'crisis' : 'weak', ...(why ? { lowered: why } : {}) });
  }
  if (context.adherence.test(folded) && !context.excess.test(folded)) lowered ??= 'routine';
  // "No creo que me vaya a matar": every risk word negated, so the model alone may ask, never raise to the crisis tier.
  if (!crisis && riskWordsAllNegated(clauses)) lowered ??= 'negation';
  const meansText = hitClauses.length > 0 ? hitClauses.join(` ${BOUNDARY} `) : folded;
  return {
    folded,
    ...(crisis ? { crisis } : {}),
    ...(weak ? { weak } : {}),
    ...(lowered ? { lowered } : {}),
    means: meansWords.filter(([, re]) => re.test(meansText)).map(([means]) => means),
    riskWord: riskWords.test(folded),
  };
}
