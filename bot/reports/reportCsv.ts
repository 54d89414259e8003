import { addDays } from '../domain/localTime';
import { SEVERITIES } from '../flags/flag';
import { csvCell } from '../staff/audit';
import { ProgramReport } from './programReport';

const RATIO = ['sent', 'completed', 'rate'] as const;

const HEADER = ['section', 'measure', 'track', 'period_from', 'period_to', 'value'] as const;

type Line = [section: string, measure: string, track: string, from: string, to: string, value: number | null];

/**
 * The report's aggregate figures, one per line (long format: one column of
 * values, easy to filter and pivot in a spreadsheet). Only counts, rates and
 * means: a report has no participant ids, names or phone numbers to leak.
 */
export function reportCsv(r: ProgramReport): string {
  const all = r.track ?? 'all';
  const lines: Line[] = [];
  const whole = (section: string, measure: string, value: number | null) => lines.push([section, measure, all, r.from, r.to, value]);
  for (const measure of ['enrolled', 'active', 'paused', 'discharged'] as const) whole('participants', measure, r.participants[measure]);
  for (const cell of r.adherence) {
    const from = cell.weekStart < r.from ? r.from : cell.weekStart;
    const sunday = addDays(cell.weekStart, 6);
    const to = sunday > r.to ? r.to : sunday;
    for (const measure of ['expected', 'completed', 'rate'] as const) lines.push(['adherence', measure, cell.track, from, to, cell[measure]]);
  }
  for (const measure of RATIO) whole('prompt_response', measure, r.promptResponse[measure]);
  whole('flags', 'total', r.flags.total);
  for (const severity of SEVERITIES) whole('flags', `severity_${severity}`, r.flags.bySeverity[severity]);
  whole('flags', 'open', r.flags.open);
  for (const [half, times] of [['during_hours', r.flags.duringHours], ['outside_hours', r.flags.outsideHours]] as const) {
    whole('time_to_acknowledge', `${half}_acknowledged`, times.acknowledged);
    whole('time_to_acknowledge', `${half}_median_minutes`, times.medianMinutes);
    whole('time_to_acknowledge', `${half}_p90_minutes`, times.p90Minutes);
  }
  for (const [instrument, change] of [['phq9', r.phq9], ['gad7', r.gad7]] as const) {
    whole(instrument, 'participants', change.participants);
    whole(instrument, 'mean_change', change.meanChange);
    whole(instrument, 'improved_5_share', change.improvedShare);
  }
  for (const p of r.bam) {
    for (const measure of ['administrations', 'use', 'risk', 'protective'] as const) lines.push(['bam', measure, all, p.from, p.to, p[measure]]);
  }
  for (const measure of RATIO) whole('lessons', measure, r.lessons[measure]);
  // Numbers go out as they are (a negative change is a number, not a formula); text through the CSV quoting.
  const row = (l: Line) => [...l.slice(0, 5).map((v) => csvCell(v as string)), l[5] === null ? '' : String(l[5])].join(',');
  return [HEADER.join(','), ...lines.map(row)].join('\r\n') + '\r\n';
}
