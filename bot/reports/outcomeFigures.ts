import { addDays } from '../domain/localTime';
import { ProgramHours, workingIntervals } from '../domain/programHours';
import { SEVERITIES, Severity } from '../flags/flag';
import { ReportRange } from './reportRange';
import { BamRow, FlagRow, ScoreRow } from './reportRows';
import { mean, percentile, rate, round } from './reportStats';

export interface AckTimes {
  /** Flags raised in this half that were acknowledged. */
  acknowledged: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface FlagFigures {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Still unacknowledged. */
  open: number;
  /** Split by when the flag was raised: during program hours (the team at work) or outside them. */
  duringHours: AckTimes;
  outsideHours: AckTimes;
}

export interface ScoreChange {
  /** Participants with a baseline and a later administration in the range. */
  participants: number;
  /** Mean of (latest − baseline): negative is fewer symptoms. */
  meanChange: number | null;
  /** Share whose score fell by 5 points or more. */
  improvedShare: number | null;
}

export interface BamPeriod {
  /** 4-week periods from the range's first day; the last one is clipped to the range. */
  from: string;
  to: string;
  administrations: number;
  use: number | null;
  risk: number | null;
  protective: number | null;
}

const MINUTE = 60_000;

export function flagFigures(flags: readonly FlagRow[], range: ReportRange, hours: ProgramHours): FlagFigures {
  // A day either side: the range is in the program's zone, program hours may be in another.
  const intervals = workingIntervals(addDays(range.from, -1), addDays(range.to, 1), hours);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const during: number[] = [];
  const outside: number[] = [];
  let open = 0;
  for (const f of flags) {
    bySeverity[f.severity]++;
    if (f.acknowledgedAt === null) {
      open++;
      continue;
    }
    const created = Date.parse(f.createdAt);
    const minutes = (Date.parse(f.acknowledgedAt) - created) / MINUTE;
    (within(intervals, created) ? during : outside).push(minutes);
  }
  return { total: flags.length, bySeverity, open, duringHours: ackTimes(during), outsideHours: ackTimes(outside) };
}

function ackTimes(minutes: number[]): AckTimes {
  minutes.sort((a, b) => a - b);
  const fixed = (v: number | null) => (v === null ? null : round(v, 1));
  return { acknowledged: minutes.length, medianMinutes: fixed(percentile(minutes, 50)), p90Minutes: fixed(percentile(minutes, 90)) };
}

/** Binary search over sorted, disjoint [opens, closes) intervals. */
function within(intervals: ReadonlyArray<{ opens: number; closes: number }>, at: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < intervals[mid].opens) hi = mid - 1;
    else if (at >= intervals[mid].closes) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Change from each participant's baseline (first completed administration,
 * whenever it was) to their latest administration in the range, whatever
 * order `scores` come in; participants outside `scope` are ignored.
 */
export function scoreChange(scores: readonly ScoreRow[], instrument: ScoreRow['instrument'], range: ReportRange, scope: ReadonlySet<string>): ScoreChange {
  const baseline = new Map<string, { localDate: string; total: number }>();
  const latest = new Map<string, { localDate: string; total: number }>();
  for (const s of scores) {
    if (s.instrument !== instrument || s.total === null || !scope.has(s.participantId)) continue;
    const score = { localDate: s.localDate, total: s.total };
    const first = baseline.get(s.participantId);
    if (!first || s.localDate < first.localDate) baseline.set(s.participantId, score);
    const last = latest.get(s.participantId);
    if (s.localDate >= range.from && s.localDate <= range.to && (!last || s.localDate > last.localDate)) latest.set(s.participantId, score);
  }
  const changes: number[] = [];
  for (const [id, last] of latest) {
    const first = baseline.get(id)!;
    if (first.localDate !== last.localDate) changes.push(last.total - first.total);
  }
  return { participants: changes.length, meanChange: mean(changes), improvedShare: rate(changes.filter((c) => c <= -5).length, changes.length) };
}

export function bamTrend(rows: readonly BamRow[], range: ReportRange, scope: ReadonlySet<string>): BamPeriod[] {
  const periods: BamPeriod[] = [];
  for (let from = range.from; from <= range.to; from = addDays(from, 28)) {
    const last = addDays(from, 27);
    const to = last < range.to ? last : range.to;
    const inPeriod = rows.filter((r) => r.bam !== null && scope.has(r.participantId) && r.localDate >= from && r.localDate <= to).map((r) => r.bam!);
    periods.push({
      from,
      to,
      administrations: inPeriod.length,
      use: mean(inPeriod.map((b) => b.use)),
      risk: mean(inPeriod.map((b) => b.risk)),
      protective: mean(inPeriod.map((b) => b.protective)),
    });
  }
  return periods;
}
