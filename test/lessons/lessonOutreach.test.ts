import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DueEntry } from '../../bot/outreach/dueEntries';
import { LedgerEntry } from '../../bot/outreach/ledger';
import { rescheduleTrack } from '../../bot/outreach/reschedule';
import { LessonAssignments } from '../../bot/lessons/assignments';
import { LessonDeliveries } from '../../bot/lessons/deliveries';
import { LESSON_DELIVERIES, LessonDelivery, lessonDeliveryId } from '../../bot/lessons/lessonRecord';
import { createI18n } from '../../bot/i18n';
import { DATABASES, enroll, Instance, OutreachWorld, texts } from '../outreach/outreachHarness';

const at = (iso: string) => new Date(iso);
/** The world starts Tuesday 2026-12-01; the morning track's lesson day is Tuesday here, its week the one of Monday 11-30. */
const ENV = { LESSON_WEEKDAY_BY_TRACK: 'morning=2' };
const WEEK = '2026-11-30';
const NEXT_WEEK = '2026-12-07';
/** 08:30 in New York, the participants' check-in time below. */
const LESSON_AT = '2026-12-01T13:30:00Z';
const i18n = createI18n();
const opener = (language: 'en' | 'es') => i18n.getFixedT(language)('lessons:opener');

async function lessonEntry(i: Instance, participantId: string) {
  return i.services.store.get<DueEntry>('outreachDue', participantId, 'lesson');
}

async function delivery(i: Instance, participantId: string, weekStart = WEEK, lessonId = 'halt') {
  return i.services.store.get<LessonDelivery>(LESSON_DELIVERIES, participantId, lessonDeliveryId(weekStart, lessonId));
}

for (const db of DATABASES) {
  describe(`lesson outreach on ${db.name}`, () => {
    let w: OutreachWorld;
    let a: Instance;
    let b: Instance;
    beforeEach(async () => {
      w = await OutreachWorld.create(db, { env: ENV });
      a = await w.instance('A');
      b = await w.instance('B');
      const plan = new LessonAssignments(a.services.store);
      await plan.assign({ track: 'morning', weekStart: WEEK, lessonId: 'halt' }, 'test', w.clock());
      await plan.assign({ track: 'morning', weekStart: NEXT_WEEK, lessonId: 'boxBreathing' }, 'test', w.clock());
    });
    afterEach(() => w.close());

    test('goes out once on the lesson day at the check-in time, across two instances and two ticks, in each language and channel', async () => {
      const people = [
        await enroll(a, w.connector.url, { language: 'en', checkinTime: '08:30' }),
        await enroll(a, w.connector.url, { language: 'es', checkinTime: '08:30' }),
        await enroll(b, w.connector.url, { language: 'en', checkinTime: '08:30', channels: ['msteams'] }),
        await enroll(b, w.connector.url, { language: 'es', checkinTime: '08:30', channels: ['msteams'] }),
      ];
      const entry = await lessonEntry(a, people[0].id);
      assert.equal(entry?.dueAt, '2026-12-01T13:30:00.000Z');
      assert.equal(entry?.localDate, '2026-12-01');

      assert.equal((await a.outreach.tick(at('2026-12-01T13:29:00Z'))).sent, 0, 'not before the check-in time');
      await Promise.all([a.outreach.tick(at(LESSON_AT)), b.outreach.tick(at(LESSON_AT))]);
      await Promise.all([a.outreach.tick(at('2026-12-01T13:31:00Z')), b.outreach.tick(at('2026-12-01T13:31:00Z'))]);

      for (const p of people) {
        const channel = Object.keys(p.addresses)[0];
        const got = texts(w.received(p.id, channel)).filter((text) => text === opener(p.language));
        assert.equal(got.length, 1, `${p.language} ${channel}: one lesson opener`);
        const teams = w.received(p.id, channel).find((act) => act.text === opener(p.language));
        if (channel === 'msteams') assert.equal(teams?.suggestedActions?.actions?.[0]?.title, i18n.getFixedT(p.language)('common:menu.lesson'));
        const ledger = await a.services.store.get<LedgerEntry>('outreachLedger', p.id, 'lesson:2026-12-01');
        assert.equal(ledger?.state, 'sent');
        const sent = await delivery(a, p.id);
        assert.match(sent?.sentAt ?? '', /^2026-12-01T13:30:/, 'recorded when sent (the tick instant plus its run time)');
        assert.equal(sent?.reflection, null);
        const next = await lessonEntry(a, p.id);
        assert.equal(next?.localDate, '2026-12-08', 'then the next week with a lesson');
      }
      assert.equal(await a.services.store.count(LESSON_DELIVERIES, {}), 4);
    });

    test('opt-out, pause and an open safety episode hold it; the chain moves on to next week', async () => {
      const optedOut = await enroll(a, w.connector.url, { checkinTime: '08:30' });
      const paused = await enroll(a, w.connector.url, { language: 'es', checkinTime: '08:30' });
      const inEpisode = await enroll(a, w.connector.url, { checkinTime: '08:30', channels: ['msteams'] });
      const { participants } = a.services;
      await participants.update(optedOut.id, (p) => (p.optedOutAt = '2026-11-30T12:00:00Z'));
      await participants.update(paused.id, (p) => (p.status = 'paused'));
      await participants.update(inEpisode.id, (p) => (p.safetyHold = { flagId: 'f1', openedAt: '2026-12-01T12:00:00Z', until: '2026-12-02T00:00:00Z' }));

      const report = await a.outreach.tick(at(LESSON_AT));
      assert.equal(report.skipped.optedOut, 2, 'lesson and check-in prompt');
      assert.equal(report.skipped.paused, 2);
      assert.equal(report.skipped.safetyEpisode, 2);
      for (const p of [optedOut, paused, inEpisode]) {
        assert.equal(texts(w.received(p.id, Object.keys(p.addresses)[0])).length, 0);
        assert.equal(await delivery(a, p.id), undefined);
        assert.equal((await lessonEntry(a, p.id))?.localDate, '2026-12-08');
      }
    });

    test('a lesson already read that week ("lesson" before its day) is not announced again; it is counted, and next week\'s goes out', async () => {
      const readEarly = await enroll(a, w.connector.url, { language: 'es', checkinTime: '08:30' });
      const notYet = await enroll(a, w.connector.url, { language: 'en', checkinTime: '08:30', channels: ['msteams'] });
      // What the lesson dialog records when "lección" is typed on Monday.
      const monday = at('2026-11-30T15:00:00Z');
      await new LessonDeliveries(a.services.store).recordSent(readEarly.id, WEEK, 'halt', monday);

      const dry = await a.outreach.tick(at(LESSON_AT), { dryRun: true });
      assert.equal(dry.skipped.lessonRead, 1, 'a dry run counts it the same way');
      const report = await a.outreach.tick(at(LESSON_AT));
      await b.outreach.tick(at('2026-12-01T13:31:00Z'));
      assert.equal(report.skipped.lessonRead, 1);
      assert.equal(texts(w.received(readEarly.id)).filter((text) => text === opener('es')).length, 0);
      assert.equal(texts(w.received(notYet.id, 'msteams')).filter((text) => text === opener('en')).length, 1, 'the others still get theirs');
      assert.equal((await delivery(a, readEarly.id))?.sentAt, monday.toISOString(), 'the delivery stays as it was');
      assert.equal(await a.services.store.get<LedgerEntry>('outreachLedger', readEarly.id, 'lesson:2026-12-01'), undefined, 'nothing claimed');

      const next = await lessonEntry(a, readEarly.id);
      assert.equal(next?.localDate, '2026-12-08', 'the chain moves on');
      await a.outreach.tick(at(next!.dueAt));
      assert.equal(texts(w.received(readEarly.id)).filter((text) => text === opener('es')).length, 1, 'next week\'s lesson is announced');
    });

    test('a check-in time in quiet hours sends the lesson when they end, the same day, once', async () => {
      const early = await enroll(a, w.connector.url, { language: 'es', checkinTime: '07:30' });
      const before = await a.outreach.tick(at('2026-12-01T12:30:00Z'));
      assert.equal(before.sent, 0);
      assert.equal((await lessonEntry(a, early.id))?.dueAt, '2026-12-01T13:00:00.000Z', 'moved to 08:00 local');
      await a.outreach.tick(at('2026-12-01T13:00:00Z'));
      await b.outreach.tick(at('2026-12-01T13:00:00Z'));
      assert.equal(texts(w.received(early.id)).filter((text) => text === opener('es')).length, 1);
    });

    test('a track without a plan gets no lesson entry; assigning one reschedules the track', async () => {
      const evening = await enroll(a, w.connector.url, { track: 'evening', checkinTime: '19:00' });
      assert.equal(await lessonEntry(a, evening.id), undefined);
      await new LessonAssignments(a.services.store).assign({ track: 'evening', weekStart: NEXT_WEEK, lessonId: 'iStatements' }, 'test', w.clock());
      assert.equal(await rescheduleTrack(a.services, 'evening'), 1);
      // The evening track keeps the default lesson day, Monday: 2026-12-07 at 19:00 New York.
      assert.equal((await lessonEntry(a, evening.id))?.dueAt, '2026-12-08T00:00:00.000Z');
      await new LessonAssignments(a.services.store).remove('evening', NEXT_WEEK);
      await rescheduleTrack(a.services, 'evening');
      assert.equal(await lessonEntry(a, evening.id), undefined);
    });
  });
}
