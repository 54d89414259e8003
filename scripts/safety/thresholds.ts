/**
 * Chooses the tier thresholds from out-of-fold scores on the training split
 * (k-fold cross-validation; the test split is never read here).
 *
 * - possibleRisk: the highest threshold at which the crisis-or-question tier
 *   still reaches RECALL_GOAL of crisis messages in every language (erring
 *   towards recall: the question is cheap) — unless either tier then exceeds
 *   EITHER_ON_BENIGN_CAP of benign messages, when the lowest threshold under
 *   that cap is taken.
 * - crisis: the lowest threshold at which the model's own crisis calls (the
 *   grammar's are fixed) stay at or under small goals on everyday messages
 *   and on all benign messages in every language — set well below the
 *   targets, since new messages score less cleanly than cross-validated ones.
 */
import type { GrammarReading } from '../../bot/safety/risk/grammar';
import type { ModelScore, ModelWeights } from '../../bot/safety/risk/model';
import { decideTier } from '../../bot/safety/risk/tiers';
import type { Labelled } from './dataset';
import { byLanguage, figures, Outcome } from './metrics';

const RECALL_GOAL = 0.99;
const EITHER_ON_BENIGN_CAP = 0.15;
/** The model's own crisis calls (beyond the grammar's) on everyday messages, and on all benign ones. */
const MODEL_CRISIS_ON_EVERYDAY_GOAL = 0.005;
const MODEL_CRISIS_ON_BENIGN_GOAL = 0.02;
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
      recallEither: Math.min(...perLanguage.map((f) => f.recallEither)),
      eitherOnBenign: Math.max(...perLanguage.map((f) => f.eitherOnBenign)),
      modelCrisisOnEveryday: Math.max(...modelPerLanguage.map((f) => f.crisisOnEveryday)),
      modelCrisisOnBenign: Math.max(...modelPerLanguage.map((f) => f.crisisOnBenign)),
    };
  };
  const questionOnly = (t: number) => worst({ possibleRisk: t, crisis: 2 });
  const recalled = GRID.filter((t) => questionOnly(t).recallEither >= RECALL_GOAL);
  const capped = GRID.filter((t) => questionOnly(t).eitherOnBenign <= EITHER_ON_BENIGN_CAP);
  const highestRecalled = recalled.length > 0 ? Math.max(...recalled) : GRID[0];
  const possibleRisk = capped.includes(highestRecalled) || capped.length === 0 ? highestRecalled : Math.min(...capped);
  const safe = GRID.filter((t) => t >= possibleRisk).filter((t) => {
    const w = worst({ possibleRisk, crisis: t });
    return w.modelCrisisOnEveryday <= MODEL_CRISIS_ON_EVERYDAY_GOAL && w.modelCrisisOnBenign <= MODEL_CRISIS_ON_BENIGN_GOAL;
  });
  return { possibleRisk, crisis: safe.length > 0 ? Math.min(...safe) : 1 };
}
