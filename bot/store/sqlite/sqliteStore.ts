import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  CollectionSpec,
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
import { assertIndexedScalars } from '../indexedFields';
import { assertFieldName, assertPageSize, decodeOffsetToken, encodeOffsetToken } from '../queryFields';
import { columnName, columnOf, columnValues, ensureCollection, searchTableName, tableName } from './sqliteSchema';
import { afterTurn, bindable, condition, fieldExpr, Row, serialize, toStored } from './sqliteSql';

/** Above this many trigram matches a searched page walks its order's index (see searchCondition). */
const DENSE_MATCHES = 500;

/**
 * Embedded store: one SQLite file (WAL), one table per collection holding JSON
 * documents, with covering indexes over the fields the hot queries use (sqliteSchema.ts).
 * better-sqlite3 is synchronous: each call runs its statement at once, then
 * answers after one turn of the event loop (afterTurn). Without that turn a
 * request made of many small queries would run as one unbroken stretch of
 * microtasks, holding timers, sockets and every other conversation until it
 * ends; with it, the loop waits at most for one statement.
 */
export class SqliteStore implements DocumentStore {
  readonly stats: StoreStats = { reads: 0, writes: 0, queries: 0 };
  private db: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly known = new Set<string>();
  /** Per collection, the fields that are also columns (its indexed and searched fields). */
  private readonly columns = new Map<string, Set<string>>();
  /** Per collection, the fields with a trigram index (CollectionSpec.search). */
  private readonly searched = new Map<string, Set<string>>();

  constructor(
    private readonly path: string,
    private readonly collections: CollectionSpec[],
  ) {}

  async init(): Promise<void> {
    const db = this.open();
    db.transaction(() => {
      for (const spec of this.collections) {
        this.columns.set(spec.name, new Set(ensureCollection(db, spec)));
        this.searched.set(spec.name, new Set(spec.search ?? []));
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

  get<T extends DocBase>(collection: string, pk: string, id: string): Promise<Stored<T> | undefined> {
    return afterTurn(() => {
      this.stats.reads++;
      const row = this.stmt(`SELECT doc, etag FROM ${this.table(collection)} WHERE pk = ? AND id = ?`).get(pk, id) as
        | Row
        | undefined;
      return row ? toStored<T>(row) : undefined;
    });
  }

  create<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    return afterTurn(() => {
      this.assertIndexable(collection, doc);
      this.stats.writes++;
      const etag = randomUUID();
      const info = this.stmt(`${this.insertSql(collection)} ON CONFLICT DO NOTHING`).run({ pk: doc.pk, id: doc.id, etag, doc: serialize(doc) });
      if (info.changes === 0) throw new ConflictError(collection, doc.id);
      return { ...doc, _etag: etag };
    });
  }

  /**
   * Bulk load (benchmarks, imports): inserts every document in one transaction,
   * which is what makes a million rows take seconds instead of a million
   * fsyncs. Not on the port: request paths write one document at a time.
   */
  createMany<T extends DocBase>(collection: string, docs: T[]): void {
    const insert = this.stmt(this.insertSql(collection));
    for (const doc of docs) this.assertIndexable(collection, doc);
    this.open().transaction(() => {
      for (const doc of docs) insert.run({ pk: doc.pk, id: doc.id, etag: randomUUID(), doc: serialize(doc) });
    })();
    this.stats.writes += docs.length;
  }

  replace<T extends DocBase>(collection: string, doc: T, etag: string): Promise<Stored<T>> {
    return afterTurn(() => {
      this.assertIndexable(collection, doc);
      this.stats.writes++;
      const next = randomUUID();
      const set = this.fieldColumns(collection).map((c, i) => `, ${c} = ${columnValues(this.columns.get(collection)!)[i]}`).join('');
      const info = this.stmt(`UPDATE ${this.table(collection)} SET etag = @next, doc = @doc${set} WHERE pk = @pk AND id = @id AND etag = @etag`).run({
        next,
        doc: serialize(doc),
        pk: doc.pk,
        id: doc.id,
        etag,
      });
      if (info.changes === 0) throw new PreconditionFailedError(collection, doc.id);
      return { ...doc, _etag: next };
    });
  }

  upsert<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    return afterTurn(() => {
      this.assertIndexable(collection, doc);
      this.stats.writes++;
      const etag = randomUUID();
      const set = this.fieldColumns(collection).map((c) => `, ${c} = excluded.${c}`).join('');
      this.stmt(`${this.insertSql(collection)} ON CONFLICT (pk, id) DO UPDATE SET etag = excluded.etag, doc = excluded.doc${set}`).run({
        pk: doc.pk,
        id: doc.id,
        etag,
        doc: serialize(doc),
      });
      return { ...doc, _etag: etag };
    });
  }

  /** An insert of one document (named parameters pk, id, etag, doc) that also sets its field columns from it. */
  private insertSql(collection: string): string {
    const columns = this.fieldColumns(collection).map((c) => `, ${c}`).join('');
    const values = columnValues(this.columns.get(collection)!).map((v) => `, ${v}`).join('');
    return `INSERT INTO ${this.table(collection)} (pk, id, etag, doc${columns}) VALUES (@pk, @id, @etag, @doc${values})`;
  }

  private assertIndexable(collection: string, doc: DocBase): void {
    this.table(collection);
    assertIndexedScalars(collection, this.columns.get(collection)!, doc);
  }

  private fieldColumns(collection: string): string[] {
    this.table(collection);
    return [...this.columns.get(collection)!].map(columnOf);
  }

  delete(collection: string, pk: string, id: string, etag?: string): Promise<void> {
    return afterTurn(() => {
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
    });
  }

  query<T extends DocBase>(collection: string, query: Query): Promise<Page<T>> {
    return afterTurn(() => {
      this.stats.queries++;
      const page = this.page<Row>(collection, 'doc, etag', query);
      return { ...page, items: page.items.map((r) => toStored<T>(r)) };
    });
  }

  project<T extends object>(collection: string, query: Query, fields: ReadonlyArray<keyof T & string>): Promise<ProjectionPage<T>> {
    return afterTurn(() => {
      this.stats.queries++;
      const { sql, fromDocument } = this.projectionColumns(collection, fields);
      const page = this.page<Record<string, unknown>>(collection, sql, query);
      if (fromDocument.length) {
        for (const row of page.items) for (const f of fromDocument) if (row[f] !== null) row[f] = JSON.parse(row[f] as string);
      }
      return page as ProjectionPage<T>;
    });
  }

  /**
   * The key columns and an indexed field's column are read as they are: such a column holds a string, a number
   * or null (indexedFields.ts), so a projection of those alone is answered from an index, without the document.
   * Any other field is read from the document with `->`, as JSON (`fromDocument`): that keeps booleans and
   * nested values as they were (json_extract would turn true into 1).
   */
  private projectionColumns(collection: string, fields: readonly string[]): { sql: string; fromDocument: string[] } {
    const columns = this.columns.get(collection);
    const isColumn = (f: string) => f === 'pk' || f === 'id' || columns?.has(f) === true;
    const sql = fields.map((f) => `${isColumn(assertFieldName(f)) ? columnOf(f) : `doc -> '$.${f}'`} AS "${f}"`).join(', ');
    return { sql, fromDocument: fields.filter((f) => !isColumn(f)) };
  }

  private page<R>(collection: string, columns: string, query: Query): { items: R[]; continuation?: string } {
    const { sql, params, offset } = this.pageSql(collection, columns, query);
    const rows = this.stmt(sql).all(...params) as R[];
    if (query.limit !== undefined && rows.length > query.limit) {
      return { items: rows.slice(0, query.limit), continuation: encodeOffsetToken(offset + query.limit) };
    }
    return { items: rows };
  }

  private pageSql(collection: string, columns: string, query: Query): { sql: string; params: unknown[]; offset: number } {
    const order = (query.orderBy ?? [])
      .map((o) => `${this.field(collection, assertFieldName(o.field))} ${o.dir === 'desc' ? 'DESC' : 'ASC'}`)
      .concat(['pk', 'id']);
    const offset = decodeOffsetToken(query.continuation);
    if (query.limit === undefined || !this.searched.get(collection)?.size) {
      const { sql, params } = this.select(collection, columns, query);
      // Fetch one more than asked to know whether a next page exists.
      const range = query.limit === undefined ? '' : ` LIMIT ${assertPageSize(query.limit) + 1} OFFSET ${offset}`;
      return { sql: `${sql} ORDER BY ${order.join(', ')}${range}`, params, offset };
    }
    const range = `ORDER BY ${order.join(', ')} LIMIT ${assertPageSize(query.limit) + 1} OFFSET ${offset}`;
    // A searched collection's matches (thousands for a common name) are ordered as rowids and sort keys only; the
    // documents, a KB each, are read for the page alone.
    const keys = this.select(collection, 'rowid', query, true);
    return { sql: `SELECT ${columns} FROM ${this.table(collection)} WHERE rowid IN (${keys.sql} ${range}) ORDER BY ${order.join(', ')}`, params: keys.params, offset };
  }

  count(collection: string, query: Query): Promise<number> {
    return afterTurn(() => {
      this.stats.queries++;
      const { sql, params } = this.countSql(collection, query);
      return (this.stmt(sql).get(...params) as { n: number }).n;
    });
  }

  private countSql(collection: string, query: Query): { sql: string; params: unknown[] } {
    return this.select(collection, 'COUNT(*) AS n', query);
  }

  countBy(collection: string, query: Query, field: string, values: readonly Scalar[]): Promise<Map<Scalar, number>> {
    return afterTurn(() => {
      this.stats.queries++;
      const { sql, params } = this.countBySql(collection, query, field);
      const rows = this.stmt(sql).all(...params) as Array<{ k: unknown; n: number }>;
      const found = new Map(rows.map((r) => [r.k, r.n]));
      return new Map(values.map((v) => [v, found.get(bindable(v)) ?? 0]));
    });
  }

  private countBySql(collection: string, query: Query, field: string): { sql: string; params: unknown[] } {
    const expr = this.field(collection, assertFieldName(field));
    const { sql, params } = this.select(collection, `${expr} AS k, COUNT(*) AS n`, query);
    return { sql: `${sql} GROUP BY k`, params };
  }

  /**
   * SQLite's plan for what `query`, `project` (with `fields`), `count` or `countBy` (with `field`) would run: one
   * line per step (EXPLAIN QUERY PLAN). Not on the port: tests use it so a query that stops using its index fails.
   */
  queryPlan(kind: 'query' | 'project' | 'count' | 'countBy', collection: string, query: Query, fieldOrFields?: string | readonly string[]): string[] {
    const { sql, params } =
      kind === 'query'
        ? this.pageSql(collection, 'doc, etag', query)
        : kind === 'project'
          ? this.pageSql(collection, this.projectionColumns(collection, fieldOrFields as readonly string[]).sql, query)
          : kind === 'count'
            ? this.countSql(collection, query)
            : this.countBySql(collection, query, fieldOrFields as string);
    return (this.open().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  }

  /** `page`: the statement reads a limited page in an order (a walk in index order can stop early). */
  private select(collection: string, columns: string, query: Query, page = false): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.pk !== undefined) {
      clauses.push('pk = ?');
      params.push(query.pk);
    }
    for (const c of query.where ?? []) {
      const expr = this.field(collection, assertFieldName(c.field));
      clauses.push(c.op === 'contains' && this.searched.get(collection)?.has(c.field) ? this.searchCondition(collection, c.field, expr, c.value, params, page) : condition(c, expr, params));
    }
    const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
    return { sql: `SELECT ${columns} FROM ${this.table(collection)}${where}`, params };
  }

  /**
   * `contains` on a searched field: the trigram index finds the rows holding every trigram of the value in sequence,
   * and instr keeps the match exact. A value under 3 characters has no trigram: it is matched on the field's column
   * (in its index when ordered by it), where short values match most names and the page fills quickly.
   *
   * For a page, how to use the trigram matches depends on how many there are (counted in the trigram index, which
   * costs little): a few hundred are read and sorted; more (a common name: thousands of rows spread over the table)
   * are cheaper to meet while walking the index of the page's order, which stops at the page's end — a membership
   * test there (`+rowid`: not a lookup) instead of reading and sorting every match.
   */
  private searchCondition(collection: string, field: string, expr: string, value: string, params: unknown[], page: boolean): string {
    const exact = `typeof(${expr}) = 'text' AND instr(${expr}, ?) > 0`;
    params.push(value);
    if ([...value].length < 3) return `(${exact})`;
    const fts = searchTableName(collection, field);
    const phrase = `"${value.replaceAll('"', '""')}"`;
    const dense = page && (this.stmt(`SELECT COUNT(*) AS n FROM ${fts} WHERE ${fts} MATCH ?`).get(phrase) as { n: number }).n > DENSE_MATCHES;
    params.push(phrase);
    return `(${exact} AND ${dense ? '+rowid' : 'rowid'} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?))`;
  }

  /** The column of an indexed field, else the field read from the document. */
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
      // NORMAL: in WAL mode a commit is not fsynced (the WAL is, at each checkpoint). A committed write survives a
      // crash of the process, and the file is never corrupted; only a power loss or OS crash may take back the last
      // commits. FULL (an fsync per commit) cost each dashboard request its audit write's fsync — 10 ms and more on a
      // busy disk — with the event loop blocked throughout, since better-sqlite3 is synchronous.
      db.pragma('synchronous = NORMAL');
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
