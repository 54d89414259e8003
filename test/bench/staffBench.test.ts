import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { printRun, runStore } from '../../bench/staffFlags';
import { sizesAt } from '../../bench/staffDataset';
import { COLLECTIONS } from '../../bot/store/collections';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';

// The staff benchmark at a small size: it seeds, serves every measured route and prints its table (figures are not judged here).
test('npm run bench:staff runs end to end at a small size', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-smoke-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The dataset's floor (50 participants): enough rows for every route to return some.
  const sizes = sizesAt(0);
  const store = new SqliteStore(join(dir, 'bench.db'), COLLECTIONS);
  const run = await runStore('sqlite', store, sizes, 3);
  assert.equal(await store.count('participants', {}), sizes.participants);
  assert.equal(await store.count('flags', { where: [{ field: 'status', op: '=', value: 'open' }] }), sizes.openFlags);
  assert.equal(await store.count('checkins', {}), sizes.checkins);
  assert.equal(await store.count('threadMessages', {}), sizes.threadMessages);
  await store.close();
  assert.deepEqual(run.figures.map((f) => f.name), ['queue, first page', 'queue, my caseload', 'participant search', 'participants, my caseload', 'participant page']);
  for (const f of run.figures) assert.ok(f.p50 > 0 && f.p99 >= f.p50 && f.loopMax >= 0, f.name);
  const lines: string[] = [];
  printRun(run, (l) => lines.push(l));
  assert.match(lines.join('\n'), /50 participants, 50 flags \(20 open\), 500 check-ins, 250 thread messages/);
});
