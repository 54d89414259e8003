/**
 * The one storage port of Puente. Every adapter (embedded SQLite, Azure Cosmos DB)
 * implements this interface, and one contract test suite runs against both.
 *
 * It is a small document store: JSON documents grouped in collections, each
 * document addressed by (partition key, id), written with optimistic concurrency
 * (eTag), and found by simple indexed queries. Domain repositories
 * (participants, check-ins, flags, …) are written once on top of it.
 */

/** Every stored document carries its own partition key and id. */
export interface DocBase {
  id: string;
  pk: string;
}

/** A document as read back: with the eTag the store assigned to this version. */
export type Stored<T extends DocBase> = T & { _etag: string };

export type Scalar = string | number | boolean | null;

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One condition on a top-level field of the document. */
export type Condition =
  | { field: string; op: Comparison; value: Scalar }
  | { field: string; op: 'in'; value: Scalar[] }
  /**
   * The field is a string holding `value` (case- and accent-sensitive: store a
   * normalised copy of what is searched). A missing or non-string field never matches.
   */
  | { field: string; op: 'contains'; value: string };

export interface Query {
  /** Restrict to one partition (cheap on Cosmos). Omit for a cross-partition query. */
  pk?: string;
  /** All conditions must hold (AND). Fields are top-level document properties. */
  where?: Condition[];
  orderBy?: Array<{ field: string; dir?: 'asc' | 'desc' }>;
  /** Page size. Without it every match is returned. */
  limit?: number;
  /** Opaque token from a previous page's `continuation`. */
  continuation?: string;
}

export interface Page<T extends DocBase> {
  items: Stored<T>[];
  /** Present when more results follow. */
  continuation?: string;
}

/** A page of projected documents: only the asked fields, no eTag. */
export interface ProjectionPage<T> {
  items: T[];
  continuation?: string;
}

/** A collection and the fields its hot queries filter or sort on. */
export interface CollectionSpec {
  name: string;
  /**
   * Composite indexes (field lists) the adapter creates. SQLite builds expression
   * indexes; Cosmos uses them as composite indexes for ORDER BY. An indexed (or
   * searched) field holds a string, a number or null, or is absent: a write that
   * puts a boolean, an object or an array there is refused (indexedFields.ts).
   */
  indexes: string[][];
  /**
   * String fields matched with `contains` on a hot path (the staff search): SQLite keeps a trigram index of each, so a
   * value of 3 characters or more is found without reading every document. Cosmos matches them with CONTAINS as any field.
   */
  search?: string[];
}

/** Thrown by `create` when a document with that (pk, id) already exists. */
export class ConflictError extends Error {
  readonly code = 'Conflict';
  constructor(collection: string, id: string) {
    super(`document ${collection}/${id} already exists`);
  }
}

/** Thrown by `replace`/`delete` when the given eTag is not the current one, or the document is gone. */
export class PreconditionFailedError extends Error {
  readonly code = 'PreconditionFailed';
  constructor(collection: string, id: string) {
    super(`document ${collection}/${id} changed since it was read`);
  }
}

/**
 * The one test for "someone else wrote first": a conditional create that found
 * the document, or a conditional replace/delete whose eTag was stale.
 */
export function isWriteConflict(err: unknown): err is ConflictError | PreconditionFailedError {
  return err instanceof ConflictError || err instanceof PreconditionFailedError;
}

export interface DocumentStore {
  /** Creates missing tables/containers. Idempotent. */
  init(): Promise<void>;
  /** Is the backing store reachable right now? */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  get<T extends DocBase>(collection: string, pk: string, id: string): Promise<Stored<T> | undefined>;
  /** Conditional insert: fails with ConflictError if (pk, id) exists. */
  create<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>>;
  /** Replace when the current eTag equals `etag`; else PreconditionFailedError. */
  replace<T extends DocBase>(collection: string, doc: T, etag: string): Promise<Stored<T>>;
  /** Unconditional write (last writer wins). Use only where that is the intent. */
  upsert<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>>;
  /** Delete; with `etag` only when it is current. Deleting a missing document is not an error without an eTag. */
  delete(collection: string, pk: string, id: string, etag?: string): Promise<void>;
  query<T extends DocBase>(collection: string, query: Query): Promise<Page<T>>;
  /**
   * Only the named top-level fields of each match (a missing field reads as
   * null), without eTag; filtering, order and paging as `query`. For bulk reads
   * that need a few fields of many documents (reports): far less to read,
   * parse and hold than whole documents.
   */
  project<T extends object>(collection: string, query: Query, fields: ReadonlyArray<keyof T & string>): Promise<ProjectionPage<T>>;
  /** Number of documents matching (ignores orderBy/limit/continuation). */
  count(collection: string, query: Query): Promise<number>;
  /**
   * Numbers of matching documents per value of `field`, for each of `values`
   * (0 when none): the queue's per-severity counts in one call. SQLite answers
   * with one GROUP BY; Cosmos (whose emulator has no GROUP BY) with one COUNT per value.
   */
  countBy(collection: string, query: Query, field: string, values: readonly Scalar[]): Promise<Map<Scalar, number>>;
  /** Counters of operations since creation: what benchmarks report per turn. */
  readonly stats: StoreStats;
}

export interface StoreStats {
  reads: number;
  writes: number;
  queries: number;
}
