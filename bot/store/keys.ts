import { createHash } from 'node:crypto';

/**
 * Document id of a bot state key. Deterministic on purpose: the same key always
 * maps to the same id, whatever its length (Teams conversation ids run to
 * hundreds of characters; Cosmos ids are capped at 255 and may not contain
 * '/', '\\', '?' or '#'). botbuilder-azure's CosmosDbPartitionedStorage
 * instead truncates long keys and appends a random salt, so such state is
 * written but never found again.
 */
export function stateKeyId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
