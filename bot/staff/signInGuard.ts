import { createHash } from 'node:crypto';
import { Clock } from '../clock';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { normalizeEmail } from './staffAccounts';

export const STAFF_SIGNINS = 'staffSignins';

/**
 * Failed sign-ins per email tried. Kept for any email, known or not, so a
 * locked or slowed answer says nothing about whether an account exists.
 */
interface SignInRecord extends DocBase {
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
}

export interface SignInPolicy {
  /** Failures in a row that lock the email. */
  maxFailures: number;
  lockMinutes: number;
  /** Delay before answering an attempt that follows a failure; doubles with each further failure up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type GuardState = { locked: true; lockedUntil: Date } | { locked: false; delayMs: number };

/**
 * Slows repeated failed sign-ins, then locks the email for a while. A lock is
 * not lifted by the right password: that is the point of it.
 */
export class SignInGuard {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly policy: SignInPolicy,
  ) {}

  /** Whether this email may try now, and how long to wait before answering. */
  async check(email: string): Promise<GuardState> {
    const record = await this.current(email);
    if (!record) return { locked: false, delayMs: 0 };
    if (record.lockedUntil) return { locked: true, lockedUntil: new Date(record.lockedUntil) };
    return { locked: false, delayMs: this.delayFor(record.failures) };
  }

  /** Counts a failure; returns the state after it (locked once maxFailures is reached). */
  async recordFailure(email: string): Promise<GuardState> {
    const id = recordId(email);
    const now = this.clock();
    const failed = (previous: SignInRecord | undefined): SignInRecord => {
      const failures = (previous && this.stillCounts(previous, now) ? previous.failures : 0) + 1;
      const lockedUntil = failures >= this.policy.maxFailures ? new Date(now.getTime() + this.policy.lockMinutes * 60_000) : null;
      return { id, pk: id, failures, lastFailureAt: now.toISOString(), lockedUntil: lockedUntil?.toISOString() ?? null };
    };
    const { doc } = await updateDocument<SignInRecord>(this.store, STAFF_SIGNINS, id, id, failed, { create: () => failed(undefined) });
    return doc.lockedUntil ? { locked: true, lockedUntil: new Date(doc.lockedUntil) } : { locked: false, delayMs: this.delayFor(doc.failures) };
  }

  async recordSuccess(email: string): Promise<void> {
    const id = recordId(email);
    await this.store.delete(STAFF_SIGNINS, id, id);
  }

  /** Operator's unlock (npm run admin -- staff unlock). */
  async clear(email: string): Promise<void> {
    await this.recordSuccess(email);
  }

  /**
   * The record as it counts now: a lock that ran out, or failures older than
   * the lock window, start the count afresh.
   */
  private async current(email: string): Promise<Stored<SignInRecord> | undefined> {
    const id = recordId(email);
    const record = await this.store.get<SignInRecord>(STAFF_SIGNINS, id, id);
    return record && this.stillCounts(record, this.clock()) ? record : undefined;
  }

  private stillCounts(record: SignInRecord, at: Date): boolean {
    const now = at.getTime();
    if (record.lockedUntil && new Date(record.lockedUntil).getTime() > now) return true;
    return !record.lockedUntil && now - new Date(record.lastFailureAt).getTime() <= this.policy.lockMinutes * 60_000;
  }

  private delayFor(failures: number): number {
    if (failures < 1) return 0;
    return Math.min(this.policy.baseDelayMs * 2 ** (failures - 1), this.policy.maxDelayMs);
  }
}

function recordId(email: string): string {
  return createHash('sha256').update(`signin:${normalizeEmail(email)}`).digest('hex');
}
