import { Clock } from '../clock';
import { Logger } from '../log';
import { Flag } from './flag';
import { FlagRepository } from './repository';
import { FlagReview } from './review';

/** How many overdue flags one check handles; the rest wait a minute. */
const BATCH = 50;

export interface EscalationDeps {
  flags: FlagRepository;
  review: FlagReview;
  clock: Clock;
  log: Logger;
  /** How long an urgent flag may stay open before it is escalated. */
  minutes: number;
  /** Writes the escalation to the audit trail. */
  record(flag: Flag): Promise<void>;
  /** The louder second post (Teams). */
  post(flag: Flag): Promise<void>;
}

/**
 * Urgent flags still open `minutes` after they were raised: each is marked
 * escalated once (the eTag decides between instances), recorded, and posted.
 * The dashboard banner reads the mark.
 */
export class EscalationCheck {
  constructor(private readonly deps: EscalationDeps) {}

  async run(now: Date = this.deps.clock()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.deps.minutes * 60_000).toISOString();
    let escalated = 0;
    for (const overdue of await this.deps.flags.overdue(cutoff, BATCH)) {
      const { flag, changed } = await this.deps.review.markEscalated(overdue.participantId, overdue.id);
      if (!changed) continue;
      escalated++;
      await this.deps.record(flag);
      try {
        await this.deps.post(flag);
      } catch (err) {
        // The mark and the banner stand; the post is what failed.
        this.deps.log.error({ flagId: flag.id, err }, 'escalation post failed');
      }
    }
    return escalated;
  }
}
