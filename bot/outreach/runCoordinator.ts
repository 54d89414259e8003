import { createHash } from 'node:crypto';
import type { RunCoordinator } from 'node-cron';
import { Clock } from '../clock';
import { ConflictError, DocBase, DocumentStore } from '../store/port';

export const RUNS = 'outreachRuns';

/** One cron slot taken by one instance. pk = id = SHA-256 of node-cron's slot key. */
interface RunSlot extends DocBase {
  key: string;
  owner: string;
  takenAt: string;
  expiresAt: string;
}

const DAY_MS = 86_400_000;

function slotId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * node-cron's RunCoordinator on the shared store: with `distributed: true`
 * every instance asks `shouldRun(key)` for the same slot key
 * (`<task name>:<slot ISO>`), and the one whose conditional create lands
 * runs that minute. A slot is never handed over when its holder dies:
 * whatever that tick left undone is still due, and the next minute's slot
 * picks it up.
 */
export class StoreRunCoordinator implements RunCoordinator {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly owner: string,
  ) {}

  async shouldRun(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock();
    const id = slotId(key);
    try {
      await this.store.create<RunSlot>(RUNS, {
        id,
        pk: id,
        key,
        owner: this.owner,
        takenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      });
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
    await this.forgetDayOld(key);
    return true;
  }

  /**
   * The store has no TTL everywhere (the Cosmos test server lacks it), so the
   * winner of a slot deletes the same task's slot of a day before: the
   * collection stays at about one day of minutes.
   */
  private async forgetDayOld(key: string): Promise<void> {
    const match = /^(.*):(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(key);
    if (!match) return;
    const old = `${match[1]}:${new Date(Date.parse(match[2]) - DAY_MS).toISOString()}`;
    const id = slotId(old);
    await this.store.delete(RUNS, id, id);
  }
}
