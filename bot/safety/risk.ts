/**
 * The tiered risk screen every inbound message passes (issue: crisis care).
 *
 * - `crisis`: clear intent, a plan, means with intent, an overdose, danger now
 *   → the safety episode.
 * - `possible_risk`: indirect or ambiguous wording → one direct question that
 *   itself carries 988, plus a review flag.
 * - `none`: normal handling.
 *
 * `kind` is the kind of danger, which decides the help that leads the reply.
 * `means` lists means mentioned (pills, gun, …) for the means-safety line.
 * `reason` is an id safe to log (rule id or model score), never text.
 * `score` is the classifier's risk score (0–1).
 *
 * How: normalisation (normalize.ts) → the phrase grammar and crisis lexicon
 * with context cues (risk/grammar.ts) → the trained classifier
 * (risk/model.ts) → the tier policy (risk/tiers.ts). Pure, synchronous,
 * well under a millisecond per message.
 */
import { readMessage } from './risk/grammar';
import { RiskModel, TRAINED_WEIGHTS } from './risk/model';
import { decideTier } from './risk/tiers';
import type { DangerKind, Means, RiskTier } from './risk/types';

export type { DangerKind, Means, RiskTier } from './risk/types';

export interface RiskAssessment {
  tier: RiskTier;
  /** null when tier is `none`. */
  kind: DangerKind | null;
  means: Means[];
  /** Safe to log: which rule or score decided. */
  reason: string;
  /** The classifier's risk score, 0–1 (1 − P(benign)). */
  score: number;
}

const model = new RiskModel(TRAINED_WEIGHTS);

export function assessRisk(text: string): RiskAssessment {
  const reading = readMessage(text);
  const score = model.score(reading);
  const { tier, kind, reason } = decideTier(reading, score, TRAINED_WEIGHTS.thresholds);
  return { tier, kind, means: tier === 'none' ? [] : reading.means, reason, score: Math.round(score.risk * 1000) / 1000 };
}
