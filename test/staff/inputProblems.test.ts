import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createI18n } from '../../bot/i18n';
import { flagApi, StaffClient, StaffHarness, URGENT } from './staffHarness';

const i18n = createI18n();

/** Every refused input of the staff API carries a stable problem code, the field, and the bound it broke; each code has its words in both languages. */
describe('the staff API says what is wrong with an input by code', () => {
  let s: StaffHarness;
  let admin: StaffClient;
  let pid: string;

  before(async () => {
    s = await StaffHarness.start();
    await s.account('ana@clinic.org', 'admin');
    admin = await StaffClient.signedIn(s.h.baseUrl, 'ana@clinic.org');
    pid = (await s.participant('Ana María Ruiz')).id;
    await s.flag(pid, 'crisis:1', URGENT);
  });
  after(() => s.stop());

  const enroll = { displayName: 'Rosa Núñez', language: 'es', timeZone: 'America/Chicago', track: 'evening', checkinTime: '18:00', screenWeekday: 1 };
  const cases: Array<[string, string, string, unknown, Record<string, unknown>]> = [
    ['a message without text', 'POST', 'messages', {}, { problem: 'required', field: 'text' }],
    ['a message of spaces', 'POST', 'messages', { text: '   ' }, { problem: 'required', field: 'text' }],
    ['a message too long', 'POST', 'messages', { text: 'x'.repeat(1001) }, { problem: 'too_long', field: 'text', limit: 1000 }],
    ['a message that is a number', 'POST', 'messages', { text: 42 }, { problem: 'wrong_type', field: 'text' }],
    ['a body that is not an object', 'POST', 'messages', ['text'], { problem: 'not_json_object' }],
    ['a note of spaces', 'POST', 'note', { text: ' ' }, { problem: 'required', field: 'text' }],
    ['an outcome nobody knows', 'POST', 'resolve', { outcome: 'fixed' }, { problem: 'not_allowed', field: 'outcome' }],
    ['a status change nobody knows', 'POST', 'status', { action: 'delete' }, { problem: 'not_allowed', field: 'action' }],
    ['a time zone nobody has', 'POST', 'enroll', { ...enroll, timeZone: 'Mars/Olympus' }, { problem: 'not_allowed', field: 'timeZone' }],
    ['a check-in time in the wrong form', 'POST', 'enroll', { ...enroll, checkinTime: '6pm' }, { problem: 'bad_format', field: 'checkinTime' }],
    ['an edit of a field that cannot be edited', 'PATCH', 'edit', { displayName: 'X' }, { problem: 'unknown_field', field: 'displayName' }],
    ['an assignment to nobody on staff', 'PUT', 'assign', { email: 'ghost@clinic.org' }, { problem: 'unknown_staff', field: 'email' }],
    ['a page of 0', 'GET', 'queue?limit=0', undefined, { problem: 'too_small', field: 'limit', limit: 1 }],
    ['a forged page token', 'GET', 'queue?continuation=forged', undefined, { problem: 'continuation', field: 'continuation' }],
    ['an audit range backwards', 'GET', 'audit?from=2025-03-04&to=2025-03-01', undefined, { problem: 'bad_range', field: 'from' }],
  ];
  const path = (target: string) => {
    const [name, query] = target.split('?');
    const base = {
      messages: `/api/staff/participants/${pid}/messages`,
      note: `${flagApi(pid, 'crisis:1')}/notes`,
      resolve: `${flagApi(pid, 'crisis:1')}/resolve`,
      status: `/api/staff/participants/${pid}/status`,
      enroll: '/api/staff/participants',
      edit: `/api/staff/participants/${pid}`,
      assign: `/api/staff/participants/${pid}/counsellor`,
      queue: '/api/staff/flags',
      audit: '/api/staff/audit',
    }[name];
    assert.ok(base, name);
    return query ? `${base}?${query}` : base;
  };

  for (const [label, method, target, body, expected] of cases) {
    it(`${label}: 400 with problem ${String(expected.problem)}, said in English and Spanish`, async () => {
      const res = await admin.call(method, path(target), body);
      const answer = (await res.json()) as Record<string, unknown>;
      assert.equal(res.status, 400, JSON.stringify(answer));
      assert.equal(answer.error, 'invalid');
      assert.deepEqual({ problem: answer.problem, field: answer.field, ...(answer.limit !== undefined ? { limit: answer.limit } : {}) }, { field: undefined, ...expected });
      for (const language of ['en', 'es']) {
        assert.ok(i18n.exists(`staff:app.invalid.${String(answer.problem)}`, { lng: language }), `${language} words for ${String(answer.problem)}`);
      }
    });
  }

  it('the refused inputs changed nothing', async () => {
    assert.equal((await s.services.participants.list()).length, 1);
    const [flag] = await s.services.flags.listForParticipant(pid);
    assert.deepEqual([flag.status, flag.notes.length], ['open', 0]);
  });
});
