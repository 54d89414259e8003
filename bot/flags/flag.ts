import { createHash } from 'node:crypto';
import { Track } from '../domain/participant';
import { linkId } from '../domain/participants';
import { DocBase } from '../store/port';
import type { AlertOutbox } from './alertOutboxRecord';

/** The flags collection. Only FlagRepository (./repository.ts) reads or writes it. */
export const FLAGS = 'flags';

export const SEVERITIES = ['low', 'moderate', 'high', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityRank = 1 | 2 | 3 | 4;
export const SEVERITY_RANK: Readonly<Record<Severity, SeverityRank>> = { low: 1, moderate: 2, high: 3, urgent: 4 };
export const SEVERITY_OF_RANK: Readonly<Record<SeverityRank, Severity>> = { 1: 'low', 2: 'moderate', 3: 'high', 4: 'urgent' };

export type FlagSource = 'checkin' | 'crisis' | 'screen' | 'outreach' | 'session' | 'contact';
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
  /** The participant's counsellor (Participant.assignedStaffId), denormalized for "my caseload"; absent on older flags. */
  assignedStaffId?: string | null;
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
  /** Teams alerts not posted yet, written with the flag (./alertOutbox.ts); absent on flags that never had one. */
  alertOutbox?: AlertOutbox;
  /** When a tick should post what is pending (null: nothing is): the outbox's query field. */
  alertDueAt?: string | null;
  /** The last attempt at a pending alert failed: what /readyz counts. */
  alertFailing?: boolean;
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

/** A flag's messages; flags from before safety episodes carry only `message`. */
export function messagesOf(flag: Flag): FlagMessage[] {
  if (flag.messages) return flag.messages;
  return flag.message ? [{ at: flag.createdAt, text: flag.message }] : [];
}

export function highestSeverity(reasons: readonly FlagReason[]): Severity {
  return reasons.reduce<Severity>((top, r) => (SEVERITY_RANK[r.severity] > SEVERITY_RANK[top] ? r.severity : top), 'low');
}
