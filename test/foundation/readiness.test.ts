import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness } from '../helpers/botHarness';
import { EchoBot } from '../../bench/echoBot';
import { startCosmosServer } from '../helpers/cosmosServer';
import { CosmosStore } from '../../bot/store/cosmos/cosmosStore';
import { COLLECTIONS } from '../../bot/store/collections';

test('/readyz is 200 while Cosmos DB answers and 503 when it is gone; /healthz stays 200', async (t) => {
  const cosmos = await startCosmosServer();
  let cosmosUp = true;
  // Registered before anything can fail: a Cosmos server left listening keeps the test process (and npm test) alive.
  t.after(() => (cosmosUp ? cosmos.close() : undefined));
  const store = new CosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'ready', endpointDiscovery: false }, COLLECTIONS);
  const h = await BotHarness.start({ bot: () => new EchoBot(), store });
  t.after(() => h.stop());
  const up = await fetch(`${h.baseUrl}/readyz`);
  assert.equal(up.status, 200);
  assert.deepEqual(((await up.json()) as { storeUp: boolean }).storeUp, true);
  await cosmos.close();
  cosmosUp = false;
  // Promptly: the request is abandoned (and the test fails) if readiness waits on the dead store for 10 s.
  const down = await fetch(`${h.baseUrl}/readyz`, { signal: AbortSignal.timeout(10_000) });
  assert.equal(down.status, 503);
  assert.deepEqual(((await down.json()) as { status: string; storeUp: boolean }).storeUp, false);
  assert.equal((await fetch(`${h.baseUrl}/healthz`)).status, 200);
});
