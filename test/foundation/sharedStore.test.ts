import { test, TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotHarness } from '../helpers/botHarness';
import { EchoBot } from '../../bench/echoBot';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';
import { COLLECTIONS } from '../../bot/store/collections';
import { startCosmosServer } from '../helpers/cosmosServer';
import { CosmosStore } from '../../bot/store/cosmos/cosmosStore';
import { DocumentStore } from '../../bot/store/port';

/**
 * Two app instances (as behind a load balancer) on one store: 20 messages to one
 * conversation, posted at once and spread over both, are all processed and all
 * reflected in the conversation state. Conflicts are resolved by re-running the
 * losing turn on fresh state, so no reply is sent twice.
 */
async function burstAcrossTwoInstances(t: TestContext, makeStore: () => DocumentStore): Promise<void> {
  const a = await BotHarness.start({ bot: () => new EchoBot(), store: makeStore() });
  t.after(() => a.stop());
  const b = await BotHarness.start({ bot: () => new EchoBot(), store: makeStore() });
  t.after(() => b.stop());
  const user = { id: 'u-two', channelId: 'msteams' };
  const activities = Array.from({ length: 20 }, (_, i) => a.message(user, `m${i}`, { id: `burst-${i}` }));
  const results = await Promise.all(activities.map((act, i) => (i % 2 === 0 ? a : b).post({ ...act, serviceUrl: a.connector.url })));
  assert.ok(results.every((r) => r.status === 200), JSON.stringify(results.map((r) => r.status)));
  const texts = a.connector.forConversation('conv-u-two').map((x) => x.text);
  assert.equal(texts.length, 20, 'one reply per message, none repeated by a re-run');
  assert.deepEqual([...texts].sort(), Array.from({ length: 20 }, (_, i) => `echo ${i + 1}`).sort());
  const after = await a.say(user, 'after');
  assert.deepEqual(after.map((x) => x.text), ['echo 21']);
  const state = await a.app.services.store.query<{ id: string; pk: string; state: { turns: number; seen: string[] } }>('botstate', {});
  const conv = state.items.find((d) => d.state.seen?.includes('burst-0'))!;
  assert.equal(conv.state.turns, 21);
  assert.deepEqual(new Set(conv.state.seen.filter((id) => id.startsWith('burst-'))).size, 20);
}

test('two instances sharing one SQLite file lose no message', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-shared-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await burstAcrossTwoInstances(t, () => new SqliteStore(join(dir, 'shared.db'), COLLECTIONS));
});

test('two instances sharing one Cosmos DB lose no message', async (t) => {
  const cosmos = await startCosmosServer();
  t.after(() => cosmos.close());
  await burstAcrossTwoInstances(
    t,
    () => new CosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'shared', endpointDiscovery: false }, COLLECTIONS),
  );
});
