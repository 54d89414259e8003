import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, PreconditionFailedError, Stored } from '../store/port';

export const DUE = 'outreachDue';

export const OUTREACH_KINDS = ['checkin', 'followup', 'reminder', 'lesson'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

/**
 * Each participant has at most three entries: the daily cycle (check-in prompt,
 * then its follow-up, then the next day's prompt), the next reminder and the
 * next weekly lesson.
 */
export const DUE_SLOTS = ['daily', 'reminder', 'lesson'] as const;
export type DueSlot = (typeof DUE_SLOTS)[number];

export function slotOf(kind: OutreachKind): DueSlot {
  return kind === 'reminder' || kind === 'lesson' ? kind : 'daily';
}

/**
 * The next instant something is due for one participant, per slot:
 * pk = participantId, id = slot. The tick reads the entries with dueAt ≤ now
 * through the dueAt index; each handled entry is replaced by the next one of
 * its chain (the follow-up, tomorrow's prompt, the next session's reminder)
 * or deleted. One write moves a chain on.
 */
interface DueEntryBase extends DocBase {
  id: DueSlot;
  participantId: string;
  /** ISO instant (UTC, toISOString) the message falls due. */
  dueAt: string;
  updatedAt: string;
}

/** The check-in prompt or its follow-up: about one local day of the participant. */
export interface DailyDueEntry extends DueEntryBase {
  kind: 'checkin' | 'followup';
  /** The participant's local date the message is about. */
  localDate: string;
  occurrenceId: null;
  sessionStart: null;
}

/** A session reminder: about one meeting. */
export interface ReminderDueEntry extends DueEntryBase {
  kind: 'reminder';
  localDate: null;
  /** `${sessionId}@${localDate}` of the meeting. */
  occurrenceId: string;
  /** The meeting's start; after it a reminder is no use. */
  sessionStart: string;
}

/** The week's lesson: goes out on the track's lesson day at the check-in time (bot/lessons/lessonSchedule.ts). */
export interface LessonDueEntry extends DueEntryBase {
  kind: 'lesson';
  /** The participant's local date of the lesson day. */
  localDate: string;
  occurrenceId: null;
  sessionStart: null;
}

/** What is due, told apart by its kind (stored with every shape's fields, the unused ones null). */
export type DueEntry = DailyDueEntry | ReminderDueEntry | LessonDueEntry;

type Unplaced<E extends DueEntry> = Omit<E, 'id' | 'pk' | 'updatedAt'>;
export type NewDailyDueEntry = Unplaced<DailyDueEntry>;
export type NewReminderDueEntry = Unplaced<ReminderDueEntry>;
export type NewLessonDueEntry = Unplaced<LessonDueEntry>;
export type NewDueEntry = NewDailyDueEntry | NewReminderDueEntry | NewLessonDueEntry;

function toDoc(entry: NewDueEntry, now: Date): DueEntry {
  return { ...entry, id: slotOf(entry.kind), pk: entry.participantId, updatedAt: now.toISOString() };
}

/** Due entries in the store. Writes on an entry read before are conditional on its eTag. */
export class DueEntries {
  constructor(private readonly store: DocumentStore) {}

  /**
   * Every entry due at or before `at`, oldest first: one range query on the
   * dueAt index (no scan of participants). The ORDER BY is what makes SQLite
   * walk the dueAt index (the adapter always orders, by pk and id at least);
   * on Cosmos DB it is served by the declared composite index.
   */
  async dueBy(at: Date): Promise<Stored<DueEntry>[]> {
    // All of it is read before any entry is handled: handling moves entries, which would shift later pages.
    const { items } = await this.store.query<DueEntry>(DUE, {
      where: [{ field: 'dueAt', op: '<=', value: at.toISOString() }],
      orderBy: [{ field: 'dueAt' }],
    });
    return items;
  }

  async get(participantId: string, slot: DueSlot): Promise<Stored<DueEntry> | undefined> {
    return this.store.get<DueEntry>(DUE, participantId, slot);
  }

  /**
   * Replaces a handled entry with the next of its chain, or deletes it (`next`
   * null). False when the entry changed since it was read: someone else (a
   * concurrent tick, a reschedule) already moved it, and theirs stands.
   */
  async advance(entry: Stored<DueEntry>, next: NewDueEntry | null, now: Date): Promise<boolean> {
    try {
      if (next) await this.store.replace<DueEntry>(DUE, toDoc(next, now), entry._etag);
      else await this.store.delete(DUE, entry.pk, entry.id, entry._etag);
      return true;
    } catch (err) {
      if (err instanceof PreconditionFailedError) return false;
      throw err;
    }
  }

  /**
   * Makes the participant's entry in this slot equal `next` (or absent), unless
   * `keep` says the current one must stay. Retries on concurrent changes.
   */
  async set(
    participantId: string,
    slot: DueSlot,
    next: NewDueEntry | null,
    now: Date,
    keep: (current: DueEntry) => boolean = () => false,
  ): Promise<void> {
    const change = (current: DueEntry) => {
      if (keep(current) || (next && sameDue(current, next))) return undefined;
      return next ? toDoc(next, now) : null;
    };
    await updateDocument<DueEntry>(this.store, DUE, participantId, slot, change, next ? { create: () => toDoc(next, now) } : {});
  }

  async remove(participantId: string, slot: DueSlot): Promise<void> {
    await this.store.delete(DUE, participantId, slot);
  }
}

function sameDue(a: DueEntry, b: NewDueEntry): boolean {
  return a.dueAt === b.dueAt && a.localDate === b.localDate && a.occurrenceId === b.occurrenceId && a.sessionStart === b.sessionStart;
}
