import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TurnContext } from 'botbuilder';
import { BotHarness } from '../helpers/botHarness';
import { CaptureConnector } from '../helpers/captureConnector';
import { EchoBot } from '../../bench/echoBot';
import { TurnState } from '../../bot/turn/conversationState';

class SlowEchoBot extends EchoBot {
  private markStarted!: () => void;
  /** Resolves when a turn is inside the bot: the request is accepted and in flight. */
  readonly turnStarted = new Promise<void>((resolve) => (this.markStarted = resolve));

  override async handle(context: TurnContext, state: TurnState): Promise<void> {
    this.markStarted();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return super.handle(context, state);
  }
}

test('close() stops accepting, finishes the turn in flight, then closes the store', async (t) => {
  let bot: SlowEchoBot | undefined;
  const h = await BotHarness.start({ bot: () => (bot = new SlowEchoBot()) });
  // Should an assertion fail before the close below, nothing stays open to keep this file running.
  t.after(() => Promise.all([h.app.close(), h.connector.stop()]));
  const inFlight = h.post(h.message({ id: 'u-drain' }, 'hello'));
  await bot!.turnStarted;
  const closing = h.app.close();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.equal(h.connector.forConversation('conv-u-drain')[0]?.text, 'echo 1', 'the in-flight turn finished and replied');
  await closing;
  assert.equal(await h.app.services.store.ping().catch(() => false), true, 'ping reopens lazily; the close itself did not throw');
  await h.connector.stop();
});

test('the process exits 0 on SIGTERM and non-zero with one clear line on bad config', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-proc-'));
  const connector = new CaptureConnector();
  await connector.start();
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      env: { ...process.env, PORT: '0', SQLITE_PATH: join(dir, 'p.db'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Never left running (its open pipes would keep this test file alive), whatever fails below.
    t.after(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /Bot endpoint:\s+(http:\/\/\S+)\/api\/messages/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: 'a1', channelId: 'sms', serviceUrl: connector.url, from: { id: 'stranger' }, recipient: { id: 'bot' }, conversation: { id: 'c1' }, text: 'hello' }),
    });
    assert.equal(res.status, 200);
    assert.equal(connector.received.length, 1);
    assert.ok(!out.includes('hello'), 'message text is not logged');
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);

    const bad = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], { env: { ...process.env, STORE: 'cosmos' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (d) => (err += d));
    const badCode = await new Promise<number | null>((resolve) => bad.on('exit', resolve));
    assert.notEqual(badCode, 0);
    assert.equal(err.trim(), 'Invalid configuration: COSMOS_ENDPOINT is required when STORE=cosmos');
  } finally {
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
