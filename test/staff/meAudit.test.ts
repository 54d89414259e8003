import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuditEvent, AuditLog } from '../../bot/staff/audit';
import { StaffClient, StaffHarness, URGENT } from './staffHarness';

test('GET /api/staff/me audits each escalated flag it returns', async (t) => {
  const s = await StaffHarness.start();
  t.after(() => s.stop());
  await s.account('clin@clinic.org', 'clinician');
  const ana = await s.participant('Ana María Ruiz');
  const ben = await s.participant('Ben Ortiz', { language: 'en' });
  await s.flag(ana.id, 'checkin:esc-a', URGENT);
  await s.flag(ben.id, 'checkin:esc-b', URGENT);
  const clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');

  const events = async () => {
    const all: AuditEvent[] = [];
    for await (const e of new AuditLog(s.services.store, s.clock).all({ from: new Date(0), to: new Date(s.clock().getTime() + 1) })) all.push(e);
    return all.filter((e) => e.action === 'flags.escalated');
  };
  // Nothing escalated yet: nothing shown, nothing audited.
  assert.deepEqual((await (await clin.call('GET', '/api/staff/me')).json()).escalated, []);
  assert.equal((await events()).length, 0);

  s.clock.advance(16 * 60_000);
  await s.staff.tick();
  // (The first session has idled out meanwhile.)
  const again = await StaffClient.signedIn(s.base, 'clin@clinic.org');
  const me = await (await again.call('GET', '/api/staff/me')).json();
  assert.equal(me.escalated.length, 2);
  const audited = await events();
  assert.deepEqual(
    audited.map((e) => [e.actor, e.recordType, e.recordId, e.participantId]).sort(),
    me.escalated.map((f: { id: string; participantId: string }) => ['clin@clinic.org', 'flag', f.id, f.participantId]).sort(),
  );
  assert.ok(audited.every((e) => e.ip !== null));
});
