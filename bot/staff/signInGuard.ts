import { createHash } from 'node:crypto';
import { Clock } from '../clock';
import { Logger } from '../log';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { normalizeEmail } from './staffAccounts';

export const STAFF_SIGNINS = 'staffSignins';

/**
 * Failed sign-ins of one source: an email tried from one client address.
 * Kept for any email, known or not, so a locked or slowed answer says nothing
 * about whether an account exists.
 */
interface SourceRecord extends DocBase {
  kind: 'source';
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
}

/** Failed sign-ins on one email from every address: what a password spray leaves. */
interface AccountRecord extends DocBase {
  kind: 'account';
  failures: number;
  lastFailureAt: string | null;
  /** Hashed sources that failed on this email in the window (at most MAX_SOURCES kept). */
  sources: string[];
  /** When the spray warning was logged for this window. */
  warnedAt: string | null;
  /** The operator's unlock: source records from before it no longer count. */
  clearedAt: string | null;
}

const MAX_SOURCES = 50;

export interface SignInPolicy {
  /** Failures in a row from one source that lock that source. */
  maxFailures: number;
  /** How long a source stays locked, and how long failures are remembered. */
  lockMinutes: number;
  /** Delay before answering an attempt that follows a failure; doubles with each further failure up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type GuardState = { locked: true; lockedUntil: Date } | { locked: false; delayMs: number };

/**
 * Slows repeated failed sign-ins and locks the *source* (email + client
 * address) that keeps failing, so that someone guessing from one address
 * cannot lock the real user out: from another address the account opens with
 * the right password. Failures on one email are also counted across all
 * addresses: once they pass what a single source may make before its lock (a
 * spray over many addresses), every attempt on that email is slowed, never
 * locked, and a warning is logged once per window. A lock is not lifted by
 * the right password: that is the point of it.
 */
export class SignInGuard {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly policy: SignInPolicy,
    private readonly log: Logger,
  ) {}

  /** Whether this source may try now, and how long to wait before answering. */
  async check(email: string, source: string | null): Promise<GuardState> {
    const account = await this.account(email);
    const record = await this.source(email, source, account);
    if (record?.lockedUntil) return { locked: true, lockedUntil: new Date(record.lockedUntil) };
    return { locked: false, delayMs: Math.max(this.delayFor(record?.failures ?? 0), this.sprayDelay(account?.failures ?? 0)) };
  }

  /** Counts a failure for the source and the email; returns the source's state after it. */
  async recordFailure(email: string, source: string | null): Promise<GuardState> {
    const now = this.clock();
    const sourceId = sourceKey(email, source);
    const account = await this.update<AccountRecord>(accountKey(email), (stored) => {
      const current = stored && this.live(stored) ? stored : undefined;
      const sources = [...new Set([...(current?.sources ?? []), sourceId])].slice(-MAX_SOURCES);
      return {
        ...fresh(accountKey(email)),
        ...current,
        failures: (current?.failures ?? 0) + 1,
        lastFailureAt: now.toISOString(),
        sources,
        clearedAt: stored?.clearedAt ?? null,
      };
    });
    if (account.failures > this.policy.maxFailures && !account.warnedAt) await this.warnSpray(account);

    const record = await this.update<SourceRecord>(sourceId, (stored) => {
      const current = stored && this.sourceCounts(stored, account) ? stored : undefined;
      const failures = (current?.failures ?? 0) + 1;
      const lockedUntil = failures >= this.policy.maxFailures ? new Date(now.getTime() + this.policy.lockMinutes * 60_000).toISOString() : null;
      return { id: sourceId, pk: sourceId, kind: 'source', failures, lastFailureAt: now.toISOString(), lockedUntil };
    });
    if (record.lockedUntil) return { locked: true, lockedUntil: new Date(record.lockedUntil) };
    return { locked: false, delayMs: Math.max(this.delayFor(record.failures), this.sprayDelay(account.failures)) };
  }

  /** The source signed in: its failures are forgotten (the email's count stays: a spray goes on being slowed). */
  async recordSuccess(email: string, source: string | null): Promise<void> {
    const id = sourceKey(email, source);
    await this.store.delete(STAFF_SIGNINS, id, id);
  }

  /** Operator's unlock (npm run admin -- staff unlock): every source of the email starts afresh. */
  async clear(email: string): Promise<void> {
    const at = this.clock().toISOString();
    await this.update<AccountRecord>(accountKey(email), () => ({ ...fresh(accountKey(email)), clearedAt: at }));
  }

  private async warnSpray(account: Stored<AccountRecord>): Promise<void> {
    const marked = await this.update<AccountRecord>(account.id, (stored) => ({ ...(stored ?? fresh(account.id)), warnedAt: this.clock().toISOString() }));
    // The email is never logged; the record id (a hash of it) lets an operator tie warnings together.
    this.log.warn(
      { signInRecord: account.id.slice(0, 16), failures: marked.failures, sources: marked.sources.length, windowMinutes: this.policy.lockMinutes },
      'failed sign-ins on one account from many addresses: attempts on it are slowed',
    );
  }

  private async account(email: string): Promise<Stored<AccountRecord> | undefined> {
    const id = accountKey(email);
    const record = await this.store.get<AccountRecord>(STAFF_SIGNINS, id, id);
    return record && this.live(record) ? record : undefined;
  }

  /** The source's record as it counts now: a lock that ran out, old failures or an unlock start it afresh. */
  private async source(email: string, source: string | null, account: Stored<AccountRecord> | undefined): Promise<Stored<SourceRecord> | undefined> {
    const id = sourceKey(email, source);
    const record = await this.store.get<SourceRecord>(STAFF_SIGNINS, id, id);
    return record && this.sourceCounts(record, account) ? record : undefined;
  }

  private sourceCounts(record: SourceRecord, account: AccountRecord | undefined): boolean {
    if (account?.clearedAt && record.lastFailureAt <= account.clearedAt) return false;
    const now = this.clock().getTime();
    if (record.lockedUntil) return new Date(record.lockedUntil).getTime() > now;
    return now - new Date(record.lastFailureAt).getTime() <= this.windowMs();
  }

  /** Failures on the email older than the window are forgotten, spray warning included. */
  private live(record: AccountRecord): boolean {
    const last = [record.lastFailureAt, record.clearedAt].filter((v): v is string => v !== null).sort().pop();
    return last !== undefined && this.clock().getTime() - new Date(last).getTime() <= this.windowMs();
  }

  private windowMs(): number {
    return this.policy.lockMinutes * 60_000;
  }

  private delayFor(failures: number): number {
    if (failures < 1) return 0;
    return Math.min(this.policy.baseDelayMs * 2 ** (failures - 1), this.policy.maxDelayMs);
  }

  /** Beyond what one source may fail before its lock, every further failure on the email slows all attempts on it. */
  private sprayDelay(failures: number): number {
    return failures > this.policy.maxFailures ? this.delayFor(failures - this.policy.maxFailures) : 0;
  }

  /** Read-modify-write of one record with its eTag (store/etagUpdate.ts), created when missing. */
  private async update<T extends DocBase>(id: string, change: (stored: T | undefined) => T): Promise<Stored<T>> {
    const next = (stored: T | undefined): T => ({ ...change(stored), id, pk: id });
    const { doc } = await updateDocument<T>(this.store, STAFF_SIGNINS, id, id, (current) => next(current), { create: () => next(undefined) });
    return doc;
  }
}

function fresh(id: string): AccountRecord {
  return { id, pk: id, kind: 'account', failures: 0, lastFailureAt: null, sources: [], warnedAt: null, clearedAt: null };
}

function accountKey(email: string): string {
  return createHash('sha256').update(`signin:${normalizeEmail(email)}`).digest('hex');
}

function sourceKey(email: string, source: string | null): string {
  return createHash('sha256').update(`signin:${normalizeEmail(email)}|${source ?? 'unknown'}`).digest('hex');
}
