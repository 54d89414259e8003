import { Clock } from '../../clock';
import { claimAlerts, completeAlert, failAlert, headFor } from '../../flags/alertOutbox';
import { AlertKind } from '../../flags/alertOutboxRecord';
import { Flag } from '../../flags/flag';
import { FlagRepository } from '../../flags/repository';
import { Logger } from '../../log';
import { httpStatusOf } from '../../outreach/sender';
import { Stored } from '../../store/port';

/** How many flags with alerts due one tick looks at; the rest wait a minute. */
const BATCH = 50;
/** First wait after a failed post; doubles per failure up to MAX_BACKOFF_MS. */
const BASE_BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 10 * 60_000;

export interface AlertDeliveryDeps {
  flags: FlagRepository;
  clock: Clock;
  log: Logger;
  /** Posts one entry into the channel (TeamsAlerts.perform); throws when the channel did not take it. */
  perform(flag: Flag, kind: AlertKind): Promise<void>;
  /** This instance, as the claims name it. */
  owner: string;
  /** How long a claim holds a flag's outbox for one entry (renewed per entry). */
  leaseMs: number;
}

export type DeliveryOutcome = 'posted' | 'failed' | 'held' | 'nothing';

/**
 * Posts what a flag's outbox (bot/flags/alertOutbox.ts) holds, exactly once
 * across instances: claim the outbox with the flag's eTag, post the first
 * entry, remove it (only while the claim is still this one's), and go on
 * until it is empty. Right after a flag write the writing instance delivers
 * at once; every instance's minute tick delivers what is left over (a crash,
 * a failed post whose back-off ran out, a claim whose holder died). A failed
 * post is logged (ids, kind, HTTP status: no text, no names, no numbers),
 * counted on the flag, and retried with a growing back-off.
 */
export class AlertDelivery {
  constructor(private readonly deps: AlertDeliveryDeps) {}

  async deliver(participantId: string, flagId: string): Promise<DeliveryOutcome> {
    const { flags, clock, owner, leaseMs } = this.deps;
    const claimed = await flags.update(participantId, flagId, (flag) => claimAlerts(flag, owner, clock(), leaseMs));
    if (!claimed) return 'nothing';
    if (!claimed.changed) return claimed.doc.alertOutbox?.pending.length ? 'held' : 'nothing';
    const fence = claimed.doc.alertOutbox!.claim!.fence;
    let flag = claimed.doc;
    let outcome: DeliveryOutcome = 'nothing';
    for (let entry = headFor(flag, fence); entry; entry = headFor(flag, fence)) {
      try {
        await this.deps.perform(flag, entry.kind);
      } catch (err) {
        await this.fail(flag, fence, entry.kind, err);
        return 'failed';
      }
      outcome = 'posted';
      const entryId = entry.id;
      const done = await flags.update(participantId, flagId, (current) => completeAlert(current, fence, entryId, clock(), leaseMs));
      // Gone, or taken over (this holder's lease ran out while it posted): the new holder carries on.
      if (!done?.changed) break;
      flag = done.doc;
    }
    return outcome;
  }

  /** The minute tick: every flag whose alerts are due, delivered in turn. */
  async sweep(now: Date = this.deps.clock()): Promise<{ posted: number; failed: number }> {
    const totals = { posted: 0, failed: 0 };
    for (const flag of await this.deps.flags.alertsDue(now.toISOString(), BATCH)) {
      const outcome = await this.deliver(flag.participantId, flag.id);
      if (outcome === 'posted') totals.posted++;
      if (outcome === 'failed') totals.failed++;
    }
    return totals;
  }

  private async fail(flag: Stored<Flag>, fence: number, kind: AlertKind, err: unknown): Promise<void> {
    const now = this.deps.clock();
    const attempt = (flag.alertOutbox?.attempts ?? 0) + 1;
    const retryAt = new Date(now.getTime() + Math.min(BASE_BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS));
    const status = httpStatusOf(err) ?? null;
    // The error's name only: a connector's message may quote what was sent.
    this.deps.log.warn({ flagId: flag.id, kind, attempt, status, error: err instanceof Error ? err.name : typeof err, retryAt: retryAt.toISOString() }, 'staff alert post failed; will retry');
    await this.deps.flags.update(flag.participantId, flag.id, (current) => failAlert(current, fence, status, now, retryAt));
  }
}
