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
 * `reason` is an id safe to log (lexicon entry or model score), never text.
 *
 * This first version wraps the lexicon screen (crisis or none); the tiered
 * detector (normalisation + phrase grammar + a trained classifier) replaces
 * the body without changing this contract.
 */
import { detectCrisis } from './crisis';

export type RiskTier = 'crisis' | 'possible_risk' | 'none';
export type DangerKind = 'suicide' | 'self_harm' | 'overdose' | 'danger_from_other' | 'other_at_risk';
export type Means = 'pills' | 'gun' | 'rope' | 'knife' | 'car' | 'height' | 'drugs';

export interface RiskAssessment {
  tier: RiskTier;
  /** null when tier is `none`. */
  kind: DangerKind | null;
  means: Means[];
  /** Safe to log: which rule or score decided. */
  reason: string;
}

export function assessRisk(text: string): RiskAssessment {
  const screen = detectCrisis(text);
  if (!screen.crisis) return { tier: 'none', kind: null, means: [], reason: 'none' };
  const kind: DangerKind = screen.category === 'danger' ? 'danger_from_other' : (screen.category ?? 'suicide');
  return { tier: 'crisis', kind, means: [], reason: screen.matched ?? 'lexicon' };
}
