import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Flag, FLAGS, SEVERITY_OF_RANK } from '../flags/flag';
import { LESSON_DELIVERIES } from '../lessons/lessonRecord';
import { MEASURES } from '../measures/measureRecord';
import { Condition, DocumentStore } from '../store/port';
import { CheckinCounts, readCheckinCounts } from './checkinCounts';
import { ReportRange } from './reportRange';
import { BamRow, FlagRow, LessonCounts, ParticipantRow, ScoreRow } from './reportRows';
import { readScoreRows } from './scoreRows';

export interface ReportData {
  participants: ParticipantRow[];
  checkins: CheckinCounts;
  flags: FlagRow[];
  /** Each participant's baseline and latest PHQ-9 and GAD-7 in the range (scoreRows.ts), in no particular order. */
  scores: ScoreRow[];
  bam: BamRow[];
  lessons: LessonCounts;
}

/**
 * Reads what a report needs. Check-ins, prompts and lessons — the bulk, a
 * quarter is ~200,000 records for 1,000 participants — are counted
 * (checkinCounts.ts); flags and measures are one range query each, projected
 * to a few fields that an index holds. Between queries the event loop runs.
 */
export async function readReportData(store: DocumentStore, range: ReportRange, scope: (p: ParticipantRow) => boolean, windowStart: string): Promise<ReportData> {
  const participants = (await store.project<ParticipantRow>('participants', {}, ['id', 'track', 'status', 'createdAt', 'timeZone'])).items.filter(scope);
  const checkins = await readCheckinCounts(store, range, participants, windowStart);
  const flags = await readFlagRows(store, range);
  await yieldToEventLoop();
  const scores = await readScoreRows(store, range, new Set(participants.map((p) => p.id)));
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
  return { participants, checkins, flags, scores, bam, lessons: await lessonCounts(store, range, participants.map((p) => p.id)) };
}

/** The range's flags, as their (createdAt, participantId, severityRank, acknowledgedAt) index holds them: SQLite opens no document. */
async function readFlagRows(store: DocumentStore, range: ReportRange): Promise<FlagRow[]> {
  const page = await store.project<Pick<Flag, 'participantId' | 'severityRank' | 'createdAt' | 'acknowledgedAt'>>(
    FLAGS,
    { where: [{ field: 'createdAt', op: '>=', value: range.start.toISOString() }, { field: 'createdAt', op: '<', value: range.end.toISOString() }], orderBy: [{ field: 'createdAt' }] },
    ['participantId', 'severityRank', 'createdAt', 'acknowledgedAt'],
  );
  return page.items.map(({ severityRank, ...row }) => ({ ...row, severity: SEVERITY_OF_RANK[severityRank] }));
}

/** Lessons of the participants in scope sent in the range (by their week), and those answered: two counts on the (weekStart, reflectionAt) index. */
async function lessonCounts(store: DocumentStore, range: ReportRange, scope: string[]): Promise<LessonCounts> {
  const where: Condition[] = [
    { field: 'weekStart', op: '>=', value: range.from },
    { field: 'weekStart', op: '<=', value: range.to },
    { field: 'pk', op: 'in', value: scope },
  ];
  const sent = await store.count(LESSON_DELIVERIES, { where });
  return { sent, answered: await store.count(LESSON_DELIVERIES, { where: [...where, { field: 'reflectionAt', op: '!=', value: null }] }) };
}
