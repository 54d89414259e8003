import { Stored } from '../store/port';
import { Ledger, LedgerEntry } from './ledger';
import { DeliveryHold } from './sender';

/**
 * A sender's hold on its ledger claim while it waits between attempts: each
 * wait first renews the lease to cover the wait and one more lease, so no
 * other tick takes the message over while it is still being sent; a wait of
 * a lease or more is not held at all (the message is deferred to a later
 * tick), and a renewal that finds the claim taken over stops the sender.
 */
export class ClaimHold implements DeliveryHold {
  constructor(
    private readonly ledger: Ledger,
    private claim: Stored<LedgerEntry>,
    private readonly leaseMs: number,
    private readonly now: () => Date,
  ) {}

  /** The claim as last renewed: the one finish and release are conditional on. */
  get current(): Stored<LedgerEntry> {
    return this.claim;
  }

  async beforeWait(ms: number): Promise<'wait' | 'defer' | 'lost'> {
    if (ms >= this.leaseMs) return 'defer';
    const renewed = await this.ledger.renew(this.claim, new Date(this.now().getTime() + ms + this.leaseMs));
    if (!renewed) return 'lost';
    this.claim = renewed;
    return 'wait';
  }
}
