import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness } from '../helpers/botHarness';
import { EchoBot } from '../../bench/echoBot';

test('with MicrosoftAppId set, a request without a valid Bot Framework token is 401 and runs no turn', async () => {
  const h = await BotHarness.start({
    bot: () => new EchoBot(),
    env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' },
  });
  try {
    const writes = h.app.services.store.stats.writes;
    const activity = h.message({ id: 'u-auth' }, 'hello');
    const anonymous = await h.post(activity);
    assert.equal(anonymous.status, 401);
    const forged = await h.post(activity, { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    assert.equal(forged.status, 401);
    assert.equal(h.app.services.store.stats.writes, writes);
    assert.equal(h.connector.received.length, 0);
  } finally {
    await h.stop();
  }
});

test('without MicrosoftAppId, anonymous local traffic (Emulator) is accepted', async () => {
  const h = await BotHarness.start({ bot: () => new EchoBot() });
  try {
    const replies = await h.say({ id: 'u-local' }, 'hello');
    assert.equal(replies[0].text, 'echo 1');
  } finally {
    await h.stop();
  }
});
