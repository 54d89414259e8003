import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ProgramSessions, NewSession } from '../../bot/domain/sessions';
import { DueEntry, slotOf } from '../../bot/outreach/dueEntries';
import { LedgerEntry } from '../../bot/outreach/ledger';
import { rescheduleParticipant } from '../../bot/outreach/reschedule';
import { DATABASES, enroll, Instance, OutreachWorld, texts } from './outreachHarness';

const at = (iso: string) => new Date(iso);

const group: NewSession = {
  id: 'am-group',
  title: { key: null, text: 'Morning group' },
  kind: 'group',
  startLocal: '2026-12-02T10:00',
  endLocal: '11:30',
  timeZone: 'America/New_York',
  location: 'Room 2',
  link: null,
  track: 'morning',
  participantIds: [],
  recurrence: 'weekly',
  until: null,
  cancelledDates: [],
};

/** The participant's pending entry of this kind, if that is what its slot holds. */
async function dueEntry(i: Instance, participantId: string, kind: DueEntry['kind']) {
  const entry = await i.services.store.get<DueEntry>('outreachDue', participantId, slotOf(kind));
  return entry?.kind === kind ? entry : undefined;
}

for (const db of DATABASES) {
  describe(`outreach tick on ${db.name}`, () => {
    let w: OutreachWorld;
    let a: Instance;
    beforeEach(async () => {
      w = await OutreachWorld.create(db);
      a = await w.instance();
    });
    afterEach(() => w.close());

    test('participants in different zones and languages due at one instant each get one prompt, in their language', async () => {
      const ny = await enroll(a, w.connector.url, { language: 'es', timeZone: 'America/New_York', checkinTime: '09:00' });
      const chicago = await enroll(a, w.connector.url, { language: 'en', timeZone: 'America/Chicago', checkinTime: '08:00', channels: ['msteams'] });
      const madrid = await enroll(a, w.connector.url, { language: 'en', timeZone: 'Europe/Madrid', checkinTime: '15:00' });
      const la = await enroll(a, w.connector.url, { timeZone: 'America/Los_Angeles', checkinTime: '09:00' });

      const report = await a.outreach.tick(at('2026-12-01T14:00:00Z'));
      assert.equal(report.sent, 3);
      assert.equal(report.due, 3, 'the tick reads only what is due, not every participant');
      assert.deepEqual(texts(w.received(ny.id)), ['Hola, es hora de su registro diario. Toma unos 2 minutos. Responda REGISTRO para empezar.']);
      assert.match(texts(w.received(chicago.id, 'msteams'))[0], /^Hi, it's time for your daily check-in/);
      assert.equal(w.received(madrid.id).length, 1);
      assert.equal(w.received(la.id).length, 0);

      assert.equal((await a.outreach.tick(at('2026-12-01T14:01:00Z'))).sent, 0, 'nothing twice');
      assert.equal((await dueEntry(a, ny.id, 'followup'))!.dueAt, '2026-12-01T17:00:00.000Z');
      assert.equal((await a.outreach.tick(at('2026-12-01T17:00:00Z'))).sent, 4, 'LA prompt plus three follow-ups');
      assert.equal(w.received(la.id).length, 1);
      assert.equal((await dueEntry(a, ny.id, 'checkin'))!.dueAt, '2026-12-02T14:00:00.000Z');
      assert.equal((await dueEntry(a, madrid.id, 'checkin'))!.dueAt, '2026-12-02T14:00:00.000Z');
    });

    test('one follow-up N hours after an unanswered prompt; none when the check-in was done', async () => {
      const quiet = await enroll(a, w.connector.url, { language: 'en' });
      const answered = await enroll(a, w.connector.url, { language: 'es' });
      await a.outreach.tick(at('2026-12-01T14:00:00Z'));
      const { checkins } = a.services;
      await checkins.save(checkins.start({ participantId: answered.id, timeZone: 'America/New_York', language: 'es', channel: 'sms', localDate: '2026-12-01' }));

      assert.equal((await a.outreach.tick(at('2026-12-01T16:59:00Z'))).sent, 0, 'not before N hours');
      const report = await a.outreach.tick(at('2026-12-01T17:00:00Z'));
      assert.equal(report.sent, 1);
      assert.deepEqual(report.skipped, { answered: 1 });
      assert.deepEqual(texts(w.received(quiet.id)).slice(1), ["A friendly reminder: today's check-in is still open. Reply CHECK IN when you have 2 minutes."]);
      assert.equal(w.received(answered.id).length, 1, 'only the prompt');
      assert.equal((await a.outreach.tick(at('2026-12-01T18:00:00Z'))).sent, 0, 'the follow-up goes once');
      assert.equal(await dueEntry(a, quiet.id, 'followup'), undefined);
      assert.equal((await dueEntry(a, quiet.id, 'checkin'))!.localDate, '2026-12-02', 'then the next prompt');
    });

    test('the second unanswered prompt in a row raises one moderate missed-check-ins flag', async () => {
      const p = await enroll(a, w.connector.url);
      const answeredDay = await enroll(a, w.connector.url);
      const { checkins } = a.services;
      const answer = (participantId: string, localDate: string) =>
        checkins.save(checkins.start({ participantId, timeZone: 'America/New_York', language: 'en', channel: 'sms', localDate }));
      const day = async (date: string) => {
        await a.outreach.tick(at(`${date}T14:00:00Z`));
        await a.outreach.tick(at(`${date}T17:00:00Z`));
      };
      await day('2026-12-01');
      const list = (id: string) => a.services.flags.listForParticipant(id);
      assert.equal((await list(p.id)).length, 0, 'one miss is not a pattern');
      await answer(answeredDay.id, '2026-12-01');
      await day('2026-12-02');
      const raised = await list(p.id);
      assert.equal(raised.length, 1);
      assert.equal(raised[0].severity, 'moderate');
      assert.equal(raised[0].source, 'outreach');
      assert.equal(raised[0].reasons[0].code, 'missed_checkins');
      assert.equal((await list(answeredDay.id)).length, 0, 'answered, then missed once: no flag');
      await day('2026-12-03');
      assert.equal((await list(p.id)).length, 1, 'a longer run of misses stays one flag');
    });

    test('session reminders at each participant lead time, in their zone and language; cancelled dates skipped', async () => {
      const sessions = new ProgramSessions(a.services.store, a.services.clock);
      await sessions.add({ ...group, cancelledDates: ['2026-12-09'] });
      const en = await enroll(a, w.connector.url, { checkinTime: '12:00', leadMinutes: 60 });
      const es = await enroll(a, w.connector.url, { language: 'es', checkinTime: '12:00', leadMinutes: 30, channels: ['msteams'] });
      const evening = await enroll(a, w.connector.url, { checkinTime: '12:00', track: 'evening' });

      assert.equal((await a.outreach.tick(at('2026-12-02T14:00:00Z'))).sent, 1);
      assert.deepEqual(texts(w.received(en.id)), ['Reminder: your group meeting is today, 10:00 AM']);
      assert.equal((await a.outreach.tick(at('2026-12-02T14:30:00Z'))).sent, 1);
      assert.match(texts(w.received(es.id, 'msteams'))[0], /^Recordatorio: su reunión de grupo es hoy, 10:00 a\. ?m\.$/);
      assert.equal(w.received(evening.id).length, 0, 'another track does not attend');
      // Next reminder: Dec 9 is cancelled, so Dec 16.
      assert.equal((await dueEntry(a, en.id, 'reminder'))!.occurrenceId, 'am-group@2026-12-16');
      assert.equal((await dueEntry(a, en.id, 'reminder'))!.dueAt, '2026-12-16T14:00:00.000Z');
    });

    test('a reminder that falls in quiet hours moves to their end when that is still before the meeting', async () => {
      const sessions = new ProgramSessions(a.services.store, a.services.clock);
      await sessions.add({ ...group, id: 'early', startLocal: '2026-12-02T08:30', endLocal: '09:30' });
      await sessions.add({ ...group, id: 'dawn', startLocal: '2026-12-03T07:30', endLocal: '08:30' });
      const p = await enroll(a, w.connector.url, { checkinTime: '12:00', leadMinutes: 60 });

      const report = await a.outreach.tick(at('2026-12-02T12:30:00Z')); // 07:30 local
      assert.equal(report.deferred, 1);
      assert.equal(report.sent, 0);
      assert.equal((await a.outreach.tick(at('2026-12-02T13:00:00Z'))).sent, 1); // 08:00 local
      assert.deepEqual(texts(w.received(p.id)), ['Reminder: your group meeting is today, 8:30 AM']);
      // A 07:30 meeting starts inside quiet hours: no reminder can go.
      const dawn = await a.outreach.tick(at('2026-12-03T11:30:00Z'));
      assert.equal(dawn.skipped.quietHours, 1);
      assert.equal(dawn.sent, 0);
      assert.equal(w.received(p.id).length, 1);
    });

    test('OUTREACH_QUIET_REMINDER=evening-before: an early meeting is reminded at the last allowed minute the evening before (en sms, es msteams)', async () => {
      const evening = await w.instance('evening', { ...w.config, outreach: { ...w.config.outreach, quietReminder: 'evening-before' } });
      await new ProgramSessions(evening.services.store, evening.services.clock).add({ ...group, id: 'dawn', startLocal: '2026-12-03T07:30', endLocal: '08:30' });
      const en = await enroll(evening, w.connector.url, { checkinTime: '12:00', leadMinutes: 60 });
      const es = await enroll(evening, w.connector.url, { language: 'es', checkinTime: '12:00', leadMinutes: 30, channels: ['msteams'] });
      // 06:30 and 07:00 local fall in quiet hours (21:00-08:00), which end after the 07:30 start: 20:59 the evening before.
      assert.equal((await dueEntry(evening, en.id, 'reminder'))!.dueAt, '2026-12-03T01:59:00.000Z');
      assert.equal((await dueEntry(evening, es.id, 'reminder'))!.dueAt, '2026-12-03T01:59:00.000Z');
      await evening.outreach.tick(at('2026-12-03T01:58:00Z')); // the check-in prompts of these days
      assert.equal(w.connector.received.filter((a) => /^Reminder|^Recordatorio/.test(String(a.text))).length, 0);
      w.connector.clear();
      assert.equal((await evening.outreach.tick(at('2026-12-03T01:59:00Z'))).sent, 2);
      assert.deepEqual(texts(w.received(en.id)), ['Reminder: your group meeting is tomorrow, 7:30 AM']);
      assert.match(texts(w.received(es.id, 'msteams'))[0], /^Recordatorio: su reunión de grupo es mañana, 7:30 a\. ?m\.$/);
      // The next week's is placed the same way, and nothing more goes out in the night.
      assert.equal((await dueEntry(evening, en.id, 'reminder'))!.dueAt, '2026-12-10T01:59:00.000Z');
      const dawn = await evening.outreach.tick(at('2026-12-03T11:30:00Z'));
      assert.deepEqual([dawn.sent, dawn.skipped.quietHours], [0, undefined], 'no reminder left to skip at dawn');
      assert.equal(w.connector.received.length, 2);
    });

    test('OUTREACH_QUIET_REMINDER=skip: an early meeting gets no reminder, and the tick counts it under quietHours (en sms, es msteams)', async () => {
      const skip = await w.instance('skip', { ...w.config, outreach: { ...w.config.outreach, quietReminder: 'skip' } });
      await new ProgramSessions(skip.services.store, skip.services.clock).add({ ...group, id: 'dawn', startLocal: '2026-12-03T07:30', endLocal: '08:30' });
      const en = await enroll(skip, w.connector.url, { checkinTime: '12:00', leadMinutes: 60 });
      const es = await enroll(skip, w.connector.url, { language: 'es', checkinTime: '12:00', leadMinutes: 60, channels: ['msteams'] });
      assert.equal((await dueEntry(skip, en.id, 'reminder'))!.dueAt, '2026-12-03T11:30:00.000Z', 'left at its lead time');
      await skip.outreach.tick(at('2026-12-03T01:59:00Z')); // the check-in prompts of these days, no reminder
      assert.equal(w.connector.received.filter((a) => /^Reminder|^Recordatorio/.test(String(a.text))).length, 0, 'nothing the evening before');
      w.connector.clear();
      const dawn = await skip.outreach.tick(at('2026-12-03T11:30:00Z'));
      assert.deepEqual([dawn.sent, dawn.skipped.quietHours], [0, 2]);
      assert.equal(w.connector.received.length, 0);
      assert.equal((await dueEntry(skip, es.id, 'reminder'))!.occurrenceId, 'dawn@2026-12-10', 'the chain goes on');
    });

    test('no outreach without consent, after opt-out, while paused or once discharged; the chain resumes by itself', async () => {
      const noConsent = await enroll(a, w.connector.url, { consent: false });
      const optedOut = await enroll(a, w.connector.url);
      const paused = await enroll(a, w.connector.url);
      const discharged = await enroll(a, w.connector.url);
      const { participants } = a.services;
      await participants.update(optedOut.id, (p) => (p.optedOutAt = '2026-11-30T10:00:00Z'));
      await participants.update(paused.id, (p) => (p.status = 'paused'));
      await participants.update(discharged.id, (p) => (p.status = 'discharged'));

      const report = await a.outreach.tick(at('2026-12-01T14:00:00Z'));
      assert.equal(report.sent, 0);
      assert.deepEqual(report.skipped, { noConsent: 1, optedOut: 1, paused: 1, discharged: 1 });
      assert.equal(w.connector.received.length, 0);
      assert.equal(await dueEntry(a, discharged.id, 'checkin'), undefined, 'discharge ends the chain');

      await participants.update(paused.id, (p) => (p.status = 'active'));
      await participants.update(optedOut.id, (p) => (p.optedOutAt = null));
      const next = await a.outreach.tick(at('2026-12-02T14:00:00Z'));
      assert.equal(next.sent, 2, 'back without anyone calling reschedule');
      assert.equal(w.received(noConsent.id).length, 0);
    });

    test('quiet hours: a check-in time inside widened quiet hours goes out when they end, every day, and is logged', async () => {
      const narrow = await w.instance('narrow', { ...w.config, quietHours: { start: '20:00', end: '09:30' } });
      const lines: Array<Record<string, unknown>> = [];
      narrow.services.log.info = ((obj: Record<string, unknown>, msg: string) => void lines.push({ ...obj, msg })) as typeof narrow.services.log.info;
      const en = await enroll(narrow, w.connector.url, { checkinTime: '09:00' });
      const es = await enroll(narrow, w.connector.url, { checkinTime: '09:00', language: 'es', channels: ['msteams'] });
      const report = await narrow.outreach.tick(at('2026-12-01T14:00:00Z'));
      assert.deepEqual([report.sent, report.deferred, report.skipped], [0, 2, {}]);
      assert.equal((await dueEntry(narrow, en.id, 'checkin'))!.dueAt, '2026-12-01T14:30:00.000Z');
      assert.ok(lines.some((l) => l.msg === 'check-in prompt falls in quiet hours; moved to their end' && l.participantId === en.id));
      assert.equal((await narrow.outreach.tick(at('2026-12-01T14:30:00Z'))).sent, 2);
      assert.match(texts(w.received(es.id, 'msteams'))[0], /^Hola/);
      // The next day too: never skipped silently.
      await narrow.outreach.tick(at('2026-12-01T17:30:00Z')); // follow-ups
      assert.equal((await narrow.outreach.tick(at('2026-12-02T14:00:00Z'))).deferred, 2);
      assert.equal((await narrow.outreach.tick(at('2026-12-02T14:30:00Z'))).sent, 2);
      assert.equal(w.received(en.id).length, 3);
    });

    test('a follow-up that would land in quiet hours goes just before they start, or is skipped and counted when that is under an hour after the prompt', async () => {
      const quiet = await w.instance('quiet', { ...w.config, quietHours: { start: '20:00', end: '08:00' } });
      const early = await enroll(quiet, w.connector.url, { checkinTime: '17:30' }); // follow-up 20:30 → 19:59
      const late = await enroll(quiet, w.connector.url, { checkinTime: '19:30', language: 'es' }); // 19:59 is 29 min after
      assert.equal((await quiet.outreach.tick(at('2026-12-01T22:30:00Z'))).sent, 1);
      assert.equal((await dueEntry(quiet, early.id, 'followup'))!.dueAt, '2026-12-02T00:59:00.000Z');
      assert.equal((await quiet.outreach.tick(at('2026-12-02T00:30:00Z'))).sent, 1);
      assert.equal((await dueEntry(quiet, late.id, 'followup'))!.dueAt, '2026-12-02T03:30:00.000Z', 'left at prompt + N hours');
      assert.equal((await quiet.outreach.tick(at('2026-12-02T00:59:00Z'))).sent, 1);
      assert.equal(w.received(early.id).length, 2);
      const night = await quiet.outreach.tick(at('2026-12-02T03:30:00Z'));
      assert.deepEqual([night.sent, night.skipped], [0, { quietHours: 1 }]);
      assert.equal(w.received(late.id).length, 1);
    });

    test('catch-up after downtime: a prompt later the same day goes out; one from another day or into quiet hours is skipped and counted', async () => {
      const late = await enroll(a, w.connector.url);
      const report = await a.outreach.tick(at('2026-12-01T18:00:00Z')); // 13:00 local, down since 09:00
      assert.equal(report.sent, 1);
      assert.equal(w.received(late.id).length, 1);

      const w2 = await OutreachWorld.create(db);
      try {
        const b = await w2.instance();
        const evening = await enroll(b, w2.connector.url);
        const overnight = await enroll(b, w2.connector.url, { checkinTime: '10:00' });
        const sessions = new ProgramSessions(b.services.store, b.services.clock);
        await sessions.add({ ...group, startLocal: '2026-12-01T10:00' });
        await rescheduleParticipant(b.services, overnight.id);
        // Down from 12:00Z until 02:30Z the next day (21:30 local, quiet hours).
        const night = await b.outreach.tick(at('2026-12-02T02:30:00Z'));
        assert.equal(night.sent, 0);
        assert.deepEqual(night.skipped, { quietHours: 2, expired: 1 }, 'two prompts into quiet hours, a reminder after its session began');
        assert.equal(w2.connector.received.length, 0);
        // The chain goes on with the next day's prompt.
        assert.equal((await b.outreach.tick(at('2026-12-02T14:00:00Z'))).sent, 1);
        assert.equal(w2.received(evening.id).length, 1);
        // Down for three days: what was pending (a follow-up, a prompt) is skipped, and today's prompts (already past) still go out today.
        const after = await b.outreach.tick(at('2026-12-05T16:00:00Z'));
        assert.deepEqual(after.skipped, { expired: 2 });
        assert.equal(after.sent, 2, 'in the same tick as the stale ones were skipped');
        assert.equal((await b.outreach.tick(at('2026-12-05T16:01:00Z'))).sent, 0);
      } finally {
        await w2.close();
      }
    });

    test("after a day's downtime the first tick skips yesterday's prompt and sends today's (dry run names it first)", async () => {
      const en = await enroll(a, w.connector.url, { language: 'en' });
      const es = await enroll(a, w.connector.url, { language: 'es', channels: ['msteams'] });
      const tomorrow = at('2026-12-02T14:00:00Z'); // 09:00 local the next day; nothing ran since yesterday's prompt fell due
      const dry = await a.outreach.tick(tomorrow, { dryRun: true });
      assert.deepEqual(dry.planned.map((x) => [x.participantId, x.kind]).sort(), [[en.id, 'checkin'], [es.id, 'checkin']].sort());
      assert.equal(w.connector.received.length, 0);
      const report = await a.outreach.tick(tomorrow);
      assert.deepEqual(report.skipped, { expired: 2 });
      assert.equal(report.sent, 2);
      assert.match(texts(w.received(en.id))[0], /^Hi, it's time for your daily check-in/);
      assert.match(texts(w.received(es.id, 'msteams'))[0], /^Hola, es hora de su registro diario/);
      const ledger = await a.services.store.get<LedgerEntry>('outreachLedger', en.id, 'checkin:2026-12-02');
      assert.equal(ledger?.localDate, '2026-12-02', "the prompt that went out is today's");
      assert.equal((await dueEntry(a, en.id, 'followup'))!.dueAt, '2026-12-02T17:00:00.000Z');
    });

    test("no prompt when today's check-in is already done (nor a follow-up); the next day's prompt still comes", async () => {
      const early = await enroll(a, w.connector.url, { language: 'es' });
      const other = await enroll(a, w.connector.url, { language: 'en', channels: ['msteams'] });
      const { checkins } = a.services;
      const started = checkins.start({ participantId: early.id, timeZone: 'America/New_York', language: 'es', channel: 'sms', localDate: '2026-12-01' });
      await checkins.save({ ...started, status: 'complete' });
      const report = await a.outreach.tick(at('2026-12-01T14:00:00Z'));
      assert.deepEqual(report.skipped, { answered: 1 });
      assert.equal(report.sent, 1);
      assert.equal(w.received(early.id).length, 0);
      assert.equal(w.received(other.id, 'msteams').length, 1);
      assert.equal(await dueEntry(a, early.id, 'followup'), undefined);
      assert.equal((await dueEntry(a, early.id, 'checkin'))!.localDate, '2026-12-02');
      assert.equal((await a.outreach.tick(at('2026-12-02T14:00:00Z'))).sent, 2, "tomorrow both are prompted (the other's stale follow-up skipped on the way)");
      assert.equal(w.received(early.id).length, 1);
    });

    test('rescheduleParticipant moves entries at once; a stale entry is moved by the tick itself', async () => {
      const p = await enroll(a, w.connector.url, { checkinTime: '09:00' });
      const { participants } = a.services;
      await participants.update(p.id, (doc) => (doc.checkinTime = '11:00'));
      await rescheduleParticipant(a.services, p.id);
      assert.equal((await dueEntry(a, p.id, 'checkin'))!.dueAt, '2026-12-01T16:00:00.000Z');

      // Changed without a reschedule call: the tick at the old time defers to the new one.
      await participants.update(p.id, (doc) => (doc.checkinTime = '12:00'));
      const early = await a.outreach.tick(at('2026-12-01T16:00:00Z'));
      assert.equal(early.deferred, 1);
      assert.equal(early.sent, 0);
      assert.equal((await a.outreach.tick(at('2026-12-01T17:00:00Z'))).sent, 1);

      // A new time zone applies from the next prompt: today's went out, its follow-up stays, then tomorrow in LA.
      w.clock.set('2026-12-01T17:30:00Z');
      await participants.update(p.id, (doc) => (doc.timeZone = 'America/Los_Angeles'));
      await rescheduleParticipant(a.services, p.id);
      assert.equal((await dueEntry(a, p.id, 'followup'))!.dueAt, '2026-12-01T20:00:00.000Z');
      await a.outreach.tick(at('2026-12-01T20:00:00Z'));
      assert.equal((await dueEntry(a, p.id, 'checkin'))!.dueAt, '2026-12-02T20:00:00.000Z');

      await participants.update(p.id, (doc) => (doc.status = 'discharged'));
      await rescheduleParticipant(a.services, p.id);
      assert.equal(await dueEntry(a, p.id, 'checkin'), undefined);
      assert.equal(await dueEntry(a, p.id, 'followup'), undefined);
    });

    test('dry run lists what would go out and changes nothing', async () => {
      const p = await enroll(a, w.connector.url, { channels: ['msteams'] });
      const q = await enroll(a, w.connector.url, { consent: false });
      const before = await a.services.store.query<DueEntry>('outreachDue', {});
      const report = await a.outreach.tick(at('2026-12-01T14:00:00Z'), { dryRun: true });
      assert.deepEqual(
        report.planned.map((x) => [x.participantId, x.kind, x.channelId]),
        [[p.id, 'checkin', 'msteams']],
      );
      assert.deepEqual(report.skipped, { noConsent: 1 });
      assert.equal(w.connector.received.length, 0);
      assert.equal(await a.services.store.count('outreachLedger', {}), 0, 'nothing claimed');
      const after = await a.services.store.query<DueEntry>('outreachDue', {});
      assert.deepEqual(after.items.map((e) => e._etag).sort(), before.items.map((e) => e._etag).sort(), 'no entry moved');
      assert.equal((await a.outreach.tick(at('2026-12-01T14:00:00Z'))).sent, 1, 'the real tick still sends');
      assert.equal(w.received(q.id).length, 0);
    });
  });
}

describe('DST', () => {
  const db = DATABASES[0];
  let w: OutreachWorld;
  afterEach(() => w.close());

  test('a 02:30 check-in on the spring-forward day goes out once at 03:30 EDT; the next day at 02:30 EDT', async () => {
    w = await OutreachWorld.create(db, { start: '2026-03-07T12:00:00Z' });
    // 02:30 is inside the default quiet hours; this instance has none, to see where the prompt lands.
    const a = await w.instance('no-quiet', { ...w.config, quietHours: { start: '00:00', end: '00:00' } });
    const p = await enroll(a, w.connector.url, { checkinTime: '02:30' });
    assert.equal((await dueEntry(a, p.id, 'checkin'))!.dueAt, '2026-03-08T07:30:00.000Z');
    assert.equal((await a.outreach.tick(at('2026-03-08T06:30:00Z'))).sent, 0);
    assert.equal((await a.outreach.tick(at('2026-03-08T07:29:00Z'))).sent, 0);
    assert.equal((await a.outreach.tick(at('2026-03-08T07:30:00Z'))).sent, 1);
    assert.equal((await a.outreach.tick(at('2026-03-08T08:30:00Z'))).sent, 0);
    assert.equal(w.received(p.id).length, 1);
    assert.equal((await a.outreach.tick(at('2026-03-08T10:30:00Z'))).sent, 1, 'the follow-up');
    assert.equal((await dueEntry(a, p.id, 'checkin'))!.dueAt, '2026-03-09T06:30:00.000Z');

    const quiet = await w.instance('default-quiet');
    const q = await enroll(quiet, w.connector.url, { checkinTime: '02:30' });
    assert.equal((await quiet.outreach.tick(at('2026-03-08T07:30:00Z'))).deferred, 1, 'inside quiet hours: moved to their end');
    assert.equal(w.received(q.id).length, 0);
    assert.equal((await quiet.outreach.tick(at('2026-03-08T12:00:00Z'))).sent, 1, '08:00 EDT');
  });

  test('a check-in in the repeated fall hour goes out once, at the first 01:30', async () => {
    w = await OutreachWorld.create(db, { start: '2026-10-31T12:00:00Z' });
    const a = await w.instance('no-quiet', { ...w.config, quietHours: { start: '00:00', end: '00:00' } });
    const p = await enroll(a, w.connector.url, { checkinTime: '01:30' });
    assert.equal((await a.outreach.tick(at('2026-11-01T05:30:00Z'))).sent, 1); // 01:30 EDT
    assert.equal((await a.outreach.tick(at('2026-11-01T06:30:00Z'))).sent, 0); // 01:30 EST, the same wall time again
    assert.equal(w.received(p.id).length, 1);
    assert.equal((await dueEntry(a, p.id, 'followup'))!.dueAt, '2026-11-01T08:30:00.000Z'); // three real hours later
    await a.outreach.tick(at('2026-11-01T08:30:00Z'));
    assert.equal((await dueEntry(a, p.id, 'checkin'))!.dueAt, '2026-11-02T06:30:00.000Z');
  });

  test('a 09:00 check-in keeps its wall time across the change (14:00Z, then 13:00Z)', async () => {
    w = await OutreachWorld.create(db, { start: '2026-03-07T12:00:00Z' });
    const a = await w.instance();
    const p = await enroll(a, w.connector.url, { checkinTime: '09:00' });
    assert.equal((await a.outreach.tick(at('2026-03-07T14:00:00Z'))).sent, 1);
    await a.outreach.tick(at('2026-03-07T17:00:00Z'));
    assert.equal((await dueEntry(a, p.id, 'checkin'))!.dueAt, '2026-03-08T13:00:00.000Z');
    assert.equal((await a.outreach.tick(at('2026-03-08T13:00:00Z'))).sent, 1);
  });
});
