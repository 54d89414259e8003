import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../bot/clock';
import { CheckIns, checkInId, localDateOf, localWeekdayOf, nextItem, scoreWeeklyScreen } from '../../bot/domain/checkins';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

describe('local dates', () => {
  it('a check-in belongs to the participant\'s calendar day, not UTC\'s', () => {
    const lateEvening = new Date('2025-03-04T04:30:00Z'); // 23:30 in Chicago on the 3rd
    assert.equal(localDateOf(lateEvening, 'America/Chicago'), '2025-03-03');
    assert.equal(localDateOf(lateEvening, 'Europe/Madrid'), '2025-03-04');
    assert.equal(localWeekdayOf(lateEvening, 'America/Chicago'), 1);
  });

  it('follows DST: 23:30 local the night the clocks spring forward', () => {
    // 2025-03-09 US spring forward: 23:30 CDT is 04:30Z on the 10th.
    assert.equal(localDateOf(new Date('2025-03-10T04:30:00Z'), 'America/Chicago'), '2025-03-09');
    // 23:30 CST before the change is 05:30Z.
    assert.equal(localDateOf(new Date('2025-03-09T05:30:00Z'), 'America/Chicago'), '2025-03-08');
  });

  it('rejects an unknown time zone', () => {
    assert.throws(() => localDateOf(new Date(), 'Mars/Olympus'));
  });
});

describe('check-in progress and scoring', () => {
  it('the next item is the first not yet asked, in CONTENT.md order', () => {
    assert.equal(nextItem({ asked: [] }), 'mood');
    assert.equal(nextItem({ asked: ['mood', 'craving', 'use'] }), 'sleepHours');
    assert.equal(nextItem({ asked: ['mood', 'craving', 'use', 'sleepHours', 'medication', 'wishedDead', 'suicidalThoughts', 'note'] }), undefined);
  });

  it('PHQ-2 and GAD-2 sum their two items; an unreadable item leaves that score empty', () => {
    assert.deepEqual(scoreWeeklyScreen({ littleInterest: 1, feelingDown: 2, nervous: 3, cannotStopWorrying: 0 }).phq2, 3);
    const partial = scoreWeeklyScreen({ littleInterest: null, feelingDown: 2, nervous: 3, cannotStopWorrying: 0 });
    assert.equal(partial.phq2, null);
    assert.equal(partial.gad2, 3);
  });
});

for (const factory of STORE_FACTORIES) {
  describe(`CheckIns on ${factory.name}`, () => {
    let h: StoreHandle;
    let checkins: CheckIns;
    const clock = fixedClock('2025-03-04T04:30:00Z');

    beforeEach(async () => {
      h = await factory.make();
      checkins = new CheckIns(h.store, clock);
    });
    afterEach(() => h.cleanup());

    it('one record per participant per local day: saving again replaces it', async () => {
      const record = checkins.start({ participantId: 'p1', timeZone: 'America/Chicago', language: 'es', channel: 'sms' });
      assert.equal(record.id, checkInId('p1', '2025-03-03'));
      assert.equal(record.pk, 'p1');
      await checkins.save(record);
      await checkins.save({ ...record, answers: { ...record.answers, mood: 4 }, asked: ['mood'] });
      const today = await checkins.today('p1', 'America/Chicago');
      assert.equal(today?.answers.mood, 4);
      assert.equal(today?.language, 'es');
      assert.equal(today?.channel, 'sms');
      assert.equal(today?.status, 'in_progress');
      assert.equal(await checkins.today('p1', 'Europe/Madrid'), undefined, 'in Madrid it is already the 4th');
    });

    it('saving a record read back (with its eTag) works: the eTag is not stored', async () => {
      await checkins.save(checkins.start({ participantId: 'p1', timeZone: 'America/Chicago', language: 'en', channel: 'msteams' }));
      const read = await checkins.today('p1', 'America/Chicago');
      const saved = await checkins.save({ ...read!, status: 'complete' });
      assert.equal(saved.status, 'complete');
      const raw = await h.store.get<Record<string, unknown> & { id: string; pk: string }>('checkins', 'p1', read!.id);
      assert.equal(raw?.status, 'complete');
    });

    it('history returns the last N local days of one participant, newest first', async () => {
      for (const date of ['2025-02-24', '2025-02-26', '2025-03-01', '2025-03-03']) {
        await checkins.save(checkins.start({ participantId: 'p1', timeZone: 'America/Chicago', language: 'en', channel: 'sms', localDate: date }));
      }
      await checkins.save(checkins.start({ participantId: 'p2', timeZone: 'America/Chicago', language: 'en', channel: 'sms', localDate: '2025-03-02' }));
      const week = await checkins.history('p1', 'America/Chicago', 7);
      assert.deepEqual(week.map((c) => c.localDate), ['2025-03-03', '2025-03-01', '2025-02-26']);
      assert.deepEqual((await checkins.history('p1', 'America/Chicago', 1)).map((c) => c.localDate), ['2025-03-03']);
    });
  });
}
