import { DocBase } from '../store/port';
import { Language } from '../i18n';

export const TRACKS = ['morning', 'afternoon', 'evening'] as const;
export type Track = (typeof TRACKS)[number];

export type ParticipantStatus = 'active' | 'paused' | 'discharged';

/**
 * Where to reach a participant on one channel: the parts of botbuilder's
 * ConversationReference that continueConversationAsync needs, kept as plain
 * data so the domain does not import botbuilder.
 */
export interface ChannelAddress {
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  userId: string;
  botId: string;
  tenantId?: string;
  locale?: string;
  /** False once the channel said the conversation is gone or blocked (403/404). */
  reachable: boolean;
  linkedAt: string;
}

export interface Consent {
  given: boolean;
  /** ISO instant the participant answered. */
  at: string | null;
  channel: string | null;
}

/**
 * A safety episode is open with this participant: routine outreach (check-in
 * prompts, follow-ups) waits until it ends. `until` is the end of the quiet
 * period, so a hold nobody released still ends.
 */
export interface SafetyHold {
  flagId: string;
  openedAt: string;
  until: string;
}

export interface Participant extends DocBase {
  /** pk = id: every participant is its own partition (point reads and writes). */
  displayName: string;
  language: Language;
  timeZone: string;
  track: Track;
  /** Local "HH:mm" of the daily check-in prompt. */
  checkinTime: string;
  /** ISO weekday of the weekly screen, 1 = Monday … 7 = Sunday. */
  screenWeekday: number;
  reminders: { enabled: boolean; leadMinutes: number };
  /** The program includes substance use: the Brief Addiction Monitor replaces the weekly screen every bamEveryWeeks weeks (bot/measures/plan.ts). */
  substanceUse?: boolean;
  /** Full PHQ-9 and GAD-7 every fullMeasuresEveryWeeks weeks (and a baseline) instead of the stepped 2-item screen. */
  fullMeasures?: boolean;
  /** Null or absent: the program default (MEASURES_FULL_EVERY_WEEKS). */
  fullMeasuresEveryWeeks?: number | null;
  /** Null or absent: the program default (MEASURES_BAM_EVERY_WEEKS). */
  bamEveryWeeks?: number | null;
  consent: Consent;
  /** SMS-style opt-out: set by STOP, cleared by START. No outreach while set. */
  optedOutAt: string | null;
  /** Absent or null: no safety episode open. */
  safetyHold?: SafetyHold | null;
  status: ParticipantStatus;
  /**
   * The display name lower-cased without accents ("ana maria nunez"): what the
   * staff search matches, in the query, on an index. Written with every change
   * of the record (Participants.add / update); see searchKey.
   */
  searchName?: string;
  /** The counsellor whose caseload this is (a staff account id, bot/staff/staffAccounts.ts staffId); null = nobody's. */
  assignedStaffId?: string | null;
  /** channelId → address. */
  addresses: Record<string, ChannelAddress>;
  createdAt: string;
  updatedAt: string;
}
