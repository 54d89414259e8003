/**
 * The hand-off of one conversation from the bot to a person: opened by a
 * staff message, kept in the conversation's state (so the turn knows of it at
 * no extra read), ended by the counsellor, by the participant's MENU, or by
 * the quiet time (CARE_HANDOFF_QUIET_HOURS) without a message either way.
 * While it is open the participant's messages go to the thread, not to the
 * dialogs; the safety gate still runs first (handoffRouting.ts).
 *
 * Pure: the state and the rules that end it.
 */
import { endWordOf } from '../safety/episode';

/** Conversation-state key of the open hand-off. */
export const HANDOFF_KEY = 'careHandoff';

export interface Handoff {
  participantId: string;
  openedAt: string;
  /** Email of the counsellor who opened it: the one told of replies. */
  openedBy: string;
  /** Last message either way: the quiet time counts from here. */
  lastMessageAt: string;
}

/** No message either way for the quiet time: the bot has the conversation back. */
export function handoffOver(handoff: Handoff, now: Date, quietHours: number): boolean {
  return now.getTime() - Date.parse(handoff.lastMessageAt) >= quietHours * 3_600_000;
}

/** MENU / MENÚ / MAIN MENU / MENU PRINCIPAL as the whole message: the word that ends a safety episode ends a hand-off too. */
export function endsHandoff(text: string): boolean {
  return endWordOf(text) === 'menu';
}
