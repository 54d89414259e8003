import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ActivityTypes, TurnContext } from 'botbuilder';
import { BotHarness } from '../helpers/botHarness';
import { EchoBot } from '../../bench/echoBot';
import { TurnState } from '../../bot/turn/conversationState';

/** Echo, except "boom" throws inside the turn (the error path). */
class ExplodingEchoBot extends EchoBot {
  override async handle(context: TurnContext, state: TurnState): Promise<void> {
    if (context.activity.type === ActivityTypes.Message && context.activity.text === 'boom') throw new Error('kaboom: user said boom');
    return super.handle(context, state);
  }
}

let h: BotHarness;
before(async () => {
  h = await BotHarness.start({ bot: () => new ExplodingEchoBot() });
});
after(async () => h.stop());

const user = { id: 'u-http', channelId: 'sms', locale: 'en-US' };

async function raw(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${h.baseUrl}${path}`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

test('GET /healthz and /readyz answer JSON', async () => {
  const health = await fetch(`${h.baseUrl}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok' });
  const ready = await fetch(`${h.baseUrl}/readyz`);
  assert.equal(ready.status, 200);
  const body = (await ready.json()) as Record<string, unknown>;
  assert.equal(body.status, 'ready');
  assert.equal(body.storeUp, true);
});

test('a message runs one turn and the reply reaches the connector', async () => {
  const replies = await h.say(user, 'hello');
  assert.equal(replies.length, 1);
  assert.equal(replies[0].text, 'echo 1');
  assert.equal(replies[0].conversation?.id, 'conv-u-http');
});

test('malformed JSON is 400 and runs no turn', async () => {
  const writes = h.app.services.store.stats.writes;
  const res = await raw('/api/messages', '{"type": "message", ');
  assert.equal(res.status, 400);
  assert.deepEqual(res.body, { error: 'invalid', message: 'malformed JSON' });
  assert.equal(h.app.services.store.stats.writes, writes);
});

test('a body over 256 KB is 413 and runs no turn', async () => {
  const writes = h.app.services.store.stats.writes;
  const huge = JSON.stringify(h.message(user, 'x'.repeat(300 * 1024)));
  const res = await raw('/api/messages', huge);
  assert.equal(res.status, 413);
  assert.equal(h.app.services.store.stats.writes, writes);
});

test('an activity missing required fields is 400 and runs no turn', async () => {
  const writes = h.app.services.store.stats.writes;
  for (const missing of ['type', 'conversation', 'from', 'serviceUrl', 'channelId']) {
    const activity = h.message(user, 'hi');
    delete activity[missing];
    const res = await h.post(activity);
    assert.equal(res.status, 400, missing);
    assert.equal(res.body.error, 'invalid');
    assert.match(res.body.message, new RegExp(missing));
  }
  const notAnObject = await raw('/api/messages', '[1,2,3]');
  assert.equal(notAnObject.status, 400);
  assert.equal(h.app.services.store.stats.writes, writes);
});

test('an exception in a turn gives a short apology in the user language and the service lives on', async () => {
  for (const [locale, pattern] of [
    ['en-US', /sorry/i],
    ['es-US', /lo sentimos|disculpe|lo siento/i],
  ] as const) {
    const u = { id: `u-boom-${locale}`, channelId: 'msteams', locale };
    const replies = await h.say(u, 'boom');
    assert.equal(replies.length, 1, locale);
    assert.match(replies[0].text, pattern);
    assert.doesNotMatch(replies[0].text, /kaboom/);
    const next = await h.say(u, 'still there?');
    assert.equal(next[0].text, 'echo 1');
  }
});

test('20 messages posted at once to one conversation are all processed, in state, with no lost update', async () => {
  const u = { id: 'u-burst', channelId: 'sms' };
  const activities = Array.from({ length: 20 }, (_, i) => h.message(u, `m${i}`));
  const results = await Promise.all(activities.map((a) => h.post(a)));
  assert.ok(results.every((r) => r.status === 200));
  const replies = h.connector.forConversation('conv-u-burst').map((a) => a.text).sort();
  assert.deepEqual(replies, Array.from({ length: 20 }, (_, i) => `echo ${i + 1}`).sort());
  const next = await h.say(u, 'after');
  assert.equal(next[0].text, 'echo 21');
});
