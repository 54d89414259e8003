import { Clock } from '../clock';
import { Participants } from '../domain/participants';
import { Stored } from '../store/port';
import { FlagEvents } from './events';
import { Flag, FlagReason, highestSeverity, isUnknownParticipant, RaiseFlag, SEVERITY_RANK } from './flag';
import { FlagRepository } from './repository';

/** Raises flags from turns and outreach, and tells the care team (FlagEvents 'raised') about new or newly worse ones. */
export class FlagService {
  constructor(
    private readonly flags: FlagRepository,
    private readonly clock: Clock,
    private readonly events: FlagEvents,
    private readonly participants: Participants,
  ) {}

  /**
   * Stores a flag idempotently. Raising an id that exists merges the reasons
   * into it (one flag per check-in, however often it is evaluated) and keeps
   * the highest severity. The care team hears of a new flag, of one whose
   * severity rose, and of a resolved one reopened by new reasons.
   */
  async raise(input: RaiseFlag): Promise<Stored<Flag>> {
    if (input.reasons.length === 0) throw new Error('a flag needs at least one reason');
    const fresh = await this.newFlag(input);
    // Set by the attempt whose write succeeds: whether that merge is news for the care team.
    let news = false;
    const result = await this.flags.update(
      input.participantId,
      input.id,
      (existing) => {
        const merged = mergeInto(existing, input.reasons, input.message ?? null);
        news = merged?.news ?? false;
        return merged?.flag;
      },
      () => fresh,
    );
    if (result.created || (result.changed && news)) await this.events.emit('raised', result.doc);
    return result.doc;
  }

  async get(participantId: string, id: string): Promise<Stored<Flag> | undefined> {
    return this.flags.get(participantId, id);
  }

  /** A participant's flags, newest first. */
  async listForParticipant(participantId: string, limit?: number): Promise<Stored<Flag>[]> {
    return this.flags.listForParticipant(participantId, limit);
  }

  private async newFlag(input: RaiseFlag): Promise<Flag> {
    const severity = highestSeverity(input.reasons);
    const participant = isUnknownParticipant(input.participantId) ? undefined : await this.participants.get(input.participantId);
    return {
      id: input.id,
      pk: input.participantId,
      participantId: input.participantId,
      checkinId: input.checkinId ?? null,
      source: input.source,
      severity,
      severityRank: SEVERITY_RANK[severity],
      reasons: input.reasons,
      message: input.message ?? null,
      track: participant?.track ?? null,
      sender: input.sender ?? null,
      status: 'open',
      createdAt: this.clock().toISOString(),
      assignee: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      resolvedBy: null,
      outcome: null,
      notes: [],
      escalatedAt: null,
    };
  }
}

/**
 * The flag with the new reasons merged in, or undefined when nothing is new.
 * A resolved flag that gains a reason opens again: the care team has not seen it.
 */
function mergeInto(existing: Flag, reasons: FlagReason[], message: string | null): { flag: Flag; news: boolean } | undefined {
  const known = new Set(existing.reasons.map((r) => r.code));
  const added = reasons.filter((r) => !known.has(r.code));
  if (added.length === 0) return undefined;
  const all = [...existing.reasons, ...added];
  const severity = highestSeverity(all);
  const escalated = SEVERITY_RANK[severity] > existing.severityRank;
  const reopened = existing.status === 'resolved';
  const flag: Flag = { ...existing, reasons: all, severity, severityRank: SEVERITY_RANK[severity], message: existing.message ?? message };
  if (reopened) Object.assign(flag, { status: 'open', resolvedAt: null, resolvedBy: null, outcome: null });
  return { flag, news: escalated || reopened };
}
