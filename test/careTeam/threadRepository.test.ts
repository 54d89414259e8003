import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ThreadMessage } from '../../bot/careTeam/threadMessage';
import { NewThreadMessage, threadKey, ThreadRepository } from '../../bot/careTeam/threadRepository';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

function message(participantId: string, at: string, activityId: string, direction: ThreadMessage['direction'] = 'fromParticipant'): NewThreadMessage {
  return {
    participantId,
    direction,
    at,
    text: `text ${activityId}`,
    channelId: 'sms',
    staffId: null,
    staffName: null,
    delivery: null,
    activityId,
  };
}

/** Adds the message of `activityId`, keyed by it (as a turn keys its activity). */
function add(repo: ThreadRepository, participantId: string, at: string, activityId: string) {
  return repo.add(message(participantId, at, activityId), threadKey(activityId));
}

const INSTANT = '2025-03-04T15:00:00.000Z';

for (const factory of STORE_FACTORIES) {
  describe(`the thread repository on ${factory.name}`, () => {
    let h: StoreHandle;
    let repo: ThreadRepository;
    beforeEach(async () => {
      h = await factory.make();
      repo = new ThreadRepository(h.store);
    });
    afterEach(() => h.cleanup());

    it('pages a thread oldest first, and its last token finds later messages', async () => {
      const at = (n: number) => `2025-03-04T15:00:0${n}.000Z`;
      for (const [n, key] of [[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']] as const) await add(repo, 'p1', at(n), key);
      await add(repo, 'p2', at(1), 'other');

      const first = await repo.page('p1', 2);
      const second = await repo.page('p1', 2, first.continuation);
      const third = await repo.page('p1', 2, second.continuation);
      assert.deepEqual([first, second, third].map((p) => p.items.map((m) => m.activityId)), [['a', 'b'], ['c', 'd'], ['e']], 'every message once, in order, none of p2');
      assert.deepEqual([first.more, second.more, third.more], [true, true, false]);

      const empty = await repo.page('p1', 2, third.continuation);
      assert.deepEqual(empty.items, []);
      assert.equal(empty.more, false);
      assert.equal(empty.continuation, third.continuation, 'the poll token stays put while nothing arrives');
      await add(repo, 'p1', at(6), 'f');
      assert.deepEqual((await repo.page('p1', 2, empty.continuation)).items.map((m) => m.activityId), ['f']);
    });

    it('a poll between messages of one clock instant sees every one once, in order of arrival', async () => {
      const keys = Array.from({ length: 14 }, (_, i) => `same-${i}`);
      const polled: string[] = [];
      let token: string | undefined;
      for (const key of keys) {
        await add(repo, 'p1', INSTANT, key);
        const page = await repo.page('p1', 50, token);
        token = page.continuation;
        polled.push(...page.items.map((m) => m.activityId!));
      }
      assert.deepEqual(polled, keys);

      // Paging a page of 2 at a time through 14 messages of one millisecond: nothing skipped, nothing twice, exact `more`.
      const paged: string[] = [];
      const mores: boolean[] = [];
      token = undefined;
      do {
        const page = await repo.page('p1', 2, token);
        paged.push(...page.items.map((m) => m.activityId!));
        mores.push(page.more);
        token = page.continuation;
      } while (mores.at(-1));
      assert.deepEqual(paged, keys);
      assert.equal(mores.length, 7, 'exactly page-size rows: the last page says no more');
    });

    it('writers at the same instant each get their own place; none is lost or doubled', async () => {
      await add(repo, 'p1', INSTANT, 'before');
      const keys = ['w1', 'w2', 'w3', 'w4', 'w5'];
      const results = await Promise.all([...keys, 'w1'].map((key) => add(repo, 'p1', INSTANT, key)));
      assert.equal(results.filter((r) => r.created).length, 5, 'the twin of w1 is not stored twice');
      const page = await repo.page('p1', 50);
      assert.deepEqual(page.items.map((m) => m.activityId).sort(), ['before', ...keys].sort());
      assert.deepEqual(page.items.map((m) => m.id), ['000000000001', '000000000002', '000000000003', '000000000004', '000000000005', '000000000006']);
    });

    it('stores a message once however often it is added, and rejects a forged token', async () => {
      assert.equal((await add(repo, 'p1', INSTANT, 'once')).created, true);
      const again = await add(repo, 'p1', '2025-03-04T15:00:01.000Z', 'once');
      assert.equal(again.created, false);
      assert.equal(again.doc.at, INSTANT, 'the first one stays');
      assert.equal((await repo.page('p1', 10)).items.length, 1);
      await assert.rejects(repo.page('p1', 10, 'not-a-token'), /invalid continuation token/);
      await assert.rejects(repo.page('p1', 10, Buffer.from(JSON.stringify({ after: "' OR 1=1" })).toString('base64url')), /invalid continuation token/);
    });

    it('the first claim of a staff message wins; a retry does not', async () => {
      const first = await repo.claimSend('p1', threadKey('staff-1:key-1'), INSTANT);
      const retry = await repo.claimSend('p1', threadKey('staff-1:key-1'), INSTANT);
      const other = await repo.claimSend('p1', threadKey('staff-2:key-1'), INSTANT);
      assert.deepEqual([first, retry, other], [true, false, true]);
    });
  });
}
