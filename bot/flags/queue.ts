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
}

export type SeverityCounts = Record<Severity, number>;

export interface QueuePage {
  items: Stored<Flag>[];
  /** Per severity, under the same status/track/assignee filter (not the severity filter). */
  counts: SeverityCounts;
  continuation?: string;
}

/** Highest first. */
const ORDER: Severity[] = ['urgent', 'high', 'moderate', 'low'];

/**
 * The staff queue: highest severity first, then oldest first.
 *
 * It reads one severity at a time, each ordered by createdAt alone, with
 * status and severity fixed by equality. That is one index range on SQLite
 * (status, severityRank, createdAt) and a plain ORDER BY on Cosmos, which
 * pages by continuation token (no OFFSET/LIMIT there). The page token names
 * the severity being read and the store's token within it.
 */
export class FlagQueue {
  constructor(private readonly flags: FlagRepository) {}

  async page(filter: QueueFilter, limit: number, continuation?: string): Promise<QueuePage> {
    const counts = await this.counts(filter);
    const severities = ORDER.filter((s) => !filter.severity || s === filter.severity);
    let { s, c } = decode(continuation, severities.length);
    const items: Stored<Flag>[] = [];
    const skipEmpty = () => {
      while (s < severities.length && counts[severities[s]] === 0) s += 1;
    };
    skipEmpty();
    while (s < severities.length && items.length < limit) {
      const severity = severities[s];
      const page = await this.flags.oldestFirst(
        [...this.conditions(filter), { field: 'severityRank', op: '=', value: SEVERITY_RANK[severity] }],
        limit - items.length,
        c,
      );
      items.push(...page.items);
      if (page.continuation) c = page.continuation;
      else {
        s += 1;
        c = undefined;
        skipEmpty();
      }
    }
    return s < severities.length ? { items, counts, continuation: encode(s, c) } : { items, counts };
  }

  async counts(filter: Omit<QueueFilter, 'severity'>): Promise<SeverityCounts> {
    const base = this.conditions(filter);
    const values = await Promise.all(
      ORDER.map((severity) => this.flags.count([...base, { field: 'severityRank', op: '=', value: SEVERITY_RANK[severity] }])),
    );
    return Object.fromEntries(ORDER.map((severity, i) => [severity, values[i]])) as SeverityCounts;
  }

  /** Open urgent flags past their escalation: the banner on every dashboard page. */
  async escalated(limit: number): Promise<Stored<Flag>[]> {
    return this.flags.escalated(limit);
  }

  private conditions(filter: Omit<QueueFilter, 'severity'>): Condition[] {
    const where: Condition[] = [{ field: 'status', op: '=', value: filter.status }];
    if (filter.track) where.push({ field: 'track', op: '=', value: filter.track });
    if (filter.assignee !== undefined) where.push({ field: 'assignee', op: '=', value: filter.assignee });
    return where;
  }
}

function encode(s: number, c: string | undefined): string {
  return Buffer.from(JSON.stringify({ s, c: c ?? null })).toString('base64url');
}

function decode(token: string | undefined, max: number): { s: number; c: string | undefined } {
  if (!token) return { s: 0, c: undefined };
  try {
    const { s, c } = JSON.parse(Buffer.from(token, 'base64url').toString()) as { s?: unknown; c?: unknown };
    if (typeof s === 'number' && Number.isInteger(s) && s >= 0 && s < max && (c === null || typeof c === 'string')) {
      return { s, c: c ?? undefined };
    }
  } catch {
    // fall through
  }
  throw new InvalidContinuationError();
}
