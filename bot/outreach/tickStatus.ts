import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore } from '../store/port';
import { TickReport } from './scheduler';

export const OUTREACH_STATUS = 'outreachStatus';
const STATUS_ID = 'outreach';

export interface OutreachTotals {
  ticks: number;
  sent: number;
  failed: number;
  skipped: number;
  errors: number;
}

/** One tick as /readyz shows it: its counts and which instance ran it. */
export interface TickSummary {
  at: string;
  instance: string;
  due: number;
  sent: number;
  failed: number;
  skipped: Partial<Record<string, number>>;
  deferred: number;
  inFlight: number;
  errors: number;
  durationMs: number;
}

/**
 * What outreach has done, over every instance: one document (pk = id =
 * 'outreach') each tick updates with its eTag. `lastTick` is the latest tick
 * of any instance; `lastActiveTick` the latest that sent, failed, skipped,
 * deferred or erred, so a minute of nothing due does not hide the last real work.
 */
export interface OutreachStatusRecord {
  totals: OutreachTotals;
  lastTick: TickSummary | null;
  lastActiveTick: TickSummary | null;
}

interface StatusDoc extends DocBase, OutreachStatusRecord {}

const EMPTY: OutreachStatusRecord = { totals: { ticks: 0, sent: 0, failed: 0, skipped: 0, errors: 0 }, lastTick: null, lastActiveTick: null };

function skippedCount(report: Pick<TickReport, 'skipped'>): number {
  return Object.values(report.skipped).reduce((sum: number, n) => sum + (n ?? 0), 0);
}

function didSomething(report: TickReport): boolean {
  return report.sent + report.failed + report.deferred + report.errors + skippedCount(report) > 0;
}

function summary(report: TickReport, instance: string): TickSummary {
  const { at, due, sent, failed, skipped, deferred, inFlight, errors, durationMs } = report;
  return { at, instance, due, sent, failed, skipped, deferred, inFlight, errors, durationMs };
}

/** Later of two summaries by tick instant (ticks of several instances may be recorded out of order). */
function later(current: TickSummary | null, next: TickSummary): TickSummary {
  return current && current.at > next.at ? current : next;
}

export class OutreachStatus {
  constructor(private readonly store: DocumentStore) {}

  /** Adds a (real, not dry-run) tick to the shared figures. */
  async record(report: TickReport, instance: string): Promise<void> {
    const apply = (doc: StatusDoc): StatusDoc => {
      const tick = summary(report, instance);
      const { totals } = doc;
      return {
        ...doc,
        totals: {
          ticks: totals.ticks + 1,
          sent: totals.sent + report.sent,
          failed: totals.failed + report.failed,
          skipped: totals.skipped + skippedCount(report),
          errors: totals.errors + report.errors,
        },
        lastTick: later(doc.lastTick, tick),
        lastActiveTick: didSomething(report) ? later(doc.lastActiveTick, tick) : doc.lastActiveTick,
      };
    };
    await updateDocument<StatusDoc>(this.store, OUTREACH_STATUS, STATUS_ID, STATUS_ID, apply, {
      create: () => apply({ id: STATUS_ID, pk: STATUS_ID, ...EMPTY }),
      attempts: 20,
    });
  }

  async read(): Promise<OutreachStatusRecord> {
    const doc = await this.store.get<StatusDoc>(OUTREACH_STATUS, STATUS_ID, STATUS_ID);
    if (!doc) return EMPTY;
    return { totals: doc.totals, lastTick: doc.lastTick, lastActiveTick: doc.lastActiveTick };
  }
}
