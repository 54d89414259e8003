import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { COLLECTIONS } from '../../bot/store/collections';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';

/**
 * A file as the earlier versions wrote it: WITHOUT ROWID tables whose indexed fields were VIRTUAL generated columns
 * (indexed as `ixc_…`), and before that expression indexes (`ix_…`) over json_extract.
 */
function writeOlderFile(path: string): void {
  const db = new Database(path);
  for (const spec of COLLECTIONS) {
    const table = `"c_${spec.name}"`;
    db.exec(`CREATE TABLE ${table} (pk TEXT NOT NULL, id TEXT NOT NULL, etag TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (pk, id)) WITHOUT ROWID`);
    for (const field of new Set(spec.indexes.flat())) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN "f_${field}" GENERATED ALWAYS AS (json_extract(doc, '$.${field}')) VIRTUAL`);
    }
    for (const fields of spec.indexes) {
      db.exec(`CREATE INDEX "ixc_${spec.name}_${fields.join('_')}" ON ${table} (${fields.map((f) => `"f_${f}"`).join(', ')})`);
    }
  }
  db.exec(`CREATE INDEX "ix_flags_createdAt" ON "c_flags" (json_extract(doc, '$.createdAt'))`);
  const insert = (collection: string, doc: { pk: string; id: string }) =>
    db.prepare(`INSERT INTO "c_${collection}" (pk, id, etag, doc) VALUES (?, ?, ?, ?)`).run(doc.pk, doc.id, `etag-${doc.id}`, JSON.stringify(doc));
  const names = ['María Núñez', 'José García', 'Zoe Quinn'];
  for (let i = 0; i < 30; i++) {
    const displayName = names[i % 3];
    insert('participants', { pk: `p${i}`, id: `p${i}`, displayName, searchName: displayName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(), assignedStaffId: `s${i % 2}`, status: 'active' } as never);
    insert('flags', { pk: `p${i}`, id: `f${i}`, participantId: `p${i}`, status: i % 3 ? 'open' : 'resolved', severityRank: 1 + (i % 4), createdAt: `2025-05-${String(1 + i).padStart(2, '0')}` } as never);
  }
  db.close();
}

const tables = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare(`SELECT name, rootpage, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`).all() as Array<{ name: string; rootpage: number; sql: string }>;
    const generated = rows.flatMap((r) => (db.prepare(`PRAGMA table_xinfo("${r.name}")`).all() as Array<{ name: string; hidden: number }>).filter((c) => c.hidden !== 0).map((c) => `${r.name}.${c.name}`));
    return { rows, generated };
  } finally {
    db.close();
  }
};

test('opens a file of an earlier version, upgrades every table once and keeps every document and eTag', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-upgrade-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'older.db');
  writeOlderFile(path);

  const store = new SqliteStore(path, COLLECTIONS);
  await store.init();
  const upgraded = tables(path);
  assert.deepEqual(upgraded.generated, [], 'no generated column is left');
  assert.match(upgraded.rows.find((r) => r.name === 'c_participants')!.sql, /UNIQUE \(pk, id\)\)$/, 'the searched collection has a rowid');
  assert.match(upgraded.rows.find((r) => r.name === 'c_flags')!.sql, /WITHOUT ROWID$/);

  assert.equal(await store.count('participants', {}), 30);
  assert.equal((await store.get('flags', 'p4', 'f4'))?._etag, 'etag-f4', 'eTags survive the copy');
  const found = await store.query<{ displayName: string } & { id: string; pk: string }>('participants', { where: [{ field: 'searchName', op: 'contains', value: 'nunez' }], orderBy: [{ field: 'searchName' }] });
  assert.equal(found.items.length, 10);
  assert.ok(found.items.every((p) => p.displayName === 'María Núñez'));
  const counts = await store.countBy('flags', { where: [{ field: 'status', op: '=', value: 'open' }] }, 'severityRank', [4, 3, 2, 1]);
  const open = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 !== 0);
  assert.deepEqual([...counts.values()], [4, 3, 2, 1].map((rank) => open.filter((i) => 1 + (i % 4) === rank).length));
  assert.match(store.queryPlan('countBy', 'flags', { where: [{ field: 'status', op: '=', value: 'open' }] }, 'severityRank').join(), /COVERING INDEX/);
  // Written after the upgrade: its columns and its search entry are set by the write itself.
  await store.upsert('participants', { pk: 'p99', id: 'p99', displayName: 'Ana Pérez', searchName: 'ana perez', status: 'active' });
  assert.equal(await store.count('participants', { where: [{ field: 'searchName', op: 'contains', value: 'perez' }] }), 1);
  await store.close();

  // A second opening finds every table as specified: nothing is rebuilt (a rebuilt table has a new root page).
  const again = new SqliteStore(path, COLLECTIONS);
  await again.init();
  assert.deepEqual(tables(path).rows, upgraded.rows);
  assert.equal(await again.count('participants', { where: [{ field: 'searchName', op: 'contains', value: 'garcia' }] }), 10);
  await again.close();
});

test('an index no longer declared is dropped; the declared ones are kept and used', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-upgrade-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'indexes.db');
  const indexes = () => {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_things' AND sql IS NOT NULL ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
    } finally {
      db.close();
    }
  };
  const first = new SqliteStore(path, [{ name: 'things', indexes: [['at'], ['kind', 'at']] }]);
  await first.init();
  await first.create('things', { id: 't1', pk: 't1', at: '2026-01-01', kind: 'a', who: 'x' });
  await first.close();
  assert.deepEqual(indexes(), ['ixc_things_at', 'ixc_things_kind_at']);

  // The single-field index widened to cover a projection: the old one goes, the new one serves.
  const widened = new SqliteStore(path, [{ name: 'things', indexes: [['at', 'who'], ['kind', 'at']] }]);
  await widened.init();
  assert.deepEqual(indexes(), ['ixc_things_at_who', 'ixc_things_kind_at']);
  const where = [{ field: 'at', op: '>=' as const, value: '2026-01-01' }];
  assert.match(widened.queryPlan('project', 'things', { where, orderBy: [{ field: 'at' }] }, ['at', 'who']).join(), /COVERING INDEX ixc_things_at_who/);
  assert.deepEqual((await widened.project<{ at: string; who: string }>('things', { where }, ['at', 'who'])).items, [{ at: '2026-01-01', who: 'x' }]);
  await widened.close();
});
