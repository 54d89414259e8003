import type { Flag } from '../domain/flags';
import { Logger } from '../log';

/** What the care team is told: a flag raised (new, severity rose, reopened), or a new message of the person on it. */
export type FlagEvent = { type: 'raised' } | { type: 'message'; at: string };
export type FlagListener = (flag: Flag, event: FlagEvent) => Promise<void>;

const RAISED: FlagEvent = { type: 'raised' };

/**
 * The single point where the care team hears of a flag. By default it logs the
 * flag's id (never its message); the staff Teams alert subscribes here. A
 * failing listener is logged and does not stop the others or the turn: the
 * flag is already stored and shows in the dashboard either way.
 */
export class FlagNotifier {
  private readonly listeners = new Set<FlagListener>();

  constructor(private readonly log: Logger) {}

  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: FlagListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async notify(flag: Flag, event: FlagEvent = RAISED): Promise<void> {
    this.log.info({ flagId: flag.id, severity: flag.severity, source: flag.source, event: event.type }, event.type === 'raised' ? 'flag raised' : 'flag message');
    const results = await Promise.allSettled([...this.listeners].map((listener) => listener(flag, event)));
    for (const result of results) {
      if (result.status === 'rejected') {
        const err = result.reason as Error;
        this.log.error({ flagId: flag.id, err: { type: err?.name } }, 'flag listener failed');
      }
    }
  }
}
