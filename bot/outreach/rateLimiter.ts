import { Channels } from 'botbuilder';

export interface RateLimits {
  /** Whole SMS channel (one sending number): sends per second; 0 = no limit. */
  smsPerSecond: number;
  /** Each Teams conversation: sends per second; 0 = no limit. */
  teamsPerSecondPerConversation: number;
}

const PRUNE_AT = 10_000;

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces sends per key: SMS share one key (carriers throttle per sending
 * number), Teams gets one key per conversation (its per-conversation limit).
 * Each acquire reserves the next free slot synchronously, so concurrent
 * senders queue up in order. A 429 pushes the key's next slot to after the
 * Retry-After the channel gave.
 */
export class RateLimiter {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly limits: RateLimits,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The limiter key of a destination, or undefined when that channel is not limited. */
  keyFor(channelId: string, conversationId: string): string | undefined {
    if (channelId === Channels.Sms) return this.limits.smsPerSecond > 0 ? 'sms' : undefined;
    if (channelId === Channels.Msteams) return this.limits.teamsPerSecondPerConversation > 0 ? `msteams:${conversationId}` : undefined;
    return undefined;
  }

  /** Waits for the destination's next slot. */
  async acquire(channelId: string, conversationId: string): Promise<void> {
    const key = this.keyFor(channelId, conversationId);
    const interval = key === undefined ? 0 : 1000 / this.perSecond(channelId);
    const id = key ?? `${channelId}:${conversationId}`;
    const now = this.now();
    const slot = Math.max(now, this.nextFree.get(id) ?? 0);
    if (interval > 0) {
      if (this.nextFree.size >= PRUNE_AT) this.prune(now);
      this.nextFree.set(id, slot + interval);
    }
    if (slot > now) await this.sleep(slot - now);
  }

  /** The channel said "too many requests": nothing more goes to this destination for `ms`. */
  backOff(channelId: string, conversationId: string, ms: number): void {
    const id = this.keyFor(channelId, conversationId) ?? `${channelId}:${conversationId}`;
    this.nextFree.set(id, Math.max(this.nextFree.get(id) ?? 0, this.now() + ms));
  }

  /** Forgets destinations whose slot has passed (one key per Teams conversation adds up). */
  private prune(now: number): void {
    for (const [id, at] of this.nextFree) if (at <= now) this.nextFree.delete(id);
  }

  private perSecond(channelId: string): number {
    return channelId === Channels.Sms ? this.limits.smsPerSecond : this.limits.teamsPerSecondPerConversation;
  }
}
