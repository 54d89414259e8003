import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../bot/store/collections';
import { CosmosStore } from '../../bot/store/cosmos/cosmosStore';
import { CollectionSpec, DocumentStore } from '../../bot/store/port';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';
import { startCosmosServer } from './cosmosServer';

/** A fresh, initialized, empty store of one adapter. */
export interface StoreHandle {
  store: DocumentStore;
  /**
   * Closes `store` and opens a new instance on the same data (same SQLite
   * file, same Cosmos database), initialized: what a process restart sees.
   */
  reopen(collections?: CollectionSpec[]): Promise<DocumentStore>;
  /** Closes every instance and removes the data. */
  cleanup(): Promise<void>;
}

export interface StoreFactory {
  name: 'sqlite' | 'cosmos';
  /** `collections` defaults to the app's registry (bot/store/collections.ts). */
  make(collections?: CollectionSpec[]): Promise<StoreHandle>;
}

/**
 * Every adapter, for suites that must hold on all of them:
 *
 *   for (const factory of STORE_FACTORIES) {
 *     describe(factory.name, () => {
 *       let h: StoreHandle;
 *       beforeEach(async () => { h = await factory.make(); });
 *       afterEach(() => h.cleanup());
 *       …
 *     });
 *   }
 */
export const STORE_FACTORIES: StoreFactory[] = [
  {
    name: 'sqlite',
    async make(collections = COLLECTIONS) {
      const dir = mkdtempSync(join(tmpdir(), 'puente-store-'));
      const path = join(dir, 'puente.db');
      return track(collections, (specs) => new SqliteStore(path, specs), async () =>
        rmSync(dir, { recursive: true, force: true }),
      );
    },
  },
  {
    name: 'cosmos',
    async make(collections = COLLECTIONS) {
      // One server per handle: nothing shared between tests, and nothing left listening.
      const server = await startCosmosServer();
      const options = {
        endpoint: server.endpoint,
        key: server.key,
        database: `test-${randomUUID()}`,
        endpointDiscovery: false,
      };
      return track(collections, (specs) => new CosmosStore(options, specs), () => server.close());
    },
  },
];

async function track(
  collections: CollectionSpec[],
  open: (collections: CollectionSpec[]) => DocumentStore,
  removeData: () => Promise<void>,
): Promise<StoreHandle> {
  const first = open(collections);
  const opened = [first];
  const handle: StoreHandle = {
    store: first,
    async reopen(specs = collections) {
      await handle.store.close();
      const next = open(specs);
      opened.push(next);
      await next.init();
      handle.store = next;
      return next;
    },
    async cleanup() {
      for (const store of opened) await store.close();
      await removeData();
    },
  };
  try {
    await first.init();
  } catch (err) {
    await handle.cleanup();
    throw err;
  }
  return handle;
}
