import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CHECKINS } from '../domain/checkins';
import { addDays } from '../domain/localTime';
import { ParticipantStatus, Track } from '../domain/participant';
import { FLAGS, Severity } from '../flags/flag';
import { LESSON_DELIVERIES } from '../lessons/lessonRecord';
import { BamScores, MEASURES } from '../measures/measureRecord';
import { LEDGER } from '../outreach/ledger';
import { Condition, DocumentStore } from '../store/port';
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
export interface LessonCounts {
  /** Lessons sent in the range (by their week). */
  sent: number;
  /** Of those, the ones whose reflection was answered. */
  answered: number;
}

export interface ReportData {
  participants: ParticipantRow[];
  /** Completed check-ins of the participants in scope from `activeFrom` (when before `from`) to `to`. */
  completedCheckins: DayRow[];
  /** Check-in prompts that went out to them in the range. */
  promptsSent: DayRow[];
  flags: FlagRow[];
  /** Completed PHQ-9 and GAD-7 administrations up to `to`, in no particular order: baselines may predate the range. */
  scores: ScoreRow[];
  bam: BamRow[];
  lessons: LessonCounts;
}

/** A document's keys only: what an index holds besides its fields, so reading them never opens a document. */
interface KeyRow {
  pk: string;
  id: string;
}

/** Days per read of check-ins and prompts: a week is ~7,000 index entries for 1,000 participants, a few ms between yields. */
const CHUNK_DAYS = 7;

/**
 * Reads what a report needs. The bulk — a quarter's check-ins and prompts,
 * ~180,000 records for 1,000 participants — is read as keys only, from
 * indexes whose fields are all the query filters on (collections.ts:
 * checkins by (status, localDate), the ledger by (kind, state, localDate),
 * lessons by (weekStart, reflectionAt)): SQLite answers such a query from
 * the index without opening a document. The local date comes from the id
 * (checkInId and ledgerKey('checkin', …) both end in it). They are read a
 * week at a time across partitions, yielding to the event loop between
 * weeks. Flags, measures and lessons are one range query each.
 */
export async function readReportData(store: DocumentStore, range: ReportRange, scope: (p: ParticipantRow) => boolean, activeFrom: string): Promise<ReportData> {
  const participants = (await store.project<ParticipantRow>('participants', {}, ['id', 'track', 'status', 'createdAt', 'timeZone'])).items.filter(scope);
  const inScope = new Set(participants.map((p) => p.id));
  const first = activeFrom < range.from ? activeFrom : range.from;
  const completedCheckins = await daysByWeek(store, CHECKINS, [{ field: 'status', op: '=', value: 'complete' }], first, range.to, inScope);
  const promptsSent = await daysByWeek(
    store,
    LEDGER,
    [
      { field: 'kind', op: '=', value: 'checkin' },
      { field: 'state', op: '=', value: 'sent' },
    ],
    range.from,
    range.to,
    inScope,
  );
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
          { field: 'instrument', op: 'in', value: ['gad7', 'phq9'] },
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
  return { participants, completedCheckins, promptsSent, flags, scores, bam, lessons: await lessonCounts(store, range, inScope) };
}

/**
 * Participant-days of one collection from `from` to `to` (local dates) matching `where` (equalities on the index's
 * leading fields, in its order), `CHUNK_DAYS` at a time, for the participants in scope. Ordered as the index is
 * (those fields, then localDate), so SQLite sorts nothing.
 */
async function daysByWeek(store: DocumentStore, collection: string, where: Condition[], from: string, to: string, inScope: ReadonlySet<string>): Promise<DayRow[]> {
  const rows: DayRow[] = [];
  for (let start = from; start <= to; start = addDays(start, CHUNK_DAYS)) {
    const last = addDays(start, CHUNK_DAYS - 1);
    const end = last < to ? last : to;
    const page = await store.project<KeyRow>(
      collection,
      {
        where: [...where, { field: 'localDate', op: '>=', value: start }, { field: 'localDate', op: '<=', value: end }],
        orderBy: [...where.map((c) => ({ field: c.field })), { field: 'localDate' }],
      },
      ['pk', 'id'],
    );
    for (const { pk, id } of page.items) if (inScope.has(pk)) rows.push({ pk, localDate: localDateOfId(id) });
    await yieldToEventLoop();
  }
  return rows;
}

/** Check-in ids (`participantId:localDate`) and check-in prompt ids (`checkin:localDate`) end in their local date. */
function localDateOfId(id: string): string {
  return id.slice(-'YYYY-MM-DD'.length);
}

/** Lessons of the participants in scope sent in the range, and those answered: keys from the (weekStart, reflectionAt) index. */
async function lessonCounts(store: DocumentStore, range: ReportRange, inScope: ReadonlySet<string>): Promise<LessonCounts> {
  const weeks: Condition[] = [
    { field: 'weekStart', op: '>=', value: range.from },
    { field: 'weekStart', op: '<=', value: range.to },
  ];
  const count = async (where: Condition[]) => {
    const page = await store.project<KeyRow>(LESSON_DELIVERIES, { where, orderBy: [{ field: 'weekStart' }, { field: 'reflectionAt' }] }, ['pk', 'id']);
    return page.items.filter((l) => inScope.has(l.pk)).length;
  };
  const sent = await count(weeks);
  await yieldToEventLoop();
  return { sent, answered: await count([...weeks, { field: 'reflectionAt', op: '!=', value: null }]) };
}
