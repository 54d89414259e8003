import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness } from '../helpers/botHarness';
import { EchoBot } from '../../bench/echoBot';
import { startCosmosServer } from '../helpers/cosmosServer';
import { CosmosStore } from '../../bot/store/cosmos/cosmosStore';
import { COLLECTIONS } from '../../bot/store/collections';

test('/readyz is 200 while Cosmos DB answers and 503 when it is gone; /healthz stays 200', async () => {
  const cosmos = await startCosmosServer();
  const store = new CosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'ready', endpointDiscovery: false }, COLLECTIONS);
  const h = await BotHarness.start({ bot: () => new EchoBot(), store });
  try {
    const up = await fetch(`${h.baseUrl}/readyz`);
    assert.equal(up.status, 200);
    assert.deepEqual(((await up.json()) as { storeUp: boolean }).storeUp, true);
    await cosmos.close();
    const started = Date.now();
    const down = await fetch(`${h.baseUrl}/readyz`);
    assert.equal(down.status, 503);
    assert.deepEqual(((await down.json()) as { status: string; storeUp: boolean }).storeUp, false);
    assert.ok(Date.now() - started < 10_000, 'readiness answers promptly when the store is unreachable');
    assert.equal((await fetch(`${h.baseUrl}/healthz`)).status, 200);
  } finally {
    await h.stop();
  }
});
