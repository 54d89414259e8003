import { Container, CosmosClient, Database, FeedOptions, ItemDefinition, PartitionKeyDefinitionVersion } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
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
import { assertIndexedScalars, indexedFields } from '../indexedFields';
import { assertPageSize } from '../queryFields';
import { buildSql, compositeIndexes, compositeKey, projection } from './cosmosSql';

/** Every container's partition key path (the deployment template declares the same containers). */
export const PARTITION_KEY_PATH = '/pk';

export interface CosmosStoreOptions {
  endpoint: string;
  /** Account key. Without it the process authenticates with DefaultAzureCredential (managed identity, az login, …). */
  key?: string;
  database: string;
  /**
   * Discover the account's regional endpoints (default true). Off for the
   * local test server, which has no regions to discover.
   */
  endpointDiscovery?: boolean;
}

/** Server-assigned properties that are no business of the domain; `_etag` is kept. */
const SYSTEM_PROPERTIES = ['_rid', '_self', '_ts', '_attachments'];

/**
 * Azure Cosmos DB (NoSQL API) adapter: one database, one container per
 * collection, partitioned on `/pk`. Point reads and writes address (pk, id);
 * writes are conditional on `_etag` where the port asks for it.
 */
export class CosmosStore implements DocumentStore {
  readonly stats: StoreStats = { reads: 0, writes: 0, queries: 0 };
  private readonly client: CosmosClient;
  private readonly database: Database;
  private readonly specs: Map<string, CollectionSpec>;
  private readonly indexed: Map<string, Set<string>>;
  private readonly containers = new Map<string, Container>();

  constructor(options: CosmosStoreOptions, collections: CollectionSpec[]) {
    this.client = new CosmosClient({
      endpoint: options.endpoint,
      ...(options.key ? { key: options.key } : { aadCredentials: new DefaultAzureCredential() }),
      connectionPolicy: { enableEndpointDiscovery: options.endpointDiscovery ?? true },
      userAgentSuffix: 'puente',
    });
    this.database = this.client.database(options.database);
    this.specs = new Map(collections.map((c) => [c.name, c]));
    this.indexed = new Map(collections.map((c) => [c.name, indexedFields(c)]));
  }

  /**
   * Creates the database and containers when missing, and adds composite
   * indexes a container lacks (existing ones are never dropped: an older
   * instance may still be serving queries that use them).
   */
  async init(): Promise<void> {
    await this.client.databases.createIfNotExists({ id: this.database.id });
    for (const spec of this.specs.values()) {
      const wanted = compositeIndexes(spec);
      const { container, resource } = await this.database.containers.createIfNotExists({
        id: spec.name,
        partitionKey: { paths: [PARTITION_KEY_PATH], version: PartitionKeyDefinitionVersion.V2 },
        indexingPolicy: { compositeIndexes: wanted },
      });
      const present = new Set((resource?.indexingPolicy?.compositeIndexes ?? []).map(compositeKey));
      const missing = wanted.filter((paths) => !present.has(compositeKey(paths)));
      if (resource && missing.length > 0) {
        const indexingPolicy = resource.indexingPolicy ?? {};
        try {
          await container.replace({
            ...resource,
            indexingPolicy: { ...indexingPolicy, compositeIndexes: [...(indexingPolicy.compositeIndexes ?? []), ...missing] },
          });
        } catch (err) {
          // Data-plane RBAC (managed identity) may not change containers.
          if (statusOf(err) !== 403) throw err;
          throw new Error(
            `container ${spec.name} lacks ${missing.length} composite index(es) and this identity may not add them: run db-init with the account key, or add them to the deployment template`,
          );
        }
      }
      this.containers.set(spec.name, container);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.database.read();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  async get<T extends DocBase>(collection: string, pk: string, id: string): Promise<Stored<T> | undefined> {
    this.stats.reads++;
    const { resource } = await this.container(collection).item(id, pk).read<ItemDefinition>();
    return resource ? toStored<T>(resource) : undefined;
  }

  async create<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    this.assertIndexable(collection, doc);
    this.stats.writes++;
    try {
      const { resource } = await this.container(collection).items.create(body(doc));
      return toStored<T>(resource!);
    } catch (err) {
      if (statusOf(err) === 409) throw new ConflictError(collection, doc.id);
      throw err;
    }
  }

  async replace<T extends DocBase>(collection: string, doc: T, etag: string): Promise<Stored<T>> {
    this.assertIndexable(collection, doc);
    this.stats.writes++;
    try {
      const { resource } = await this.container(collection)
        .item(doc.id, doc.pk)
        .replace(body(doc), { accessCondition: { type: 'IfMatch', condition: etag } });
      return toStored<T>(resource!);
    } catch (err) {
      // 404: the document is gone, so the version the caller read is not current either.
      if (statusOf(err) === 412 || statusOf(err) === 404) throw new PreconditionFailedError(collection, doc.id);
      throw err;
    }
  }

  async upsert<T extends DocBase>(collection: string, doc: T): Promise<Stored<T>> {
    this.assertIndexable(collection, doc);
    this.stats.writes++;
    const { resource } = await this.container(collection).items.upsert(body(doc));
    return toStored<T>(resource!);
  }

  /** As the embedded store does (indexedFields.ts), so a document either adapter takes, both take. */
  private assertIndexable(collection: string, doc: DocBase): void {
    const fields = this.indexed.get(collection);
    if (fields) assertIndexedScalars(collection, fields, doc);
  }

  async delete(collection: string, pk: string, id: string, etag?: string): Promise<void> {
    this.stats.writes++;
    try {
      await this.container(collection)
        .item(id, pk)
        .delete(etag === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (err) {
      const status = statusOf(err);
      if (etag !== undefined && (status === 412 || status === 404)) throw new PreconditionFailedError(collection, id);
      if (status === 404) return;
      throw err;
    }
  }

  async query<T extends DocBase>(collection: string, query: Query): Promise<Page<T>> {
    this.stats.queries++;
    const page = await this.page<ItemDefinition>(collection, '*', query);
    return { ...page, items: page.items.map((r) => toStored<T>(r)) };
  }

  async project<T extends object>(collection: string, query: Query, fields: ReadonlyArray<keyof T & string>): Promise<ProjectionPage<T>> {
    this.stats.queries++;
    const page = await this.page<Record<string, unknown>>(collection, projection(fields), query);
    // Cosmos leaves a missing property out of the object; the port reads it as null.
    return { ...page, items: page.items.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null])) as T) };
  }

  private async page<R>(collection: string, select: string, query: Query): Promise<{ items: R[]; continuation?: string }> {
    const container = this.container(collection);
    const spec = buildSql(select, query, this.specs.get(collection));
    const options = feedOptions(query);
    if (query.limit === undefined) {
      const { resources } = await container.items.query<R>(spec, options).fetchAll();
      return { items: resources };
    }
    const iterator = container.items.query<R>(spec, {
      ...options,
      maxItemCount: assertPageSize(query.limit),
      // Lets the SDK resume cross-partition queries from a token (it refuses otherwise).
      enableQueryControl: query.pk === undefined,
    });
    // A page may come back empty while more follow (cross-partition fan-out); skip those.
    let page = await iterator.fetchNext();
    while (page.resources.length === 0 && page.hasMoreResults) page = await iterator.fetchNext();
    return page.continuationToken ? { items: page.resources, continuation: page.continuationToken } : { items: page.resources };
  }

  async count(collection: string, query: Query): Promise<number> {
    this.stats.queries++;
    const spec = buildSql('VALUE COUNT(1)', query);
    const { resources } = await this.container(collection)
      .items.query<number>(spec, feedOptions({ pk: query.pk }))
      .fetchAll();
    return resources.reduce((sum, n) => sum + n, 0);
  }

  async countBy(collection: string, query: Query, field: string, values: readonly Scalar[]): Promise<Map<Scalar, number>> {
    const counts = await Promise.all(
      values.map((value) => this.count(collection, { ...query, where: [...(query.where ?? []), { field, op: '=', value }] })),
    );
    return new Map(values.map((v, i) => [v, counts[i]]));
  }

  private container(collection: string): Container {
    const container = this.containers.get(collection);
    if (!container) throw new Error(`unknown collection ${collection}`);
    return container;
  }
}

/** Scoping to one partition makes the query a cheap single-partition one on real Cosmos. */
function feedOptions(query: Pick<Query, 'pk' | 'continuation'>): FeedOptions {
  const options: FeedOptions = {};
  if (query.pk !== undefined) options.partitionKey = query.pk;
  if (query.continuation !== undefined) options.continuationToken = query.continuation;
  return options;
}

/** What is sent: the document without the eTag it was read with (that travels as a condition). */
function body(doc: DocBase): ItemDefinition {
  const { _etag: _ignored, ...rest } = doc as DocBase & { _etag?: string };
  return rest;
}

function toStored<T extends DocBase>(resource: ItemDefinition): Stored<T> {
  const doc: Record<string, unknown> = { ...resource };
  for (const key of SYSTEM_PROPERTIES) delete doc[key];
  return doc as unknown as Stored<T>;
}

function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
