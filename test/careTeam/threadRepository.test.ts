import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ThreadMessage } from '../../bot/careTeam/threadMessage';
import { threadMessageId, ThreadRepository } from '../../bot/careTeam/threadRepository';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

function message(participantId: string, at: string, key: string, direction: ThreadMessage['direction'] = 'fromParticipant'): ThreadMessage {
  return {
    id: threadMessageId(at, key),
    pk: participantId,
    participantId,
    direction,
    at,
    text: `text ${key}`,
    channelId: 'sms',
    staffId: null,
    staffName: null,
    delivery: null,
    activityId: key,
  };
}

for (const factory of STORE_FACTORIES) {
  describe(`the thread repository on ${factory.name}`, () => {
    let h: StoreHandle;
    let repo: ThreadRepository;
    beforeEach(async () => {
      h = await factory.make();
      repo = new ThreadRepository(h.store);
    });
    afterEach(() => h.cleanup());

    it('pages a thread oldest first, keeps same-millisecond messages, and its last token finds later messages', async () => {
      const at = (n: number) => `2025-03-04T15:00:0${n}.000Z`;
      for (const [n, key] of [[3, 'c'], [1, 'a'], [2, 'b1'], [2, 'b2'], [4, 'd']] as const) await repo.add(message('p1', at(n), key));
      await repo.add(message('p2', at(1), 'other'));

      const first = await repo.page('p1', 2);
      assert.deepEqual(first.items.map((m) => m.activityId), ['a', first.items[1].activityId]);
      assert.equal(first.more, true);
      const second = await repo.page('p1', 2, first.continuation);
      const third = await repo.page('p1', 2, second.continuation);
      const all = [...first.items, ...second.items, ...third.items].map((m) => m.activityId);
      assert.deepEqual(all.slice().sort(), ['a', 'b1', 'b2', 'c', 'd'], 'every message once, none of p2');
      assert.deepEqual(all.filter((k) => k !== 'b1' && k !== 'b2'), ['a', 'c', 'd']);
      assert.equal(third.more, false);

      const empty = await repo.page('p1', 2, third.continuation);
      assert.deepEqual(empty.items, []);
      assert.equal(empty.continuation, third.continuation, 'the poll token stays put while nothing arrives');
      await repo.add(message('p1', at(5), 'e'));
      assert.deepEqual((await repo.page('p1', 2, empty.continuation)).items.map((m) => m.activityId), ['e']);
    });

    it('stores a message once however often it is added, and rejects a forged token', async () => {
      const m = message('p1', '2025-03-04T15:00:00.000Z', 'once');
      assert.equal((await repo.add(m)).created, true);
      assert.equal((await repo.add(m)).created, false);
      assert.equal((await repo.page('p1', 10)).items.length, 1);
      await assert.rejects(repo.page('p1', 10, 'not-a-token'), /invalid continuation token/);
    });

    it('the first claim of a staff message wins; a retry gets its message id', async () => {
      const first = await repo.claimSend('p1', 'staff-1', 'key-1', 'm-1', '2025-03-04T15:00:00.000Z');
      const retry = await repo.claimSend('p1', 'staff-1', 'key-1', 'm-2', '2025-03-04T15:00:01.000Z');
      const other = await repo.claimSend('p1', 'staff-2', 'key-1', 'm-3', '2025-03-04T15:00:01.000Z');
      assert.deepEqual([first, retry, other], [{ first: true, messageId: 'm-1' }, { first: false, messageId: 'm-1' }, { first: true, messageId: 'm-3' }]);
    });
  });
}
