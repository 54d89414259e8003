import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  CollectionSpec,
  Condition,
  ConflictError,
  DocBase,
  DocumentStore,
  Page,
  PreconditionFailedError,
  ProjectionPage,
  Query,
  Scalar,
  Stored,
  StoreStats,
} from '../port';
import { assertFieldName, assertPageSize, decodeOffsetToken, encodeOffsetToken } from '../queryFields';

type Row = { doc: string; etag: string };

/**
 * Embedded store: one SQLite file (WAL), one table per collection holding JSON
 * documents, with expression indexes over the fields the hot queries use.
 * better-sqlite3 is synchronous; the async signatures keep the port uniform.
 */
export class SqliteStore implements DocumentStore {
  readonly stats: StoreStats = { reads: 0, writes: 0, queries: 0 };
  private db: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly known = new Set<string>();
  /** Per collection, the fields stored as generated columns (its indexed fields). */
  private readonly columns = new Map<string, Set<string>>();

  constructor(
    private readonly path: string,
    private readonly collections: CollectionSpec[],
  ) {}

  async init(): Promise<void> {
    const db = this.open();
    db.transaction(() => {
      for (const spec of this.collections) {
        const table = tableName(spec.name);
        db.exec(
          `CREATE TABLE IF NOT EXISTS ${table} (pk TEXT NOT NULL, id TEXT NOT NULL, etag TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (pk, id)) WITHOUT ROWID`,
        );
        // Each indexed field is a virtual generated column: the planner treats it as a column, so an index on it
        // covers counts, ordering and filters (an expression index over json_extract is re-evaluated on each document).
        const columns = new Set(spec.indexes.flat().map(assertFieldName));
        const present = new Set((db.prepare(`PRAGMA table_xinfo(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
        for (const field of columns) {
          if (!present.has(columnName(field))) db.exec(`ALTER TABLE ${table} ADD COLUMN "${columnName(field)}" GENERATED ALWAYS AS (json_extract(doc, '$.${field}')) VIRTUAL`);
        }
        for (const fields of spec.indexes) {
          // Indexes of earlier versions (over the expressions) give way to the column ones.
          db.exec(`DROP INDEX IF EXISTS "ix_${spec.name}_${fields.join('_')}"`);
          db.exec(`CREATE INDEX IF NOT EXISTS "ixc_${spec.name}_${fields.join('_')}" ON ${table} (${fields.map((f) => `"${columnName(f)}"`).join(', ')})`);
        }
        this.columns.set(spec.name, columns);
        this.known.add(spec.name);
      }
    })();
  }

  async ping(): Promise<boolean> {
    try {
      this.open().prepare('SELECT 1').get();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db?.close();
    this.db = undefined;
  }

  async get<T extends DocBase>(collection: string, pk: string, id: string): Promise<Stored<T> | undefined> {
    this.stats.reads++;
    const row = this.stmt(`SELECT doc, etag FROM ${this.table(collection)} WHERE pk = ? AND id = ?`).get(pk, id) as
      | Row
      | undefined;
    return row ? toStored<T>(row) : undefined;
  }

  async create<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    this.stats.writes++;
    const etag = randomUUID();
    const info = this.stmt(
      `INSERT INTO ${this.table(collection)} (pk, id, etag, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(doc.pk, doc.id, etag, serialize(doc));
    if (info.changes === 0) throw new ConflictError(collection, doc.id);
    return { ...doc, _etag: etag };
  }

  /**
   * Bulk load (benchmarks, imports): inserts every document in one transaction,
   * which is what makes a million rows take seconds instead of a million
   * fsyncs. Not on the port: request paths write one document at a time.
   */
  createMany<T extends DocBase>(collection: string, docs: T[]): void {
    const insert = this.stmt(`INSERT INTO ${this.table(collection)} (pk, id, etag, doc) VALUES (?, ?, ?, ?)`);
    this.open().transaction(() => {
      for (const doc of docs) insert.run(doc.pk, doc.id, randomUUID(), serialize(doc));
    })();
    this.stats.writes += docs.length;
  }

  async replace<T extends DocBase>(collection: string, doc: T, etag: string): Promise<Stored<T>> {
    this.stats.writes++;
    const next = randomUUID();
    const info = this.stmt(
      `UPDATE ${this.table(collection)} SET etag = ?, doc = ? WHERE pk = ? AND id = ? AND etag = ?`,
    ).run(next, serialize(doc), doc.pk, doc.id, etag);
    if (info.changes === 0) throw new PreconditionFailedError(collection, doc.id);
    return { ...doc, _etag: next };
  }

  async upsert<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    this.stats.writes++;
    const etag = randomUUID();
    this.stmt(
      `INSERT INTO ${this.table(collection)} (pk, id, etag, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (pk, id) DO UPDATE SET etag = excluded.etag, doc = excluded.doc`,
    ).run(doc.pk, doc.id, etag, serialize(doc));
    return { ...doc, _etag: etag };
  }

  async delete(collection: string, pk: string, id: string, etag?: string): Promise<void> {
    this.stats.writes++;
    if (etag === undefined) {
      this.stmt(`DELETE FROM ${this.table(collection)} WHERE pk = ? AND id = ?`).run(pk, id);
      return;
    }
    const info = this.stmt(`DELETE FROM ${this.table(collection)} WHERE pk = ? AND id = ? AND etag = ?`).run(
      pk,
      id,
      etag,
    );
    if (info.changes === 0) throw new PreconditionFailedError(collection, id);
  }

  async query<T extends DocBase>(collection: string, query: Query): Promise<Page<T>> {
    this.stats.queries++;
    const page = this.page<Row>(collection, 'doc, etag', query);
    return { ...page, items: page.items.map((r) => toStored<T>(r)) };
  }

  async project<T extends object>(collection: string, query: Query, fields: ReadonlyArray<keyof T & string>): Promise<ProjectionPage<T>> {
    this.stats.queries++;
    // One JSON object per row: `->` keeps booleans and nested values as JSON (json_extract would turn true into 1).
    const pairs = fields.map((f) => `'${assertFieldName(f)}', ${f === 'pk' || f === 'id' ? f : `doc -> '$.${assertFieldName(f)}'`}`);
    const page = this.page<{ p: string }>(collection, `json_object(${pairs.join(', ')}) AS p`, query);
    return { ...page, items: page.items.map((r) => JSON.parse(r.p) as T) };
  }

  /** Rows of a query in its order, a page at a time when it has a limit. */
  private page<R>(collection: string, columns: string, query: Query): { items: R[]; continuation?: string } {
    const { sql, params } = this.select(collection, columns, query);
    const order = (query.orderBy ?? [])
      .map((o) => `${this.field(collection, assertFieldName(o.field))} ${o.dir === 'desc' ? 'DESC' : 'ASC'}`)
      .concat(['pk', 'id']);
    let full = `${sql} ORDER BY ${order.join(', ')}`;
    const offset = decodeOffsetToken(query.continuation);
    if (query.limit !== undefined) {
      // Fetch one more than asked to know whether a next page exists.
      full += ` LIMIT ${assertPageSize(query.limit) + 1} OFFSET ${offset}`;
    }
    const rows = this.stmt(full).all(...params) as R[];
    if (query.limit !== undefined && rows.length > query.limit) {
      return { items: rows.slice(0, query.limit), continuation: encodeOffsetToken(offset + query.limit) };
    }
    return { items: rows };
  }

  async count(collection: string, query: Query): Promise<number> {
    this.stats.queries++;
    const { sql, params } = this.select(collection, 'COUNT(*) AS n', query);
    return (this.stmt(sql).get(...params) as { n: number }).n;
  }

  async countBy(collection: string, query: Query, field: string, values: readonly Scalar[]): Promise<Map<Scalar, number>> {
    this.stats.queries++;
    const expr = this.field(collection, assertFieldName(field));
    const { sql, params } = this.select(collection, `${expr} AS k, COUNT(*) AS n`, query);
    const rows = this.stmt(`${sql} GROUP BY k`).all(...params) as Array<{ k: unknown; n: number }>;
    const found = new Map(rows.map((r) => [r.k, r.n]));
    return new Map(values.map((v) => [v, found.get(bindable(v)) ?? 0]));
  }

  private select(collection: string, columns: string, query: Query): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.pk !== undefined) {
      clauses.push('pk = ?');
      params.push(query.pk);
    }
    for (const c of query.where ?? []) clauses.push(condition(c, this.field(collection, assertFieldName(c.field)), params));
    const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
    return { sql: `SELECT ${columns} FROM ${this.table(collection)}${where}`, params };
  }

  /** The generated column of an indexed field, else the field read from the document. */
  private field(collection: string, field: string): string {
    // The key columns hold the document's own pk and id: a range on them walks the primary key.
    if (field === 'pk' || field === 'id') return field;
    return this.columns.get(collection)?.has(field) ? `"${columnName(field)}"` : fieldExpr(field);
  }

  private open(): Database.Database {
    if (!this.db) {
      if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
      const db = new Database(this.path);
      db.pragma('journal_mode = WAL');
      // FULL: a committed answer survives power loss, not only a process crash.
      db.pragma('synchronous = FULL');
      // Several processes may share one file; wait for the writer instead of failing.
      db.pragma('busy_timeout = 5000');
      this.db = db;
    }
    return this.db;
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.open().prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private table(collection: string): string {
    if (!this.known.has(collection)) throw new Error(`unknown collection ${collection}`);
    return tableName(collection);
  }
}

function tableName(collection: string): string {
  assertFieldName(collection);
  return `"c_${collection}"`;
}

function fieldExpr(field: string): string {
  return `json_extract(doc, '$.${field}')`;
}

function columnName(field: string): string {
  return `f_${field}`;
}

function condition(c: Condition, expr: string, params: unknown[]): string {
  if (c.op === 'contains') {
    params.push(c.value);
    return `(typeof(${expr}) = 'text' AND instr(${expr}, ?) > 0)`;
  }
  if (c.op === 'in') {
    if (c.value.length === 0) return '0';
    params.push(...c.value.map(bindable));
    return `${expr} IN (${c.value.map(() => '?').join(', ')})`;
  }
  if (c.value === null) {
    if (c.op === '=') return `${expr} IS NULL`;
    if (c.op === '!=') return `${expr} IS NOT NULL`;
    throw new Error(`cannot compare ${c.field} ${c.op} null`);
  }
  params.push(bindable(c.value));
  return `${expr} ${c.op} ?`;
}

/** json_extract yields 1/0 for JSON booleans; SQLite has no boolean bind type. */
function bindable(v: Scalar): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function serialize(doc: DocBase): string {
  const { _etag, ...rest } = doc as DocBase & { _etag?: string };
  return JSON.stringify(rest);
}

function toStored<T extends DocBase>(row: Row): Stored<T> {
  return { ...(JSON.parse(row.doc) as T), _etag: row.etag };
}
