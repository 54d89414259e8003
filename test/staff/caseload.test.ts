import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CheckInStatus, emptyAnswers } from '../../bot/domain/checkins';
import { staffId } from '../../bot/staff/staffAccounts';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';
import { HIGH, StaffClient, StaffHarness, URGENT } from './staffHarness';

/**
 * What a counsellor with a caseload sees: the participant list searched in the
 * query (case and accents ignored), its figures (last check-in, 14-day
 * adherence, open flags, counsellor), "my caseload" as a clinician's default
 * view of the list and the queue, admins assigning (audited), the participant
 * page's 90 days and its audited contact reveal. On both stores.
 */
for (const factory of STORE_FACTORIES) {
  describe(`caseload and participant list on ${factory.name}`, () => {
    let handle: StoreHandle;
    let s: StaffHarness;
    let clin: StaffClient;
    let other: StaffClient;
    let admin: StaffClient;
    const ids: Record<string, string> = {};

    const checkin = async (participantId: string, localDate: string, status: CheckInStatus, extra: Partial<ReturnType<typeof emptyAnswers>> = {}) => {
      const c = s.services.checkins.start({ participantId, timeZone: 'America/Chicago', language: 'es', channel: 'sms', localDate });
      await s.services.checkins.save({ ...c, status, answers: { ...emptyAnswers(), mood: 6, craving: 2, sleepHours: 7, ...extra } });
    };

    before(async () => {
      handle = await factory.make();
      s = await StaffHarness.start({}, handle.store);
      await s.account('clin@clinic.org', 'clinician');
      await s.account('other@clinic.org', 'clinician', { language: 'es' });
      await s.account('admin@clinic.org', 'admin');
      for (const name of ['José Núñez', 'María López', 'Mariana Ruiz', 'Zoe Quinn']) ids[name] = (await s.participant(name)).id;
      // José enrolled a month ago: 7 of the 14 days before today done, one left unfinished, today's done too.
      await s.services.participants.update(ids['José Núñez'], (p) => void (p.createdAt = '2025-02-01T15:00:00.000Z'));
      for (const day of ['02-18', '02-20', '02-22', '02-24', '02-26', '02-28', '03-02']) await checkin(ids['José Núñez'], `2025-${day}`, 'complete');
      await checkin(ids['José Núñez'], '2025-03-03', 'in_progress');
      await checkin(ids['José Núñez'], '2025-03-04', 'complete', { medication: 'no', wishedDead: false, suicidalThoughts: false, note: 'cansado' });
      // María enrolled three days ago (Chicago): one of three days done.
      await s.services.participants.update(ids['María López'], (p) => void (p.createdAt = '2025-03-01T18:00:00.000Z'));
      await checkin(ids['María López'], '2025-03-02', 'complete');
      await s.services.participants.link(ids['José Núñez'], { channelId: 'sms', serviceUrl: s.h.connector.url, conversationId: 'c-jose', userId: '+15550100123', botId: 'puente-bot' });
      await s.flag(ids['José Núñez'], 'checkin:jose', HIGH);
      await s.flag(ids['Zoe Quinn'], 'crisis:zoe', URGENT, 'ayuda');
      clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
      other = await StaffClient.signedIn(s.base, 'other@clinic.org');
      admin = await StaffClient.signedIn(s.base, 'admin@clinic.org');
    });
    after(async () => {
      await s?.stop();
      await handle?.cleanup();
    });

    const names = (page: { items: Array<{ displayName: string }> }) => page.items.map((p) => p.displayName);

    it('searches names ignoring case and accents, in the query, and keeps the search key current on every write', async () => {
      assert.deepEqual(names(await clin.json('GET', '/api/staff/participants?q=nunez')), ['José Núñez']);
      assert.deepEqual(names(await clin.json('GET', '/api/staff/participants?q=N%C3%9A%C3%91EZ')), ['José Núñez']);
      assert.deepEqual(names(await clin.json('GET', '/api/staff/participants?q=maria')), ['María López', 'Mariana Ruiz']);
      assert.deepEqual(names(await clin.json('GET', '/api/staff/participants?q=zzz')), []);
      assert.deepEqual(names(await clin.json('GET', '/api/staff/participants')), ['José Núñez', 'María López', 'Mariana Ruiz', 'Zoe Quinn'], 'in search-key order');
      await s.services.participants.update(ids['Zoe Quinn'], (p) => void (p.displayName = 'Zoe Quiñones'));
      assert.deepEqual(names(await clin.json('GET', '/api/staff/participants?q=quinones')), ['Zoe Quiñones']);
      const stored = await s.services.participants.get(ids['Zoe Quinn']);
      assert.equal(stored!.searchName, 'zoe quinones');
      const paged = await clin.json('GET', '/api/staff/participants?limit=3');
      assert.equal(paged.items.length, 3);
      const rest = await clin.json('GET', `/api/staff/participants?limit=3&continuation=${encodeURIComponent(paged.continuation)}`);
      assert.deepEqual(names(rest), ['Zoe Quiñones']);
      assert.equal((await clin.call('GET', '/api/staff/participants?caseload=yours')).status, 400);
      assert.equal((await clin.call('GET', `/api/staff/participants?q=${'x'.repeat(81)}`)).status, 400);
    });

    it('lists each participant with last check-in, 14-day adherence, open flags and counsellor', async () => {
      const page = await clin.json('GET', '/api/staff/participants?caseload=all');
      const byName = Object.fromEntries(page.items.map((p: any) => [p.displayName, p]));
      assert.deepEqual(byName['José Núñez'].adherence, { done: 7, days: 14, percent: 50 });
      assert.equal(byName['José Núñez'].lastCheckin, '2025-03-04');
      assert.equal(byName['José Núñez'].openFlags, 1);
      assert.deepEqual(byName['María López'].adherence, { done: 1, days: 3, percent: 33 });
      assert.equal(byName['María López'].lastCheckin, '2025-03-02');
      assert.equal(byName['María López'].openFlags, 0);
      assert.deepEqual(byName['Mariana Ruiz'].adherence, { done: 0, days: 0, percent: null }, 'enrolled today: nothing to count yet');
      assert.equal(byName['Mariana Ruiz'].lastCheckin, null);
      assert.equal(byName['José Núñez'].counsellor, null);
    });

    it('admins assign a counsellor (audited); "my caseload" is then the clinician\'s default view of the list and the queue', async () => {
      assert.equal((await clin.call('PUT', `/api/staff/participants/${ids['José Núñez']}/counsellor`, { email: 'clin@clinic.org' })).status, 403);
      assert.equal((await admin.call('PUT', `/api/staff/participants/${ids['José Núñez']}/counsellor`, { email: 'nobody@clinic.org' })).status, 400);
      assert.equal((await admin.call('PUT', `/api/staff/participants/${ids['José Núñez']}/counsellor`, { email: 42 })).status, 400);
      assert.equal((await admin.call('PUT', '/api/staff/participants/missing/counsellor', { email: 'clin@clinic.org' })).status, 404);
      assert.equal((await s.services.participants.get(ids['José Núñez']))!.assignedStaffId ?? null, null, 'refusals changed nothing');

      const assigned = await admin.json('PUT', `/api/staff/participants/${ids['José Núñez']}/counsellor`, { email: 'CLIN@clinic.org' });
      assert.equal(assigned.counsellor, 'clin@clinic.org');
      assert.equal(assigned.changed, true);
      assert.equal(assigned.participant.assignedStaffId, staffId('clin@clinic.org'));
      const flag = await s.services.flags.listForParticipant(ids['José Núñez']);
      assert.equal(flag[0].assignedStaffId, staffId('clin@clinic.org'), "the participant's flags follow");

      const mine = await clin.json('GET', '/api/staff/participants');
      assert.equal(mine.caseload, 'mine');
      assert.deepEqual(names(mine), ['José Núñez']);
      assert.equal(mine.items[0].counsellor, 'clin@clinic.org');
      assert.equal((await clin.json('GET', '/api/staff/participants?caseload=all')).items.length, 4);
      assert.deepEqual(names(await clin.json('GET', '/api/staff/participants?caseload=none')), ['María López', 'Mariana Ruiz', 'Zoe Quiñones']);
      const otherView = await other.json('GET', '/api/staff/participants');
      assert.equal(otherView.caseload, 'all', 'a clinician with nobody assigned sees everyone');
      assert.equal((await admin.json('GET', '/api/staff/participants')).caseload, 'all');

      const queue = await clin.json('GET', '/api/staff/flags');
      assert.equal(queue.caseload, 'mine');
      assert.deepEqual(queue.items.map((r: any) => r.participantId), [ids['José Núñez']]);
      assert.deepEqual(queue.counts, { urgent: 0, high: 1, moderate: 0, low: 0 });
      assert.deepEqual(queue.everyone, { urgent: 1, high: 1, moderate: 0, low: 0 }, "the whole queue's size beside the caseload");
      // A flag raised after the assignment is in the caseload too.
      await s.flag(ids['José Núñez'], 'checkin:jose-2', URGENT);
      assert.deepEqual((await clin.json('GET', '/api/staff/flags')).items[0].flags.map((f: any) => f.id), ['checkin:jose-2', 'checkin:jose']);
      assert.deepEqual((await clin.json('GET', '/api/staff/flags?caseload=all')).items.length, 2);

      const audit = await admin.json('GET', '/api/staff/audit?from=2025-03-04&to=2025-03-04&action=participant.assign');
      assert.deepEqual(
        audit.items.map((e: any) => [e.actor, e.participantId, e.detail.staffId]),
        [['admin@clinic.org', ids['José Núñez'], staffId('clin@clinic.org')]],
      );
      await admin.json('PUT', `/api/staff/participants/${ids['José Núñez']}/counsellor`, { email: null });
      assert.equal((await clin.json('GET', '/api/staff/participants')).caseload, 'all');
      await admin.json('PUT', `/api/staff/participants/${ids['José Núñez']}/counsellor`, { email: 'clin@clinic.org' });
    });

    it('shows 90 days with missed days, weekly screens and every answer; the phone number only through an audited reveal', async () => {
      const d = await clin.json('GET', `/api/staff/participants/${ids['José Núñez']}`);
      assert.equal(d.history.days.length, 90);
      assert.equal(d.history.to, '2025-03-04');
      const byDate = Object.fromEntries(d.history.days.map((x: any) => [x.date, x]));
      assert.equal(byDate['2025-02-19'].missed, true);
      assert.equal(byDate['2025-02-20'].missed, false);
      assert.equal(byDate['2025-03-03'].missed, true, 'an unfinished check-in is a missed one');
      assert.equal(byDate['2025-01-15'].missed, false, 'before enrollment nothing is missed');
      assert.equal(byDate['2025-03-04'].flag, 'urgent');
      const today = d.checkins.find((c: any) => c.localDate === '2025-03-04');
      assert.deepEqual([today.answers.medication, today.answers.wishedDead, today.answers.suicidalThoughts, today.answers.note], ['no', false, false, 'cansado']);
      assert.deepEqual(d.contact, [{ channel: 'sms', masked: '•••• 0123', reachable: true }]);
      assert.equal(JSON.stringify(d).includes('+15550100123'), false, 'the page data has no whole number');

      assert.equal((await clin.call('POST', `/api/staff/participants/${ids['José Núñez']}/contact/reveal`, { channel: 'msteams' })).status, 404);
      assert.equal((await clin.call('POST', `/api/staff/participants/${ids['José Núñez']}/contact/reveal`, {})).status, 400);
      const shown = await clin.json('POST', `/api/staff/participants/${ids['José Núñez']}/contact/reveal`, { channel: 'sms' });
      assert.deepEqual(shown, { channel: 'sms', value: '+15550100123' });
      const audit = await admin.json('GET', '/api/staff/audit?from=2025-03-04&to=2025-03-04&action=participant.contact_reveal');
      assert.deepEqual(audit.items.map((e: any) => [e.actor, e.participantId, e.detail.channel]), [['clin@clinic.org', ids['José Núñez'], 'sms']]);
      assert.equal(JSON.stringify(audit).includes('+15550100123'), false, 'the audit event names the channel, not the number');
    });
  });
}
