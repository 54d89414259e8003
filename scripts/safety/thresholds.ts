/**
 * Chooses the tier thresholds from out-of-fold scores on the training split
 * (k-fold cross-validation; the test split is never read here).
 *
 * - possibleRisk: the lowest threshold at which either tier stays within
 *   EITHER_ON_BENIGN_BUDGET of benign messages in every language. Recall
 *   first: the question is cheap, so the whole false-alarm budget is spent
 *   on catching indirect wording the grammar does not know. (Recall measured
 *   on the training split flatters the grammar, which was written from it;
 *   the false-alarm rate carries over to new messages far better.)
 * - crisis: the lowest threshold at which the model's own crisis calls (the
 *   grammar's are fixed) stay at or under small goals on everyday messages
 *   and on all benign messages in every language — set well below the
 *   targets, since new messages score less cleanly than cross-validated ones
 *   — and never below MIN_CRISIS_SCORE.
 */
import type { GrammarReading } from '../../bot/safety/risk/grammar';
import type { ModelScore, ModelWeights } from '../../bot/safety/risk/model';
import { decideTier } from '../../bot/safety/risk/tiers';
import type { Labelled } from './dataset';
import { byLanguage, figures, Outcome } from './metrics';

/**
 * Either tier on benign messages (target ≤ 25 %), with a margin. Many benign
 * training rows are look-alikes written beside a crisis row one or two words
 * apart ("my son gave away his xbox to his cousin" / "my son gave away his
 * things, says he won't need them"): out of fold, such a row is scored by a
 * model that learnt its crisis twin, so cross-validation overstates the
 * false alarms of new messages. Adding the paired rows for goodbyes, someone
 * else at risk and Spanish negated-life wording raised the cross-validated
 * rate at an unchanged threshold by about 3 points (19.4 → 22.8 % en,
 * 19.8 → 22.6 % es); the budget follows by 2, leaving 2 points of the target.
 */
const EITHER_ON_BENIGN_BUDGET = 0.23;
/** The model's own crisis calls (beyond the grammar's) on everyday messages, and on all benign ones. */
const MODEL_CRISIS_ON_EVERYDAY_GOAL = 0.005;
const MODEL_CRISIS_ON_BENIGN_GOAL = 0.02;
/** "A very high model score": the crisis threshold is never below this. */
const MIN_CRISIS_SCORE = 0.6;
/** Candidate thresholds: 0.05, 0.06, …, 0.99. */
const GRID = Array.from({ length: 95 }, (_, i) => (i + 5) / 100);

export function chooseThresholds(rows: readonly Labelled[], readings: readonly GrammarReading[], scores: readonly ModelScore[]): ModelWeights['thresholds'] {
  const worst = (thresholds: ModelWeights['thresholds']) => {
    const outcomes: Outcome[] = rows.map((row, i) => ({ row, ...decideTier(readings[i], scores[i], thresholds) }));
    // The model's own crisis calls: outcomes where the grammar alone did not decide the crisis tier.
    const byModel = outcomes.map((o, i) => (readings[i].crisis ? { ...o, tier: 'none' as const } : o));
    const perLanguage = [...byLanguage(outcomes).values()].map(figures);
    const modelPerLanguage = [...byLanguage(byModel).values()].map(figures);
    return {
      eitherOnBenign: Math.max(...perLanguage.map((f) => f.eitherOnBenign)),
      modelCrisisOnEveryday: Math.max(...modelPerLanguage.map((f) => f.crisisOnEveryday)),
      modelCrisisOnBenign: Math.max(...modelPerLanguage.map((f) => f.crisisOnBenign)),
    };
  };
  const questionOnly = (t: number) => worst({ possibleRisk: t, crisis: 2 });
  // Recall first: the lowest threshold that keeps either tier within the false-alarm budget.
  const withinBudget = GRID.filter((t) => questionOnly(t).eitherOnBenign <= EITHER_ON_BENIGN_BUDGET);
  const possibleRisk = withinBudget.length > 0 ? Math.min(...withinBudget) : GRID[GRID.length - 1];
  const safe = GRID.filter((t) => t >= Math.max(possibleRisk, MIN_CRISIS_SCORE)).filter((t) => {
    const w = worst({ possibleRisk, crisis: t });
    return w.modelCrisisOnEveryday <= MODEL_CRISIS_ON_EVERYDAY_GOAL && w.modelCrisisOnBenign <= MODEL_CRISIS_ON_BENIGN_GOAL;
  });
  return { possibleRisk, crisis: safe.length > 0 ? Math.min(...safe) : 1 };
}
