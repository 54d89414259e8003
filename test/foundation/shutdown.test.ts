import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TurnContext } from 'botbuilder';
import { BotHarness } from '../helpers/botHarness';
import { CaptureConnector } from '../helpers/captureConnector';
import { EchoBot } from '../../bench/echoBot';
import { TurnState } from '../../bot/turn/conversationState';

type TestContext = { after: (fn: () => void | Promise<void>) => void };

/** A promise with its resolver: what tests wait on instead of sleeping. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/** Echo that tells when a turn has started and holds it until released. */
class HeldEchoBot extends EchoBot {
  readonly started = signal();
  readonly release = signal();
  override async handle(context: TurnContext, state: TurnState): Promise<void> {
    this.started.fire();
    await this.release.promise;
    return super.handle(context, state);
  }
}

test('close() answers new requests 503, finishes the turn in flight and its reply, then closes the store', async (t) => {
  const bot = new HeldEchoBot();
  const h = await BotHarness.start({ bot: () => bot });
  t.after(() => h.stop());
  const inFlight = h.post(h.message({ id: 'u-drain' }, 'hello'));
  await bot.started.promise;
  const closing = h.app.close();
  const refused = await h.post(h.message({ id: 'u-late' }, 'hello'));
  assert.equal(refused.status, 503);
  assert.deepEqual(refused.body, { error: 'unavailable', message: 'shutting down' });
  assert.equal((await fetch(`${h.baseUrl}/healthz`)).status, 503, 'the platform sees the instance going');
  bot.release.fire();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.equal(h.connector.forConversation('conv-u-drain')[0]?.text, 'echo 1', 'the in-flight turn finished and replied');
  assert.equal(await closing, true, 'nothing was cut off');
  assert.equal(h.connector.forConversation('conv-u-late').length, 0);
});

/** `node --import tsx bot/index.ts` as a container runs it, with its JSON log lines collected. */
class PuenteProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: Array<Record<string, any>> = [];
  readonly exited: Promise<number | null>;
  private out = '';
  /** Output after the last newline: a chunk of a pipe may end in the middle of a log line. */
  private partial = '';
  private closed = false;
  private waiters: Array<() => void> = [];

  constructor(t: TestContext, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: 'pipe' });
    // 'close', not 'exit': at 'exit' the last lines the process wrote may still be unread in the pipe.
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code) => {
        this.closed = true;
        resolve(code);
      }),
    );
    t.after(() => {
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (d: string) => {
      this.out += d;
      const lines = (this.partial + d).split('\n');
      this.partial = lines.pop()!;
      for (const line of lines) if (line.startsWith('{')) this.lines.push(JSON.parse(line));
      const waiting = this.waiters;
      this.waiters = [];
      waiting.forEach((w) => w());
    });
  }

  /** Resolves when the output matches, or rejects when the process has exited and all its output is read without a match. */
  async waitFor<T>(find: () => T | undefined): Promise<T> {
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (this.closed) throw new Error(`the process exited (${this.child.exitCode}); output: ${this.out}`);
      await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), this.exited]);
    }
  }

  url(): Promise<string> {
    return this.waitFor(() => /Bot endpoint:\s+(http:\/\/\S+)\/api\/messages/.exec(this.out)?.[1]);
  }

  logged(msg: string): Promise<Record<string, any>> {
    return this.waitFor(() => this.lines.find((l) => l.msg === msg));
  }

  get output(): string {
    return this.out;
  }
}

async function connector(t: TestContext): Promise<CaptureConnector> {
  const c = new CaptureConnector();
  await c.start();
  t.after(() => c.stop());
  return c;
}

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-proc-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const activity = (serviceUrl: string, i: number, channelId = i % 2 ? 'msteams' : 'sms') => ({
  type: 'message',
  id: `a${i}`,
  channelId,
  serviceUrl,
  from: { id: `stranger-${i}` },
  recipient: { id: 'bot' },
  conversation: { id: `c${i}` },
  locale: i % 3 ? 'en-US' : 'es-US',
  text: 'hello',
});

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('SIGTERM with 10 turns held on a slow connector: new requests 503, all 10 replies delivered, exit code 0', async (t) => {
  const slow = await connector(t);
  const open = signal();
  slow.hold = () => open.promise;
  // SMS pacing holds the sending number through each send, so a held connector would see one SMS reply at a time:
  // unpaced here, all ten replies are in flight at once when SIGTERM comes (pacing has its own test).
  const proc = new PuenteProcess(t, { SQLITE_PATH: join(tempDir(t), 'p.db'), OUTREACH_SMS_PER_SECOND: '0' });
  const url = await proc.url();

  const turns = Array.from({ length: 10 }, (_, i) => post(url, activity(slow.url, i)));
  await slow.waitForArrivals(10);
  proc.child.kill('SIGTERM');
  await proc.logged('shutting down');
  const late = await post(url, activity(slow.url, 99));
  assert.equal(late.status, 503, 'a request after SIGTERM is refused');
  open.fire();

  const statuses = await Promise.all(turns.map(async (r) => (await r).status));
  assert.deepEqual(statuses, Array(10).fill(200));
  assert.equal(await proc.exited, 0);
  assert.equal(slow.received.length, 10, 'every held reply was delivered');
  assert.deepEqual(slow.received.map((a) => a.conversation?.id).sort(), Array.from({ length: 10 }, (_, i) => `c${i}`).sort());
  assert.equal((await proc.logged('stopped')).drained, true);
  assert.ok(!proc.output.includes('hello'), 'message text is not logged');
});

test('SIGTERM past the grace: the process stops anyway, says so, and exits 0', async (t) => {
  const stuck = await connector(t);
  stuck.hold = () => new Promise(() => undefined);
  const proc = new PuenteProcess(t, { SQLITE_PATH: join(tempDir(t), 'p.db'), SHUTDOWN_GRACE_SECONDS: '0.5' });
  const url = await proc.url();
  void post(url, activity(stuck.url, 1)).catch(() => undefined);
  await stuck.waitForArrivals(1);
  proc.child.kill('SIGTERM');
  assert.equal(await proc.exited, 0);
  assert.equal((await proc.logged('shutdown grace ran out with requests in flight')).requests, 1);
  assert.equal((await proc.logged('stopped')).drained, false);
});

test('bad config: non-zero exit with one clear line', async (t) => {
  const bad = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], { env: { ...process.env, STORE: 'cosmos' }, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => void (bad.exitCode === null && bad.kill('SIGKILL')));
  let err = '';
  bad.stderr.on('data', (d) => (err += d));
  // 'close', not 'exit': at 'exit' the line may still be unread in the pipe.
  const code = await new Promise<number | null>((resolve) => bad.on('close', resolve));
  assert.notEqual(code, 0);
  assert.equal(err.trim(), 'Invalid configuration: COSMOS_ENDPOINT is required when STORE=cosmos');
});
