import type { Config } from '../config';
import { CosmosStore } from './cosmos/cosmosStore';
import { CollectionSpec, DocumentStore } from './port';
import { SqliteStore } from './sqlite/sqliteStore';

export type StoreConfig = Pick<Config, 'store' | 'sqlitePath' | 'cosmos'>;

/** The adapter the configuration asks for, not yet initialized (call `init()`). */
export function createStore(config: StoreConfig, collections: CollectionSpec[]): DocumentStore {
  if (config.store === 'sqlite') return new SqliteStore(config.sqlitePath, collections);
  const { endpoint, key, database, endpointDiscovery } = config.cosmos;
  if (!endpoint) throw new Error('COSMOS_ENDPOINT is required when STORE=cosmos');
  return new CosmosStore({ endpoint, key, database, endpointDiscovery }, collections);
}
