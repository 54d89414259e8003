import { Flag, FLAGS, SEVERITY_RANK } from '../domain/flags';
import { StaffCore } from './staffCore';

/** How many overdue flags one check handles; the rest wait a minute. */
const BATCH = 50;

/**
 * Urgent flags still open `escalationMinutes` after they were raised: each is
 * marked escalated once (the eTag decides between instances), audited, and
 * handed to `onEscalated` (the Teams post). The dashboard banner reads the mark.
 */
export class EscalationCheck {
  constructor(
    private readonly core: StaffCore,
    private readonly onEscalated: (flag: Flag) => Promise<void>,
  ) {}

  async run(now: Date = this.core.clock()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.core.config.staff.escalationMinutes * 60_000).toISOString();
    const { items } = await this.core.store.query<Flag>(FLAGS, {
      where: [
        { field: 'status', op: '=', value: 'open' },
        { field: 'severityRank', op: '=', value: SEVERITY_RANK.urgent },
        { field: 'escalatedAt', op: '=', value: null },
        { field: 'createdAt', op: '<=', value: cutoff },
      ],
      limit: BATCH,
    });
    let escalated = 0;
    for (const overdue of items) {
      const { flag, changed } = await this.core.review.markEscalated(overdue.participantId, overdue.id);
      if (!changed) continue;
      escalated++;
      await this.core.audit.record({
        actor: null,
        actorRole: null,
        action: 'flag.escalate',
        recordType: 'flag',
        recordId: flag.id,
        participantId: flag.participantId,
        channel: 'system',
        detail: { minutes: this.core.config.staff.escalationMinutes },
      });
      try {
        await this.onEscalated(flag);
      } catch (err) {
        // The mark and the banner stand; the post is what failed.
        this.core.log.error({ flagId: flag.id, err }, 'escalation post failed');
      }
    }
    return escalated;
  }
}
