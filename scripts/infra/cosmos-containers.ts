/**
 * Writes infra/cosmos-containers.json: the Cosmos DB containers the store
 * declares (bot/store/collections.ts), with the partition key path and the
 * composite indexes `db:init` would create, for the Bicep template to declare
 * the same. A test fails when the file and the code disagree.
 *
 *   npm run infra:containers
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../../bot/store/collections';
import { compositeIndexes } from '../../bot/store/cosmos/cosmosSql';
import { PARTITION_KEY_PATH } from '../../bot/store/cosmos/cosmosStore';

export const CONTAINERS_FILE = join(__dirname, '..', '..', 'infra', 'cosmos-containers.json');

/** The file's content: one entry per collection, in declaration order. */
export function containersJson(): string {
  const containers = COLLECTIONS.map((spec) => ({
    name: spec.name,
    partitionKeyPath: PARTITION_KEY_PATH,
    compositeIndexes: compositeIndexes(spec),
  }));
  return `${JSON.stringify(containers, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(CONTAINERS_FILE, containersJson());
  process.stdout.write(`Wrote ${CONTAINERS_FILE}\n`);
}
