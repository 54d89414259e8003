import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Clock } from '../clock';
import { InvalidContinuationError } from '../errors';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { queryEach } from '../store/queryAll';

export const AUDIT = 'audit';

export const AUDIT_ACTIONS = [
  'signin.success',
  'signin.failure',
  'signin.locked',
  'signout',
  'access.denied',
  'flags.list',
  'flags.escalated',
  'flag.view',
  'flag.acknowledge',
  'flag.note',
  'flag.resolve',
  'flag.safe_to_resume',
  'participants.list',
  'participant.view',
  'participant.enroll',
  'participant.update',
  'participant.pause',
  'participant.resume',
  'participant.discharge',
  'participant.code',
  'audit.view',
  'audit.export',
  'teams.acknowledge',
  'teams.unmapped',
  'flag.escalate',
  'staff.add',
  'staff.link',
  'staff.unlock',
  'staff.disable',
  'safetyplan.view',
  'safetyplan.save',
  'safetyplan.accept',
  'safetyplan.dismiss',
  'thread.view',
  'thread.send',
  'thread.receive',
  'handoff.end',
  'teams.reply',
  'participant.assign',
  'participant.contact_reveal',
  'reports.view',
  'reports.export',
  'lessons.view',
  'lessons.assign',
  'lessons.unassign',
  'participant.measures_view',
  'participant.measures_update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditChannel = 'dashboard' | 'teams' | 'system' | 'cli';

/**
 * Who did what to which record, when and from where. pk = the UTC month
 * 'YYYY-MM' of `at`: a date-range export reads one partition per month.
 * Written once; the app has no path that changes or deletes one.
 */
export interface AuditEvent extends DocBase {
  at: string;
  /** Staff email, or null for the system (escalation) and unknown callers. */
  actor: string | null;
  actorRole: string | null;
  action: AuditAction;
  recordType: 'flag' | 'participant' | 'staff' | 'audit' | 'safetyplan' | 'lessonAssignment' | 'thread' | null;
  recordId: string | null;
  participantId: string | null;
  /** Client address (X-Forwarded-For when behind a trusted proxy) or the Teams user id. */
  ip: string | null;
  channel: AuditChannel;
  /** Ids, counts and codes only: never note or message text. */
  detail: Record<string, string | number | boolean | null> | null;
}

export type AuditInput = Omit<AuditEvent, 'id' | 'pk' | 'at' | 'recordType' | 'recordId' | 'participantId' | 'ip' | 'detail' | 'channel'> &
  Partial<Pick<AuditEvent, 'recordType' | 'recordId' | 'participantId' | 'ip' | 'detail' | 'channel'>>;

export interface AuditRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  action?: AuditAction;
}

/** Orders this process's events within one millisecond. */
let sequence = 0;

export class AuditLog {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async record(input: AuditInput): Promise<void> {
    const at = this.clock();
    const iso = at.toISOString();
    await this.store.create<AuditEvent>(AUDIT, {
      // Time first, then this process's write order, so ids sort like events; the random
      // suffix keeps apart events of the same millisecond from other processes.
      id: `${iso}_${(++sequence).toString(36).padStart(8, '0')}_${randomUUID().slice(0, 8)}`,
      pk: monthOf(at),
      at: iso,
      actor: input.actor,
      actorRole: input.actorRole,
      action: input.action,
      recordType: input.recordType ?? null,
      recordId: input.recordId ?? null,
      participantId: input.participantId ?? null,
      ip: input.ip ?? null,
      channel: input.channel ?? 'dashboard',
      detail: input.detail ?? null,
    });
  }

  /**
   * One page of events in the range, newest first. The token names the month
   * being read and the store's own token inside it (Cosmos pages by
   * continuation, never by offset).
   */
  async page(range: AuditRange, limit: number, continuation?: string): Promise<{ items: Stored<AuditEvent>[]; continuation?: string }> {
    const months = monthsDescending(range);
    let { m, c } = decodeToken(continuation);
    const items: Stored<AuditEvent>[] = [];
    while (m < months.length && items.length < limit) {
      const page = await this.store.query<AuditEvent>(AUDIT, {
        pk: months[m],
        where: this.conditions(months[m], range),
        orderBy: [{ field: 'at', dir: 'desc' }],
        limit: limit - items.length,
        continuation: c,
      });
      items.push(...page.items);
      if (page.continuation) c = page.continuation;
      else {
        m += 1;
        c = undefined;
      }
    }
    return m < months.length ? { items, continuation: encodeToken(m, c) } : { items };
  }

  /** Every event in the range, oldest first, a store page at a time (CSV export). */
  async *all(range: AuditRange): AsyncGenerator<Stored<AuditEvent>> {
    for (const month of monthsDescending(range).reverse()) {
      yield* queryEach<AuditEvent>(this.store, AUDIT, {
        pk: month,
        where: this.conditions(month, range),
        orderBy: [{ field: 'at', dir: 'asc' }],
        limit: 500,
      });
    }
  }

  private conditions(month: string, range: AuditRange) {
    return [
      // The pk repeated as a condition: the Cosmos emulator does not scope queries to a partition.
      { field: 'pk', op: '=' as const, value: month },
      { field: 'at', op: '>=' as const, value: range.from.toISOString() },
      { field: 'at', op: '<' as const, value: range.to.toISOString() },
      ...(range.action ? [{ field: 'action', op: '=' as const, value: range.action }] : []),
    ];
  }
}

export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The UTC months the range touches, newest first. */
function monthsDescending(range: AuditRange): string[] {
  const months: string[] = [];
  if (range.to <= range.from) return months;
  let cursor = DateTime.fromJSDate(range.to, { zone: 'utc' }).minus({ milliseconds: 1 }).startOf('month');
  const first = DateTime.fromJSDate(range.from, { zone: 'utc' }).startOf('month');
  while (cursor >= first) {
    months.push(cursor.toFormat('yyyy-MM'));
    cursor = cursor.minus({ months: 1 });
  }
  return months;
}

function encodeToken(m: number, c: string | undefined): string {
  return Buffer.from(JSON.stringify({ m, c: c ?? null })).toString('base64url');
}

function decodeToken(token: string | undefined): { m: number; c: string | undefined } {
  if (!token) return { m: 0, c: undefined };
  try {
    const { m, c } = JSON.parse(Buffer.from(token, 'base64url').toString()) as { m?: unknown; c?: unknown };
    if (typeof m === 'number' && Number.isInteger(m) && m >= 0 && (c === null || typeof c === 'string')) return { m, c: c ?? undefined };
  } catch {
    // fall through
  }
  throw new InvalidContinuationError();
}

const CSV_COLUMNS = ['at', 'actor', 'actorRole', 'action', 'recordType', 'recordId', 'participantId', 'ip', 'channel', 'detail'] as const;

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(e: AuditEvent): string {
  return `${CSV_COLUMNS.map((col) => csvCell(col === 'detail' ? (e.detail ? JSON.stringify(e.detail) : '') : e[col])).join(',')}\r\n`;
}

/**
 * RFC 4180 quoting, and a leading apostrophe on cells a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR).
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
