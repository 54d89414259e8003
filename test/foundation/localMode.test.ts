import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness } from '../helpers/botHarness';
import { loadConfig } from '../../bot/config';
import { Bot } from '../../bot/features';

/** A bot that only counts its turns (sends nothing, so an allowed but unreachable host costs no time). */
function countingBot(): { turns: number; bot: () => Bot } {
  const counter = { turns: 0, bot: () => ({ handle: async () => void counter.turns++ }) };
  return counter;
}

test('with no MicrosoftAppId the server listens on 127.0.0.1 unless HOST says otherwise', async (t) => {
  assert.equal(loadConfig({}).host, '127.0.0.1');
  assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0');
  assert.equal(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).host, '0.0.0.0');
  assert.equal(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', HOST: '10.1.2.3' }).host, '10.1.2.3');
  const h = await BotHarness.start();
  t.after(() => h.stop());
  assert.equal((h.app.server.address()).address, '127.0.0.1');
});

test('a local-mode serviceUrl off loopback, or not http(s), is refused with 400 before a turn runs', async (t) => {
  const counter = countingBot();
  const h = await BotHarness.start({ bot: counter.bot });
  t.after(() => h.stop());
  const writes = h.app.services.store.stats.writes;
  for (const serviceUrl of [
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'file:///etc/passwd',
    'gopher://127.0.0.1:70/_x',
    'ftp://127.0.0.1/',
    'http://example.org/',
    'https://10.0.0.5:8443/',
    'http://0.0.0.0:3978/',
    'http://127.0.0.1.example.org/',
    'not a url',
  ]) {
    for (const channelId of ['sms', 'msteams']) {
      const res = await h.post(h.message({ id: 'u-ssrf', channelId }, 'hello', { serviceUrl }));
      assert.equal(res.status, 400, `${serviceUrl} on ${channelId}`);
      assert.equal(res.body.error, 'invalid');
      assert.match(res.body.message, /serviceUrl/);
    }
  }
  assert.equal(counter.turns, 0);
  assert.equal(h.app.services.store.stats.writes, writes);
  // Loopback in its spellings is the Emulator's, the playground's and the tests' own.
  for (const serviceUrl of [h.connector.url, h.connector.url.replace('127.0.0.1', 'localhost'), 'http://[::1]:9/', 'http://127.8.9.10:9/']) {
    assert.equal((await h.post(h.message({ id: 'u-loop' }, 'hello', { serviceUrl }))).status, 200, serviceUrl);
  }
  assert.equal(counter.turns, 4);
});

test('LOCAL_SERVICE_URL_ALLOW lets named hosts through, and only those', async (t) => {
  const counter = countingBot();
  const h = await BotHarness.start({ bot: counter.bot, env: { LOCAL_SERVICE_URL_ALLOW: 'tunnel.example.test, Other.Example.test' } });
  t.after(() => h.stop());
  assert.equal((await h.post(h.message({ id: 'u-a' }, 'hi', { serviceUrl: 'https://tunnel.example.test/bot' }))).status, 200);
  assert.equal((await h.post(h.message({ id: 'u-b' }, 'hi', { serviceUrl: 'http://other.example.test:8080/' }))).status, 200);
  assert.equal((await h.post(h.message({ id: 'u-c' }, 'hi', { serviceUrl: 'https://evil.example.test/' }))).status, 400);
  assert.equal((await h.post(h.message({ id: 'u-d' }, 'hi', { serviceUrl: 'file://tunnel.example.test/x' }))).status, 400);
  assert.equal(counter.turns, 2);
});
