import { DocBase, DocumentStore, Page, ProjectionPage, Query, Scalar, Stored, StoreStats } from '../bot/store/port';

/** Operations by collection, so a benchmark can tell bot-state traffic from domain traffic. */
export type OperationCounts = Record<string, { reads: number; writes: number; queries: number }>;

/** Wraps a store and counts what each collection is asked for; behaviour is the wrapped store's. */
export class CountingStore implements DocumentStore {
  readonly counts: OperationCounts = {};

  constructor(private readonly inner: DocumentStore) {}

  get stats(): StoreStats {
    return this.inner.stats;
  }

  reset(): void {
    for (const key of Object.keys(this.counts)) delete this.counts[key];
  }

  private tally(collection: string, kind: 'reads' | 'writes' | 'queries'): void {
    (this.counts[collection] ??= { reads: 0, writes: 0, queries: 0 })[kind]++;
  }

  init(): Promise<void> {
    return this.inner.init();
  }
  ping(): Promise<boolean> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  get<T extends DocBase>(collection: string, pk: string, id: string): Promise<Stored<T> | undefined> {
    this.tally(collection, 'reads');
    return this.inner.get<T>(collection, pk, id);
  }
  create<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    this.tally(collection, 'writes');
    return this.inner.create(collection, doc);
  }
  replace<T extends DocBase>(collection: string, doc: T, etag: string): Promise<Stored<T>> {
    this.tally(collection, 'writes');
    return this.inner.replace(collection, doc, etag);
  }
  upsert<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    this.tally(collection, 'writes');
    return this.inner.upsert(collection, doc);
  }
  delete(collection: string, pk: string, id: string, etag?: string): Promise<void> {
    this.tally(collection, 'writes');
    return this.inner.delete(collection, pk, id, etag);
  }
  query<T extends DocBase>(collection: string, query: Query): Promise<Page<T>> {
    this.tally(collection, 'queries');
    return this.inner.query<T>(collection, query);
  }
  project<T extends object>(collection: string, query: Query, fields: ReadonlyArray<keyof T & string>): Promise<ProjectionPage<T>> {
    this.tally(collection, 'queries');
    return this.inner.project<T>(collection, query, fields);
  }
  count(collection: string, query: Query): Promise<number> {
    this.tally(collection, 'queries');
    return this.inner.count(collection, query);
  }

  countBy(collection: string, query: Query, field: string, values: readonly Scalar[]): Promise<Map<Scalar, number>> {
    this.tally(collection, 'queries');
    return this.inner.countBy(collection, query, field, values);
  }
}
