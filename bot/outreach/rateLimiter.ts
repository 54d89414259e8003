import { createHash } from 'node:crypto';
import { Channels } from 'botbuilder';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore } from '../store/port';
import { KeyedQueue } from '../turn/keyedQueue';

export interface RateLimits {
  /** Whole SMS channel (one sending number): sends per second; 0 = no limit. */
  smsPerSecond: number;
  /** Each Teams conversation: sends per second; 0 = no limit. */
  teamsPerSecondPerConversation: number;
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const PACING = 'outreachPacing';

/**
 * The next free send slot of one destination, shared by every instance.
 * pk = id = SHA-256 of the limiter key (a Teams conversation id stays out of
 * the store). `nextFreeAt` is epoch milliseconds.
 */
interface PacingRecord extends DocBase {
  nextFreeAt: number;
}

/** Instances that contend for one key each retry their reservation this often before giving up. */
const RESERVE_ATTEMPTS = 50;

function recordId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Spaces sends per key across every instance on the store: SMS share one key
 * (carriers throttle per sending number), Teams gets one key per conversation
 * (its per-conversation limit). Each acquire reserves the next free slot with
 * an eTag-conditional write on the key's pacing record, so two instances
 * never take the same slot, then waits for it. Reservations of one process
 * queue locally (one at a time per key), so instances contend on the record,
 * not every sender of each. A 429 pushes the key's next slot past the
 * Retry-After the channel gave. Times are wall-clock milliseconds, so the
 * instances' clocks must agree (NTP); skew between them shortens a gap by as much.
 */
export class RateLimiter {
  private readonly local = new KeyedQueue();

  constructor(
    private readonly store: DocumentStore,
    private readonly limits: RateLimits,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The limiter key of a destination, or undefined when that channel is not limited. */
  keyFor(channelId: string, conversationId: string): string | undefined {
    if (channelId === Channels.Sms) return this.limits.smsPerSecond > 0 ? 'sms' : undefined;
    if (channelId === Channels.Msteams) return this.limits.teamsPerSecondPerConversation > 0 ? `msteams:${conversationId}` : undefined;
    return undefined;
  }

  /** Waits for the destination's next slot (at once on a channel without a limit). */
  async acquire(channelId: string, conversationId: string): Promise<void> {
    const key = this.keyFor(channelId, conversationId);
    if (key === undefined) return;
    const interval = 1000 / (channelId === Channels.Sms ? this.limits.smsPerSecond : this.limits.teamsPerSecondPerConversation);
    const slot = await this.local.run(key, () => this.reserve(key, (nextFreeAt) => Math.max(this.now(), nextFreeAt), interval));
    const wait = slot - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  /**
   * The channel said "too many requests": nothing more goes to this
   * destination for `ms`. False when the destination is not paced here (the
   * caller waits out the Retry-After itself).
   */
  async backOff(channelId: string, conversationId: string, ms: number): Promise<boolean> {
    const key = this.keyFor(channelId, conversationId);
    if (key === undefined) return false;
    await this.local.run(key, () => this.reserve(key, (nextFreeAt) => Math.max(nextFreeAt, this.now() + ms), 0));
    return true;
  }

  /** Moves the key's next free slot to `slotFrom(current) + after`; resolves with that slot. */
  private async reserve(key: string, slotFrom: (nextFreeAt: number) => number, after: number): Promise<number> {
    const id = recordId(key);
    let slot = 0;
    await updateDocument<PacingRecord>(
      this.store,
      PACING,
      id,
      id,
      (current) => {
        slot = slotFrom(current.nextFreeAt);
        return { ...current, nextFreeAt: slot + after };
      },
      {
        create: () => {
          slot = slotFrom(0);
          return { id, pk: id, nextFreeAt: slot + after };
        },
        attempts: RESERVE_ATTEMPTS,
      },
    );
    return slot;
  }
}
