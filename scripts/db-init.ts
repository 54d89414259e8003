/**
 * Creates what the configured store needs (SQLite tables and indexes, or the
 * Cosmos DB database, containers and composite indexes) and exits. Safe to
 * run again: existing data is never touched. Prints ids only, never keys.
 *
 *   STORE=cosmos COSMOS_ENDPOINT=https://… COSMOS_DATABASE=puente npm run db:init
 */
import { ConfigError, loadConfig } from '../bot/config';
import { COLLECTIONS } from '../bot/store/collections';
import { createStore } from '../bot/store/createStore';

export async function dbInit(
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const config = loadConfig(env);
  const store = createStore(config, COLLECTIONS);
  try {
    await store.init();
  } finally {
    await store.close();
  }
  const names = COLLECTIONS.map((c) => c.name).join(', ');
  if (config.store === 'sqlite') {
    out(`sqlite ${config.sqlitePath}: tables ready: ${names}`);
  } else {
    out(`cosmos database ${config.cosmos.database}: containers ready (partition key /pk): ${names}`);
  }
}

if (require.main === module) {
  dbInit().catch((err: unknown) => {
    process.stderr.write(`db-init failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof ConfigError ? 2 : 1;
  });
}
