/**
 * How the grammar and the model combine into a tier (clinical policy):
 *
 * - crisis: a crisis phrase holds (clear intent, plan, means at hand,
 *   overdose, danger, someone else at risk); or the model is very sure
 *   (score ≥ thresholds.crisis) and the message has a risk word (death,
 *   harm, means, danger: risk/meansWords.ts) — never when a context cue
 *   lowered a phrase (negation, recovered past, media or group topic).
 * - possible_risk: a weak cue; or a model score ≥ the question threshold of
 *   the message's language (thresholds.possibleRisk; risk/language.ts).
 *   A weak cue after a negation, in a recovered past or a film, and a single
 *   goodbye sign, are asked about only when the score is that high too.
 *   A lowered phrase (negation, recovered past, media or group topic,
 *   accident, joke) asks the question only when the model also scores it at
 *   or above thresholds.possibleRisk: "I'm not suicidal, just tired" is
 *   answered as the ordinary message it is, "I'm not suicidal, I just don't
 *   see the point of anything" is asked.
 * - A score alone asks only of a message with words to read: a bare reply
 *   such as "n", "nothing" or "7 and a half" (an answer to a check-in
 *   question) carries too little for the score to mean anything, so it needs
 *   a cue of the grammar to be asked about. A code ("JOIN FMP57R9N") is not
 *   read at all (risk/grammar.ts).
 * - none otherwise.
 *
 * Both thresholds are chosen by `npm run safety:train` with cross-validation
 * on the training split (never the test split): the lower one keeps recall
 * of the question-or-crisis tier high, the upper one keeps the crisis tier's
 * false alarms on everyday messages low. See scripts/safety/thresholds.ts.
 */
import type { GrammarReading } from './grammar';
import { questionThreshold } from './language';
import type { ModelScore, ModelWeights } from './model';
import type { DangerKind, RiskTier } from './types';

export interface TierDecision {
  readonly tier: RiskTier;
  readonly kind: DangerKind | null;
  /** Safe to log: which rule or score decided. */
  readonly reason: string;
}

export function decideTier(reading: GrammarReading, score: ModelScore, thresholds: ModelWeights['thresholds']): TierDecision {
  const scored = `model:${score.risk.toFixed(2)}`;
  if (reading.crisis) return { tier: 'crisis', kind: reading.crisis.kind, reason: reading.crisis.id };
  const lowered = reading.lowered !== undefined;
  if (!lowered && score.risk >= thresholds.crisis && reading.riskWord) {
    return { tier: 'crisis', kind: reading.weak?.kind ?? score.kind, reason: scored };
  }
  if (reading.weak && !reading.weak.lowered) return { tier: 'possible_risk', kind: reading.weak.kind, reason: reading.weak.id };
  if (score.risk >= questionThreshold(reading.folded, thresholds.possibleRisk) && (reading.weak || wordsIn(reading.folded) >= MIN_WORDS_FOR_SCORE)) {
    return reading.weak
      ? { tier: 'possible_risk', kind: reading.weak.kind, reason: `${reading.weak.id}:${reading.weak.lowered}+${scored}` }
      : { tier: 'possible_risk', kind: score.kind, reason: scored };
  }
  return { tier: 'none', kind: null, reason: 'none' };
}

/** Words of two letters or more a message needs before the model's score alone can ask the question. */
const MIN_WORDS_FOR_SCORE = 3;

function wordsIn(folded: string): number {
  return folded.split(' ').filter((w) => /^[a-z]{2,}$/.test(w)).length;
}
