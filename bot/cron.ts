import { RunCoordinator, schedule } from 'node-cron';
import { Logger } from './log';

export interface MinuteTaskOptions {
  /** node-cron's task name (and the slot key prefix of a distributed task). */
  name: string;
  /** "outreach", "staff": how the task's errors are logged. */
  label: string;
  run: () => Promise<unknown>;
  /** When given, one instance across the store runs each minute's slot (node-cron's distributed mode). */
  distributed?: { coordinator: RunCoordinator; leaseMs: number };
}

/** A scheduled task: `stop()` removes it and waits for a run in progress. */
export interface MinuteTask {
  stop(): Promise<void>;
}

/**
 * A node-cron task each minute, as features run their background work: a run
 * still busy skips this process's next slot (noOverlap), and node-cron's own
 * messages reach the app log (errors through the log's error serializer).
 */
export function scheduleEveryMinute(log: Logger, options: MinuteTaskOptions): MinuteTask {
  const { name, label, distributed } = options;
  let running: Promise<unknown> | undefined;
  const task = schedule(
    '* * * * *',
    async () => {
      running = options.run();
      await running;
    },
    {
      name,
      noOverlap: true,
      ...(distributed ? { distributed: true, runCoordinator: distributed.coordinator, distributedLease: distributed.leaseMs } : {}),
      logger: {
        info: () => undefined,
        debug: () => undefined,
        warn: (message) => log.warn({ task: name }, message),
        error: (message) => log.error({ task: name, err: message }, `${label} task error`),
      },
    },
  );
  return {
    async stop() {
      await task.destroy();
      await running?.catch(() => undefined);
    },
  };
}
