import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProgramReports } from '../../bot/reports/programReport';
import { reportCsv } from '../../bot/reports/reportCsv';
import { parseReportRange } from '../../bot/reports/reportRange';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';
import { HOURS, NAMES, PHONE, RANGE, seedFixture, ZONE } from './fixture';

/*
 * Every expected number below was worked out by hand from fixture.ts
 * (participants A–E, flags f1–f9 …), not by running the report code.
 */
for (const factory of STORE_FACTORIES) {
  describe(`program report over a hand-computed fixture (${factory.name})`, () => {
    let h: StoreHandle;
    let reports: ProgramReports;
    before(async () => {
      h = await factory.make();
      await seedFixture(h.store);
      reports = new ProgramReports(h.store, HOURS);
    });
    after(() => h.cleanup());

    it('gives the whole program’s figures', async () => {
      const r = await reports.build(parseReportRange(RANGE, ZONE));
      // A, B, C, D enrolled before 17 March (E after); active in 10–16 March: A (12th), B, D (16th).
      assert.deepEqual(r.participants, { enrolled: 4, active: 3, paused: 1, discharged: 1 });
      // Only active participants are expected: A all 14 days, B from Monday 10 March (its enrollment day).
      assert.deepEqual(r.adherence, [
        { track: 'morning', weekStart: '2025-03-03', expected: 7, completed: 3, rate: 0.4286 },
        { track: 'afternoon', weekStart: '2025-03-03', expected: 0, completed: 0, rate: null },
        { track: 'evening', weekStart: '2025-03-03', expected: 0, completed: 0, rate: null },
        { track: 'morning', weekStart: '2025-03-10', expected: 14, completed: 4, rate: 0.2857 },
        { track: 'afternoon', weekStart: '2025-03-10', expected: 0, completed: 0, rate: null },
        { track: 'evening', weekStart: '2025-03-10', expected: 0, completed: 0, rate: null },
      ]);
      // Sent check-in prompts in range: A 3, 4, 6, 12, 14 and B 10, 11 (the follow-up, the failed one and 2 March do not count);
      // completed the same day: A 3, 4, 12 and B 10, 11.
      assert.deepEqual(r.promptResponse, { sent: 7, completed: 5, rate: 0.7143 });
      // f1–f7 (f8 after the range, f9 one minute before it starts at 06:00Z). During hours: f1 30, f2 10, f3 50, f7 5 minutes;
      // outside: f4 (Saturday) 120, f5 (22:00 local) 45; f6 still open.
      assert.deepEqual(r.flags, {
        total: 7,
        bySeverity: { low: 1, moderate: 1, high: 2, urgent: 3 },
        open: 1,
        duringHours: { acknowledged: 4, medianMinutes: 10, p90Minutes: 50 },
        outsideHours: { acknowledged: 2, medianMinutes: 45, p90Minutes: 120 },
      });
      // PHQ-9: A 18 → 11 (−7), C 9 → 12 (+3); B has one administration, D's latest is unfinished.
      assert.deepEqual(r.phq9, { participants: 2, meanChange: -2, improvedShare: 0.5 });
      // GAD-7: A 10 → 4 (−6), B 8 → 3 (−5), D 7 → 9 (+2).
      assert.deepEqual(r.gad7, { participants: 3, meanChange: -3, improvedShare: 0.6667 });
      // One 4-week period (the range is 14 days): A (2, 10, 15) and C (0, 6, 20); B's is unfinished.
      assert.deepEqual(r.bam, [{ from: '2025-03-03', to: '2025-03-16', administrations: 2, use: 1, risk: 8, protective: 17.5 }]);
      // Weeks of 3 and 10 March: A ✓ ✗, B ✓, C ✗.
      assert.deepEqual(r.lessons, { sent: 4, completed: 2, rate: 0.5 });
    });

    it('gives one track’s figures (flags of people not enrolled are in no track)', async () => {
      const r = await reports.build(parseReportRange({ ...RANGE, track: 'morning' }, ZONE));
      assert.equal(r.track, 'morning');
      assert.deepEqual(r.participants, { enrolled: 2, active: 2, paused: 0, discharged: 0 });
      assert.deepEqual(r.adherence.map((c) => [c.track, c.weekStart, c.rate]), [
        ['morning', '2025-03-03', 0.4286],
        ['morning', '2025-03-10', 0.2857],
      ]);
      assert.deepEqual(r.promptResponse, { sent: 7, completed: 5, rate: 0.7143 });
      // f1–f5: during 10, 30, 50; outside 45, 120.
      assert.deepEqual(r.flags, {
        total: 5,
        bySeverity: { low: 1, moderate: 1, high: 2, urgent: 1 },
        open: 0,
        duringHours: { acknowledged: 3, medianMinutes: 30, p90Minutes: 50 },
        outsideHours: { acknowledged: 2, medianMinutes: 45, p90Minutes: 120 },
      });
      assert.deepEqual(r.phq9, { participants: 1, meanChange: -7, improvedShare: 1 });
      assert.deepEqual(r.gad7, { participants: 2, meanChange: -5.5, improvedShare: 1 });
      assert.deepEqual(r.bam, [{ from: '2025-03-03', to: '2025-03-16', administrations: 1, use: 2, risk: 10, protective: 15 }]);
      assert.deepEqual(r.lessons, { sent: 3, completed: 2, rate: 0.6667 });
    });

    it('exports the aggregates as CSV without ids, names, phone numbers or text', async () => {
      const csv = reportCsv(await reports.build(parseReportRange(RANGE, ZONE)));
      const lines = csv.trimEnd().split('\r\n');
      assert.equal(lines[0], 'section,measure,track,period_from,period_to,value');
      assert.ok(lines.includes('participants,enrolled,all,2025-03-03,2025-03-16,4'));
      assert.ok(lines.includes('adherence,rate,morning,2025-03-10,2025-03-16,0.2857'));
      assert.ok(lines.includes('adherence,rate,evening,2025-03-03,2025-03-09,'));
      assert.ok(lines.includes('time_to_acknowledge,outside_hours_p90_minutes,all,2025-03-03,2025-03-16,120'));
      assert.ok(lines.includes('phq9,mean_change,all,2025-03-03,2025-03-16,-2'), 'a negative number stays a number');
      assert.ok(lines.includes('bam,protective,all,2025-03-03,2025-03-16,17.5'));
      for (const line of lines.slice(1)) assert.equal(line.split(',').length, 6, line);
      for (const secret of [...Object.values(NAMES), PHONE, 'unknown:', 'nota', 'reflexión', 'nurse@clinic.org', 'f1', 'stress-1']) {
        assert.ok(!csv.includes(secret), `CSV must not contain ${secret}`);
      }
      // No participant id (A … E) as a cell of its own.
      for (const cell of lines.flatMap((l) => l.split(','))) assert.ok(!/^[A-E]$/.test(cell), `cell ${cell}`);
    });
  });
}

describe('report range', () => {
  const bad = (q: Record<string, string>, message: RegExp) => assert.throws(() => parseReportRange(q, ZONE), (err: Error & { status?: number }) => err.status === 400 && message.test(err.message));
  it('rejects bad dates, from after to, a range over a year and unknown tracks with a clear message', () => {
    bad({ to: '2025-03-16' }, /^from: /);
    bad({ from: '2025-3-3', to: '2025-03-16' }, /from: must be a date/);
    bad({ from: '2025-02-30', to: '2025-03-16' }, /from: not a calendar date/);
    bad({ from: '2025-03-16', to: '2025-03-03' }, /from must be on or before to/);
    bad({ from: '2024-01-01', to: '2025-01-01' }, /at most 366 days/);
    bad({ from: '2025-03-03', to: '2025-03-16', track: 'night' }, /^track: /);
  });
  it('takes a leap year whole and reads dates in the program’s zone', () => {
    const r = parseReportRange({ from: '2024-01-01', to: '2024-12-31' }, ZONE);
    assert.equal(r.start.toISOString(), '2024-01-01T06:00:00.000Z');
    assert.equal(r.end.toISOString(), '2025-01-01T06:00:00.000Z');
    assert.equal(r.track, null);
  });
});
