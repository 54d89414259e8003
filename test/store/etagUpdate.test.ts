import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { updateDocument } from '../../bot/store/etagUpdate';
import { CollectionSpec, DocBase, DocumentStore } from '../../bot/store/port';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

interface Counter extends DocBase {
  count: number;
  by: string[];
}

const COUNTERS: CollectionSpec = { name: 'counters', indexes: [] };

/** A store whose first `replace` calls fail as if another process had written first (after really writing for it). */
function racing(store: DocumentStore, races: number): DocumentStore & { replaces: number } {
  let left = races;
  const wrapped = Object.create(store) as DocumentStore & { replaces: number };
  wrapped.replaces = 0;
  wrapped.replace = async <T extends DocBase>(collection: string, doc: T, etag: string) => {
    wrapped.replaces++;
    if (left > 0) {
      left--;
      const theirs = await store.get<Counter>(collection, doc.pk, doc.id);
      if (theirs) await store.upsert<Counter>(collection, { id: theirs.id, pk: theirs.pk, count: theirs.count + 1, by: [...theirs.by, 'other'] });
    }
    return store.replace(collection, doc, etag);
  };
  return wrapped;
}

const increment = (who: string) => (c: Counter) => ({ ...c, count: c.count + 1, by: [...c.by, who] });

for (const factory of STORE_FACTORIES) {
  describe(`updateDocument on ${factory.name}`, () => {
    let h: StoreHandle;
    beforeEach(async () => {
      h = await factory.make([COUNTERS]);
    });
    afterEach(() => h.cleanup());

    it('re-applies the change to the fresh document after a conflict, losing neither write', async () => {
      await h.store.create<Counter>('counters', { id: 'c', pk: 'c', count: 0, by: [] });
      const store = racing(h.store, 1);
      const result = await updateDocument<Counter>(store, 'counters', 'c', 'c', increment('me'));
      assert.equal(store.replaces, 2);
      assert.deepEqual({ changed: result?.changed, created: result?.created }, { changed: true, created: false });
      assert.deepEqual((await h.store.get<Counter>('counters', 'c', 'c'))?.by, ['other', 'me']);
      assert.equal(result?.doc.count, 2);
    });

    it('gives up after the attempts it is allowed, with the conflict never written over', async () => {
      await h.store.create<Counter>('counters', { id: 'c', pk: 'c', count: 0, by: [] });
      const store = racing(h.store, 10);
      await assert.rejects(updateDocument<Counter>(store, 'counters', 'c', 'c', increment('me'), { attempts: 3 }), /counters\/c kept changing for 3 attempts/);
      assert.equal(store.replaces, 3);
      assert.deepEqual((await h.store.get<Counter>('counters', 'c', 'c'))?.by, ['other', 'other', 'other']);
    });

    it('writes nothing when the change asks for nothing, and leaves other errors alone', async () => {
      const stored = await h.store.create<Counter>('counters', { id: 'c', pk: 'c', count: 0, by: [] });
      const same = await updateDocument<Counter>(h.store, 'counters', 'c', 'c', () => undefined);
      assert.equal(same?.changed, false);
      assert.equal(same?.doc._etag, stored._etag);
      await assert.rejects(
        updateDocument<Counter>(h.store, 'counters', 'c', 'c', () => {
          throw new RangeError('not allowed');
        }),
        RangeError,
      );
    });

    it('deletes when the change says null, with the eTag it read', async () => {
      await h.store.create<Counter>('counters', { id: 'c', pk: 'c', count: 0, by: [] });
      const result = await updateDocument<Counter>(h.store, 'counters', 'c', 'c', (c) => (c.count === 0 ? null : c));
      assert.deepEqual({ changed: result?.changed, deleted: result?.deleted }, { changed: true, deleted: true });
      assert.equal(await h.store.get<Counter>('counters', 'c', 'c'), undefined);
    });

    it('creates a missing document when asked, and retries the change when a create races it', async () => {
      assert.equal(await updateDocument<Counter>(h.store, 'counters', 'c', 'c', increment('me')), undefined);
      const created = await updateDocument<Counter>(h.store, 'counters', 'c', 'c', increment('me'), { create: () => ({ id: 'c', pk: 'c', count: 1, by: ['me'] }) });
      assert.deepEqual({ changed: created.changed, created: created.created, by: created.doc.by }, { changed: true, created: true, by: ['me'] });

      // Someone else creates between our read and our create: the create conflicts, the retry applies the change.
      let raced = false;
      const store = Object.create(h.store) as DocumentStore;
      store.get = async <T extends DocBase>(collection: string, pk: string, id: string) => {
        if (!raced) {
          raced = true;
          await h.store.create<Counter>('counters', { id: 'd', pk: 'd', count: 1, by: ['other'] });
          return undefined;
        }
        return h.store.get<T>(collection, pk, id);
      };
      const after = await updateDocument<Counter>(store, 'counters', 'd', 'd', increment('me'), { create: () => ({ id: 'd', pk: 'd', count: 1, by: ['me'] }) });
      assert.deepEqual({ created: after.created, by: after.doc.by }, { created: false, by: ['other', 'me'] });
    });
  });
}
