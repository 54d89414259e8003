import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { Clock } from '../clock';
import { Flag, FlagMessage, FlagReason, FLAGS, highestSeverity, SEVERITY_RANK } from '../domain/flags';
import { FlagNotifier } from '../flags/notifier';
import { FlagRules } from '../flags/rules';
import { DocumentStore, PreconditionFailedError, Stored } from '../store/port';
import { DangerKind } from './risk';

/**
 * The one flag of a safety episode, as the episode grows: each later message
 * of the person joins it with its time, any new reason ("says not safe")
 * joins its reasons, and the care team is told again every time. A resolved
 * flag that hears from the person again opens again: nobody has seen that.
 */
export class EpisodeFlag {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly notifier: FlagNotifier,
  ) {}

  async get(participantId: string, flagId: string): Promise<Stored<Flag> | undefined> {
    return this.store.get<Flag>(FLAGS, participantId, flagId);
  }

  /**
   * Adds the message (idempotent per activity id: a re-run turn adds nothing)
   * and the reasons the flag lacks, then notifies. Undefined when the flag is gone.
   */
  async append(participantId: string, flagId: string, message: FlagMessage, reasons: FlagReason[] = []): Promise<Stored<Flag> | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(participantId, flagId);
      if (!current) return undefined;
      const messages = messagesOf(current);
      if (message.id && messages.some((m) => m.id === message.id)) return current;
      // A new kind of danger is news for staff even under a code the flag already has.
      const known = new Set(current.reasons.map(reasonKey));
      const allReasons = [...current.reasons, ...reasons.filter((r) => !known.has(reasonKey(r)))];
      const severity = highestSeverity(allReasons);
      const { _etag, ...next } = current;
      Object.assign(next, {
        messages: [...messages, message],
        message: current.message ?? message.text,
        reasons: allReasons,
        severity,
        severityRank: SEVERITY_RANK[severity],
      });
      if (current.status === 'resolved') Object.assign(next, { status: 'open', resolvedAt: null, resolvedBy: null, outcome: null });
      try {
        const saved = await this.store.replace<Flag>(FLAGS, next, _etag);
        await this.notifier.notify(saved, { type: 'message', at: message.at });
        return saved;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError)) throw err;
      }
    }
    throw new Error(`flag ${flagId} kept changing`);
  }

  /** The message as the flag will keep it. */
  message(text: string, activityId: string | undefined): FlagMessage {
    return { at: this.clock().toISOString(), text, ...(activityId ? { id: activityId } : {}) };
  }
}

function reasonKey(reason: FlagReason): string {
  return `${reason.code}:${reason.detail?.kind ?? ''}`;
}

/** A flag's messages; flags from before episodes carry only `message`. */
export function messagesOf(flag: Flag): FlagMessage[] {
  if (flag.messages) return flag.messages;
  return flag.message ? [{ at: flag.createdAt, text: flag.message }] : [];
}

/** The reason a crisis message gives its flag: the kind of danger (shown to staff in words) and the rule (safe to log). */
export function crisisReason(kind: DangerKind, rule: string, signals: FlagRules['signals']): FlagReason {
  return { code: 'crisis_language', severity: signals.crisis_language, detail: { kind, rule } };
}

/** Channels always give an activity id; if one does not, the same delivery still maps to the same flag. */
export function fingerprint(activity: Activity): string {
  return createHash('sha256').update(`${activity.timestamp ?? ''}\n${activity.from.id}\n${activity.text ?? ''}`).digest('hex');
}
