import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CHECKINS } from '../domain/checkins';
import { addDays } from '../domain/localTime';
import { ParticipantStatus, Track } from '../domain/participant';
import { FLAGS, Severity } from '../flags/flag';
import { LESSON_DELIVERIES } from '../lessons/lessonRecord';
import { BamScores, MEASURES } from '../measures/measureRecord';
import { LEDGER } from '../outreach/ledger';
import { DocumentStore, Query } from '../store/port';
import { ReportRange } from './reportRange';

/** The few fields of each record a report reads (store projections: never names, notes or answers). */
export interface ParticipantRow {
  id: string;
  track: Track;
  status: ParticipantStatus;
  createdAt: string;
  timeZone: string;
}
export interface DayRow {
  pk: string;
  localDate: string;
}
export interface FlagRow {
  participantId: string;
  severity: Severity;
  createdAt: string;
  acknowledgedAt: string | null;
}
export interface ScoreRow {
  participantId: string;
  instrument: 'phq9' | 'gad7';
  localDate: string;
  total: number | null;
}
export interface BamRow {
  participantId: string;
  localDate: string;
  bam: BamScores | null;
}
export interface LessonRow {
  participantId: string;
  reflectionAt: string | null;
}

export interface ReportData {
  participants: ParticipantRow[];
  /** Completed check-ins from `activeFrom` (7 days before `to` when the range is shorter) to `to`. */
  completedCheckins: DayRow[];
  /** Check-in prompts that went out in the range. */
  promptsSent: DayRow[];
  flags: FlagRow[];
  /** Completed PHQ-9 and GAD-7 administrations up to `to`, oldest first: baselines may predate the range. */
  scores: ScoreRow[];
  bam: BamRow[];
  lessons: LessonRow[];
}

/** A week of daily records is one store call: a few thousand rows, so no call holds the event loop for long. */
const WINDOW_DAYS = 7;

/**
 * Reads what a report needs with projections: check-ins and prompts a week
 * at a time (the day-level collections, ~1,000 rows per program day), the rest
 * in one range query each, yielding to the event loop between calls.
 */
export async function readReportData(store: DocumentStore, range: ReportRange, activeFrom: string): Promise<ReportData> {
  const participants = (await store.project<ParticipantRow>('participants', {}, ['id', 'track', 'status', 'createdAt', 'timeZone'])).items;
  const completedCheckins = await byWeek(store, CHECKINS, activeFrom < range.from ? activeFrom : range.from, range.to, [
    { field: 'status', op: '=', value: 'complete' },
  ]);
  const promptsSent = await byWeek(store, LEDGER, range.from, range.to, [
    { field: 'kind', op: '=', value: 'checkin' },
    { field: 'state', op: '=', value: 'sent' },
  ]);
  await yieldToEventLoop();
  const flags = (
    await store.project<FlagRow>(
      FLAGS,
      { where: [{ field: 'createdAt', op: '>=', value: range.start.toISOString() }, { field: 'createdAt', op: '<', value: range.end.toISOString() }], orderBy: [{ field: 'createdAt' }] },
      ['participantId', 'severity', 'createdAt', 'acknowledgedAt'],
    )
  ).items;
  await yieldToEventLoop();
  const scores = (
    await store.project<ScoreRow>(
      MEASURES,
      {
        where: [
          { field: 'instrument', op: 'in', value: ['phq9', 'gad7'] },
          { field: 'localDate', op: '<=', value: range.to },
          { field: 'completedAt', op: '!=', value: null },
        ],
        orderBy: [{ field: 'instrument' }, { field: 'localDate' }],
      },
      ['participantId', 'instrument', 'localDate', 'total'],
    )
  ).items;
  await yieldToEventLoop();
  const bam = (
    await store.project<BamRow>(
      MEASURES,
      {
        where: [
          { field: 'instrument', op: '=', value: 'bam' },
          { field: 'localDate', op: '>=', value: range.from },
          { field: 'localDate', op: '<=', value: range.to },
          { field: 'completedAt', op: '!=', value: null },
        ],
        orderBy: [{ field: 'instrument' }, { field: 'localDate' }],
      },
      ['participantId', 'localDate', 'bam'],
    )
  ).items;
  await yieldToEventLoop();
  const lessons = (
    await store.project<LessonRow>(
      LESSON_DELIVERIES,
      { where: [{ field: 'weekStart', op: '>=', value: range.from }, { field: 'weekStart', op: '<=', value: range.to }], orderBy: [{ field: 'weekStart' }] },
      ['participantId', 'reflectionAt'],
    )
  ).items;
  return { participants, completedCheckins, promptsSent, flags, scores, bam, lessons };
}

/** (pk, localDate) of a day-level collection, one store call per window of WINDOW_DAYS local dates. */
async function byWeek(store: DocumentStore, collection: string, from: string, to: string, where: NonNullable<Query['where']>): Promise<DayRow[]> {
  const rows: DayRow[] = [];
  for (let first = from; first <= to; first = addDays(first, WINDOW_DAYS)) {
    const last = addDays(first, WINDOW_DAYS - 1);
    const page = await store.project<DayRow>(
      collection,
      {
        where: [
          { field: 'localDate', op: '>=', value: first },
          { field: 'localDate', op: '<=', value: last < to ? last : to },
          ...where,
        ],
        // Ordered by the indexed field so the store walks that index (SQLite would otherwise scan in key order).
        orderBy: [{ field: 'localDate' }],
      },
      ['pk', 'localDate'],
    );
    for (const row of page.items) rows.push(row);
    await yieldToEventLoop();
  }
  return rows;
}
