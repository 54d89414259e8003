import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkInId, emptyAnswers } from '../../bot/domain/checkins';
import { DueEntries, slotOf } from '../../bot/outreach/dueEntries';
import { flagApi, HIGH, LOW, MODERATE, PASSWORD, StaffClient, StaffHarness, URGENT } from './staffHarness';

describe('staff API: flags, participants, audit', () => {
  let s: StaffHarness;
  let clin: StaffClient;
  let admin: StaffClient;
  let pid: string;

  before(async () => {
    s = await StaffHarness.start();
    await s.account('clin@clinic.org', 'clinician');
    await s.account('admin@clinic.org', 'admin', { language: 'es' });
    const p = await s.participant('Ana María Ruiz');
    pid = p.id;
    // Three days of check-ins; the last one raises the flag.
    const { checkins } = s.services;
    for (const [localDate, mood, craving, sleepHours] of [
      ['2025-03-01', 6, 3, 7],
      ['2025-03-02', 4, 6, 5],
      ['2025-03-04', 2, 9, 3.5],
    ] as const) {
      const c = checkins.start({ participantId: pid, timeZone: 'America/Chicago', language: 'es', channel: 'sms', localDate });
      c.answers = { ...emptyAnswers(), mood, craving, sleepHours, use: 'no', note: localDate === '2025-03-04' ? 'Fue un día <b>difícil</b>' : null };
      c.status = 'complete';
      await checkins.save(c);
    }
    const other = await s.participant('Zoe Quinn', { track: 'morning' });
    await s.flag(other.id, 'checkin:zoe-low', LOW);
    s.clock.advance(60_000);
    await s.services.flags.raise({
      id: `checkin:${checkInId(pid, '2025-03-04')}`,
      participantId: pid,
      checkinId: checkInId(pid, '2025-03-04'),
      source: 'checkin',
      reasons: [...HIGH, { code: 'mood_low', severity: 'high', detail: { mood: 2, threshold: 2 } }, ...MODERATE],
    });
    s.clock.advance(60_000);
    await s.services.flags.raise({ id: 'checkin:older-high', participantId: other.id, checkinId: null, source: 'checkin', reasons: HIGH });
    // The older high flag must sort before the newer one: move its time back.
    const older = await s.services.flags.get(other.id, 'checkin:older-high');
    const { _etag, ...doc } = older!;
    await s.services.store.replace('flags', { ...doc, createdAt: '2025-03-04T14:00:00.000Z' }, _etag);
    clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    admin = await StaffClient.signedIn(s.base, 'admin@clinic.org');
  });
  after(() => s.stop());

  const flagId = () => `checkin:${checkInId(pid, '2025-03-04')}`;

  it('lists the queue one row per participant, by their top flag (highest severity, oldest), with counts and names', async () => {
    const page = await clin.json('GET', '/api/staff/flags');
    assert.deepEqual(page.counts, { urgent: 0, high: 2, moderate: 0, low: 1 });
    assert.deepEqual(page.everyone, page.counts);
    assert.deepEqual(page.items.map((r: any) => r.flags.map((f: any) => f.id)), [['checkin:older-high', 'checkin:zoe-low'], [flagId()]]);
    assert.deepEqual(page.items.map((r: any) => r.severity), ['high', 'high']);
    assert.equal(page.items[1].participant.displayName, 'Ana María Ruiz');
    assert.equal(page.items[1].participant.initials, 'AMR');
    assert.equal(page.continuation, null);
    const first = await clin.json('GET', '/api/staff/flags?limit=1');
    assert.equal(first.items.length, 1);
    const second = await clin.json('GET', `/api/staff/flags?limit=2&continuation=${encodeURIComponent(first.continuation)}`);
    assert.deepEqual(second.items.map((r: any) => r.participantId), [pid]);
    assert.equal((await clin.call('GET', '/api/staff/flags?severity=severe')).status, 400);
    assert.equal((await clin.call('GET', '/api/staff/flags?continuation=garbage')).status, 400);
  });

  it('shows a flag with its answers, reasons, 30-day history (flags marked) and previous flags', async () => {
    const d = await clin.json('GET', flagApi(pid, flagId()));
    assert.equal(d.flag.severity, 'high');
    assert.deepEqual(d.flag.reasons.map((r: any) => r.code), ['craving_high', 'mood_low', 'sleep_low']);
    assert.equal(d.checkin.answers.craving, 9);
    assert.equal(d.checkin.answers.note, 'Fue un día <b>difícil</b>');
    assert.equal(d.history.days.length, 30);
    assert.equal(d.history.to, '2025-03-04');
    assert.equal(d.history.from, '2025-02-03');
    const byDate = Object.fromEntries(d.history.days.map((x: any) => [x.date, x]));
    assert.deepEqual(byDate['2025-03-02'], { date: '2025-03-02', mood: 4, craving: 6, sleepHours: 5, flag: null, missed: false });
    assert.deepEqual(byDate['2025-03-04'], { date: '2025-03-04', mood: 2, craving: 9, sleepHours: 3.5, flag: 'high', missed: false });
    assert.equal(byDate['2025-03-03'].mood, null);
    assert.deepEqual(d.previousFlags, []);
    assert.equal(d.participant.initials, 'AMR');
    assert.equal(d.flag.pk, undefined);
    assert.equal(d.flag._etag, undefined);
  });

  it('acknowledge, note and resolve are stamped with who and when, and each is audited with the address', async () => {
    const ack = await clin.json('POST', `${flagApi(pid, flagId())}/acknowledge`, {});
    assert.deepEqual(ack, { status: 'acknowledged', assignee: 'clin@clinic.org', acknowledgedAt: s.clock().toISOString(), acknowledgedBy: 'clin@clinic.org', changed: true });
    const mine = await clin.json('GET', '/api/staff/flags?status=acknowledged&assignee=me');
    assert.deepEqual(mine.items.map((r: any) => r.flags.map((f: any) => f.id)), [[flagId()]]);
    s.clock.advance(60_000);
    const note = await clin.json('POST', `${flagApi(pid, flagId())}/notes`, { text: 'Called, left a voicemail' });
    assert.deepEqual(note.notes, [{ at: s.clock().toISOString(), by: 'clin@clinic.org', text: 'Called, left a voicemail' }]);
    assert.equal((await clin.call('POST', `${flagApi(pid, flagId())}/notes`, { text: '   ' })).status, 400);
    assert.equal((await clin.call('POST', `${flagApi(pid, flagId())}/resolve`, { outcome: 'vanished' })).status, 400);
    const resolved = await clin.json('POST', `${flagApi(pid, flagId())}/resolve`, { outcome: 'contacted' });
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.resolvedBy, 'clin@clinic.org');
    assert.equal((await clin.call('POST', `${flagApi(pid, flagId())}/resolve`, { outcome: 'other' })).status, 409);
    assert.equal((await clin.call('POST', `${flagApi(pid, 'checkin:nope')}/acknowledge`, {})).status, 404);

    const audit = await admin.json('GET', '/api/staff/audit?from=2025-03-04&to=2025-03-04&limit=100');
    const mineEvents = audit.items.filter((e: any) => e.actor === 'clin@clinic.org' && e.recordId === flagId());
    // Newest first by time; events of the same instant keep the order they were written in.
    assert.deepEqual(mineEvents.map((e: any) => e.action).sort(), ['flag.acknowledge', 'flag.note', 'flag.resolve', 'flag.view']);
    assert.deepEqual(mineEvents.map((e: any) => e.at), [...mineEvents.map((e: any) => e.at)].sort().reverse());
    const csv = await (await admin.call('GET', '/api/staff/audit/export?from=2025-03-04&to=2025-03-04')).text();
    const exported = csv.split('\r\n').filter((l) => l.includes(',clin@clinic.org,') && l.includes(flagId())).map((l) => l.split(',')[3]);
    assert.deepEqual(exported, ['flag.view', 'flag.acknowledge', 'flag.note', 'flag.resolve']);
    for (const e of mineEvents) {
      assert.equal(e.participantId, pid);
      assert.match(e.ip, /127\.0\.0\.1/);
      assert.equal(e.channel, 'dashboard');
      assert.equal(JSON.stringify(e).includes('voicemail'), false, 'no note text in the audit log');
    }
  });

  it('exports the audit log as CSV for a date range (admin), and the export is itself audited', async () => {
    const res = await admin.call('GET', '/api/staff/audit/export?from=2025-03-04&to=2025-03-04');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.match(res.headers.get('content-disposition')!, /attachment; filename="puente-audit-2025-03-04_2025-03-04\.csv"/);
    const lines = (await res.text()).trim().split('\r\n');
    assert.equal(lines[0], 'at,actor,actorRole,action,recordType,recordId,participantId,ip,channel,detail');
    assert.ok(lines.some((l) => l.includes(',clin@clinic.org,clinician,flag.resolve,flag,')));
    assert.ok(lines.some((l) => l.includes(',admin@clinic.org,admin,signin.success,staff,')));
    const sorted = lines.slice(1).map((l) => l.slice(0, 24));
    assert.deepEqual(sorted, [...sorted].sort(), 'oldest first');
    assert.equal((await admin.call('GET', '/api/staff/audit/export?from=2025-03-05&to=2025-03-01')).status, 400);
    const earlier = await admin.call('GET', '/api/staff/audit/export?from=2025-02-01&to=2025-02-28');
    assert.equal((await earlier.text()).trim().split('\r\n').length, 1, 'header only');
    const exports = async () => (await admin.json('GET', '/api/staff/audit?from=2025-03-04&to=2025-03-04&action=audit.export')).items.length;
    const before = await exports();
    await (await admin.call('GET', '/api/staff/audit/export?from=2025-03-04&to=2025-03-04')).text();
    assert.equal(await exports(), before + 1);
  });

  it('enrolls a participant (code shown once and redeemable), edits, pauses, resumes, discharges', async () => {
    const input = { displayName: 'Rosa Díaz', language: 'es', timeZone: 'America/Denver', track: 'afternoon', checkinTime: '17:30', screenWeekday: 3 };
    assert.equal((await admin.call('POST', '/api/staff/participants', { ...input, checkinTime: '22:00' })).status, 400, 'quiet hours');
    assert.equal((await admin.call('POST', '/api/staff/participants', { ...input, timeZone: 'Mars/Olympus' })).status, 400);
    const enrolled = await admin.json('POST', '/api/staff/participants', input);
    assert.match(enrolled.enrollmentCode, /^[A-Z2-9]{8}$/);
    const id = enrolled.participant.id;
    assert.equal(JSON.stringify(await admin.json('GET', `/api/staff/participants/${id}`)).includes(enrolled.enrollmentCode), false, 'never shown again');
    const due = await new DueEntries(s.services.store).get(id, slotOf('checkin'));
    assert.ok(due, 'outreach was planned for the new participant');

    const edited = await admin.json('PATCH', `/api/staff/participants/${id}`, { checkinTime: '09:15', track: 'morning', timeZone: 'America/Denver' });
    assert.deepEqual(edited.changed.sort(), ['checkinTime', 'track']);
    const moved = await new DueEntries(s.services.store).get(id, slotOf('checkin'));
    assert.notEqual(moved!.dueAt, due.dueAt, 'rescheduled at once');
    assert.equal((await admin.call('PATCH', `/api/staff/participants/${id}`, { displayName: 'New' })).status, 400, 'only schedule and language fields');

    const status = async (action: string) => admin.call('POST', `/api/staff/participants/${id}/status`, { action });
    assert.equal((await status('resume')).status, 409, 'not paused');
    assert.equal((await status('pause')).status, 200);
    assert.equal((await s.services.participants.get(id))!.status, 'paused');
    assert.equal((await status('resume')).status, 200);
    assert.equal((await status('discharge')).status, 200);
    assert.equal((await status('pause')).status, 409);
    assert.equal(await new DueEntries(s.services.store).get(id, slotOf('checkin')), undefined, 'no outreach after discharge');
    assert.equal((await admin.call('POST', `/api/staff/participants/${id}/enrollment-code`, {})).status, 409);
    assert.equal(await s.services.participants.redeemEnrollmentCode(enrolled.enrollmentCode).then((p) => p?.id), id);
  });

  it('lists and searches participants, and shows one with its check-in history (audited)', async () => {
    const all = await clin.json('GET', '/api/staff/participants');
    assert.deepEqual(all.items.map((p: any) => p.displayName).slice(0, 2), ['Ana María Ruiz', 'Rosa Díaz']);
    const found = await clin.json('GET', '/api/staff/participants?q=mar%C3%ADa');
    assert.deepEqual(found.items.map((p: any) => p.displayName), ['Ana María Ruiz']);
    const morning = await clin.json('GET', '/api/staff/participants?track=morning&status=active');
    assert.deepEqual(morning.items.map((p: any) => p.displayName), ['Zoe Quinn']);
    const paged = await clin.json('GET', '/api/staff/participants?limit=1');
    assert.equal(paged.items.length, 1);
    assert.ok(paged.continuation);
    const detail = await clin.json('GET', `/api/staff/participants/${pid}`);
    assert.deepEqual(detail.checkins.map((c: any) => c.localDate), ['2025-03-04', '2025-03-02', '2025-03-01']);
    assert.equal(detail.flags.length, 1);
    const views = await admin.json('GET', '/api/staff/audit?from=2025-03-04&to=2025-03-04&action=participant.view');
    assert.ok(views.items.some((e: any) => e.actor === 'clin@clinic.org' && e.participantId === pid));
  });

  it('serves the dashboard in the staff member’s language (en, es) and switches it', async () => {
    const en = await (await clin.call('GET', '/staff')).text();
    assert.match(en, /<html lang="en">/);
    assert.match(en, /<h1>Flag queue<\/h1>/);
    const es = await (await admin.call('GET', '/staff')).text();
    assert.match(es, /<html lang="es">/);
    assert.match(es, /<h1>Cola de alertas<\/h1>/);
    assert.match(es, /"title":"Cola de alertas"/, 'the client labels are Spanish too');
    const signInEs = await (await fetch(`${s.base}/staff/sign-in?lang=es`)).text();
    assert.match(signInEs, /<h1>Iniciar sesión<\/h1>/);
    const signInAccept = await (await fetch(`${s.base}/staff/sign-in`, { headers: { 'accept-language': 'es-MX,es;q=0.9' } })).text();
    assert.match(signInAccept, /Contraseña/);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(en)![1];
    const switched = await clin.call('POST', '/staff/language', undefined, {
      csrf: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(switched.status, 403, 'form without its CSRF field');
    const ok = await fetch(`${s.base}/staff/language`, {
      method: 'POST',
      headers: { cookie: clin.cookie!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, language: 'es', next: '/staff/participants' }).toString(),
      redirect: 'manual',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/staff/participants');
    assert.match(await (await clin.call('GET', '/staff/participants')).text(), /<h1>Participantes<\/h1>/);
  });

  it('serves the static assets with a type, and nothing outside the public folder', async () => {
    const js = await fetch(`${s.base}/staff/assets/staff.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /text\/javascript/);
    assert.equal((await fetch(`${s.base}/staff/assets/..%2F..%2Fconfig.ts`)).status, 404);
    assert.equal((await fetch(`${s.base}/staff/assets/nope.js`)).status, 404);
  });

  it('signs in with the form and lands on the page asked for', async () => {
    const form = await fetch(`${s.base}/staff/sign-in?next=%2Fstaff%2Fparticipants`);
    const html = await form.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    assert.match(html, /name="next" value="\/staff\/participants"/);
    const res = await fetch(`${s.base}/staff/sign-in`, {
      method: 'POST',
      headers: { cookie: form.headers.get('set-cookie')!.split(';')[0], 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: 'CLIN@clinic.org ', password: PASSWORD, next: '/staff/participants' }).toString(),
      redirect: 'manual',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/staff/participants');
  });

  it('keeps unknown senders’ crisis flags readable without a participant record', async () => {
    await s.services.flags.raise({
      id: 'crisis:stranger',
      participantId: 'unknown:abc',
      source: 'crisis',
      reasons: URGENT,
      message: 'help',
      sender: { channelId: 'sms', userId: '+15550100999', conversationId: 'c', serviceUrl: 'https://x' },
    });
    const list = await clin.json('GET', '/api/staff/flags?severity=urgent');
    assert.equal(list.items[0].participant, null);
    assert.deepEqual(list.items[0].sender, { channel: 'sms', masked: '•••• 0999' }, 'the channel and the last four digits, not "(?)"');
    const d = await clin.json('GET', flagApi('unknown:abc', 'crisis:stranger'));
    assert.equal(d.participant, null);
    assert.equal(d.flag.senderChannel, 'sms');
    assert.deepEqual(d.flag.sender, { channel: 'sms', masked: '•••• 0999' });
    assert.equal(JSON.stringify(d).includes('+15550100999'), false, 'the sender address stays out of the dashboard');
  });
});
