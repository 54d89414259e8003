import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCheckinCounts } from '../../bot/reports/checkinCounts';
import { ParticipantRow } from '../../bot/reports/reportRows';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

const RANGE = { from: '2025-05-05', to: '2025-05-07' };
const row = (id: string, createdAt: string): ParticipantRow => ({ id, track: 'morning', status: 'active', createdAt, timeZone: 'America/Chicago' });
const checkIn = (pk: string, localDate: string, status = 'complete') => ({ id: `${pk}:${localDate}`, pk, participantId: pk, localDate, status });
const prompt = (pk: string, localDate: string, state = 'sent', kind = 'checkin') => ({ id: `${kind}:${localDate}`, pk, participantId: pk, kind, localDate, state });

/*
 * The counted paths the hand-computed fixture does not reach: a participant
 * prompted on every day of the range (answered = their completed check-ins,
 * one count) beside one prompted on some days (matched day by day).
 */
for (const factory of STORE_FACTORIES) {
  describe(`check-in counts (${factory.name})`, () => {
    let h: StoreHandle;
    before(async () => {
      h = await factory.make();
      const docs: Array<[string, { id: string; pk: string }]> = [
        // P: prompted 5, 6, 7; completed 5 and 7, 6 left in progress; a completed check-in after the range.
        ['outreachLedger', prompt('P', '2025-05-05')],
        ['outreachLedger', prompt('P', '2025-05-06')],
        ['outreachLedger', prompt('P', '2025-05-07')],
        ['checkins', checkIn('P', '2025-05-05')],
        ['checkins', checkIn('P', '2025-05-06', 'in_progress')],
        ['checkins', checkIn('P', '2025-05-07')],
        ['checkins', checkIn('P', '2025-05-08')],
        // Q: prompted 5 (sent) and 6 (failed), a follow-up on 7; completed 5, 6 and 7: only the 5th answers a sent prompt.
        ['outreachLedger', prompt('Q', '2025-05-05')],
        ['outreachLedger', prompt('Q', '2025-05-06', 'failed')],
        ['outreachLedger', prompt('Q', '2025-05-07', 'sent', 'followup')],
        ['checkins', checkIn('Q', '2025-05-05')],
        ['checkins', checkIn('Q', '2025-05-06')],
        ['checkins', checkIn('Q', '2025-05-07')],
      ];
      for (const [collection, doc] of docs) await h.store.create(collection, doc);
    });
    after(() => h.cleanup());

    it('answers prompts sent every day with one count, and the others day by day', async () => {
      // Q enrolled on the 6th (Chicago), during the range: a joiner, whose days count from then on.
      const c = await readCheckinCounts(h.store, RANGE, [row('P', '2025-04-01T12:00:00.000Z'), row('Q', '2025-05-06T15:00:00.000Z')], '2025-05-01');
      assert.deepEqual(c.prompts, { sent: 4, answered: 3 });
      assert.deepEqual([...c.settledByDay.get('morning')!], [['2025-05-05', 1], ['2025-05-06', 0], ['2025-05-07', 1]]);
      assert.deepEqual(c.joinerDays.map((d) => `${d.pk} ${d.localDate}`).sort(), ['Q 2025-05-05', 'Q 2025-05-06', 'Q 2025-05-07']);
      assert.deepEqual([...c.recent].sort(), ['P', 'Q']);
    });
  });
}
