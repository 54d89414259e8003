import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, TestContext } from 'node:test';
import { runStore } from '../../bench/staffFlags';
import { sizesAt } from '../../bench/staffDataset';
import { seedDocuments } from '../../bench/reportsSeed';
import { loadConfig } from '../../bot/config';
import { ProgramReports } from '../../bot/reports/programReport';
import { parseReportRange } from '../../bot/reports/reportRange';
import { COLLECTIONS } from '../../bot/store/collections';
import { DocBase, Query } from '../../bot/store/port';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';

type Asked = { kind: 'query' | 'project' | 'count' | 'countBy'; collection: string; query: Query; field?: string | readonly string[] };

/** The store, recording every query, projection, count and grouped count it is asked for. */
function recording(store: SqliteStore): { store: SqliteStore; asked: Asked[] } {
  const asked: Asked[] = [];
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if ((prop === 'query' || prop === 'project' || prop === 'count' || prop === 'countBy') && typeof value === 'function') {
        return (collection: string, query: Query, field?: unknown, ...rest: unknown[]) => {
          asked.push({ kind: prop, collection, query, field: prop === 'countBy' || prop === 'project' ? (field as string | string[]) : undefined });
          return (value as (...a: unknown[]) => unknown).call(receiver, collection, query, field, ...rest);
        };
      }
      return value;
    },
  });
  return { store: proxy, asked };
}

/** A store in a fresh file, closed and removed after the test. */
function temporaryStore(t: TestContext): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'puente-plans-'));
  const store = new SqliteStore(join(dir, 'plans.db'), COLLECTIONS);
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

// What makes the staff routes fast at 100,000 participants is that no query of theirs reads a whole table and the
// counts read an index alone. SQLite's plan says so at any size, so a small program shows a regression to a scan.
test('every query of the staff queue, search and participant page uses an index; counts read the index alone', async (t) => {
  const inner = temporaryStore(t);
  const { store, asked } = recording(inner);
  await runStore('sqlite', store, sizesAt(0.001), 5);

  const plan = (a: Asked) => inner.queryPlan(a.kind, a.collection, a.query, a.field);
  const staffCollections = ['flags', 'participants', 'checkins', 'threadMessages', 'safetyPlans'];
  const hot = asked.filter((a) => staffCollections.includes(a.collection));
  assert.ok(hot.length > 100, `the routes ran (${hot.length} queries)`);
  for (const a of hot) {
    const steps = plan(a);
    assert.ok(!steps.some((s) => /^SCAN c_\w+$/.test(s)), `${a.kind} ${a.collection} ${JSON.stringify(a.query)} reads the whole table: ${steps.join(' | ')}`);
  }

  const grouped = hot.filter((a) => a.kind === 'countBy');
  assert.ok(grouped.length > 0);
  for (const a of grouped) assert.match(plan(a).join(' | '), /USING COVERING INDEX ixc_flags_/, 'the per-severity counts read no document');

  const searches = hot.filter((a) => a.query.where?.some((c) => c.op === 'contains'));
  assert.ok(searches.length > 0);
  for (const a of searches) assert.match(plan(a).join(' | '), /VIRTUAL TABLE INDEX \d+:M/, 'a name of 3 characters or more is looked up in the trigram index');

  const queue = hot.filter((a) => (a.kind === 'query' || a.kind === 'project') && a.collection === 'flags' && a.query.pk === undefined);
  assert.ok(queue.length > 0);
  for (const a of queue) assert.match(plan(a).join(' | '), /SEARCH c_flags USING INDEX ixc_flags_(status|assignedStaffId)_/, 'the queue walks its index in order');
});

test('a search shorter than 3 characters walks the search-key index in order, not the table', async (t) => {
  const store = temporaryStore(t);
  await store.init();
  for (const [value, caseload] of [['ez', undefined], ['a', 'staff-1']] as const) {
    const where: Query['where'] = [{ field: 'searchName', op: 'contains', value }];
    if (caseload) where.unshift({ field: 'assignedStaffId', op: '=', value: caseload });
    const orderBy = caseload ? [{ field: 'assignedStaffId' }, { field: 'searchName' }] : [{ field: 'searchName' }];
    const steps = store.queryPlan('query', 'participants', { where, orderBy, limit: 25 }).join(' | ');
    // The keys come from the index alone, in its order; only the page's rows are then read (and put in order again).
    assert.match(steps, caseload ? /SEARCH c_participants USING COVERING INDEX ixc_participants_assignedStaffId_searchName/ : /SCAN c_participants USING COVERING INDEX ixc_participants_searchName/);
    assert.doesNotMatch(steps, /VIRTUAL TABLE/);
  }
});

test('a common name walks the search-key index and stops at the page; a rare one is read from the trigram index', async (t) => {
  const store = temporaryStore(t);
  await store.init();
  // 900 names, 598 of them holding 'garcia' (more than a page reads from the trigram index), 3 holding 'quinn'.
  const name = (i: number) => (i < 3 ? `zoe quinn ${i}` : i % 3 ? `jose garcia ${String(i).padStart(3, '0')}` : `ana perez ${i}`);
  store.createMany('participants', Array.from({ length: 900 }, (_, i) => ({ id: `p${i}`, pk: `p${i}`, searchName: name(i), status: 'active' })));
  const page = (value: string) => ({ where: [{ field: 'searchName', op: 'contains' as const, value }], orderBy: [{ field: 'searchName' }], limit: 25 });

  const common = store.queryPlan('query', 'participants', page('garcia')).join(' | ');
  assert.match(common, /SCAN c_participants USING COVERING INDEX ixc_participants_searchName/);
  assert.match(common, /VIRTUAL TABLE INDEX \d+:M/);
  const rare = store.queryPlan('query', 'participants', page('quinn')).join(' | ');
  assert.doesNotMatch(rare, /ixc_participants_searchName/);
  assert.match(rare, /VIRTUAL TABLE INDEX \d+:M/);

  // Either way the page is the same: the first matches in search-key order, and the next page continues it.
  const expected = Array.from({ length: 900 }, (_, i) => name(i)).filter((n) => n.includes('garcia')).sort();
  const first = await store.query<{ id: string; pk: string; searchName: string }>('participants', page('garcia'));
  const second = await store.query<{ id: string; pk: string; searchName: string }>('participants', { ...page('garcia'), continuation: first.continuation });
  assert.deepEqual([...first.items, ...second.items].map((p) => p.searchName), expected.slice(0, 50));
  assert.equal(await store.count('participants', page('garcia')), expected.length);
  assert.deepEqual((await store.query<{ id: string; pk: string; searchName: string }>('participants', page('quinn'))).items.map((p) => p.searchName), ['zoe quinn 0', 'zoe quinn 1', 'zoe quinn 2']);
});

// A quarter's report reads ~200,000 index entries; opening a document for each would be most of its time.
test('the program report scans no table, and reads its check-ins, prompts, flags and scores from an index alone', async (t) => {
  const inner = temporaryStore(t);
  await inner.init();
  const batches = new Map<string, DocBase[]>();
  for (const { collection, doc } of seedDocuments({ participants: 30, days: 120, end: '2026-01-01' })) batches.set(collection, [...(batches.get(collection) ?? []), doc]);
  for (const [collection, docs] of batches) inner.createMany(collection, docs);
  const { store, asked } = recording(inner);
  const report = await new ProgramReports(store, loadConfig({}).programHours).build(parseReportRange({ from: '2025-10-01', to: '2025-12-31' }, 'America/Chicago'));
  assert.ok(report.flags.total > 0 && report.phq9.participants > 0, 'the seed gave the report flags and score changes to read');

  const plan = (a: Asked) => inner.queryPlan(a.kind, a.collection, a.query, a.field).join(' | ');
  for (const a of asked) assert.doesNotMatch(plan(a), /^SCAN c_\w+$|\| SCAN c_\w+$/, `${a.kind} ${a.collection} reads the whole table`);
  // Flags and PHQ-9/GAD-7 scores come back as rows, not counts: their projections are what an index holds.
  const rows = asked.filter((a) => a.kind === 'project' && (a.collection === 'flags' || (a.collection === 'measures' && !(a.field as string[]).includes('bam'))));
  assert.deepEqual(rows.map((a) => a.collection).sort(), ['flags', 'measures']);
  for (const a of rows) assert.match(plan(a), /USING COVERING INDEX ixc_/, `${a.collection} ${JSON.stringify(a.field)} opens documents`);
  // Check-ins and prompts, the bulk: one seek per participant in scope into the index that holds every field asked.
  const bulk = asked.filter((a) => a.collection === 'checkins' || a.collection === 'outreachLedger');
  assert.ok(bulk.length >= 5);
  for (const a of bulk) assert.match(plan(a), /USING COVERING INDEX ixc_(checkins_status|outreachLedger_kind_state)_pk_localDate \([^)]*pk=\?/, `${a.kind} ${a.collection} ${JSON.stringify(a.field)}`);
});
