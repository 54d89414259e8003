import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { BotHarness } from '../helpers/botHarness';
import { EchoBot } from '../../bench/echoBot';
import { createLogger } from '../../bot/log';
import { silentLogger } from '../../bot/log';
import { RateLimiter } from '../../bot/outreach/rateLimiter';
import { botIdentity, ProactiveSender } from '../../bot/outreach/sender';
import { StaffHarness, URGENT } from '../staff/staffHarness';

const TIMEOUT = { OUTBOUND_TIMEOUT_SECONDS: '0.3' };
const never = () => new Promise<void>(() => undefined);

/** Rejects when `promise` is still pending after `ms`: without the timeout, these calls would wait for minutes. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function captureLog() {
  const lines: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

test('a connector that never answers a reply ends the turn with a logged error, not a request open for minutes', async (t) => {
  const log = captureLog();
  const h = await BotHarness.start({ bot: () => new EchoBot(), env: TIMEOUT, logger: log.logger });
  t.after(() => h.stop());
  h.connector.hold = never;
  for (const channelId of ['sms', 'msteams']) {
    const res = await within(5000, h.post(h.message({ id: `u-hang-${channelId}`, channelId }, 'hello')));
    assert.equal(res.status, 200, 'the turn ended (its failure handled)');
    const failed = log.lines.filter((l) => l.msg === 'turn failed' && l.channelId === channelId);
    assert.equal(failed.length, 1);
    assert.equal(failed[0].err.type, 'AbortError');
  }
  assert.equal(h.connector.arrivals, 2, 'one reply attempt per turn: no apology sent into a connector that does not answer');
});

test('the timeout is configurable, 15 s by default', async () => {
  const { loadConfig } = await import('../../bot/config');
  assert.equal(loadConfig({}).outboundTimeoutMs, 15_000);
  assert.equal(loadConfig(TIMEOUT).outboundTimeoutMs, 300);
});

test('a proactive send into a connector that never answers fails within the timeout', async (t) => {
  const h = await BotHarness.start({ env: TIMEOUT });
  t.after(() => h.stop());
  h.connector.hold = never;
  // The outreach engine's sender, on the app's adapter, with one attempt (its retries are its own business).
  const sender = new ProactiveSender(h.app.adapter, botIdentity(undefined), new RateLimiter(h.app.services.store, { smsPerSecond: 0, teamsPerSecondPerConversation: 0 }), { maxAttempts: 1 }, silentLogger());
  t.after(() => sender.close());
  for (const channelId of ['sms', 'msteams']) {
    const address = { channelId, serviceUrl: h.connector.url, conversationId: `c-${channelId}`, userId: 'u', botId: 'b', reachable: true, linkedAt: new Date().toISOString() };
    const delivery = await within(5000, sender.deliver(address, { type: 'message', text: 'hi' }));
    assert.deepEqual(delivery, { status: 'failed', attempts: 1, failure: 'transient', statusCode: null });
  }
});

test('a Teams alert into a staff channel that never answers gives up within the timeout', async (t) => {
  const s = await StaffHarness.withTeams(TIMEOUT);
  t.after(() => s.stop());
  s.teams!.hold = never;
  const participant = await s.participant();
  // raise() posts the alert at once (into the held connector): it fails at the timeout and stays in the outbox.
  await within(5000, s.flag(participant.id, 'checkin:hang', URGENT));
  assert.ok(s.teams!.arrivals >= 1);
  const flag = await s.services.flags.get(participant.id, 'checkin:hang');
  assert.equal(flag!.alertFailing, true);
  assert.equal(flag!.alertOutbox!.pending.length, 1);
});
