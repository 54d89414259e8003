import { Clock } from '../clock';
import { Participants } from '../domain/participants';
import { Stored } from '../store/port';
import { queueAlert } from './alertOutbox';
import { FlagEvents } from './events';
import { Flag, FlagMessage, FlagReason, highestSeverity, isUnknownParticipant, messagesOf, RaiseFlag, SEVERITY_RANK } from './flag';
import { FlagRepository } from './repository';

/**
 * Raises flags from turns and outreach, and tells the care team (FlagEvents
 * 'raised') about new or newly worse ones. With `queueAlerts` (a staff Teams
 * channel is configured) the Teams alert each of those needs is queued on
 * the flag in the same write (./alertOutbox.ts).
 */
export class FlagService {
  constructor(
    private readonly flags: FlagRepository,
    private readonly clock: Clock,
    private readonly events: FlagEvents,
    private readonly participants: Participants,
    private readonly queueAlerts = false,
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
        const merged = mergeInto(existing, input.reasons, input.message ?? null, input.checkinId ?? null);
        news = merged?.news ?? false;
        return merged && news ? this.withAlert(merged.flag, 'raised') : merged?.flag;
      },
      () => this.withAlert({ ...fresh }, 'raised'),
    );
    if (result.created || (result.changed && news)) await this.events.emit('raised', result.doc);
    return result.doc;
  }

  async get(participantId: string, id: string): Promise<Stored<Flag> | undefined> {
    return this.flags.get(participantId, id);
  }

  /**
   * A later message of a safety episode joins its flag with its time
   * (idempotent per activity id: a re-run turn adds nothing), with any reason
   * the flag lacks; the care team hears of each ('message'). A resolved flag
   * that hears from the person again opens again. Undefined when the flag is gone.
   */
  async addMessage(participantId: string, id: string, message: FlagMessage, reasons: FlagReason[] = []): Promise<Stored<Flag> | undefined> {
    const result = await this.flags.update(participantId, id, (flag) => {
      const messages = messagesOf(flag);
      if (message.id && messages.some((m) => m.id === message.id)) return undefined;
      // A new kind of danger is news for staff even under a code the flag already has.
      const known = new Set(flag.reasons.map(reasonKey));
      const all = [...flag.reasons, ...reasons.filter((r) => !known.has(reasonKey(r)))];
      const severity = highestSeverity(all);
      Object.assign(flag, { messages: [...messages, message], message: flag.message ?? message.text, reasons: all, severity, severityRank: SEVERITY_RANK[severity] });
      if (flag.status === 'resolved') Object.assign(flag, { status: 'open', resolvedAt: null, resolvedBy: null, outcome: null });
      return this.withAlert(flag, 'message');
    });
    if (result?.changed) await this.events.emit('message', result.doc);
    return result?.doc;
  }

  /** Links a check-in to a flag it joined without adding a reason (a crisis note in a safety episode). */
  async linkCheckIn(participantId: string, id: string, checkinId: string): Promise<void> {
    await this.flags.update(participantId, id, (flag) => (flag.checkinId ? undefined : { ...flag, checkinId }));
  }

  /** The flags of a participant whose record is removed (playground "start over"): they go with it. */
  async removeForParticipant(participantId: string): Promise<number> {
    return this.flags.deleteForParticipant(participantId);
  }

  /** A participant's flags, newest first. */
  async listForParticipant(participantId: string, limit?: number): Promise<Stored<Flag>[]> {
    return this.flags.listForParticipant(participantId, limit);
  }

  private withAlert(flag: Flag, kind: 'raised' | 'message'): Flag {
    return this.queueAlerts ? queueAlert(flag, kind, this.clock().toISOString()) : flag;
  }

  private async newFlag(input: RaiseFlag): Promise<Flag> {
    const severity = highestSeverity(input.reasons);
    const createdAt = this.clock().toISOString();
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
      ...(input.message ? { messages: [{ at: createdAt, text: input.message, ...(input.messageId ? { id: input.messageId } : {}) }] } : {}),
      track: participant?.track ?? null,
      assignedStaffId: participant?.assignedStaffId ?? null,
      sender: input.sender ?? null,
      status: 'open',
      createdAt,
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
function mergeInto(existing: Flag, reasons: FlagReason[], message: string | null, checkinId: string | null): { flag: Flag; news: boolean } | undefined {
  const known = new Set(existing.reasons.map((r) => r.code));
  const added = reasons.filter((r) => !known.has(r.code));
  if (added.length === 0) return undefined;
  const all = [...existing.reasons, ...added];
  const severity = highestSeverity(all);
  const escalated = SEVERITY_RANK[severity] > existing.severityRank;
  const reopened = existing.status === 'resolved';
  // A check-in that joins a safety episode's flag is linked to it.
  const flag: Flag = { ...existing, reasons: all, severity, severityRank: SEVERITY_RANK[severity], message: existing.message ?? message, checkinId: existing.checkinId ?? checkinId };
  if (reopened) Object.assign(flag, { status: 'open', resolvedAt: null, resolvedBy: null, outcome: null });
  return { flag, news: escalated || reopened };
}

function reasonKey(reason: FlagReason): string {
  return `${reason.code}:${reason.detail?.kind ?? ''}`;
}
