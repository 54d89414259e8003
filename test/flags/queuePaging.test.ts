import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Flag, FLAGS, Severity } from '../../bot/flags/flag';
import { FlagQueue, QueuePage } from '../../bot/flags/queue';
import { FlagRepository } from '../../bot/flags/repository';
import { flagDoc } from '../helpers/flags';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

function flag(participantId: string, id: string, severity: Severity, minute: number): Flag {
  return flagDoc(participantId, id, severity, new Date(Date.UTC(2025, 2, 1, 0, minute)).toISOString(), { track: 'evening' });
}

const rowsOf = (page: QueuePage) => page.rows.map((r) => r.participantId);

for (const factory of STORE_FACTORIES) {
  describe(`the flag queue's continuation on ${factory.name}`, () => {
    let h: StoreHandle;
    let queue: FlagQueue;
    beforeEach(async () => {
      h = await factory.make();
      queue = new FlagQueue(new FlagRepository(h.store));
    });
    afterEach(() => h.cleanup());

    it('exactly a page of rows whose other flags (same and lower severity) are still unread: no promise of a next page', async () => {
      // Two participants, each with two urgent flags and a high one: two rows, five flags.
      let minute = 0;
      for (const p of ['pa', 'pb']) {
        for (const [id, severity] of [['u1', 'urgent'], ['u2', 'urgent'], ['h1', 'high']] as const) await h.store.create(FLAGS, flag(p, `${p}-${id}`, severity, minute++));
      }
      const page = await queue.page({ status: 'open' }, 2);
      assert.deepEqual(rowsOf(page), ['pa', 'pb']);
      assert.deepEqual(page.rows.map((r) => r.flags.length), [3, 3]);
      assert.equal(page.continuation, undefined, 'every flag left is in a row already shown');
    });

    it('pages of exactly page-size rows: each continuation leads to rows, the last page has none', async () => {
      let minute = 0;
      for (const p of ['p1', 'p2', 'p3', 'p4']) {
        await h.store.create(FLAGS, flag(p, `${p}-u`, 'urgent', minute++));
        await h.store.create(FLAGS, flag(p, `${p}-l`, 'low', minute++));
      }
      const first = await queue.page({ status: 'open' }, 2);
      assert.deepEqual(rowsOf(first), ['p1', 'p2']);
      assert.ok(first.continuation, 'two more rows follow');
      const second = await queue.page({ status: 'open' }, 2, first.continuation);
      assert.deepEqual(rowsOf(second), ['p3', 'p4']);
      assert.equal(second.continuation, undefined);

      // One row less than a page fills: the same.
      const urgentOnly = await queue.page({ status: 'open', severity: 'urgent' }, 4);
      assert.deepEqual([rowsOf(urgentOnly), urgentOnly.continuation], [['p1', 'p2', 'p3', 'p4'], undefined]);
    });
  });
}
