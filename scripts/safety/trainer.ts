/**
 * Multinomial logistic regression by stochastic gradient descent over hashed
 * features. Deterministic: seeded shuffles, a fixed number of epochs, and
 * weights rounded before they are written, so a run reproduces the committed
 * file byte for byte.
 *
 * One run per seed, weights averaged: the order SGD meets the examples in
 * moved recall on unseen messages by about 2 points from one seed to the
 * next; the average of several orders does not depend on any one of them,
 * and scores exactly as fast as a single model.
 */
import type { FeatureVector } from '../../bot/safety/risk/features';
import type { ModelClass, ModelWeights } from '../../bot/safety/risk/model';

export interface Example {
  readonly features: FeatureVector;
  readonly y: number;
}

export interface TrainOptions {
  readonly classes: readonly ModelClass[];
  readonly hashBits: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** One SGD run per seed; the weights are their average. */
  readonly seeds: readonly number[];
}

/** Weights are written with this many decimals. */
const DECIMALS = 2;
/** Rows whose weights are all smaller than this are dropped: a smaller file, the same figures. */
const PRUNE_BELOW = 0.05;
const SKIP_BELOW = PRUNE_BELOW - 10 ** -DECIMALS;

/** mulberry32: a small seeded generator, the same on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: readonly Example[], options: TrainOptions): Omit<ModelWeights, 'thresholds'> {
  const K = options.classes.length;
  const W = new Float64Array((1 << options.hashBits) * K);
  const bias = new Float64Array(K);
  for (const seed of options.seeds) {
    const run = fit(examples, options, seed);
    for (let i = 0; i < W.length; i++) W[i] += run.W[i] / options.seeds.length;
    for (let k = 0; k < K; k++) bias[k] += run.bias[k] / options.seeds.length;
  }
  return export_(W, bias, options);
}

function fit(examples: readonly Example[], options: TrainOptions, seed: number): { W: Float64Array; bias: Float64Array } {
  const K = options.classes.length;
  const W = new Float64Array((1 << options.hashBits) * K);
  const bias = new Float64Array(K);
  const order = examples.map((_, i) => i);
  const next = random(seed);
  const logits = new Float64Array(K);
  const gradient = new Float64Array(K);
  const { l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = options.learningRate / (1 + epoch);
    for (const e of order) {
      const { features, y } = examples[e];
      const { indices, value } = features;
      const n = indices.length;
      for (let k = 0; k < K; k++) logits[k] = bias[k];
      for (let f = 0; f < n; f++) {
        const row = indices[f] * K;
        for (let k = 0; k < K; k++) logits[k] += W[row + k] * value;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (logits[k] > max) max = logits[k];
      let sum = 0;
      for (let k = 0; k < K; k++) sum += (logits[k] = Math.exp(logits[k] - max));
      for (let k = 0; k < K; k++) {
        gradient[k] = logits[k] / sum - (k === y ? 1 : 0);
        bias[k] -= lr * gradient[k];
      }
      // Row by row rather than class by class: the same updates (each weight once per
      // example, as the indices are distinct), in an order the CPU's cache likes.
      for (let f = 0; f < n; f++) {
        const row = indices[f] * K;
        for (let k = 0; k < K; k++) W[row + k] -= lr * (gradient[k] * value + l2 * W[row + k]);
      }
    }
  }
  return { W, bias };
}

function round(x: number): number {
  const r = Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
  return r === 0 ? 0 : r; // no "-0"
}

function export_(W: Float64Array, bias: Float64Array, options: TrainOptions): Omit<ModelWeights, 'thresholds'> {
  const K = options.classes.length;
  const rows: Record<string, number[]> = {};
  for (let idx = 0; idx < W.length / K; idx++) {
    // Most of the 2^hashBits rows are (near) zero: below SKIP_BELOW no weight can round up to PRUNE_BELOW.
    if (!W.subarray(idx * K, idx * K + K).some((w) => Math.abs(w) >= SKIP_BELOW)) continue;
    const row = Array.from(W.subarray(idx * K, idx * K + K), round);
    if (row.some((w) => Math.abs(w) >= PRUNE_BELOW)) rows[String(idx)] = row;
  }
  return { classes: options.classes, hashBits: options.hashBits, bias: Array.from(bias, round), rows };
}
