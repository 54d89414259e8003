/** The arithmetic of report figures, in one place so every figure rounds and ranks alike. */

/** part / whole to 4 decimals; null when there is nothing to divide by (a rate of nothing is not 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, 2);
}

/**
 * Nearest-rank percentile: the smallest value with at least p % of the values
 * at or below it (rank ⌈p/100 · n⌉). A value that occurred, never an
 * interpolation, so "90 % were acknowledged within X minutes" holds as said.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
