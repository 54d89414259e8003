import { Track } from '../domain/participant';
import { InvalidContinuationError } from '../errors';
import { Condition, Stored } from '../store/port';
import { Flag, FlagStatus, Severity, SEVERITY_RANK } from './flag';
import { FlagRepository } from './repository';

export interface QueueFilter {
  status: FlagStatus;
  severity?: Severity;
  track?: Track;
  /** An email; null = unassigned; undefined = anyone. */
  assignee?: string | null;
  /** A counsellor's caseload (staff id); null = participants nobody is assigned; undefined = everyone. */
  caseload?: string | null;
}

export type SeverityCounts = Record<Severity, number>;

/** One participant (or unknown sender) in the queue: their flags under the filter, the row's top flag first. */
export interface QueueRow {
  participantId: string;
  flags: Stored<Flag>[];
}

export interface QueuePage {
  rows: QueueRow[];
  /** Flags per severity, under the same status/track/assignee/caseload filter (not the severity filter). */
  counts: SeverityCounts;
  continuation?: string;
}

/** Highest first. */
const ORDER: Severity[] = ['urgent', 'high', 'moderate', 'low'];

/** How many flags one store query reads while filling a page. */
const SCAN_BATCH = 50;

/** Where a page ended: after this flag of this severity (keyset, so the next page is an index range too). */
interface Cursor {
  s: number;
  createdAt: string;
  pk: string;
  id: string;
}

/**
 * The staff queue, one row per participant: rows ordered by each
 * participant's top flag (highest severity, then oldest), every other flag of
 * theirs under the same filter grouped in the row.
 *
 * It scans flags one severity at a time, each an index range ordered by
 * createdAt (status and severity fixed by equality; on SQLite the
 * (status, severityRank, createdAt) index, on Cosmos its composite index). A
 * flag starts a row only if it is its participant's top flag (one read of
 * that participant's partition); otherwise the row it belongs to came
 * earlier. Pages continue from a keyset (severity, createdAt, pk, id), never
 * an offset. Counts per severity are one grouped count.
 */
export class FlagQueue {
  constructor(private readonly flags: FlagRepository) {}

  async page(filter: QueueFilter, limit: number, continuation?: string): Promise<QueuePage> {
    const severities = ORDER.filter((s) => !filter.severity || s === filter.severity);
    const cursor = decode(continuation, severities.length);
    const counts = await this.counts(filter);
    const base = this.conditions(filter);
    const rows: QueueRow[] = [];
    let last: Cursor | undefined;
    const groups = new Map<string, Promise<Stored<Flag>[]>>();
    const groupOf = (participantId: string) => {
      let group = groups.get(participantId);
      if (!group) groups.set(participantId, (group = this.flags.ofParticipant(participantId, this.rowConditions(filter)).then(sortQueueOrder)));
      return group;
    };

    for (let s = cursor?.s ?? 0; s < severities.length; s++) {
      if (counts[severities[s]] === 0) continue;
      const after = cursor && cursor.s === s ? cursor : undefined;
      const where: Condition[] = [...base, { field: 'severityRank', op: '=', value: SEVERITY_RANK[severities[s]] }];
      if (after) where.push({ field: 'createdAt', op: '>=', value: after.createdAt });
      let token: string | undefined;
      do {
        const batch = await this.flags.oldestFirst(where, SCAN_BATCH, token);
        token = batch.continuation;
        const fresh = after ? batch.items.filter((f) => isAfter(f, after)) : batch.items;
        for (const flag of fresh) {
          const group = await groupOf(flag.participantId);
          if (group[0]?.id !== flag.id) continue;
          // A continuation only once a row past the page is found: flags still unread may all be grouped in rows already shown.
          if (rows.length === limit) return { rows, counts, continuation: encode(last!) };
          rows.push({ participantId: flag.participantId, flags: group });
          last = { s, createdAt: flag.createdAt, pk: flag.pk, id: flag.id };
        }
      } while (token);
    }
    return { rows, counts };
  }

  /** Flags per severity under the filter (its severity aside): one grouped count. */
  async counts(filter: Omit<QueueFilter, 'severity'>): Promise<SeverityCounts> {
    const byRank = await this.flags.countBySeverity(this.conditions(filter));
    return Object.fromEntries(ORDER.map((severity) => [severity, byRank.get(SEVERITY_RANK[severity]) ?? 0])) as SeverityCounts;
  }

  /** Open urgent flags past their escalation: the banner on every dashboard page. */
  async escalated(limit: number): Promise<Stored<Flag>[]> {
    return this.flags.escalated(limit);
  }

  private conditions(filter: Omit<QueueFilter, 'severity'>): Condition[] {
    const where: Condition[] = [{ field: 'status', op: '=', value: filter.status }];
    if (filter.caseload !== undefined) where.push({ field: 'assignedStaffId', op: '=', value: filter.caseload });
    if (filter.track) where.push({ field: 'track', op: '=', value: filter.track });
    if (filter.assignee !== undefined) where.push({ field: 'assignee', op: '=', value: filter.assignee });
    return where;
  }

  /** What a row groups: the participant's flags under the whole filter, severity included. */
  private rowConditions(filter: QueueFilter): Condition[] {
    const where = this.conditions(filter);
    if (filter.severity) where.push({ field: 'severityRank', op: '=', value: SEVERITY_RANK[filter.severity] });
    return where;
  }
}

/** The queue's order: highest severity, then oldest, then (pk, id) as the store breaks ties. */
export function sortQueueOrder(flags: Stored<Flag>[]): Stored<Flag>[] {
  return flags.sort((a, b) => b.severityRank - a.severityRank || compare(a.createdAt, b.createdAt) || compare(a.pk, b.pk) || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Strictly after the cursor in (createdAt, pk, id) order. */
function isAfter(flag: Flag, c: Cursor): boolean {
  return (compare(flag.createdAt, c.createdAt) || compare(flag.pk, c.pk) || compare(flag.id, c.id)) > 0;
}

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decode(token: string | undefined, max: number): Cursor | undefined {
  if (!token) return undefined;
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString()) as Partial<Cursor>;
    if (
      typeof c.s === 'number' && Number.isInteger(c.s) && c.s >= 0 && c.s < max &&
      typeof c.createdAt === 'string' && typeof c.pk === 'string' && typeof c.id === 'string'
    ) {
      return { s: c.s, createdAt: c.createdAt, pk: c.pk, id: c.id };
    }
  } catch {
    // fall through
  }
  throw new InvalidContinuationError();
}
