import { DateTime } from 'luxon';
import { CheckIn, CHECKINS } from '../domain/checkins';
import { Participant } from '../domain/participant';
import { FlagRepository } from '../flags/repository';
import { DocumentStore } from '../store/port';
import { Caseload } from './caseload';
import { ParticipantSummary, summaryOf } from './participantAdmin';

/** Check-in adherence is over this many local days before today (today's check-in may still be due). */
export const ADHERENCE_DAYS = 14;

export interface Adherence {
  /** Completed check-ins on the days counted. */
  done: number;
  /** Days counted: the window, cut to the days since enrollment. */
  days: number;
  /** Rounded percent; null when no day counts yet (enrolled today). */
  percent: number | null;
}

/** A row of the participant list: the record's summary with what a counsellor scans for. */
export interface ParticipantListItem extends ParticipantSummary {
  /** Local date of the newest completed check-in. */
  lastCheckin: string | null;
  adherence: Adherence;
  openFlags: number;
  /** The assigned counsellor's email. */
  counsellor: string | null;
}

/**
 * The rows of one page of participants: per participant two queries in its own
 * partition (its recent check-ins, its open flags) and one point read per
 * distinct counsellor. A page is 25 people, so this stays small whatever the
 * size of the program.
 */
export async function participantListItems(
  deps: { store: DocumentStore; flags: FlagRepository; caseload: Caseload },
  participants: Participant[],
  now: Date,
): Promise<ParticipantListItem[]> {
  const emails = await deps.caseload.emails(participants.map((p) => p.assignedStaffId));
  return Promise.all(
    participants.map(async (p) => {
      const [recent, openFlags] = await Promise.all([recentCheckins(deps.store, p, now), deps.flags.openCount(p.id)]);
      const last = recent.find((c) => c.status === 'complete') ?? (await lastComplete(deps.store, p.id));
      return {
        ...summaryOf(p),
        lastCheckin: last?.localDate ?? null,
        adherence: adherenceOf(recent, p, now),
        openFlags,
        counsellor: p.assignedStaffId ? (emails.get(p.assignedStaffId) ?? null) : null,
      };
    }),
  );
}

/** Completed check-ins over the ADHERENCE_DAYS local days before today, counting only days since enrollment. */
export function adherenceOf(checkins: Pick<CheckIn, 'localDate' | 'status'>[], p: Pick<Participant, 'timeZone' | 'createdAt'>, now: Date): Adherence {
  const today = DateTime.fromJSDate(now, { zone: p.timeZone }).startOf('day');
  const enrolled = DateTime.fromISO(p.createdAt, { zone: p.timeZone }).startOf('day');
  const from = DateTime.max(today.minus({ days: ADHERENCE_DAYS }), enrolled);
  const days = Math.max(0, Math.round(today.diff(from, 'days').days));
  const fromDate = from.toISODate()!;
  const todayDate = today.toISODate()!;
  const done = new Set(checkins.filter((c) => c.status === 'complete' && c.localDate >= fromDate && c.localDate < todayDate).map((c) => c.localDate)).size;
  return { done, days, percent: days === 0 ? null : Math.round((100 * done) / days) };
}

function recentCheckins(store: DocumentStore, p: Participant, now: Date): Promise<CheckIn[]> {
  const from = DateTime.fromJSDate(now, { zone: p.timeZone }).minus({ days: ADHERENCE_DAYS }).toISODate()!;
  return store
    .query<CheckIn>(CHECKINS, {
      pk: p.id,
      where: [
        { field: 'participantId', op: '=', value: p.id },
        { field: 'localDate', op: '>=', value: from },
      ],
      orderBy: [{ field: 'localDate', dir: 'desc' }],
      limit: ADHERENCE_DAYS + 1,
    })
    .then((page) => page.items);
}

async function lastComplete(store: DocumentStore, participantId: string): Promise<CheckIn | undefined> {
  const page = await store.query<CheckIn>(CHECKINS, {
    pk: participantId,
    where: [
      { field: 'participantId', op: '=', value: participantId },
      { field: 'status', op: '=', value: 'complete' },
    ],
    orderBy: [{ field: 'localDate', dir: 'desc' }],
    limit: 1,
  });
  return page.items[0];
}
