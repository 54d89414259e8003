import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../bot/clock';
import { Measures } from '../../bot/measures/measures';
import { planScreen, weeksBetween } from '../../bot/measures/plan';
import { Participant } from '../../bot/domain/participant';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

const DAY = 86_400_000;
/** Monday 2025-03-03, noon in Chicago. */
const MONDAY_NOON = '2025-03-03T18:00:00Z';
const DEFAULTS = { fullEveryWeeks: 4, bamEveryWeeks: 4 };

type PlanParticipant = Parameters<typeof planScreen>[1];
const base: PlanParticipant = { id: 'p1', timeZone: 'America/Chicago', screenWeekday: 1 };

describe('weeksBetween counts calendar weeks (Monday to Sunday)', () => {
  it('same week 0, next Monday 1, four weeks on 4, whatever the weekday', () => {
    assert.equal(weeksBetween('2025-03-03', '2025-03-09'), 0);
    assert.equal(weeksBetween('2025-03-09', '2025-03-10'), 1);
    assert.equal(weeksBetween('2025-03-05', '2025-03-31'), 4);
  });
});

for (const factory of STORE_FACTORIES) {
  describe(`which questionnaire a check-in ends with (${factory.name})`, () => {
    let h: StoreHandle;
    const clock = fixedClock(MONDAY_NOON);
    let measures: Measures;
    beforeEach(async () => {
      h = await factory.make();
      clock.set(MONDAY_NOON);
      measures = new Measures(h.store, clock);
    });
    afterEach(() => h.cleanup());

    const plan = (p: Partial<PlanParticipant> = {}) => planScreen(measures, { ...base, ...p }, DEFAULTS, clock());
    const take = async (instrument: 'phq9' | 'gad7' | 'bam', source: 'stepped' | 'scheduled' = 'scheduled') =>
      measures.begin({ participantId: 'p1', timeZone: 'America/Chicago', instrument, source });

    it('stepped (the default): the weekly screen on the screen day, nothing on other days', async () => {
      assert.equal(await plan(), 'weekly');
      clock.advance(DAY);
      assert.equal(await plan(), 'none');
    });

    it('full measures: a baseline at the first check-in whatever the day, then every 4 weeks on the screen day, the weekly screen between', async () => {
      const full: Partial<Participant> = { fullMeasures: true };
      clock.advance(2 * DAY); // Wednesday: not the screen day
      assert.equal(await plan(full), 'full');
      await take('phq9');
      await take('gad7');
      assert.equal(await plan(full), 'none');
      clock.advance(5 * DAY); // next Monday: 1 week on
      assert.equal(await plan(full), 'weekly');
      clock.advance(21 * DAY); // 4 weeks after the baseline's week
      assert.equal(await plan(full), 'full');
      assert.equal(await plan({ ...full, fullMeasuresEveryWeeks: 6 }), 'weekly', 'the participant\'s own number wins');
    });

    it('a stepped PHQ-9 does not count as the scheduled one', async () => {
      await take('phq9', 'stepped');
      assert.equal(await plan({ fullMeasures: true }), 'full');
    });

    it('substance use: the BAM in place of the screen when due (first screen day, then every 4 weeks; configurable)', async () => {
      const su: Partial<Participant> = { substanceUse: true };
      assert.equal(await plan(su), 'bam');
      await take('bam');
      clock.advance(7 * DAY);
      assert.equal(await plan(su), 'weekly');
      assert.equal(await plan({ ...su, bamEveryWeeks: 1 }), 'bam');
      clock.advance(21 * DAY);
      assert.equal(await plan(su), 'bam');
      clock.advance(DAY);
      assert.equal(await plan(su), 'none', 'only on the screen day');
    });

    it('resumable: begun today or yesterday and unfinished, PHQ-9 first; older ones are not offered', async () => {
      const gad = await take('gad7', 'stepped');
      const phq = await take('phq9', 'stepped');
      await measures.answer(phq, { item1: 1 });
      assert.deepEqual((await measures.resumable('p1', 'America/Chicago')).map((r) => r.instrument), ['phq9', 'gad7']);
      await measures.answer(gad, { item1: 0, item2: 0, item3: 0, item4: 0, item5: 0, item6: 0, item7: 0 });
      clock.advance(DAY);
      assert.deepEqual((await measures.resumable('p1', 'America/Chicago')).map((r) => r.instrument), ['phq9']);
      clock.advance(DAY);
      assert.deepEqual(await measures.resumable('p1', 'America/Chicago'), []);
    });
  });
}
