import { recordAcknowledged } from '../telemetry/flagTelemetry';
import { Clock } from '../clock';
import { AppError } from '../errors';
import { Stored } from '../store/port';
import { queueAlert } from './alertOutbox';
import { AlertKind } from './alertOutboxRecord';
import { Flag, FlagOutcome } from './flag';
import { FlagRepository } from './repository';

export const OUTCOMES: readonly FlagOutcome[] = ['contacted', 'no_action_needed', 'referred', 'other'];
export const MAX_NOTE_LENGTH = 2000;

export class FlagActionError extends AppError {
  constructor(readonly reason: 'not_found' | 'resolved') {
    super(reason, reason === 'not_found' ? 'no such flag' : 'the flag is already resolved');
  }
}

export interface FlagChange {
  flag: Stored<Flag>;
  /** False when the flag already was in the asked-for state (nothing written). */
  changed: boolean;
}

/**
 * What staff do to a flag: acknowledge (take it), add a note, resolve with an
 * outcome. Each change carries who and when, and is written with the flag's
 * eTag, re-applied to the fresh flag if someone else wrote first. With
 * `queueAlerts` (a staff Teams channel) a change the posted cards show
 * queues their update in the same write, and the escalation its second post.
 */
export class FlagReview {
  constructor(
    private readonly flags: FlagRepository,
    private readonly clock: Clock,
    private readonly queueAlerts = false,
  ) {}

  async get(participantId: string, flagId: string): Promise<Stored<Flag> | undefined> {
    return this.flags.get(participantId, flagId);
  }

  /** Assigns an open flag to `by`. An acknowledged flag stays with whoever took it first. */
  async acknowledge(participantId: string, flagId: string, by: string): Promise<FlagChange> {
    const result = await this.change(participantId, flagId, 'changed', (flag, now) => {
      if (flag.status === 'resolved') throw new FlagActionError('resolved');
      if (flag.status === 'acknowledged') return false;
      Object.assign(flag, { status: 'acknowledged', assignee: by, acknowledgedAt: now, acknowledgedBy: by });
      return true;
    });
    // Dashboard and Teams both acknowledge here: the one place to time how long an urgent flag waited.
    if (result.changed) recordAcknowledged(result.flag);
    return result;
  }

  async addNote(participantId: string, flagId: string, by: string, text: string): Promise<FlagChange> {
    return this.change(participantId, flagId, undefined, (flag, now) => {
      flag.notes = [...flag.notes, { at: now, by, text }];
      return true;
    });
  }

  /** Resolves with an outcome (and an optional note); an open flag is acknowledged by the same person on the way. */
  async resolve(participantId: string, flagId: string, by: string, outcome: FlagOutcome, note?: string): Promise<FlagChange> {
    return this.change(participantId, flagId, 'changed', (flag, now) => {
      if (flag.status === 'resolved') throw new FlagActionError('resolved');
      if (flag.status === 'open') Object.assign(flag, { assignee: by, acknowledgedAt: now, acknowledgedBy: by });
      Object.assign(flag, { status: 'resolved', resolvedAt: now, resolvedBy: by, outcome });
      if (note) flag.notes = [...flag.notes, { at: now, by, text: note }];
      return true;
    });
  }

  /**
   * Says the person may go back to the usual conversation: their safety
   * episode ends at their next message (it reads this), the flag stays as it is.
   */
  async safeToResume(participantId: string, flagId: string, by: string): Promise<FlagChange> {
    return this.change(participantId, flagId, 'changed', (flag, now) => {
      if (flag.safeToResumeAt) return false;
      Object.assign(flag, { safeToResumeAt: now, safeToResumeBy: by });
      return true;
    });
  }

  /** Marks an open urgent flag escalated, once across every process (the eTag decides who). */
  async markEscalated(participantId: string, flagId: string): Promise<FlagChange> {
    return this.change(participantId, flagId, 'escalated', (flag, now) => {
      if (flag.status !== 'open' || flag.escalatedAt) return false;
      flag.escalatedAt = now;
      return true;
    });
  }

  /** Applies `apply` with the flag's eTag; a change that wrote queues the `alert` it makes due. */
  private async change(participantId: string, flagId: string, alert: AlertKind | undefined, apply: (flag: Flag, now: string) => boolean): Promise<FlagChange> {
    const result = await this.flags.update(participantId, flagId, (next) => {
      const now = this.clock().toISOString();
      if (!apply(next, now)) return undefined;
      return alert && this.queueAlerts ? queueAlert(next, alert, now) : next;
    });
    if (!result) throw new FlagActionError('not_found');
    return { flag: result.doc, changed: result.changed };
  }
}
