import { CosmosClient } from '@azure/cosmos';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dbInit } from '../../scripts/db-init';
import { COLLECTIONS } from '../../bot/store/collections';
import { ConfigError } from '../../bot/config';
import { startCosmosServer } from '../helpers/cosmosServer';

describe('db-init', () => {
  it('creates the SQLite tables, again without harm, and prints no more than ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-dbinit-'));
    try {
      const path = join(dir, 'nested', 'puente.db');
      const lines: string[] = [];
      await dbInit({ STORE: 'sqlite', SQLITE_PATH: path }, (l) => lines.push(l));
      await dbInit({ STORE: 'sqlite', SQLITE_PATH: path }, (l) => lines.push(l));
      assert.deepEqual(lines, Array(2).fill(`sqlite ${path}: tables ready: ${COLLECTIONS.map((c) => c.name).join(', ')}`));
      const db = new Database(path, { readonly: true });
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      db.close();
      for (const c of COLLECTIONS) assert.ok(tables.includes(`c_${c.name}`), c.name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates the Cosmos database and containers without printing the key', async () => {
    const server = await startCosmosServer();
    try {
      const env = {
        STORE: 'cosmos',
        COSMOS_ENDPOINT: server.endpoint,
        COSMOS_KEY: server.key,
        COSMOS_DATABASE: 'puente-init',
        COSMOS_ENDPOINT_DISCOVERY: 'false',
      };
      const lines: string[] = [];
      await dbInit(env, (l) => lines.push(l));
      await dbInit(env, (l) => lines.push(l));
      assert.equal(lines.length, 2);
      assert.match(lines[0], /^cosmos database puente-init: containers ready \(partition key \/pk\): botstate, /);
      assert.ok(lines.every((l) => !l.includes(server.key) && !l.includes(server.endpoint)));

      const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
      const { resources } = await client.database('puente-init').containers.readAll().fetchAll();
      client.dispose();
      assert.deepEqual(resources.map((c) => c.id).sort(), COLLECTIONS.map((c) => c.name).sort());
    } finally {
      await server.close();
    }
  });

  it('refuses a Cosmos configuration without an endpoint', async () => {
    await assert.rejects(dbInit({ STORE: 'cosmos' }, () => undefined), ConfigError);
  });
});
