import { ConflictError, DocBase, DocumentStore, PreconditionFailedError, Stored } from '../store/port';
import { OutreachKind } from './dueEntries';

export const LEDGER = 'outreachLedger';

export type LedgerState = 'claimed' | 'sent' | 'failed';

/**
 * One message that was (or is being) sent: pk = participantId, id = its key.
 * Created by a conditional insert, so of all instances and ticks exactly one
 * holds the claim; the lease lets a later tick take over a claim whose holder
 * died between claim and send.
 */
export interface LedgerEntry extends DocBase {
  participantId: string;
  kind: OutreachKind;
  localDate: string | null;
  occurrenceId: string | null;
  state: LedgerState;
  /** Which scheduler instance holds (or last held) the claim. */
  owner: string;
  leaseUntil: string;
  claimedAt: string;
  /** Claims taken over after a lease ran out. */
  takeovers: number;
  /**
   * The fencing token: 1 for the first claim, one more per takeover. Every
   * later write of a holder (renew, finish, release) is conditional on the
   * eTag of its own claim, so a holder whose claim was taken over learns it
   * there and stops; the token says which holder wrote what.
   */
  fence: number;
  channelId: string | null;
  sentAt: string | null;
  /** Why it failed: 'transient' (retries used up), 'unreachable', 'rejected'. */
  failure: string | null;
}

/** `checkin:2026-12-01`, `followup:2026-12-01`, `reminder:<sessionId>@2026-12-01`. */
export function ledgerKey(kind: OutreachKind, localDateOrOccurrence: string): string {
  return `${kind}:${localDateOrOccurrence}`;
}

export type Claim =
  | { status: 'acquired'; entry: Stored<LedgerEntry> }
  /** Another live claim holds it: leave it to that holder. */
  | { status: 'held' }
  /** Already sent or failed: nothing to send. */
  | { status: 'done'; entry: Stored<LedgerEntry> };

export class Ledger {
  constructor(private readonly store: DocumentStore) {}

  async get(participantId: string, key: string): Promise<Stored<LedgerEntry> | undefined> {
    return this.store.get<LedgerEntry>(LEDGER, participantId, key);
  }

  /** Claims a message for `owner` until `now + leaseMs`. */
  async claim(
    key: string,
    fields: Pick<LedgerEntry, 'participantId' | 'kind' | 'localDate' | 'occurrenceId'>,
    owner: string,
    now: Date,
    leaseMs: number,
  ): Promise<Claim> {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    try {
      const entry = await this.store.create<LedgerEntry>(LEDGER, {
        ...fields,
        id: key,
        pk: fields.participantId,
        state: 'claimed',
        owner,
        leaseUntil,
        claimedAt: now.toISOString(),
        takeovers: 0,
        fence: 1,
        channelId: null,
        sentAt: null,
        failure: null,
      });
      return { status: 'acquired', entry };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
    const existing = await this.get(fields.participantId, key);
    if (!existing) return { status: 'held' }; // deleted under us: let a later tick decide
    if (existing.state !== 'claimed') return { status: 'done', entry: existing };
    if (existing.leaseUntil > now.toISOString()) return { status: 'held' };
    // The holder's lease ran out before it recorded a result: it died (or hung). Take over, conditionally.
    const { _etag, ...doc } = existing;
    try {
      const entry = await this.store.replace<LedgerEntry>(
        LEDGER,
        { ...doc, owner, leaseUntil, claimedAt: now.toISOString(), takeovers: doc.takeovers + 1, fence: (doc.fence ?? 1) + 1 },
        _etag,
      );
      return { status: 'acquired', entry };
    } catch (err) {
      if (err instanceof PreconditionFailedError) return { status: 'held' };
      throw err;
    }
  }

  /**
   * Extends a claim to `until` (a holder about to wait). The renewed claim, or
   * undefined when it is no longer this holder's: taken over after its lease
   * ran out, so the new holder sends and this one must not.
   */
  async renew(claimed: Stored<LedgerEntry>, until: Date): Promise<Stored<LedgerEntry> | undefined> {
    return this.conditional(() => this.store.replace<LedgerEntry>(LEDGER, { ...withoutEtag(claimed), leaseUntil: until.toISOString() }, claimed._etag));
  }

  /**
   * Records the result of a claim, only while the claim is still the
   * holder's own (its eTag). Undefined when it was taken over: the current
   * holder records its own result.
   */
  async finish(
    claimed: Stored<LedgerEntry>,
    result: Pick<LedgerEntry, 'state' | 'channelId' | 'sentAt' | 'failure'>,
  ): Promise<Stored<LedgerEntry> | undefined> {
    return this.conditional(() => this.store.replace<LedgerEntry>(LEDGER, { ...withoutEtag(claimed), ...result }, claimed._etag));
  }

  /** Gives a claim up without a result (the message waits for a later tick); a no-op when it was taken over. */
  async release(claimed: Stored<LedgerEntry>): Promise<void> {
    await this.conditional(() => this.store.delete(LEDGER, claimed.pk, claimed.id, claimed._etag));
  }

  private async conditional<T>(write: () => Promise<T>): Promise<T | undefined> {
    try {
      return await write();
    } catch (err) {
      if (err instanceof PreconditionFailedError) return undefined;
      throw err;
    }
  }

  /** The local dates of the participant's check-in prompts that went out before `localDate`, newest first. */
  async promptDatesBefore(participantId: string, localDate: string, limit: number): Promise<string[]> {
    const page = await this.store.query<LedgerEntry>(LEDGER, {
      pk: participantId,
      where: [
        { field: 'kind', op: '=', value: 'checkin' },
        { field: 'state', op: '=', value: 'sent' },
        { field: 'localDate', op: '<', value: localDate },
      ],
      orderBy: [{ field: 'localDate', dir: 'desc' }],
      limit,
    });
    return page.items.flatMap((entry) => (entry.localDate === null ? [] : [entry.localDate]));
  }
}

function withoutEtag(doc: Stored<LedgerEntry>): LedgerEntry {
  const { _etag, ...rest } = doc;
  return rest;
}
