/**
 * The figures the issue asks for, from labelled rows and the screen's tiers:
 * per language, recall of the crisis-or-question tier on crisis messages,
 * the crisis tier on everyday messages and idioms, on all benign messages,
 * and either tier on all benign messages; the same per kind.
 */
import type { RiskTier } from '../../bot/safety/risk/types';
import { classOf, Labelled } from './dataset';

export interface Outcome {
  readonly row: Labelled;
  readonly tier: RiskTier;
  readonly kind: string | null;
  /** Which rule or score decided (safe to log). */
  readonly reason?: string;
}

/** Benign kinds on which the crisis tier must stay at or under 2 %. */
const EVERYDAY_KINDS = ['everyday', 'idiom'];

export interface LanguageFigures {
  readonly crisis: number;
  readonly benign: number;
  /** Crisis messages given the crisis or the question tier. */
  readonly recallEither: number;
  /** Messages labelled tier "crisis" given the crisis tier. */
  readonly recallCrisisTier: number;
  /** Crisis messages whose kind (the help it needs) was read right, among those flagged. */
  readonly kindAccuracy: number;
  readonly crisisOnEveryday: number;
  readonly crisisOnBenign: number;
  readonly eitherOnBenign: number;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const flagged = (o: Outcome) => o.tier !== 'none';

export function figures(outcomes: readonly Outcome[]): LanguageFigures {
  const crisis = outcomes.filter((o) => o.row.label === 'crisis');
  const crisisTier = crisis.filter((o) => o.row.tier === 'crisis');
  const benign = outcomes.filter((o) => o.row.label === 'benign');
  const everyday = benign.filter((o) => EVERYDAY_KINDS.includes(o.row.kind));
  const flaggedCrisis = crisis.filter(flagged);
  return {
    crisis: crisis.length,
    benign: benign.length,
    recallEither: share(flaggedCrisis.length, crisis.length),
    recallCrisisTier: share(crisisTier.filter((o) => o.tier === 'crisis').length, crisisTier.length),
    kindAccuracy: share(flaggedCrisis.filter((o) => o.kind === classOf(o.row)).length, flaggedCrisis.length),
    crisisOnEveryday: share(everyday.filter((o) => o.tier === 'crisis').length, everyday.length),
    crisisOnBenign: share(benign.filter((o) => o.tier === 'crisis').length, benign.length),
    eitherOnBenign: share(benign.filter(flagged).length, benign.length),
  };
}

export function byLanguage(outcomes: readonly Outcome[]): Map<string, Outcome[]> {
  return groupBy(outcomes, (o) => o.row.language);
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
