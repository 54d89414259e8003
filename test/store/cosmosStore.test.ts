import { CosmosClient } from '@azure/cosmos';
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { compositeIndexes } from '../../bot/store/cosmos/cosmosSql';
import { CosmosStore } from '../../bot/store/cosmos/cosmosStore';
import { CollectionSpec } from '../../bot/store/port';
import { CosmosTestServer, startCosmosServer } from '../helpers/cosmosServer';

/** What only the Cosmos adapter promises; the shared behaviour is in contract.test.ts. */

const SPECS: CollectionSpec[] = [{ name: 'things', indexes: [['status'], ['status', 'due']] }];

describe('CosmosStore', () => {
  let server: CosmosTestServer;
  let store: CosmosStore;
  const options = () => ({ endpoint: server.endpoint, key: server.key, database: 'puente-test', endpointDiscovery: false });

  beforeEach(async () => {
    server = await startCosmosServer();
    store = new CosmosStore(options(), SPECS);
    await store.init();
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  it('creates one container per collection, partitioned on /pk, with composite indexes for ORDER BY', async () => {
    const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
    const { resource } = await client.database('puente-test').container('things').read();
    client.dispose();
    assert.deepEqual(resource?.partitionKey?.paths, ['/pk']);
    const composites = resource?.indexingPolicy?.compositeIndexes?.map((paths) =>
      paths.map((p) => `${p.path} ${p.order}`).join(', '),
    );
    assert.deepEqual(composites, [
      '/status ascending, /pk ascending, /id ascending',
      '/status descending, /pk ascending, /id ascending',
      '/status ascending, /due ascending, /pk ascending, /id ascending',
      '/status descending, /due ascending, /pk ascending, /id ascending',
      '/status ascending, /due descending, /pk ascending, /id ascending',
      '/status descending, /due descending, /pk ascending, /id ascending',
    ]);
  });

  it('does not repeat a tie-breaker an index already sorts on', () => {
    const [asc] = compositeIndexes({ name: 'x', indexes: [['id']] });
    assert.deepEqual(asc, [
      { path: '/id', order: 'ascending' },
      { path: '/pk', order: 'ascending' },
    ]);
  });

  it('names the missing index when asked to order by several undeclared fields', async () => {
    await assert.rejects(
      store.query('things', { orderBy: [{ field: 'due' }, { field: 'status' }] }),
      /collection things: orderBy \["due","status"\] is not a declared index; add it to collections.ts/,
    );
  });

  it('scopes a query with pk to its partition on the wire, and marks others cross-partition', async () => {
    const seen: IncomingHttpHeaders[] = [];
    server.server.on('request', (req) => {
      if (req.headers['x-ms-documentdb-isquery']) seen.push(req.headers);
    });
    await store.query('things', { pk: 'p1', where: [{ field: 'status', op: '=', value: 'open' }] });
    await store.count('things', { pk: 'p1' });
    await store.query('things', {});
    assert.equal(seen.length, 3);
    assert.equal(seen[0]['x-ms-documentdb-partitionkey'], '["p1"]');
    assert.equal(seen[1]['x-ms-documentdb-partitionkey'], '["p1"]');
    assert.equal(seen[2]['x-ms-documentdb-partitionkey'], undefined);
    assert.equal(seen[2]['x-ms-documentdb-query-enablecrosspartition'], 'true');
  });

  it('answers ping false when the account is unreachable', async () => {
    assert.equal(await store.ping(), true);
    await server.close();
    assert.equal(await store.ping(), false);
    server = await startCosmosServer(); // for afterEach
  });

  it('reports not ready for a database that was never initialized', async () => {
    const other = new CosmosStore({ ...options(), database: 'never-initialized' }, SPECS);
    assert.equal(await other.ping(), false);
    await other.close();
  });
});
