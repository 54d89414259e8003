import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditEvent, AuditLog } from '../../bot/staff/audit';
import { StaffClient, StaffHarness } from '../staff/staffHarness';
import { NAMES, PHONE, RANGE, seedFixture } from './fixture';

const QUERY = `from=${RANGE.from}&to=${RANGE.to}`;

describe('Program report over HTTP', () => {
  let s: StaffHarness;
  let admin: StaffClient;
  let adminEs: StaffClient;
  let clinician: StaffClient;

  const events = async (action: string) => {
    const all: AuditEvent[] = [];
    for await (const e of new AuditLog(s.services.store, s.clock).all({ from: new Date(0), to: new Date(s.clock().getTime() + 1) })) all.push(e);
    return all.filter((e) => e.action === action);
  };

  before(async () => {
    s = await StaffHarness.start({ PROGRAM_TIMEZONE: 'America/Chicago' });
    await seedFixture(s.services.store);
    await s.account('director@clinic.org', 'admin', { language: 'en' });
    await s.account('directora@clinic.org', 'admin', { language: 'es' });
    await s.account('nurse@clinic.org', 'clinician');
    admin = await StaffClient.signedIn(s.base, 'director@clinic.org');
    adminEs = await StaffClient.signedIn(s.base, 'directora@clinic.org');
    clinician = await StaffClient.signedIn(s.base, 'nurse@clinic.org');
  });
  after(() => s.stop());

  it('answers an admin with the figures and audits the view', async () => {
    const r = await admin.json('GET', `/api/staff/reports?${QUERY}&track=morning`);
    assert.deepEqual(r.participants, { enrolled: 2, active: 2, paused: 0, discharged: 0 });
    assert.deepEqual(r.lessons, { sent: 3, completed: 2, rate: 0.6667 });
    const text = JSON.stringify(r);
    for (const secret of [...Object.values(NAMES), PHONE]) assert.ok(!text.includes(secret), secret);
    const audited = (await events('reports.view')).at(-1)!;
    assert.equal(audited.actor, 'director@clinic.org');
    assert.deepEqual(audited.detail, { from: RANGE.from, to: RANGE.to, track: 'morning' });
  });

  it('exports the same figures as CSV at reports.csv and with format=csv, each audited', async () => {
    const before = (await events('reports.export')).length;
    for (const path of [`/api/staff/reports.csv?${QUERY}`, `/api/staff/reports?${QUERY}&format=csv`]) {
      const res = await admin.call('GET', path);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="puente-program-2025-03-03_2025-03-16\.csv"/);
      const csv = await res.text();
      assert.ok(csv.includes('flags,total,all,2025-03-03,2025-03-16,7'));
      for (const secret of [...Object.values(NAMES), PHONE, 'unknown:']) assert.ok(!csv.includes(secret), secret);
    }
    assert.equal((await events('reports.export')).length, before + 2);
  });

  it('refuses a clinician (403, audited as access denied) on the API, the CSV and the page', async () => {
    const denied = (await events('access.denied')).length;
    for (const path of [`/api/staff/reports?${QUERY}`, `/api/staff/reports.csv?${QUERY}`, '/staff/reports']) {
      const res = await clinician.call('GET', path);
      assert.equal(res.status, 403, path);
      assert.ok(!(await res.text()).includes('Alma'));
    }
    assert.equal((await events('access.denied')).length, denied + 3);
    const queue = await (await clinician.call('GET', '/staff')).text();
    assert.ok(!queue.includes('href="/staff/reports"'), 'no Program link for clinicians');
  });

  it('answers bad input with a clear 400 and audits nothing', async () => {
    const views = (await events('reports.view')).length + (await events('reports.export')).length;
    const cases: Array<[string, RegExp]> = [
      ['from=2025-13-01&to=2025-03-16', /from: not a calendar date/],
      ['from=yesterday&to=2025-03-16', /from: must be a date/],
      ['from=2025-03-16&to=2025-03-03', /from must be on or before to/],
      ['from=2024-01-01&to=2025-06-30', /at most 366 days/],
      [`${QUERY}&track=night`, /^track: /],
      [`${QUERY}&format=xml`, /format: must be json or csv/],
      ['to=2025-03-16', /^from: /],
    ];
    for (const [query, message] of cases) {
      const res = await admin.call('GET', `/api/staff/reports?${query}`);
      assert.equal(res.status, 400, query);
      const body = (await res.json()) as { error: string; message: string };
      assert.equal(body.error, 'invalid');
      assert.match(body.message, message);
    }
    assert.equal((await admin.call('GET', '/api/staff/reports.csv?from=2025-03-16&to=2025-03-03')).status, 400);
    assert.equal((await events('reports.view')).length + (await events('reports.export')).length, views);
  });

  it('serves the Program page in English and in Spanish, with the nav link for admins', async () => {
    const en = await (await admin.call('GET', `/staff/reports?${QUERY}`)).text();
    assert.match(en, /<html lang="en">/);
    assert.match(en, /<h1>Program<\/h1>/);
    assert.match(en, /<a href="\/staff\/reports" aria-current="page">Program<\/a>/);
    assert.match(en, /Check-in adherence/);
    assert.match(en, /href="\/api\/staff\/reports\.csv\?from=2025-03-03&amp;to=2025-03-16"/);
    const es = await (await adminEs.call('GET', '/staff/reports')).text();
    assert.match(es, /<html lang="es">/);
    assert.match(es, /<h1>Programa<\/h1>/);
    assert.match(es, /Cumplimiento del registro diario/);
    assert.match(es, /Descargar estas cifras \(CSV\)/);
    // The default period: the 90 days ending today (the harness clock: 4 March 2025).
    assert.match(es, /id="r-from" name="from" type="date" required value="2024-12-05"/);
    assert.match(es, /id="r-to" name="to" type="date" required value="2025-03-04"/);
  });
});
