import { ConflictError, DocBase, DocumentStore, PreconditionFailedError, Stored } from '../store/port';

export const DUE = 'outreachDue';

export const OUTREACH_KINDS = ['checkin', 'followup', 'reminder'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

/**
 * The next instant something is due for one participant, one per kind:
 * pk = participantId, id = kind. The tick reads the entries with dueAt ≤ now
 * through the dueAt index; each handled entry is replaced by the next one of
 * its chain (tomorrow's prompt, the next session's reminder) or deleted.
 */
export interface DueEntry extends DocBase {
  id: OutreachKind;
  participantId: string;
  kind: OutreachKind;
  /** ISO instant (UTC, toISOString) the message falls due. */
  dueAt: string;
  /** Check-in prompt and follow-up: the participant's local date the message is about. */
  localDate: string | null;
  /** Reminder: `${sessionId}@${localDate}` of the meeting. */
  occurrenceId: string | null;
  /** Reminder: the meeting's start; after it a reminder is no use. */
  sessionStart: string | null;
  updatedAt: string;
}

export type NewDueEntry = Omit<DueEntry, 'id' | 'pk' | 'updatedAt'>;

function toDoc(entry: NewDueEntry, now: Date): DueEntry {
  return { ...entry, id: entry.kind, pk: entry.participantId, updatedAt: now.toISOString() };
}

/** Due entries in the store. Writes on an entry read before are conditional on its eTag. */
export class DueEntries {
  constructor(private readonly store: DocumentStore) {}

  /** Every entry due at or before `at`, oldest first: one indexed range query (no scan of participants). */
  async dueBy(at: Date): Promise<Stored<DueEntry>[]> {
    const out: Stored<DueEntry>[] = [];
    let continuation: string | undefined;
    // All pages are read before any entry is handled: handling moves entries, which would shift later pages.
    do {
      const page = await this.store.query<DueEntry>(DUE, {
        where: [{ field: 'dueAt', op: '<=', value: at.toISOString() }],
        orderBy: [{ field: 'dueAt' }],
        limit: 1000,
        continuation,
      });
      out.push(...page.items);
      continuation = page.continuation;
    } while (continuation);
    return out;
  }

  async get(participantId: string, kind: OutreachKind): Promise<Stored<DueEntry> | undefined> {
    return this.store.get<DueEntry>(DUE, participantId, kind);
  }

  async forParticipant(participantId: string): Promise<Stored<DueEntry>[]> {
    const found = await Promise.all(OUTREACH_KINDS.map((kind) => this.get(participantId, kind)));
    return found.filter((e): e is Stored<DueEntry> => e !== undefined);
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
   * Makes the participant's entry of this kind equal `next` (or absent), unless
   * `keep` says the current one must stay. Retries on concurrent changes.
   */
  async set(
    participantId: string,
    kind: OutreachKind,
    next: NewDueEntry | null,
    now: Date,
    keep: (current: Stored<DueEntry>) => boolean = () => false,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(participantId, kind);
      if (current && keep(current)) return;
      try {
        if (!current) {
          if (next) await this.store.create<DueEntry>(DUE, toDoc(next, now));
          return;
        }
        if (next && sameDue(current, next)) return;
        if (await this.advance(current, next, now)) return;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    throw new Error(`outreach entry ${participantId}/${kind} kept changing`);
  }

  /** Creates or overwrites an entry (the follow-up of a prompt just sent: last writer wins on purpose). */
  async put(entry: NewDueEntry, now: Date): Promise<void> {
    await this.store.upsert<DueEntry>(DUE, toDoc(entry, now));
  }

  async remove(participantId: string, kind: OutreachKind): Promise<void> {
    await this.store.delete(DUE, participantId, kind);
  }
}

function sameDue(a: DueEntry, b: NewDueEntry): boolean {
  return a.dueAt === b.dueAt && a.localDate === b.localDate && a.occurrenceId === b.occurrenceId && a.sessionStart === b.sessionStart;
}
