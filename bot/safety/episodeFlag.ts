import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { FlagMessage, FlagReason } from '../flags/flag';
import { FlagRules } from '../flags/rules';
import { DangerKind } from './risk';

/**
 * What a safety episode writes on its one flag (FlagService.addMessage does
 * the writing): the person's messages with their time, and reasons that name
 * the kind of danger.
 */

/** The message as the flag keeps it. */
export function flagMessage(text: string, activityId: string | undefined, now: Date): FlagMessage {
  return { at: now.toISOString(), text, ...(activityId ? { id: activityId } : {}) };
}

/** The reason a crisis message gives its flag: the kind of danger (shown to staff in words) and the rule (safe to log). */
export function crisisReason(kind: DangerKind, rule: string, signals: FlagRules['signals']): FlagReason {
  return { code: 'crisis_language', severity: signals.crisis_language, detail: { kind, rule } };
}

/** Channels always give an activity id; if one does not, the same delivery still maps to the same flag. */
export function fingerprint(activity: Activity): string {
  return createHash('sha256').update(`${String(activity.timestamp ?? '')}\n${activity.from.id}\n${activity.text ?? ''}`).digest('hex');
}
