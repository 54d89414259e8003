import Database from 'better-sqlite3';
import { CollectionSpec } from '../port';
import { indexedFields } from '../indexedFields';
import { assertFieldName } from '../queryFields';

/**
 * The tables of one SQLite file, and their upgrade from any earlier layout.
 *
 * A collection is one table of JSON documents. Every field it indexes or
 * searches is also an ordinary column (`f_<field>`), which every write of the
 * adapter sets to json_extract of the document in the same statement
 * (`columnValues`). An index over such columns is a covering index: counts,
 * ordering and filters on those fields are answered from the index alone,
 * without reading the documents. Generated columns (the earlier layout was
 * VIRTUAL ones) do not allow that: SQLite's planner counts a generated
 * column's source (`doc`) as used, so it reads each table row even when the
 * index holds every value the query needs — with STORED columns too.
 *
 * A collection with `search` fields keeps an FTS5 trigram index per field
 * (`s_<collection>_<field>`, external content over the column, kept in step
 * by triggers): a substring of 3 characters or more is then an index lookup,
 * not a read of every row. FTS5 addresses rows by an integer rowid, so such a
 * collection's table has one (a UNIQUE (pk, id) key); the other tables stay
 * WITHOUT ROWID, clustered by (pk, id), which keeps a partition's documents
 * together.
 *
 * A table whose columns or layout differ from the spec is rebuilt in one
 * transaction: copied (its field columns extracted from the documents) into a
 * table of the new layout, which then takes the old one's name. That
 * upgrades a file written by any earlier version, once; afterwards init finds
 * every table as specified and changes nothing.
 */
export function ensureCollection(db: Database.Database, spec: CollectionSpec): string[] {
  const table = tableName(spec.name);
  const columns = [...indexedFields(spec)].map(assertFieldName);
  const keyedByRowid = (spec.search ?? []).length > 0;
  const current = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(rawTableName(spec.name)) as { sql: string } | undefined;
  if (!current) {
    db.exec(createTable(table, columns, keyedByRowid));
  } else if (!matches(db, table, current.sql, columns, keyedByRowid)) {
    rebuild(db, spec.name, columns, keyedByRowid);
  }
  dropUndeclaredIndexes(db, spec);
  for (const fields of spec.indexes) {
    // Indexes of earlier versions (over the expressions) give way to the column ones.
    db.exec(`DROP INDEX IF EXISTS "ix_${spec.name}_${fields.join('_')}"`);
    // A rowid table's index ends in the rowid: (pk, id) is added so the index also serves the adapter's tie-break order.
    const keyed = keyedByRowid ? [...fields, 'pk', 'id'] : fields;
    db.exec(`CREATE INDEX IF NOT EXISTS "ixc_${spec.name}_${fields.join('_')}" ON ${table} (${keyed.map(columnOf).join(', ')})`);
  }
  for (const field of spec.search ?? []) ensureSearchIndex(db, spec.name, field);
  return columns;
}

/** An index an earlier version declared and this one does not (say, widened to cover a report): no longer kept up on every write. */
function dropUndeclaredIndexes(db: Database.Database, spec: CollectionSpec): void {
  const declared = new Set(spec.indexes.map((fields) => `ixc_${spec.name}_${fields.join('_')}`));
  const existing = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ixc\\_%' ESCAPE '\\'`).all(rawTableName(spec.name)) as Array<{ name: string }>;
  for (const { name } of existing) if (!declared.has(name)) db.exec(`DROP INDEX "${name}"`);
}

/** The trigram index of one searched field, filled from the table when it is new. */
function ensureSearchIndex(db: Database.Database, collection: string, field: string): void {
  const fts = searchTableName(collection, field);
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(fts.slice(1, -1));
  const table = tableName(collection);
  const col = columnOf(field);
  if (!exists) {
    // case_sensitive 1: `contains` is exact (callers store a normalised copy, e.g. participant.searchName).
    db.exec(`CREATE VIRTUAL TABLE ${fts} USING fts5(${col}, content=${table}, content_rowid='rowid', tokenize='trigram case_sensitive 1')`);
    db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
  }
  const trigger = (name: string) => `"${fts.slice(1, -1)}_${name}"`;
  const remove = `INSERT INTO ${fts}(${fts}, rowid, ${col}) VALUES ('delete', old.rowid, old.${col});`;
  const add = `INSERT INTO ${fts}(rowid, ${col}) VALUES (new.rowid, new.${col});`;
  db.exec(`CREATE TRIGGER IF NOT EXISTS ${trigger('ai')} AFTER INSERT ON ${table} BEGIN ${add} END`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS ${trigger('ad')} AFTER DELETE ON ${table} BEGIN ${remove} END`);
  db.exec(`CREATE TRIGGER IF NOT EXISTS ${trigger('au')} AFTER UPDATE ON ${table} BEGIN ${remove} ${add} END`);
}

/** Does the table have exactly these field columns, none generated, and the layout asked? */
function matches(db: Database.Database, table: string, sql: string, columns: string[], keyedByRowid: boolean): boolean {
  // table_xinfo's `hidden`: 0 an ordinary column, 2 a VIRTUAL generated one, 3 a STORED one.
  const info = db.prepare(`PRAGMA table_xinfo(${table})`).all() as Array<{ name: string; hidden: number }>;
  const names = info.filter((c) => c.hidden === 0).map((c) => c.name);
  const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test(sql);
  return names.length === info.length && withoutRowid === !keyedByRowid && names.sort().join() === [...KEY_COLUMNS, ...columns.map(columnName)].sort().join();
}

const KEY_COLUMNS = ['pk', 'id', 'etag', 'doc'];

/** The SQL that sets each field column from the document bound as `doc` (named parameter `@doc`). */
export function columnValues(columns: Iterable<string>, doc = '@doc'): string[] {
  return [...columns].map((f) => `json_extract(${doc}, '$.${f}')`);
}

function rebuild(db: Database.Database, collection: string, columns: string[], keyedByRowid: boolean): void {
  const table = tableName(collection);
  const next = `"c_${collection}__next"`;
  // Its search index and triggers refer to the old table; they are made again over the new one.
  for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\'`).all(`s\\_${collection}\\_%`) as Array<{ name: string }>) {
    db.exec(`DROP TABLE "${name}"`);
  }
  db.exec(`DROP TABLE IF EXISTS ${next}`);
  db.exec(createTable(next, columns, keyedByRowid));
  const fieldColumns = columns.map((f) => `, ${columnOf(f)}`).join('');
  const values = columnValues(columns, 'doc').map((v) => `, ${v}`).join('');
  db.exec(`INSERT INTO ${next} (pk, id, etag, doc${fieldColumns}) SELECT pk, id, etag, doc${values} FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${next} RENAME TO ${table}`);
}

function createTable(table: string, columns: string[], keyedByRowid: boolean): string {
  // No declared type: a column holds what json_extract yields (text, integer, real or null), compared as such.
  const fields = columns.map((f) => `, ${columnOf(f)}`).join('');
  const base = `pk TEXT NOT NULL, id TEXT NOT NULL, etag TEXT NOT NULL, doc TEXT NOT NULL${fields}`;
  return keyedByRowid
    ? `CREATE TABLE ${table} (${base}, UNIQUE (pk, id))`
    : `CREATE TABLE ${table} (${base}, PRIMARY KEY (pk, id)) WITHOUT ROWID`;
}

function rawTableName(collection: string): string {
  assertFieldName(collection);
  return `c_${collection}`;
}

export function tableName(collection: string): string {
  return `"${rawTableName(collection)}"`;
}

export function searchTableName(collection: string, field: string): string {
  return `"s_${assertFieldName(collection)}_${assertFieldName(field)}"`;
}

export function columnName(field: string): string {
  return `f_${field}`;
}

/** The SQL name of an indexed field: the key columns hold the document's own pk and id. */
export function columnOf(field: string): string {
  return field === 'pk' || field === 'id' ? field : `"${columnName(field)}"`;
}
