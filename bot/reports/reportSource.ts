import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { checkInId, CHECKINS } from '../domain/checkins';
import { ParticipantStatus, Track } from '../domain/participant';
import { FLAGS, Severity } from '../flags/flag';
import { LESSON_DELIVERIES } from '../lessons/lessonRecord';
import { BamScores, MEASURES } from '../measures/measureRecord';
import { LEDGER, ledgerKey } from '../outreach/ledger';
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
  /** Completed check-ins of the participants in scope from `activeFrom` (when before `from`) to `to`. */
  completedCheckins: DayRow[];
  /** Check-in prompts that went out to them in the range. */
  promptsSent: DayRow[];
  flags: FlagRow[];
  /** Completed PHQ-9 and GAD-7 administrations up to `to`, oldest first: baselines may predate the range. */
  scores: ScoreRow[];
  bam: BamRow[];
  lessons: LessonRow[];
}

/** Participants read at once (Cosmos answers them in parallel; SQLite runs them one by one anyway). */
const PARALLEL = 8;
/** Participants between two yields to the event loop: a few milliseconds of store work on SQLite. */
const YIELD_EVERY = 40;

/**
 * Reads what a report needs, with projections of a few fields. The day-level
 * collections (check-ins and prompts: a row per participant and day) are read
 * per participant, as a range of ids in that participant's partition: their
 * ids begin with the participant and the local date (checkInId, ledgerKey), so
 * a quarter is one contiguous run of the primary key, not a thousand index
 * hops across the table. The rest are one range query each across partitions.
 */
export async function readReportData(store: DocumentStore, range: ReportRange, scope: (p: ParticipantRow) => boolean, activeFrom: string): Promise<ReportData> {
  const participants = (await store.project<ParticipantRow>('participants', {}, ['id', 'track', 'status', 'createdAt', 'timeZone'])).items.filter(scope);
  const first = activeFrom < range.from ? activeFrom : range.from;
  const completedCheckins: DayRow[] = [];
  const promptsSent: DayRow[] = [];
  for (let i = 0; i < participants.length; i += PARALLEL) {
    await Promise.all(
      participants.slice(i, i + PARALLEL).map(async ({ id }) => {
        const [checkins, prompts] = await Promise.all([
          store.project<DayRow>(
            CHECKINS,
            { pk: id, where: [...idRange(id, checkInId(id, first), checkInId(id, range.to)), { field: 'status', op: '=', value: 'complete' }] },
            ['pk', 'localDate'],
          ),
          store.project<DayRow>(
            LEDGER,
            {
              pk: id,
              where: [
                ...idRange(id, ledgerKey('checkin', range.from), ledgerKey('checkin', range.to)),
                { field: 'kind', op: '=', value: 'checkin' },
                { field: 'state', op: '=', value: 'sent' },
              ],
            },
            ['pk', 'localDate'],
          ),
        ]);
        completedCheckins.push(...checkins.items);
        promptsSent.push(...prompts.items);
      }),
    );
    if ((i / PARALLEL) % (YIELD_EVERY / PARALLEL) === 0) await yieldToEventLoop();
  }
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

/**
 * One participant's ids from `first` to `last`. The pk repeats as a condition
 * because the Cosmos emulator does not scope queries to a partition.
 */
function idRange(participantId: string, first: string, last: string): NonNullable<Query['where']> {
  return [
    { field: 'pk', op: '=', value: participantId },
    { field: 'id', op: '>=', value: first },
    { field: 'id', op: '<=', value: last },
  ];
}
