import { AppError } from '../../errors';
import { ProgramReport, ProgramReports } from '../../reports/programReport';
import { reportCsv } from '../../reports/reportCsv';
import { defaultRange, parseReportRange, ReportRange } from '../../reports/reportRange';
import { StaffCore } from '../staffCore';
import { Authorized, StaffGuard } from './guard';
import { reportBody } from './reportPage';
import { queryOf } from './web';

/** The Program page and its figures (admins): JSON for the page, CSV of the same aggregates. Every view is audited. */
export function registerReportRoutes(guard: StaffGuard, core: StaffCore): void {
  const reports = new ProgramReports(core.store, core.config.programHours);
  const zone = core.config.programTimeZone;

  guard.page('/staff/reports', 'reports', true, (a) => {
    const q = queryOf(a.req);
    const fallback = defaultRange(core.clock(), zone);
    return { title: a.t('staff:reports.title'), body: reportBody(a.t, { from: q.from ?? fallback.from, to: q.to ?? fallback.to, track: q.track }) };
  });

  const audit = (a: Authorized, action: 'reports.view' | 'reports.export', range: ReportRange) =>
    a.audit({ action, detail: { from: range.from, to: range.to, track: range.track } });

  const sendCsv = async (a: Authorized, range: ReportRange, report: ProgramReport) => {
    await audit(a, 'reports.export', range);
    const name = `puente-program-${range.from}_${range.to}${range.track ? `_${range.track}` : ''}.csv`;
    a.res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` });
    a.res.end(reportCsv(report));
  };

  guard.api('get', '/api/staff/reports', true, async (a) => {
    const q = queryOf(a.req);
    if (q.format !== undefined && q.format !== 'json' && q.format !== 'csv') throw new AppError('invalid', 'format: must be json or csv');
    const range = parseReportRange(q, zone);
    const report = await reports.build(range);
    if (q.format === 'csv') return sendCsv(a, range, report);
    await audit(a, 'reports.view', range);
    a.res.send(200, report);
  });

  guard.api('get', '/api/staff/reports.csv', true, async (a) => {
    const range = parseReportRange(queryOf(a.req), zone);
    await sendCsv(a, range, await reports.build(range));
  });
}
