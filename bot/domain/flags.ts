import { createHash } from 'node:crypto';
import { Clock } from '../clock';
import type { FlagNotifier } from '../flags/notifier';
import { ConflictError, DocBase, DocumentStore, PreconditionFailedError, Stored } from '../store/port';
import { Track } from './participant';
import { linkId, Participants } from './participants';

export const FLAGS = 'flags';

export const SEVERITIES = ['low', 'moderate', 'high', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityRank = 1 | 2 | 3 | 4;
export const SEVERITY_RANK: Readonly<Record<Severity, SeverityRank>> = { low: 1, moderate: 2, high: 3, urgent: 4 };

export type FlagSource = 'checkin' | 'crisis' | 'screen' | 'outreach' | 'session';
export type FlagStatus = 'open' | 'acknowledged' | 'resolved';
export type FlagOutcome = 'contacted' | 'no_action_needed' | 'referred' | 'other';

/** Why a flag was raised. `code` names the rule (e.g. craving_high); detail holds the values, never free text. */
export interface FlagReason {
  code: string;
  severity: Severity;
  detail?: Record<string, string | number>;
}

export interface FlagNote {
  at: string;
  by: string;
  text: string;
}

/** A message of the person, with when it came (a safety episode's flag keeps every one). Health data: never logged. */
export interface FlagMessage {
  at: string;
  text: string;
  /** The activity it came in: a re-run turn does not add it twice. */
  id?: string;
}

/**
 * How to reach back someone who is not enrolled (a stranger's crisis message):
 * the only way the care team can follow up. Null for participants, whose
 * addresses are on their record. Health data: never logged.
 */
export interface FlagSender {
  channelId: string;
  userId: string;
  conversationId: string;
  serviceUrl: string;
}

/**
 * Something the care team should look at. pk = participantId: a participant's
 * flags are one partition; the staff queue reads across partitions by
 * (status, severityRank, createdAt). Unknown senders get participantId
 * `unknown:<sha256 of channel:user>` (see unknownParticipantId).
 */
export interface Flag extends DocBase {
  participantId: string;
  checkinId: string | null;
  source: FlagSource;
  severity: Severity;
  severityRank: SeverityRank;
  reasons: FlagReason[];
  /** Crisis text: health data, never logged. */
  message: string | null;
  /** Every message of a safety episode in order, the first being `message` (absent on flags without one). */
  messages?: FlagMessage[];
  /** A staff member said the person may go back to the usual conversation: ends their safety episode, not the flag. */
  safeToResumeAt?: string | null;
  safeToResumeBy?: string | null;
  /** Denormalized for staff filters. */
  track: Track | null;
  sender: FlagSender | null;
  status: FlagStatus;
  createdAt: string;
  assignee: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  outcome: FlagOutcome | null;
  notes: FlagNote[];
  escalatedAt: string | null;
}

export interface RaiseFlag {
  /** Deterministic (checkinFlagId, crisisFlagId, …) so a re-run turn raises nothing twice. */
  id: string;
  participantId: string;
  checkinId?: string | null;
  source: FlagSource;
  /** At least one. The flag takes the highest severity among them. */
  reasons: FlagReason[];
  message?: string | null;
  /** The activity the message came in (kept with it on the flag). */
  messageId?: string;
  sender?: FlagSender | null;
}

const UNKNOWN_PREFIX = 'unknown:';

/** The participantId of flags about someone not enrolled: stable per channel user, and equal to their link id. */
export function unknownParticipantId(channelId: string, userId: string): string {
  return `${UNKNOWN_PREFIX}${linkId(channelId, userId)}`;
}

export function isUnknownParticipant(participantId: string): boolean {
  return participantId.startsWith(UNKNOWN_PREFIX);
}

/** One check-in raises at most one flag: its id follows from the check-in's. */
export function checkinFlagId(checkinId: string): string {
  return `checkin:${checkinId}`;
}

/** A crisis message's flag id follows from the activity, so a re-run turn finds the same flag. */
export function crisisFlagId(channelId: string, conversationId: string, activityId: string): string {
  return `crisis:${createHash('sha256').update(`${channelId}\n${conversationId}\n${activityId}`).digest('hex')}`;
}

export function highestSeverity(reasons: readonly FlagReason[]): Severity {
  return reasons.reduce<Severity>((top, r) => (SEVERITY_RANK[r.severity] > SEVERITY_RANK[top] ? r.severity : top), 'low');
}

/** Stores flags and tells the notifier about new (or newly worse) ones. */
export class FlagService {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly notifier: FlagNotifier,
    private readonly participants: Participants,
  ) {}

  /**
   * Stores a flag idempotently. Raising an id that exists merges the reasons
   * into it (one flag per check-in, however often it is evaluated) and keeps
   * the highest severity. The notifier hears of a new flag, of one whose
   * severity rose, and of a resolved one reopened by new reasons.
   */
  async raise(input: RaiseFlag): Promise<Stored<Flag>> {
    if (input.reasons.length === 0) throw new Error('a flag needs at least one reason');
    const fresh = await this.newFlag(input);
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.get(input.participantId, input.id);
      if (!existing) {
        try {
          const created = await this.store.create<Flag>(FLAGS, fresh);
          await this.notifier.notify(created);
          return created;
        } catch (err) {
          if (err instanceof ConflictError) continue;
          throw err;
        }
      }
      const merged = mergeInto(existing, input);
      if (!merged) return existing;
      try {
        const { _etag, ...doc } = merged.flag;
        const saved = await this.store.replace<Flag>(FLAGS, doc, existing._etag);
        if (merged.notify) await this.notifier.notify(saved);
        return saved;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError)) throw err;
      }
    }
    throw new Error(`flag ${input.id} kept changing`);
  }

  async get(participantId: string, id: string): Promise<Stored<Flag> | undefined> {
    return this.store.get<Flag>(FLAGS, participantId, id);
  }

  /** Links a check-in to a flag it joined without adding a reason (a crisis note in a safety episode). */
  async linkCheckIn(participantId: string, id: string, checkinId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.get(participantId, id);
      if (!existing || existing.checkinId) return;
      const { _etag, ...doc } = existing;
      try {
        await this.store.replace<Flag>(FLAGS, { ...doc, checkinId }, _etag);
        return;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError)) throw err;
      }
    }
    throw new Error(`flag ${id} kept changing`);
  }

  /** A participant's flags, newest first. */
  async listForParticipant(participantId: string, limit = 50): Promise<Stored<Flag>[]> {
    const page = await this.store.query<Flag>(FLAGS, {
      pk: participantId,
      where: [{ field: 'participantId', op: '=', value: participantId }],
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit,
    });
    return page.items;
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
function mergeInto(existing: Stored<Flag>, input: RaiseFlag): { flag: Stored<Flag>; notify: boolean } | undefined {
  const known = new Set(existing.reasons.map((r) => r.code));
  const added = input.reasons.filter((r) => !known.has(r.code));
  if (added.length === 0) return undefined;
  const reasons = [...existing.reasons, ...added];
  const severity = highestSeverity(reasons);
  const escalated = SEVERITY_RANK[severity] > existing.severityRank;
  const reopened = existing.status === 'resolved';
  const flag: Stored<Flag> = {
    ...existing,
    reasons,
    severity,
    severityRank: SEVERITY_RANK[severity],
    message: existing.message ?? input.message ?? null,
    // A check-in that joins a safety episode's flag is linked to it.
    checkinId: existing.checkinId ?? input.checkinId ?? null,
  };
  if (reopened) Object.assign(flag, { status: 'open', resolvedAt: null, resolvedBy: null, outcome: null });
  return { flag, notify: escalated || reopened };
}
