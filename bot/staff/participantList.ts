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
  const windows = new Map<string, AdherenceWindow>();
  return Promise.all(
    participants.map(async (p) => {
      let window = windows.get(p.timeZone);
      if (!window) windows.set(p.timeZone, (window = adherenceWindow(now, p.timeZone)));
      const [recent, openFlags] = await Promise.all([recentCheckins(deps.store, p.id, window), deps.flags.openCount(p.id)]);
      const last = recent.find((c) => c.status === 'complete') ?? (await lastComplete(deps.store, p.id));
      return {
        ...summaryOf(p),
        lastCheckin: last?.localDate ?? null,
        adherence: adherenceOf(recent, p, window),
        openFlags,
        counsellor: p.assignedStaffId ? (emails.get(p.assignedStaffId) ?? null) : null,
      };
    }),
  );
}

/** The days adherence counts in one time zone: [from, today) as local dates. */
export interface AdherenceWindow {
  from: string;
  today: string;
}

/**
 * Computed once per time zone and page: converting an instant to a zone is the
 * costly part of date work (a page of 25 rows did it ~100 times, ~20 ms on a busy machine).
 */
export function adherenceWindow(now: Date, timeZone: string): AdherenceWindow {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  return { from: today.minus({ days: ADHERENCE_DAYS }).toISODate()!, today: today.toISODate()! };
}

/** Completed check-ins over the ADHERENCE_DAYS local days before today, counting only days since enrollment. */
export function adherenceOf(checkins: Pick<CheckIn, 'localDate' | 'status'>[], p: Pick<Participant, 'timeZone' | 'createdAt'>, window: AdherenceWindow): Adherence {
  const enrolled = DateTime.fromISO(p.createdAt, { zone: p.timeZone }).toISODate()!;
  const fromDate = enrolled > window.from ? enrolled : window.from;
  // Whole calendar days between two local dates: counted on the dates themselves, so a DST change does not shift them.
  const days = Math.max(0, Math.round((Date.parse(window.today) - Date.parse(fromDate)) / 86_400_000));
  const done = new Set(checkins.filter((c) => c.status === 'complete' && c.localDate >= fromDate && c.localDate < window.today).map((c) => c.localDate)).size;
  return { done, days, percent: days === 0 ? null : Math.round((100 * done) / days) };
}

/** What a row needs of a check-in: two fields, not the whole answer record (a page reads 25 people's fortnights). */
type CheckinDay = Pick<CheckIn, 'localDate' | 'status'>;
const DAY_FIELDS = ['localDate', 'status'] as const;

function recentCheckins(store: DocumentStore, participantId: string, window: AdherenceWindow): Promise<CheckinDay[]> {
  return store
    .project<CheckinDay>(CHECKINS, {
      pk: participantId,
      where: [
        { field: 'participantId', op: '=', value: participantId },
        { field: 'localDate', op: '>=', value: window.from },
      ],
      orderBy: [{ field: 'localDate', dir: 'desc' }],
      limit: ADHERENCE_DAYS + 1,
    }, DAY_FIELDS)
    .then((page) => page.items);
}

async function lastComplete(store: DocumentStore, participantId: string): Promise<CheckinDay | undefined> {
  const page = await store.project<CheckinDay>(CHECKINS, {
    pk: participantId,
    where: [
      { field: 'participantId', op: '=', value: participantId },
      { field: 'status', op: '=', value: 'complete' },
    ],
    orderBy: [{ field: 'localDate', dir: 'desc' }],
    limit: 1,
  }, DAY_FIELDS);
  return page.items[0];
}
