import { createHash } from 'node:crypto';
import { Channels } from 'botbuilder';
import { Logger } from '../log';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, isWriteConflict } from '../store/port';
import { KeyedQueue } from '../turn/keyedQueue';

export interface RateLimits {
  /** Whole SMS channel (one sending number): sends per second; 0 = no limit. */
  smsPerSecond: number;
  /** Each Teams conversation: sends per second; 0 = no limit. */
  teamsPerSecondPerConversation: number;
}

export type Sleep = (ms: number) => Promise<void>;
/**
 * A timer may fire up to a millisecond early (the event loop's clock has
 * whole milliseconds): the spare one makes a wait at least as long as asked,
 * which pacing measured at the receiver needs.
 */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.ceil(ms) + 1));

export const PACING = 'outreachPacing';

/**
 * One destination's pacing, shared by every instance. pk = id = SHA-256 of
 * the limiter key (a Teams conversation id stays out of the store). Times are
 * epoch milliseconds.
 */
interface PacingRecord extends DocBase {
  /** The earliest a send may start once nobody holds the key. */
  nextFreeAt: number;
  /** The send in progress: its fencing token and when its lease ends (a dead holder's hold runs out). */
  holder: { fence: number; until: number } | null;
  /** The last token handed out: one more per hold. */
  fence: number;
}

/** A hold on a key: the slot it starts at, its token, and the eTag of the write that took it. */
interface Hold {
  id: string;
  slot: number;
  fence: number;
  etag: string;
}

export interface RateLimiterOptions {
  sleep?: Sleep;
  /** Epoch milliseconds (tests pass a clock moved by their `sleep`). */
  now?: () => number;
  /** How long one send may hold its key before another instance may take it (longer than the outbound timeout). */
  holdMs?: number;
  log?: Logger;
}

/** Instances that contend for one key each retry their write this often before giving up. */
const WRITE_ATTEMPTS = 50;

function recordId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Wall-clock milliseconds with sub-millisecond resolution: the spacing is
 * measured at the receiver, so a rounding of the end of a send must not
 * shorten the next gap.
 */
const wallClock = () => performance.timeOrigin + performance.now();

/**
 * Spaces sends per key across every instance on the store, as the receiver
 * sees them: SMS share one key (carriers throttle per sending number), Teams
 * gets one key per conversation (its per-conversation limit). A send holds
 * its key from before it starts until it ends (reserve, send, release), and
 * the release sets the next free start to the end of the send plus the
 * interval: whatever a send's latency, the next one cannot arrive sooner
 * than one interval after it. Holding and releasing are eTag-conditional
 * writes on the key's pacing record carrying a fencing token, so exactly
 * one instance holds a key at a time and a holder that died lets go when
 * its lease (`holdMs`) runs out. Sends of one process queue locally (one
 * at a time per key), so instances contend on the record, not every sender
 * of each. A 429 pushes the key's next start past the Retry-After the
 * channel gave. Times are wall-clock milliseconds, so the instances' clocks
 * must agree (NTP); skew between them shortens a gap by as much.
 */
export class RateLimiter {
  private readonly local = new KeyedQueue();
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly holdMs: number;

  constructor(
    private readonly store: DocumentStore,
    private readonly limits: RateLimits,
    private readonly options: RateLimiterOptions = {},
  ) {
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? wallClock;
    this.holdMs = options.holdMs ?? 30_000;
  }

  /** The limiter key of a destination, or undefined when that channel is not limited. */
  keyFor(channelId: string, conversationId: string): string | undefined {
    if (channelId === Channels.Sms) return this.limits.smsPerSecond > 0 ? 'sms' : undefined;
    if (channelId === Channels.Msteams) return this.limits.teamsPerSecondPerConversation > 0 ? `msteams:${conversationId}` : undefined;
    return undefined;
  }

  /** Runs `send` in the destination's next slot, holding the destination until it ends (at once on a channel without a limit). */
  async run<T>(channelId: string, conversationId: string, send: () => Promise<T>): Promise<T> {
    const key = this.keyFor(channelId, conversationId);
    if (key === undefined) return send();
    const interval = 1000 / (channelId === Channels.Sms ? this.limits.smsPerSecond : this.limits.teamsPerSecondPerConversation);
    return this.local.run(key, async () => {
      const hold = await this.take(recordId(key), interval);
      const wait = hold.slot - this.now();
      if (wait > 0) await this.sleep(wait);
      try {
        return await send();
      } finally {
        await this.release(hold, interval);
      }
    });
  }

  /**
   * The channel said "too many requests": nothing more goes to this
   * destination for `ms`. False when the destination is not paced here (the
   * caller waits out the Retry-After itself).
   */
  async backOff(channelId: string, conversationId: string, ms: number): Promise<boolean> {
    const key = this.keyFor(channelId, conversationId);
    if (key === undefined) return false;
    const id = recordId(key);
    await this.local.run(key, () =>
      updateDocument<PacingRecord>(this.store, PACING, id, id, (current) => ({ ...current, nextFreeAt: Math.max(current.nextFreeAt, this.now() + ms) }), {
        create: () => ({ id, pk: id, nextFreeAt: this.now() + ms, holder: null, fence: 0 }),
        attempts: WRITE_ATTEMPTS,
      }),
    );
    return true;
  }

  /** Takes the key for the next free slot, waiting while another instance's send holds it. */
  private async take(id: string, interval: number): Promise<Hold> {
    for (;;) {
      let taken: Omit<Hold, 'etag'> | undefined;
      let busyUntil = 0;
      const holdFrom = (current: PacingRecord): PacingRecord | undefined => {
        const now = this.now();
        taken = undefined;
        if (current.holder && current.holder.until > now) {
          busyUntil = current.holder.until;
          return undefined;
        }
        const slot = Math.max(now, current.nextFreeAt);
        const fence = (current.fence ?? 0) + 1;
        taken = { id, slot, fence };
        return { ...current, fence, holder: { fence, until: slot + this.holdMs } };
      };
      const result = await updateDocument<PacingRecord>(this.store, PACING, id, id, holdFrom, {
        create: () => holdFrom({ id, pk: id, nextFreeAt: 0, holder: null, fence: 0 })!,
        attempts: WRITE_ATTEMPTS,
      });
      if (taken) return { ...taken, etag: result.doc._etag };
      // The holder's release sets the next start at least one interval ahead: looking again sooner finds it still held.
      await this.sleep(Math.max(1, Math.min(interval, busyUntil - this.now())));
    }
  }

  /**
   * Lets go of the key: the next send starts one interval after this one
   * ended. One write with the eTag of the hold when nobody wrote since (the
   * usual case); else (a back-off of another instance) re-applied, only while
   * the token is still this hold's. A release that cannot be written is
   * logged and left to the lease: failing the send would send it again.
   */
  private async release(hold: Hold, interval: number): Promise<void> {
    const nextFreeAt = this.now() + interval;
    try {
      await this.store.replace<PacingRecord>(PACING, { id: hold.id, pk: hold.id, nextFreeAt, holder: null, fence: hold.fence }, hold.etag);
      return;
    } catch (err) {
      if (!isWriteConflict(err)) return this.logReleaseFailure(err);
    }
    try {
      await updateDocument<PacingRecord>(
        this.store,
        PACING,
        hold.id,
        hold.id,
        (current) => (current.holder?.fence === hold.fence ? { ...current, holder: null, nextFreeAt: Math.max(current.nextFreeAt, nextFreeAt) } : undefined),
        { attempts: WRITE_ATTEMPTS },
      );
    } catch (err) {
      this.logReleaseFailure(err);
    }
  }

  private logReleaseFailure(err: unknown): void {
    this.options.log?.warn({ err, holdMs: this.holdMs }, 'send pacing release failed; the hold runs out by its lease');
  }
}
