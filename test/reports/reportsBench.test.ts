import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runReportsBench } from '../../bench/reports';

test('bench:reports runs end to end at smoke size and measures the report it claims to', async () => {
  const f = await runReportsBench({ participants: 4, days: 120, end: '2026-01-01', requests: 3, from: '2025-10-01', to: '2025-12-31' });
  // Every seeded participant was enrolled before October and sent a prompt on each of the quarter's 92 days.
  assert.equal(f.report.participants.enrolled, 4);
  assert.equal(f.report.promptResponse.sent, 4 * 92);
  assert.equal(f.requests, 3);
  for (const v of [f.p50, f.p99, f.max, f.peakRssMb, f.loopDelayMaxMs]) assert.ok(Number.isFinite(v) && v > 0, String(v));
  assert.ok(f.p50 <= f.p99 && f.p99 <= f.max);
  assert.ok(f.documents > 4 * 120 * 2, `seeded ${f.documents} documents`);
});
