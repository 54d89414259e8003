import { DocBase, DocumentStore, Page, ProjectionPage, Query, Scalar, Stored, StoreStats } from '../store/port';
import { inSpan } from './telemetry';

/**
 * The store with a span per operation (collection and operation only: keys
 * and documents stay out), so a turn's or a tick's trace shows its reads and
 * writes. Behaviour is the wrapped store's.
 */
export class TracedStore implements DocumentStore {
  constructor(private readonly inner: DocumentStore) {}

  get stats(): StoreStats {
    return this.inner.stats;
  }

  private op<T>(operation: string, collection: string, run: () => Promise<T>): Promise<T> {
    return inSpan(`store.${operation}`, { 'db.operation.name': operation, 'db.collection.name': collection }, run);
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
    return this.op('get', collection, () => this.inner.get<T>(collection, pk, id));
  }
  create<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    return this.op('create', collection, () => this.inner.create(collection, doc));
  }
  replace<T extends DocBase>(collection: string, doc: T, etag: string): Promise<Stored<T>> {
    return this.op('replace', collection, () => this.inner.replace(collection, doc, etag));
  }
  upsert<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    return this.op('upsert', collection, () => this.inner.upsert(collection, doc));
  }
  delete(collection: string, pk: string, id: string, etag?: string): Promise<void> {
    return this.op('delete', collection, () => this.inner.delete(collection, pk, id, etag));
  }
  query<T extends DocBase>(collection: string, query: Query): Promise<Page<T>> {
    return this.op('query', collection, () => this.inner.query<T>(collection, query));
  }
  project<T extends object>(collection: string, query: Query, fields: ReadonlyArray<keyof T & string>): Promise<ProjectionPage<T>> {
    return this.op('project', collection, () => this.inner.project<T>(collection, query, fields));
  }
  count(collection: string, query: Query): Promise<number> {
    return this.op('count', collection, () => this.inner.count(collection, query));
  }

  countBy(collection: string, query: Query, field: string, values: readonly Scalar[]): Promise<Map<Scalar, number>> {
    return this.op('countBy', collection, () => this.inner.countBy(collection, query, field, values));
  }
}
