import { Logger } from '../log';
import type { Flag } from './flag';

/**
 * raised: a new flag, or one whose severity rose or that reopened (the care team must hear of it).
 * changed: staff acknowledged or resolved it in the dashboard (posted cards show who).
 * message: a new message of the person joined it (a safety episode: its last entry in `messages`).
 */
export type FlagEvent = 'raised' | 'changed' | 'message';

export type FlagListener = (flag: Flag) => Promise<void>;

/**
 * The one place the care team's tools hear of flags. Raising logs the flag's
 * id (never its message); the Teams alerts subscribe to both events. A failing
 * listener is logged and stops neither the others nor the caller: the flag is
 * already stored and shows in the dashboard either way.
 */
export class FlagEvents {
  private readonly listeners: Record<FlagEvent, Set<FlagListener>> = { raised: new Set(), changed: new Set(), message: new Set() };

  constructor(private readonly log: Logger) {}

  /** Adds a listener; returns a function that removes it. */
  on(event: FlagEvent, listener: FlagListener): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  async emit(event: FlagEvent, flag: Flag): Promise<void> {
    if (event === 'raised') this.log.info({ flagId: flag.id, severity: flag.severity, source: flag.source }, 'flag raised');
    const results = await Promise.allSettled([...this.listeners[event]].map((listener) => listener(flag)));
    for (const result of results) {
      if (result.status === 'rejected') this.log.error({ flagId: flag.id, event, err: result.reason }, 'flag listener failed');
    }
  }
}
