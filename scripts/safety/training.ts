/**
 * One training run: read the training split, cross-validate to choose the
 * thresholds, train on all of it, serialise. Shared by `safety:train` and the
 * test that pins the committed weights to a fresh run.
 */
import { featuresOf, HASH_BITS } from '../../bot/safety/risk/features';
import { readMessage } from '../../bot/safety/risk/grammar';
import { ModelClass, ModelScore, ModelWeights, RiskModel } from '../../bot/safety/risk/model';
import { decideTier } from '../../bot/safety/risk/tiers';
import { classOf, loadSplit } from './dataset';
import type { Outcome } from './metrics';
import { chooseThresholds } from './thresholds';
import { Example, train, TrainOptions } from './trainer';

const CLASSES: readonly ModelClass[] = ['benign', 'suicide', 'self_harm', 'overdose', 'danger_from_other', 'other_at_risk'];
export const OPTIONS: TrainOptions = { classes: CLASSES, hashBits: HASH_BITS, epochs: 12, learningRate: 2, l2: 1e-5, seeds: [20261201, 20261202, 20261203] };
const FOLDS = 5;

export interface TrainingRun {
  readonly json: string;
  readonly summary: string;
  /** Out-of-fold outcomes on the training split, with the chosen thresholds. */
  readonly outOfFold: Outcome[];
}

export function trainWeights(options: TrainOptions = OPTIONS): TrainingRun {
  const rows = loadSplit('train');
  const readings = rows.map((r) => readMessage(r.text));
  const examples: Example[] = readings.map((reading, i) => ({ features: featuresOf(reading), y: CLASSES.indexOf(classOf(rows[i])) }));

  const outOfFold = new Array<ModelScore>(rows.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = new RiskModel({ ...train(examples.filter((_, i) => i % FOLDS !== fold), options), thresholds: { possibleRisk: { en: 1, es: 1 }, crisis: 1 } });
    readings.forEach((reading, i) => {
      if (i % FOLDS === fold) outOfFold[i] = model.score(reading);
    });
  }
  const thresholds = chooseThresholds(rows, readings, outOfFold);
  const weights: ModelWeights = { ...train(examples, options), thresholds };
  const outcomes = rows.map((row, i) => ({ row, ...decideTier(readings[i], outOfFold[i], thresholds) }));
  return { outOfFold: outcomes, json: serialise(weights), summary: `${rows.length} training messages; thresholds ${JSON.stringify(thresholds)}; ${Object.keys(weights.rows).length} weight rows` };
}

/** One row a line: readable diffs. */
function serialise(w: ModelWeights): string {
  const rows = Object.entries(w.rows).map(([i, row]) => `"${i}":${JSON.stringify(row)}`);
  const head = JSON.stringify({ classes: w.classes, hashBits: w.hashBits, thresholds: w.thresholds, bias: w.bias });
  return `${head.slice(0, -1)},"rows":{\n${rows.join(',\n')}\n}}\n`;
}
