import { DateTime } from 'luxon';
import type { Request } from 'restify';
import { z } from 'zod';
import { InvalidInputError } from '../../errors';
import { AUDIT_ACTIONS, csvHeader, csvRow } from '../audit';
import { StaffCore } from '../staffCore';
import { StaffGuard } from './guard';
import { auditBody } from './pages';
import { pageQuery, parse } from './params';
import { queryOf } from './web';

const auditQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  action: z.enum(AUDIT_ACTIONS).optional(),
});

/** The audit trail (admins): the page, a JSON page of events, and the CSV export. */
export function registerAuditRoutes(guard: StaffGuard, core: StaffCore): void {
  const zone = core.config.programTimeZone;

  /** The form's range: dates in the program's zone, `to` inclusive; the last 7 days by default. */
  const auditRange = (req: Request): { from: string; to: string; action?: string } => {
    const q = queryOf(req);
    const today = DateTime.fromJSDate(core.clock(), { zone });
    return { from: q.from ?? today.minus({ days: 6 }).toISODate()!, to: q.to ?? today.toISODate()!, action: q.action };
  };

  const rangeOf = (req: Request) => {
    const q = parse(auditQuery, auditRange(req));
    const from = DateTime.fromISO(q.from, { zone }).startOf('day');
    const to = DateTime.fromISO(q.to, { zone }).plus({ days: 1 }).startOf('day');
    if (!from.isValid || !to.isValid || to <= from) throw new InvalidInputError('bad_range', 'from', 'from must be a date on or before to');
    if (to.diff(from, 'days').days > 366) throw new InvalidInputError('too_large', 'to', 'the range may span at most a year (366 days)', 366);
    return { from: from.toJSDate(), to: to.toJSDate(), action: q.action, label: `${q.from}_${q.to}` };
  };

  guard.page('/staff/audit', 'audit', true, (a) => ({ title: a.t('staff:audit.title'), body: auditBody(a.t, auditRange(a.req)) }));

  guard.api('get', '/api/staff/audit', true, async (a) => {
    const range = rangeOf(a.req);
    const { limit, continuation } = parse(pageQuery, queryOf(a.req));
    const page = await core.audit.page(range, limit, continuation);
    await a.audit({ action: 'audit.view', recordType: 'audit', detail: { count: page.items.length } });
    a.res.send(200, { items: page.items.map(({ _etag, pk: _pk, ...event }) => event), continuation: page.continuation ?? null });
  });

  /** CSV of the range, oldest first, streamed page by page. */
  guard.api('get', '/api/staff/audit/export', true, async (a) => {
    const range = rangeOf(a.req);
    await a.audit({ action: 'audit.export', recordType: 'audit', detail: { from: range.from.toISOString(), to: range.to.toISOString() } });
    a.res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="puente-audit-${range.label}.csv"` });
    a.res.write(csvHeader());
    for await (const event of core.audit.all(range)) a.res.write(csvRow(event));
    a.res.end();
  });
}
