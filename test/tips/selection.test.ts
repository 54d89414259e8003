import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../bot/clock';
import { TipCatalog } from '../../bot/tips/catalog';
import { TipFeedbackLog } from '../../bot/tips/feedback';
import { pickTip, TIP_HISTORY, TipHistory, TipSelector } from '../../bot/tips/selection';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

/** A random source that walks a fixed list. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

describe('pickTip', () => {
  const category = ['a', 'b', 'c'];

  it('shows every tip of a category once before any repeats', () => {
    let seen: string[] = [];
    let previous: string | null = null;
    const shown: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pick = pickTip(category, seen, previous, Math.random);
      shown.push(pick.tipId);
      ({ seen } = pick);
      previous = pick.tipId;
    }
    assert.deepEqual([...shown].sort(), category);
  });

  it('starts an exhausted category over without the tip just shown', () => {
    for (const r of [0, 0.5, 0.99]) {
      const pick = pickTip(category, ['x', 'a', 'b', 'c'], 'c', () => r);
      assert.notEqual(pick.tipId, 'c');
      // Tips of other categories stay seen; this category starts over from the pick.
      assert.deepEqual(pick.seen, ['x', pick.tipId]);
    }
  });

  it('counts a tip seen under another category as seen', () => {
    assert.equal(pickTip(category, ['a', 'b'], 'b', () => 0).tipId, 'c');
  });

  it('repeats the only tip of a one-tip category', () => {
    assert.equal(pickTip(['solo'], ['solo'], 'solo', () => 0).tipId, 'solo');
  });
});

for (const factory of STORE_FACTORIES) {
  describe(`TipSelector and TipFeedbackLog (${factory.name})`, () => {
    let h: StoreHandle;
    const clock = fixedClock('2025-03-05T15:00:00Z');
    const catalog = TipCatalog.load();
    beforeEach(async () => {
      h = await factory.make();
    });
    afterEach(() => h.cleanup());

    it('gives every tip of a category before repeating, and never the same twice in a row', async () => {
      const selector = new TipSelector(h.store, catalog, clock);
      const all = catalog.tipsIn('sleep');
      const shown: string[] = [];
      for (let i = 0; i < all.length * 2 + 1; i++) shown.push(await selector.next('p1', 'sleep', `turn-${i}`));
      assert.deepEqual([...shown.slice(0, all.length)].sort(), [...all].sort());
      assert.deepEqual([...shown.slice(all.length, all.length * 2)].sort(), [...all].sort());
      for (let i = 1; i < shown.length; i++) assert.notEqual(shown[i], shown[i - 1], `repeat at ${i}`);
    });

    it('gives a re-run turn the same tip without using up another', async () => {
      const selector = new TipSelector(h.store, catalog, clock, sequence(0.1, 0.9));
      const first = await selector.next('p1', 'anger', 'turn-1');
      assert.equal(await selector.next('p1', 'anger', 'turn-1'), first);
      const history = await h.store.get<TipHistory>(TIP_HISTORY, 'p1', 'p1');
      assert.deepEqual(history?.seen, [first]);
      assert.notEqual(await selector.next('p1', 'anger', 'turn-2'), first);
    });

    it('keeps each participant their own history', async () => {
      const selector = new TipSelector(h.store, catalog, clock, () => 0);
      assert.equal(await selector.next('p1', 'cravings', 't1'), await selector.next('p2', 'cravings', 't1'));
    });

    it('stores one feedback per showing, rewritten in place when written again', async () => {
      const log = new TipFeedbackLog(h.store);
      const feedback = {
        participantId: 'p1',
        tipId: 'boxBreathing',
        category: 'anxiety' as const,
        rating: 'little' as const,
        language: 'es' as const,
        channel: 'sms',
        shownAt: '2025-03-05T15:00:00.000Z',
        answeredAt: '2025-03-05T15:02:00.000Z',
      };
      await log.record(feedback);
      await log.record(feedback);
      await log.record({ ...feedback, tipId: 'halt', rating: 'yes', answeredAt: '2025-03-05T15:04:00.000Z' });
      await log.record({ ...feedback, participantId: 'p2' });
      const mine = await log.forParticipant('p1');
      assert.deepEqual(
        mine.map((f) => [f.id, f.rating]),
        [
          ['boxBreathing:2025-03-05T15:00:00.000Z', 'little'],
          ['halt:2025-03-05T15:00:00.000Z', 'yes'],
        ],
      );
    });
  });
}
