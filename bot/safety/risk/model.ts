/**
 * The trained classifier: multinomial logistic regression over hashed
 * features (features.ts). Classes are "benign" and the danger kinds; the risk
 * score is 1 − P(benign). Weights and the tier thresholds (chosen by
 * cross-validation on the training split) come from weights.json, which
 * `npm run safety:train` writes; nothing is fetched at run time.
 */
import type { Language } from '../../i18n';
import { featuresOf, FeatureVector } from './features';
import type { GrammarReading } from './grammar';
import type { DangerKind } from './types';
import WEIGHTS from './weights.json';

export type ModelClass = 'benign' | DangerKind;

/** The weights file: sparse rows, one weight per class, only non-zero rows kept. */
export interface ModelWeights {
  readonly classes: readonly ModelClass[];
  readonly hashBits: number;
  readonly bias: readonly number[];
  /** Bucket index → one weight per class. */
  readonly rows: Readonly<Record<string, readonly number[]>>;
  /** possibleRisk: the question tier's threshold per language (risk/language.ts); crisis: the model's own crisis calls. */
  readonly thresholds: { readonly possibleRisk: Readonly<Record<Language, number>>; readonly crisis: number };
}

export interface ModelScore {
  /** 1 − P(benign), in [0, 1]. */
  readonly risk: number;
  /** The most likely danger kind. */
  readonly kind: DangerKind;
}

export class RiskModel {
  private readonly classes: readonly ModelClass[];
  private readonly bias: Float64Array;
  /** Dense, bucket-major (bucket × class): one multiply-add per feature and class, no lookups. */
  private readonly weights: Float64Array;

  constructor(weights: ModelWeights) {
    const K = weights.classes.length;
    this.classes = weights.classes;
    this.bias = Float64Array.from(weights.bias);
    this.weights = new Float64Array((1 << weights.hashBits) * K);
    for (const [index, row] of Object.entries(weights.rows)) this.weights.set(row, Number(index) * K);
  }

  probabilities(features: FeatureVector): Float64Array {
    const K = this.bias.length;
    const logits = Float64Array.from(this.bias);
    for (const index of features.indices) {
      const base = index * K;
      for (let k = 0; k < K; k++) logits[k] += this.weights[base + k] * features.value;
    }
    return softmax(logits);
  }

  score(reading: GrammarReading): ModelScore {
    const p = this.probabilities(featuresOf(reading));
    let best = -1;
    for (let k = 0; k < p.length; k++) if (this.classes[k] !== 'benign' && (best < 0 || p[k] > p[best])) best = k;
    return { risk: 1 - p[this.classes.indexOf('benign')], kind: this.classes[best] as DangerKind };
  }
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logits) max = Math.max(max, l);
  let sum = 0;
  const p = logits.map((l) => {
    const e = Math.exp(l - max);
    sum += e;
    return e;
  });
  return p.map((e) => e / sum);
}

export const TRAINED_WEIGHTS = WEIGHTS as ModelWeights;
