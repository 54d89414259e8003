import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { Clock } from '../clock';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { addDays, daysBetween, localDateOf, wallTimeToInstant } from './localTime';
import { Participant, Track, TRACKS } from './participant';
import { queryAll } from '../store/queryAll';

export const SESSIONS_COLLECTION = 'sessions';
/** Every session lives in one small partition, read whole (a program has tens of sessions, not thousands). */
export const SESSIONS_PK = 'program';

export const SESSION_KINDS = ['group', 'individual', 'family'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A group, individual or family session of the program; weekly ones repeat on the weekday of `startLocal`. */
export interface ProgramSession extends DocBase {
  pk: typeof SESSIONS_PK;
  /** A locale key (e.g. 'sessions:title.process') or free text from the schedule; one of them is set. */
  title: { key: string | null; text: string | null };
  kind: SessionKind;
  /** First occurrence, local wall time 'YYYY-MM-DDTHH:mm' in `timeZone`. */
  startLocal: string;
  /** Local wall time 'HH:mm' the session ends (on the next day when not after the start). */
  endLocal: string;
  timeZone: string;
  location: string | null;
  link: string | null;
  /** Everyone on this track attends; `participantIds` adds people on other tracks. */
  track: Track | null;
  participantIds: string[];
  recurrence: 'none' | 'weekly';
  /** Last local date a weekly session may occur on (inclusive). */
  until: string | null;
  /** Local dates (YYYY-MM-DD) on which an occurrence does not take place. */
  cancelledDates: string[];
  createdAt: string;
}

/** One concrete meeting of a session. */
export interface SessionOccurrence {
  sessionId: string;
  /** `${sessionId}@${localDate}`: stable key of this meeting (reminder ledger, "can't make it"). */
  occurrenceId: string;
  /** Local date in the session's time zone. */
  localDate: string;
  start: Date;
  end: Date;
  session: ProgramSession;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const validDate = (v: string) => DateTime.fromISO(v).isValid;

/** What an operator or import supplies for a new session (validated before anything is written). */
export const newSessionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"')
      .optional(),
    title: z.object({ key: z.string().min(1).nullable(), text: z.string().min(1).max(200).nullable() }),
    kind: z.enum(SESSION_KINDS),
    startLocal: z.string().regex(LOCAL_DATE_TIME, 'must be YYYY-MM-DDTHH:mm').refine(validDate, 'is not a real date'),
    endLocal: z.string().regex(LOCAL_TIME, 'must be HH:mm'),
    timeZone: z.string().refine((zone) => DateTime.local().setZone(zone).isValid, 'must be an IANA time zone'),
    location: z.string().min(1).max(200).nullable(),
    link: z.string().url().nullable(),
    track: z.enum(TRACKS).nullable(),
    participantIds: z.array(z.string().min(1)),
    recurrence: z.enum(['none', 'weekly']),
    until: z.string().regex(LOCAL_DATE, 'must be YYYY-MM-DD').refine(validDate, 'is not a real date').nullable(),
    cancelledDates: z.array(z.string().regex(LOCAL_DATE, 'must be YYYY-MM-DD').refine(validDate, 'is not a real date')),
  })
  .superRefine((s, ctx) => {
    if (!s.title.key && !s.title.text) ctx.addIssue({ code: 'custom', path: ['title'], message: 'needs a key or a text' });
    if (!s.track && s.participantIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['track'], message: 'set a track or at least one participant' });
    }
    if (s.until && s.until < s.startLocal.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'is before the first occurrence' });
    }
    if (s.recurrence === 'none' && s.until) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'only applies to weekly sessions' });
    }
  });

export type NewSession = z.input<typeof newSessionSchema>;

/** Does this participant attend this session (their track, or named on it)? */
export function attends(session: ProgramSession, participant: Pick<Participant, 'id' | 'track'>): boolean {
  return session.participantIds.includes(participant.id) || (session.track !== null && session.track === participant.track);
}

/**
 * The occurrence of `session` on a local date, or undefined when it has none
 * that day. Wall times are placed with `wallTimeToInstant`: a start in the
 * spring-forward gap moves past the gap, a start in the repeated fall hour
 * takes its first reading.
 */
export function occurrenceOn(session: ProgramSession, localDate: string): SessionOccurrence | undefined {
  const firstDate = session.startLocal.slice(0, 10);
  if (localDate < firstDate || session.cancelledDates.includes(localDate)) return undefined;
  if (session.recurrence === 'none' && localDate !== firstDate) return undefined;
  if (session.recurrence === 'weekly') {
    if (session.until && localDate > session.until) return undefined;
    if (daysBetween(firstDate, localDate) % 7 !== 0) return undefined;
  }
  const startTime = session.startLocal.slice(11, 16);
  const endDate = session.endLocal <= startTime ? addDays(localDate, 1) : localDate;
  return {
    sessionId: session.id,
    occurrenceId: `${session.id}@${localDate}`,
    localDate,
    start: wallTimeToInstant(localDate, startTime, session.timeZone),
    end: wallTimeToInstant(endDate, session.endLocal, session.timeZone),
    session,
  };
}

/**
 * Occurrences of one session starting in [from, to), in order. Walks week by
 * week from the first one at or after `from`, so it costs O(occurrences in range).
 */
export function occurrencesBetween(session: ProgramSession, from: Date, to: Date): SessionOccurrence[] {
  const firstDate = session.startLocal.slice(0, 10);
  if (session.recurrence === 'none') {
    const only = occurrenceOn(session, firstDate);
    return only && only.start >= from && only.start < to ? [only] : [];
  }
  // Start a day early: the local date of `from` may already be past a meeting that starts late at night.
  const fromDate = addDays(localDateOf(from, session.timeZone), -1);
  const weeks = fromDate > firstDate ? Math.ceil(daysBetween(firstDate, fromDate) / 7) : 0;
  const out: SessionOccurrence[] = [];
  for (let localDate = addDays(firstDate, weeks * 7); ; localDate = addDays(localDate, 7)) {
    if (session.until && localDate > session.until) break;
    if (wallTimeToInstant(localDate, '00:00', session.timeZone) >= to) break;
    const occ = occurrenceOn(session, localDate);
    if (occ && occ.start >= from && occ.start < to) out.push(occ);
  }
  return out;
}

/** How far ahead `upcomingOccurrences` looks: a cancelled run of weekly meetings never makes it loop forever. */
const HORIZON_DAYS = 400;

/**
 * The next `count` occurrences (start ≥ `from`) of the sessions this
 * participant attends, earliest first, cancelled dates left out.
 */
export function upcomingOccurrences(
  sessions: readonly ProgramSession[],
  participant: Pick<Participant, 'id' | 'track'>,
  from: Date,
  count: number,
): SessionOccurrence[] {
  if (count <= 0) return [];
  const mine = sessions.filter((s) => attends(s, participant));
  const all: SessionOccurrence[] = [];
  // Widen the window until enough occurrences turn up (most programs meet daily, so a week usually does).
  for (let days = 8; ; days *= 4) {
    const to = new Date(from.getTime() + Math.min(days, HORIZON_DAYS) * 86_400_000);
    all.length = 0;
    for (const s of mine) all.push(...occurrencesBetween(s, from, to));
    if (all.length >= count || days >= HORIZON_DAYS) break;
  }
  all.sort((a, b) => a.start.getTime() - b.start.getTime() || a.sessionId.localeCompare(b.sessionId));
  return all.slice(0, count);
}

/** Program sessions in the store (collection 'sessions', one partition). */
export class ProgramSessions {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  /** Validates then stores a new session; throws ZodError on bad input, ConflictError on a taken id. */
  async add(input: NewSession): Promise<Stored<ProgramSession>> {
    return this.store.create<ProgramSession>(SESSIONS_COLLECTION, this.prepare(input));
  }

  /**
   * Validates a session without storing it: what `add` would write. The CSV
   * import checks every row this way before it writes any.
   */
  prepare(input: NewSession): ProgramSession {
    const s = newSessionSchema.parse(input);
    return {
      ...s,
      id: s.id ?? randomUUID(),
      pk: SESSIONS_PK,
      cancelledDates: [...new Set(s.cancelledDates)].sort(),
      createdAt: this.clock().toISOString(),
    };
  }

  async get(id: string): Promise<Stored<ProgramSession> | undefined> {
    return this.store.get<ProgramSession>(SESSIONS_COLLECTION, SESSIONS_PK, id);
  }

  async list(): Promise<Stored<ProgramSession>[]> {
    return queryAll<ProgramSession>(this.store, SESSIONS_COLLECTION, { pk: SESSIONS_PK, orderBy: [{ field: 'startLocal' }], limit: 500 });
  }

  /**
   * Cancels the occurrence on a local date. Idempotent; throws when the session
   * is unknown or has no occurrence that day.
   */
  async cancel(id: string, localDate: string): Promise<Stored<ProgramSession>> {
    const result = await updateDocument<ProgramSession>(this.store, SESSIONS_COLLECTION, SESSIONS_PK, id, (next) => {
      if (next.cancelledDates.includes(localDate)) return undefined;
      if (!occurrenceOn(next, localDate)) throw new Error(`session ${id} does not meet on ${localDate}`);
      next.cancelledDates = [...next.cancelledDates, localDate].sort();
      return next;
    });
    if (!result) throw new Error(`session ${id} not found`);
    return result.doc;
  }
}
