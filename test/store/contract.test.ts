import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { COLLECTIONS } from '../../bot/store/collections';
import {
  CollectionSpec,
  ConflictError,
  DocBase,
  DocumentStore,
  PreconditionFailedError,
  Query,
  Stored,
} from '../../bot/store/port';
import { DocumentStateStorage, STATE_COLLECTION } from '../../bot/store/stateStorage';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

/**
 * The DocumentStore contract. Runs unchanged against every adapter: what passes
 * on SQLite must pass on Cosmos DB (through the real @azure/cosmos SDK).
 */

interface Item extends DocBase {
  group: string;
  rank: number;
  label: string;
  flag: boolean;
  score: number | null;
  /** Distinct, and deliberately not an index: undeclared single-field order. */
  seq: number;
}

const ITEMS: CollectionSpec = { name: 'items', indexes: [['group'], ['rank'], ['rank', 'label'], ['score']] };
/** Searched names, normalised by the caller as participant.searchName is. */
interface Name extends DocBase {
  group: string;
  name: string | number | null;
}
const NAMES: CollectionSpec = { name: 'names', indexes: [['name'], ['group', 'name']], search: ['name'] };
const TEST_COLLECTIONS: CollectionSpec[] = [COLLECTIONS.find((c) => c.name === STATE_COLLECTION)!, ITEMS, NAMES];

const NAME_FIXTURE: Name[] = [
  { id: 'n1', pk: 'n1', group: 'a', name: 'maria nunez' },
  { id: 'n2', pk: 'n2', group: 'b', name: 'jose garcia' },
  { id: 'n3', pk: 'n3', group: 'a', name: 'ana maria perez' },
  { id: 'n4', pk: 'n4', group: 'b', name: 'María Núñez' },
  { id: 'n5', pk: 'n5', group: 'a', name: 'said "the" or *' },
  { id: 'n6', pk: 'n6', group: 'b', name: 123 },
  { id: 'n7', pk: 'n7', group: 'a', name: null },
  { id: 'n8', pk: 'n8', group: 'b', name: 'zoe quinn' },
];

// Ten items over three partitions, with ties on rank and label, nulls in score.
const FIXTURE: Item[] = [
  { id: 'a1', pk: 'p1', group: 'x', rank: 1, label: 'b', flag: true, score: 10, seq: 7 },
  { id: 'a2', pk: 'p1', group: 'y', rank: 2, label: 'a', flag: false, score: null, seq: 3 },
  { id: 'a3', pk: 'p2', group: 'x', rank: 2, label: 'c', flag: true, score: 30, seq: 9 },
  { id: 'a4', pk: 'p2', group: 'y', rank: 1, label: 'a', flag: false, score: 20, seq: 1 },
  { id: 'a5', pk: 'p3', group: 'x', rank: 3, label: 'a', flag: true, score: null, seq: 10 },
  { id: 'a6', pk: 'p3', group: 'z', rank: 2, label: 'b', flag: false, score: 5, seq: 4 },
  { id: 'a7', pk: 'p1', group: 'x', rank: 1, label: 'a', flag: false, score: 15, seq: 2 },
  { id: 'a8', pk: 'p2', group: 'z', rank: 3, label: 'B', flag: true, score: 25, seq: 8 },
  { id: 'a9', pk: 'p3', group: 'y', rank: 1, label: 'b', flag: true, score: 0, seq: 6 },
  { id: 'b0', pk: 'p1', group: 'x', rank: 2, label: 'b', flag: false, score: -5, seq: 5 },
];

const ids = (items: DocBase[]) => items.map((i) => i.id);
const sortedIds = (items: DocBase[]) => ids(items).sort();
const fixtureIds = (pred: (i: Item) => boolean) => FIXTURE.filter(pred).map((i) => i.id).sort();

/** Reads every page of a query, checking the paging rules on the way. */
async function allPages<T extends DocBase>(store: DocumentStore, collection: string, query: Query) {
  const pages: Stored<T>[][] = [];
  let continuation: string | undefined;
  do {
    const page = await store.query<T>(collection, { ...query, continuation });
    assert.ok(page.items.length <= query.limit!, `page of ${page.items.length} exceeds limit ${query.limit}`);
    continuation = page.continuation;
    if (continuation) assert.ok(page.items.length > 0, 'a page that promises more is not empty');
    pages.push(page.items);
    assert.ok(pages.length <= 50, 'paging terminates');
  } while (continuation);
  return pages;
}

for (const factory of STORE_FACTORIES) {
  describe(`DocumentStore contract (${factory.name})`, () => {
    let h: StoreHandle;
    let store: DocumentStore;

    beforeEach(async () => {
      h = await factory.make(TEST_COLLECTIONS);
      store = h.store;
    });
    afterEach(() => h.cleanup());

    const seed = async () => {
      for (const item of FIXTURE) await store.create('items', item);
    };
    const query = async (q: Query) => (await store.query<Item>('items', q)).items;

    describe('documents', () => {
      it('creates, reads back without system properties, replaces, upserts and deletes', async () => {
        const created = await store.create('items', FIXTURE[0]);
        assert.equal(typeof created._etag, 'string');
        assert.ok(created._etag.length > 0);
        assert.deepEqual(created, { ...FIXTURE[0], _etag: created._etag });

        const read = await store.get<Item>('items', 'p1', 'a1');
        assert.deepEqual(read, { ...FIXTURE[0], _etag: created._etag });

        const replaced = await store.replace('items', { ...FIXTURE[0], label: 'changed' }, created._etag);
        assert.notEqual(replaced._etag, created._etag);
        assert.equal((await store.get<Item>('items', 'p1', 'a1'))?.label, 'changed');
        assert.equal((await store.get<Item>('items', 'p1', 'a1'))?._etag, replaced._etag);

        const upserted = await store.upsert('items', { ...FIXTURE[0], label: 'upserted' });
        assert.notEqual(upserted._etag, replaced._etag);
        assert.deepEqual(await store.get('items', 'p1', 'a1'), { ...FIXTURE[0], label: 'upserted', _etag: upserted._etag });

        const fresh = await store.upsert('items', FIXTURE[1]);
        assert.deepEqual(await store.get('items', 'p1', 'a2'), { ...FIXTURE[1], _etag: fresh._etag });

        await store.delete('items', 'p1', 'a1');
        assert.equal(await store.get('items', 'p1', 'a1'), undefined);
        await store.delete('items', 'p1', 'a1'); // deleting what is gone is fine without an eTag
      });

      it('refuses a boolean, an object or an array in an indexed or searched field, and writes nothing', async () => {
        const created = await store.create('items', FIXTURE[0]);
        for (const bad of [{ rank: true }, { group: { x: 1 } }, { label: ['a'] }, { score: Number.NaN }]) {
          const doc = { ...FIXTURE[0], ...bad };
          await assert.rejects(store.create('items', { ...doc, id: 'new' }), /items\.\w+ is indexed and must hold a string, a number or null/);
          await assert.rejects(store.replace('items', doc, created._etag), /is indexed/);
          await assert.rejects(store.upsert('items', doc), /is indexed/);
        }
        await assert.rejects(store.create('names', { id: 'n0', pk: 'n0', group: 'a', name: false }), /names\.name is indexed/);
        assert.deepEqual(await store.get('items', 'p1', 'a1'), created);
        assert.equal(await store.get('items', 'p1', 'new'), undefined);
        // Booleans and nested values are fine anywhere else.
        await store.create('items', { ...FIXTURE[1], flag: true, extra: { nested: [true] } });
      });

      it('addresses a document by partition key and id together', async () => {
        await store.create('items', FIXTURE[0]);
        assert.equal(await store.get('items', 'p2', 'a1'), undefined);
        assert.equal(await store.get('items', 'p1', 'missing'), undefined);
        // The same id in another partition is another document.
        await store.create('items', { ...FIXTURE[0], pk: 'p2', label: 'other' });
        assert.equal((await store.get<Item>('items', 'p1', 'a1'))?.label, 'b');
        assert.equal((await store.get<Item>('items', 'p2', 'a1'))?.label, 'other');
      });

      it('refuses to create over an existing document and leaves it unchanged', async () => {
        const first = await store.create('items', FIXTURE[0]);
        await assert.rejects(store.create('items', { ...FIXTURE[0], label: 'second' }), (err: unknown) => {
          assert.ok(err instanceof ConflictError);
          assert.equal(err.code, 'Conflict');
          return true;
        });
        assert.deepEqual(await store.get('items', 'p1', 'a1'), { ...FIXTURE[0], _etag: first._etag });
      });

      it('rejects a replace with a stale eTag and changes nothing', async () => {
        const v1 = await store.create('items', FIXTURE[0]);
        const v2 = await store.replace('items', { ...FIXTURE[0], label: 'v2' }, v1._etag);
        await assert.rejects(store.replace('items', { ...FIXTURE[0], label: 'lost update' }, v1._etag), (err: unknown) => {
          assert.ok(err instanceof PreconditionFailedError);
          assert.equal(err.code, 'PreconditionFailed');
          return true;
        });
        assert.deepEqual(await store.get('items', 'p1', 'a1'), { ...FIXTURE[0], label: 'v2', _etag: v2._etag });
      });

      it('lets exactly one of two writers holding the same eTag win', async () => {
        const v1 = await store.create('items', FIXTURE[0]);
        const results = await Promise.allSettled([
          store.replace('items', { ...FIXTURE[0], label: 'left' }, v1._etag),
          store.replace('items', { ...FIXTURE[0], label: 'right' }, v1._etag),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        assert.equal(won.length, 1);
        assert.equal(lost.length, 1);
        assert.ok((lost[0]).reason instanceof PreconditionFailedError);
        const stored = await store.get<Item>('items', 'p1', 'a1');
        assert.equal(stored?._etag, (won[0] as PromiseFulfilledResult<Stored<Item>>).value._etag);
      });

      it('rejects a replace of a document that is gone', async () => {
        const v1 = await store.create('items', FIXTURE[0]);
        await store.delete('items', 'p1', 'a1');
        await assert.rejects(store.replace('items', FIXTURE[0], v1._etag), PreconditionFailedError);
        assert.equal(await store.get('items', 'p1', 'a1'), undefined);
      });

      it('stores the document, not the eTag it was read with', async () => {
        const v1 = await store.create('items', FIXTURE[0]);
        const v2 = await store.replace('items', { ...v1, label: 'again' }, v1._etag);
        const read = await store.get<Item>('items', 'p1', 'a1');
        assert.equal(read?._etag, v2._etag);
        assert.deepEqual(read, { ...FIXTURE[0], label: 'again', _etag: v2._etag });
      });

      it('deletes with an eTag only when it is current', async () => {
        const v1 = await store.create('items', FIXTURE[0]);
        const v2 = await store.replace('items', { ...FIXTURE[0], label: 'v2' }, v1._etag);
        await assert.rejects(store.delete('items', 'p1', 'a1', v1._etag), PreconditionFailedError);
        assert.equal((await store.get<Item>('items', 'p1', 'a1'))?.label, 'v2');
        await store.delete('items', 'p1', 'a1', v2._etag);
        assert.equal(await store.get('items', 'p1', 'a1'), undefined);
        await assert.rejects(store.delete('items', 'p1', 'a1', v2._etag), PreconditionFailedError);
      });

      it('rejects unknown collections', async () => {
        await assert.rejects(store.get('nope', 'p', 'i'), /unknown collection/);
        await assert.rejects(store.query('nope', {}), /unknown collection/);
      });
    });

    describe('queries', () => {
      beforeEach(seed);

      it('scopes to one partition, or spans all of them without pk', async () => {
        assert.deepEqual(sortedIds(await query({ pk: 'p2' })), ['a3', 'a4', 'a8']);
        assert.deepEqual(sortedIds(await query({})), fixtureIds(() => true));
        assert.deepEqual(await query({ pk: 'nowhere' }), []);
        const [doc] = await query({ pk: 'p2', where: [{ field: 'rank', op: '=', value: 3 }] });
        assert.deepEqual(Object.keys(doc).sort(), ['_etag', 'flag', 'group', 'id', 'label', 'pk', 'rank', 'score', 'seq']);
      });

      it('applies each comparison to numbers and strings', async () => {
        const cases: Array<[Query['where'], (i: Item) => boolean]> = [
          [[{ field: 'rank', op: '=', value: 2 }], (i) => i.rank === 2],
          [[{ field: 'rank', op: '!=', value: 2 }], (i) => i.rank !== 2],
          [[{ field: 'rank', op: '<', value: 2 }], (i) => i.rank < 2],
          [[{ field: 'rank', op: '<=', value: 2 }], (i) => i.rank <= 2],
          [[{ field: 'rank', op: '>', value: 2 }], (i) => i.rank > 2],
          [[{ field: 'rank', op: '>=', value: 2 }], (i) => i.rank >= 2],
          [[{ field: 'label', op: '>', value: 'a' }], (i) => i.label > 'a'],
          [[{ field: 'label', op: '<', value: 'a' }], (i) => i.label < 'a'], // 'B' < 'a': ordinal, case-sensitive
          [[{ field: 'group', op: '=', value: 'x' }, { field: 'rank', op: '>=', value: 2 }], (i) => i.group === 'x' && i.rank >= 2],
          // The keys are fields like any other: a range of ids in one partition, a list of partitions.
          [[{ field: 'pk', op: '=', value: 'p1' }, { field: 'id', op: '>=', value: 'a2' }, { field: 'id', op: '<', value: 'b0' }], (i) => i.pk === 'p1' && i.id >= 'a2' && i.id < 'b0'],
          [[{ field: 'pk', op: 'in', value: ['p2', 'p3'] }, { field: 'id', op: '!=', value: 'a3' }], (i) => i.pk !== 'p1' && i.id !== 'a3'],
        ];
        for (const [where, pred] of cases) {
          assert.deepEqual(sortedIds(await query({ where })), fixtureIds(pred), JSON.stringify(where));
        }
        assert.deepEqual(
          sortedIds(await query({ pk: 'p1', where: [{ field: 'rank', op: '<', value: 2 }] })),
          fixtureIds((i) => i.pk === 'p1' && i.rank < 2),
        );
      });

      it('matches `in` against a list; an empty list matches nothing', async () => {
        assert.deepEqual(
          sortedIds(await query({ where: [{ field: 'group', op: 'in', value: ['y', 'z'] }] })),
          fixtureIds((i) => i.group === 'y' || i.group === 'z'),
        );
        assert.deepEqual(
          sortedIds(await query({ where: [{ field: 'rank', op: 'in', value: [3] }] })),
          fixtureIds((i) => i.rank === 3),
        );
        assert.deepEqual(await query({ where: [{ field: 'group', op: 'in', value: [] }] }), []);
      });

      it('treats null and a missing field alike, as SQL does', async () => {
        await store.create('items', { id: 'm1', pk: 'p4', group: 'x', rank: 9, label: 'm', flag: false, seq: 11 } as unknown as Item);
        const nullish = ['a2', 'a5', 'm1'];
        assert.deepEqual(sortedIds(await query({ where: [{ field: 'score', op: '=', value: null }] })), nullish);
        assert.deepEqual(
          sortedIds(await query({ where: [{ field: 'score', op: '!=', value: null }] })),
          fixtureIds((i) => i.score !== null),
        );
        // No comparison with a value matches null or missing.
        assert.deepEqual(
          sortedIds(await query({ where: [{ field: 'score', op: '!=', value: 10 }] })),
          fixtureIds((i) => i.score !== null && i.score !== 10),
        );
        assert.deepEqual(
          sortedIds(await query({ where: [{ field: 'score', op: '<', value: 10 }] })),
          fixtureIds((i) => i.score !== null && i.score < 10),
        );
        assert.deepEqual(
          sortedIds(await query({ where: [{ field: 'score', op: 'in', value: [10, null] }] })),
          ['a1'],
        );
        await assert.rejects(query({ where: [{ field: 'score', op: '<', value: null }] }), /cannot compare/);
      });

      it('matches booleans', async () => {
        assert.deepEqual(sortedIds(await query({ where: [{ field: 'flag', op: '=', value: true }] })), fixtureIds((i) => i.flag));
        assert.deepEqual(sortedIds(await query({ where: [{ field: 'flag', op: '=', value: false }] })), fixtureIds((i) => !i.flag));
        assert.deepEqual(sortedIds(await query({ where: [{ field: 'flag', op: '!=', value: true }] })), fixtureIds((i) => !i.flag));
        assert.equal(await store.count('items', { where: [{ field: 'flag', op: '=', value: true }] }), 5);
      });

      it('orders by one field, breaking ties by partition key then id', async () => {
        // rank 1: a1(p1) a7(p1) a4(p2) a9(p3); rank 2: a2(p1) b0(p1) a3(p2) a6(p3); rank 3: a8(p2) a5(p3)
        assert.deepEqual(ids(await query({ orderBy: [{ field: 'rank' }] })), ['a1', 'a7', 'a4', 'a9', 'a2', 'b0', 'a3', 'a6', 'a8', 'a5']);
        assert.deepEqual(
          ids(await query({ orderBy: [{ field: 'rank', dir: 'desc' }] })),
          ['a8', 'a5', 'a2', 'b0', 'a3', 'a6', 'a1', 'a7', 'a4', 'a9'],
        );
        assert.deepEqual(ids(await query({ pk: 'p1', orderBy: [{ field: 'rank', dir: 'desc' }] })), ['a2', 'b0', 'a1', 'a7']);
        assert.deepEqual(
          ids(await query({ where: [{ field: 'group', op: '=', value: 'x' }], orderBy: [{ field: 'group' }] })),
          ['a1', 'a7', 'b0', 'a3', 'a5'],
        );
      });

      it('orders by several fields in any directions; null sorts first ascending', async () => {
        assert.deepEqual(
          ids(await query({ orderBy: [{ field: 'rank' }, { field: 'label', dir: 'desc' }] })),
          ['a1', 'a9', 'a7', 'a4', 'a3', 'b0', 'a6', 'a2', 'a5', 'a8'],
        );
        assert.deepEqual(
          ids(await query({ orderBy: [{ field: 'rank', dir: 'desc' }, { field: 'label', dir: 'asc' }] })),
          ['a8', 'a5', 'a2', 'b0', 'a6', 'a3', 'a7', 'a4', 'a1', 'a9'],
        );
        assert.deepEqual(
          ids(await query({ orderBy: [{ field: 'rank', dir: 'desc' }, { field: 'label', dir: 'desc' }] })),
          ['a5', 'a8', 'a3', 'b0', 'a6', 'a2', 'a1', 'a9', 'a7', 'a4'],
        );
        assert.deepEqual(ids(await query({ orderBy: [{ field: 'score' }] })), ['a2', 'a5', 'b0', 'a9', 'a6', 'a1', 'a7', 'a4', 'a8', 'a3']);
      });

      it('orders by a single undeclared field (the order of equal values is then unspecified)', async () => {
        const bySeq = [...FIXTURE].sort((a, b) => a.seq - b.seq).map((i) => i.id);
        assert.deepEqual(ids(await query({ orderBy: [{ field: 'seq' }] })), bySeq);
        assert.deepEqual(ids(await query({ orderBy: [{ field: 'seq', dir: 'desc' }] })), [...bySeq].reverse());
        const pages = await allPages<Item>(store, 'items', { orderBy: [{ field: 'seq' }], limit: 4 });
        assert.deepEqual(pages.flat().map((i) => i.id), bySeq);
      });

      it('pages with limit and continuation, visiting every item exactly once in order', async () => {
        const orderBy: Query['orderBy'] = [{ field: 'rank' }, { field: 'label' }];
        const whole = ids(await query({ orderBy }));
        const pages = await allPages<Item>(store, 'items', { orderBy, limit: 3 });
        assert.ok(pages.length >= 4);
        assert.deepEqual(pages.flat().map((i) => i.id), whole);

        const unordered = await allPages<Item>(store, 'items', { limit: 4 });
        assert.deepEqual(sortedIds(unordered.flat()), fixtureIds(() => true));

        const scoped = await allPages<Item>(store, 'items', { pk: 'p1', limit: 2, orderBy: [{ field: 'rank', dir: 'desc' }] });
        assert.deepEqual(scoped.flat().map((i) => i.id), ['a2', 'b0', 'a1', 'a7']);

        const filtered = await allPages<Item>(store, 'items', { where: [{ field: 'flag', op: '=', value: true }], limit: 2 });
        assert.deepEqual(sortedIds(filtered.flat()), fixtureIds((i) => i.flag));

        const all = await store.query('items', { limit: 100 });
        assert.equal(all.items.length, FIXTURE.length);
        assert.equal(all.continuation, undefined);
      });

      it('rejects a page size that is not a positive integer', async () => {
        await assert.rejects(store.query('items', { limit: 0 }), /page size/);
        await assert.rejects(store.query('items', { limit: 1.5 }), /page size/);
      });

      it('projects a few fields: same filter, order and paging as a query, missing fields as null, no eTag', async () => {
        type Row = { pk: string; id: string; rank: number; flag: boolean; score: number | null };
        const fields = ['pk', 'id', 'rank', 'flag', 'score'] as const;
        const orderBy: Query['orderBy'] = [{ field: 'rank' }, { field: 'label' }];
        const where: Query['where'] = [{ field: 'group', op: 'in', value: ['x', 'y'] }];
        const whole = await store.project<Row>('items', { where, orderBy }, fields);
        assert.deepEqual(whole.items.map((r) => r.id), ids(await query({ where, orderBy })));
        assert.deepEqual(whole.items[0], { pk: 'p1', id: 'a7', rank: 1, flag: false, score: 15 });
        assert.deepEqual(Object.keys(whole.items[1]).sort(), [...fields].sort());
        const nullScore = whole.items.find((r) => r.id === 'a2');
        assert.deepEqual(nullScore, { pk: 'p1', id: 'a2', rank: 2, flag: false, score: null });

        const pages: Row[] = [];
        let continuation: string | undefined;
        do {
          const page = await store.project<Row>('items', { where, orderBy, limit: 3, continuation }, fields);
          assert.ok(page.items.length <= 3);
          pages.push(...page.items);
          continuation = page.continuation;
        } while (continuation);
        assert.deepEqual(pages, whole.items);

        const scoped = await store.project<Row>('items', { pk: 'p3', where: [{ field: 'pk', op: '=', value: 'p3' }] }, ['id']);
        assert.deepEqual(scoped.items.map((r) => r.id).sort(), ['a5', 'a6', 'a9']);

        // Nested values come back whole; a field named like a SQL keyword works; an absent one is null.
        await store.create('items', { id: 'n1', pk: 'p9', value: 'v', nested: { use: 2, list: [1, true] } });
        const nested = await store.project<{ value: string; nested: unknown; rank: number | null }>('items', { pk: 'p9', where: [{ field: 'pk', op: '=', value: 'p9' }] }, ['value', 'nested', 'rank']);
        assert.deepEqual(nested.items, [{ value: 'v', nested: { use: 2, list: [1, true] }, rank: null }]);
        await assert.rejects(store.project('items', {}, ['bad field']), /invalid field name/);
      });

      it('projects indexed fields exactly as stored: strings (numeric-looking too), integers, fractions, negatives, null and absent', async () => {
        await store.create('items', { id: 'c1', pk: 'p4', group: '10', rank: 2.5, label: '007', score: -0.25, seq: 11 });
        await store.create('items', { id: 'c2', pk: 'p4', rank: 0, seq: 12 });
        type Row = { id: string; group: unknown; rank: unknown; label: unknown; score: unknown };
        const rows = (await store.project<Row>('items', { pk: 'p4', where: [{ field: 'pk', op: '=', value: 'p4' }], orderBy: [{ field: 'rank' }] }, ['id', 'group', 'rank', 'label', 'score'])).items;
        assert.deepEqual(rows, [
          { id: 'c2', group: null, rank: 0, label: null, score: null },
          { id: 'c1', group: '10', rank: 2.5, label: '007', score: -0.25 },
        ]);
        // The same fields projected beside an unindexed one (read from the document) agree with a whole read.
        const mixed = (await store.project<Row & { flag: boolean }>('items', { where: [{ field: 'group', op: '=', value: 'x' }] }, ['id', 'group', 'rank', 'label', 'score', 'flag'])).items;
        const whole = await query({ where: [{ field: 'group', op: '=', value: 'x' }] });
        assert.deepEqual(
          mixed.sort((a, b) => a.id.localeCompare(b.id)),
          whole.map(({ id, group, rank, label, score, flag }) => ({ id, group, rank, label, score, flag })).sort((a, b) => a.id.localeCompare(b.id)),
        );
      });

      it('counts matches, ignoring order and paging', async () => {
        assert.equal(await store.count('items', {}), 10);
        assert.equal(await store.count('items', { pk: 'p1' }), 4);
        assert.equal(await store.count('items', { where: [{ field: 'group', op: '=', value: 'x' }] }), 5);
        assert.equal(await store.count('items', { pk: 'p3', where: [{ field: 'score', op: '=', value: null }] }), 1);
        assert.equal(await store.count('items', { orderBy: [{ field: 'rank' }], limit: 2 }), 10);
        assert.equal(await store.count('items', { pk: 'nowhere' }), 0);
      });

      it('counts matches per value of a field in one call, with 0 for a value nobody has', async () => {
        const byRank = await store.countBy('items', { where: [{ field: 'group', op: '!=', value: 'z' }] }, 'rank', [3, 2, 1, 7]);
        assert.deepEqual([...byRank.entries()], [[3, 1], [2, 3], [1, 4], [7, 0]]);
        const byGroup = await store.countBy('items', { pk: 'p1' }, 'group', ['x', 'y']);
        assert.deepEqual([...byGroup.entries()], [['x', 3], ['y', 1]]);
        const byFlag = await store.countBy('items', {}, 'flag', [true, false]);
        assert.deepEqual([...byFlag.entries()], [[true, 5], [false, 5]]);
      });

      it('matches `contains` on a substring of a string field, exactly (callers normalise), in order and pages', async () => {
        const found = await store.query<Item>('items', { where: [{ field: 'label', op: 'contains', value: 'b' }], orderBy: [{ field: 'rank' }, { field: 'label' }] });
        assert.deepEqual(ids(found.items), ['a1', 'a9', 'b0', 'a6'], "'b' is not 'B'");
        assert.deepEqual(ids((await store.query('items', { where: [{ field: 'rank', op: 'contains', value: '1' }] })).items), [], 'a number is not a string');
        assert.deepEqual(ids((await store.query('items', { where: [{ field: 'missing', op: 'contains', value: '' }] })).items), []);
        const pages = await allPages<Item>(store, 'items', { where: [{ field: 'label', op: 'contains', value: 'b' }], orderBy: [{ field: 'rank' }, { field: 'label' }], limit: 3 });
        assert.deepEqual(pages.flat().map((i) => i.id), ['a1', 'a9', 'b0', 'a6']);
        assert.equal(await store.count('items', { where: [{ field: 'label', op: 'contains', value: 'a' }, { field: 'group', op: '=', value: 'x' }] }), 2);
      });
    });

    it('counts reads, writes and queries', async () => {
      const before = { ...store.stats };
      const v1 = await store.create('items', FIXTURE[0]);
      await store.get('items', 'p1', 'a1');
      await store.get('items', 'p1', 'missing');
      const v2 = await store.replace('items', { ...FIXTURE[0], label: 'x' }, v1._etag);
      await store.upsert('items', FIXTURE[1]);
      await store.query('items', { pk: 'p1' });
      await store.query('items', { limit: 1 });
      await store.count('items', {});
      await store.delete('items', 'p1', 'a1', v2._etag);
      assert.deepEqual(store.stats, {
        reads: before.reads + 2,
        writes: before.writes + 4,
        queries: before.queries + 3,
      });
    });

    describe('searched fields', () => {
      beforeEach(async () => {
        for (const n of NAME_FIXTURE) await store.create('names', n);
      });
      const found = async (value: string, extra: Query = {}) =>
        ids((await store.query<Name>('names', { ...extra, where: [...(extra.where ?? []), { field: 'name', op: 'contains', value }], orderBy: extra.orderBy ?? [{ field: 'name' }] })).items);

      it('matches `contains` of 3 characters or more exactly: case, accents and spaces as stored', async () => {
        assert.deepEqual(await found('maria'), ['n3', 'n1']);
        assert.deepEqual(await found('María'), ['n4']);
        assert.deepEqual(await found('MARIA'), []);
        assert.deepEqual(await found('ia n'), ['n1']);
        assert.deepEqual(await found('a maria p'), ['n3']);
        assert.deepEqual(await found('no such name'), []);
        assert.deepEqual(await found('123'), [], 'a number is not a string');
      });

      it('matches values shorter than 3 characters (no trigram) the same way', async () => {
        assert.deepEqual((await found('ez')).sort(), ['n1', 'n3', 'n4']);
        assert.deepEqual(await found('ez', { where: [{ field: 'group', op: '=', value: 'a' }] }), ['n3', 'n1']);
        assert.deepEqual(await found('q'), ['n8']);
        assert.deepEqual(await found('zq'), []);
        assert.deepEqual((await found('')).sort(), ['n1', 'n2', 'n3', 'n4', 'n5', 'n8'], 'every string holds the empty string');
      });

      it('takes search syntax characters literally', async () => {
        assert.deepEqual(await found('"the"'), ['n5']);
        assert.deepEqual(await found('or *'), ['n5']);
        assert.deepEqual(await found('maria OR jose'), []);
        assert.deepEqual(await found('ana AND'), []);
      });

      it('combines with other conditions, order and pages, and counts', async () => {
        assert.deepEqual(await found('ar', { where: [{ field: 'group', op: '=', value: 'a' }], orderBy: [{ field: 'group' }, { field: 'name', dir: 'desc' }] }), ['n1', 'n3']);
        const pages = await allPages<Name>(store, 'names', { where: [{ field: 'name', op: 'contains', value: 'ia' }], orderBy: [{ field: 'name' }], limit: 1 });
        assert.deepEqual(pages.flat().map((n) => n.id), ['n3', 'n2', 'n1']);
        assert.equal(await store.count('names', { where: [{ field: 'name', op: 'contains', value: 'mar' }] }), 2);
        const byGroup = await store.countBy('names', { where: [{ field: 'name', op: 'contains', value: 'nez' }] }, 'group', ['a', 'b']);
        assert.deepEqual([...byGroup.entries()], [['a', 1], ['b', 0]], "'Núñez' holds 'ñez', not 'nez'");
      });

      it('follows replace, upsert and delete', async () => {
        const n1 = (await store.get<Name>('names', 'n1', 'n1'))!;
        await store.replace('names', { ...n1, name: 'rosa diaz' }, n1._etag);
        await store.upsert('names', { id: 'n2', pk: 'n2', group: 'b', name: 'rosa lopez' });
        await store.upsert('names', { id: 'n9', pk: 'n9', group: 'a', name: 'luis rosales' });
        await store.delete('names', 'n3', 'n3');
        assert.deepEqual(await found('maria'), []);
        assert.deepEqual(await found('rosa'), ['n9', 'n1', 'n2'], 'luis rosales, rosa diaz, rosa lopez');
        assert.deepEqual(await found('garcia'), []);
        assert.deepEqual(await found('diaz'), ['n1']);
      });
    });

    describe('lifecycle', () => {
      it('answers ping', async () => {
        assert.equal(await store.ping(), true);
      });

      it('init is idempotent and keeps data', async () => {
        await store.create('items', FIXTURE[0]);
        await store.init();
        await store.init();
        assert.equal((await store.get<Item>('items', 'p1', 'a1'))?.label, 'b');
        assert.equal(await store.count('items', {}), 1);
      });

      it('keeps data across close and reopen', async () => {
        await seed();
        const v = await store.replace('items', { ...FIXTURE[0], label: 'kept' }, (await store.get('items', 'p1', 'a1'))!._etag);
        const reopened = await h.reopen();
        assert.deepEqual(await reopened.get('items', 'p1', 'a1'), { ...FIXTURE[0], label: 'kept', _etag: v._etag });
        assert.equal(await reopened.count('items', {}), FIXTURE.length);
        // eTags survive too: a writer holding the pre-restart eTag still wins, a stale one still loses.
        await assert.rejects(reopened.replace('items', FIXTURE[0], 'stale'), PreconditionFailedError);
        await reopened.replace('items', FIXTURE[0], v._etag);
      });

      it('serves a newly declared index after reopening with it', async () => {
        const grown: CollectionSpec[] = [
          ...TEST_COLLECTIONS.filter((c) => c.name !== 'items'),
          { ...ITEMS, indexes: [...ITEMS.indexes, ['group', 'score']] },
        ];
        const reopened = await h.reopen(grown);
        for (const item of FIXTURE) await reopened.upsert('items', item);
        const items = await reopened.query<Item>('items', { orderBy: [{ field: 'group' }, { field: 'score', dir: 'desc' }] });
        assert.deepEqual(ids(items.items), ['a3', 'a7', 'a1', 'b0', 'a5', 'a4', 'a9', 'a2', 'a8', 'a6']);
      });

      it('searches documents written before a field was declared searched', async () => {
        await seed();
        const grown: CollectionSpec[] = [...TEST_COLLECTIONS.filter((c) => c.name !== 'items'), { ...ITEMS, search: ['label'] }];
        const reopened = await h.reopen(grown);
        const items = await reopened.query<Item>('items', { where: [{ field: 'label', op: 'contains', value: 'b' }], orderBy: [{ field: 'rank' }, { field: 'label' }] });
        assert.deepEqual(ids(items.items), ['a1', 'a9', 'b0', 'a6']);
        await reopened.upsert('items', { ...FIXTURE[0], label: 'abc' });
        assert.deepEqual(ids((await reopened.query('items', { where: [{ field: 'label', op: 'contains', value: 'abc' }] })).items), ['a1']);
        assert.equal((await reopened.get<Item>('items', 'p3', 'a5'))?.label, 'a', 'documents kept');
      });
    });

    describe('DocumentStateStorage', () => {
      let storage: DocumentStateStorage;
      beforeEach(() => {
        storage = new DocumentStateStorage(store);
      });

      // Teams conversation ids run to hundreds of characters.
      const teamsKey = `msteams/conversations/a:1${'Xy9_-'.repeat(116)}`;
      const smsKey = 'sms/conversations/+15550100123';

      it('reads missing keys as absent', async () => {
        assert.deepEqual(await storage.read(['nobody', smsKey]), {});
        assert.equal(await storage.readOne(smsKey), undefined);
      });

      it('round-trips state with an eTag, keeping the eTag out of the stored state', async () => {
        const state = { dialogStack: [{ id: 'checkin', state: { step: 2, values: { mood: 4 } } }], language: 'es' };
        await storage.write({ [smsKey]: state });
        const items = await storage.read([smsKey, 'nobody']);
        assert.deepEqual(Object.keys(items), [smsKey]);
        const { eTag, ...rest } = items[smsKey];
        assert.equal(typeof eTag, 'string');
        assert.deepEqual(rest, state);
        assert.deepEqual(await storage.readOne(smsKey), { state, eTag });
      });

      it('rejects a write with a stale eTag and keeps the stored state', async () => {
        await storage.write({ [smsKey]: { n: 1 } });
        const first = (await storage.read([smsKey]))[smsKey];
        await storage.write({ [smsKey]: { ...first, n: 2 } });
        await assert.rejects(storage.write({ [smsKey]: { ...first, n: 3 } }), (err: unknown) => {
          assert.equal((err as { code?: string }).code, 'PreconditionFailed');
          return true;
        });
        assert.equal((await storage.readOne<{ n: number }>(smsKey))?.state.n, 2);
      });

      it("overwrites with eTag '*' or without an eTag", async () => {
        await storage.write({ [smsKey]: { n: 1 } });
        await storage.write({ [smsKey]: { n: 2, eTag: '*' } });
        assert.deepEqual((await storage.readOne(smsKey))?.state, { n: 2 });
        await storage.write({ [smsKey]: { n: 3 } });
        assert.deepEqual((await storage.readOne(smsKey))?.state, { n: 3 });
      });

      it('rejects a specific eTag for a key that no longer exists', async () => {
        await storage.write({ [smsKey]: { n: 1 } });
        const { eTag } = (await storage.readOne(smsKey))!;
        await storage.delete([smsKey]);
        await assert.rejects(storage.write({ [smsKey]: { n: 2, eTag } }), PreconditionFailedError);
        assert.equal(await storage.readOne(smsKey), undefined);
      });

      it('stores long keys under a deterministic id, found again by a fresh instance after restart', async () => {
        assert.ok(teamsKey.length >= 600);
        // Same first 255 characters, different tail: must stay two documents.
        const sibling = `${teamsKey.slice(0, -1)}Z`;
        await storage.write({ [teamsKey]: { who: 'teams' }, [sibling]: { who: 'sibling' } });
        const reopened = await h.reopen(TEST_COLLECTIONS);
        const again = new DocumentStateStorage(reopened);
        const items = await again.read([teamsKey, sibling]);
        assert.equal(items[teamsKey].who, 'teams');
        assert.equal(items[sibling].who, 'sibling');
      });

      it('deletes keys; deleting a missing key is fine', async () => {
        await storage.write({ [smsKey]: { n: 1 }, [teamsKey]: { n: 2 } });
        await storage.delete([smsKey, 'nobody']);
        assert.deepEqual(Object.keys(await storage.read([smsKey, teamsKey])), [teamsKey]);
      });

      it('readOne/writeOne: null creates only, an eTag replaces only that version', async () => {
        const e1 = await storage.writeOne(teamsKey, { step: 1 }, null);
        await assert.rejects(storage.writeOne(teamsKey, { step: 'again' }, null), ConflictError);
        assert.deepEqual(await storage.readOne(teamsKey), { state: { step: 1 }, eTag: e1 });

        const e2 = await storage.writeOne(teamsKey, { step: 2 }, e1);
        assert.notEqual(e2, e1);
        await assert.rejects(storage.writeOne(teamsKey, { step: 'lost' }, e1), PreconditionFailedError);
        assert.deepEqual(await storage.readOne(teamsKey), { state: { step: 2 }, eTag: e2 });
      });

      it('costs one read and one write per turn', async () => {
        await storage.writeOne(smsKey, { step: 1 }, null);
        const before = { ...store.stats };
        const loaded = await storage.readOne(smsKey);
        await storage.writeOne(smsKey, { step: 2 }, loaded!.eTag);
        assert.deepEqual(store.stats, { reads: before.reads + 1, writes: before.writes + 1, queries: before.queries });
      });
    });
  });
}
