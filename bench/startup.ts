/**
 * Start-up and memory of the production build against tsx over the sources,
 * side by side in one run: time from spawn to the first /healthz 200 (median
 * of several starts), RSS once idle, and RSS after 1,000 message turns over
 * HTTP (SMS, a local connector answering 200). Both run with npm start's heap
 * cap (--max-old-space-size=256) on a fresh SQLite file each.
 * Figures only: nothing here passes or fails on time.
 *
 *   npm run bench:startup [-- --starts 3 --turns 1000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { build, REPO_ROOT } from '../scripts/build/build';
import { CaptureConnector } from '../test/helpers/captureConnector';

const { values } = parseArgs({ options: { starts: { type: 'string', default: '3' }, turns: { type: 'string', default: '1000' } } });
const STARTS = Number(values.starts);
const TURNS = Number(values.turns);
const HEAP = '--max-old-space-size=256';
const IDLE_SETTLE_MS = 2000;
const CONCURRENCY = 8;

/** One participant's conversation (open enrollment, a check-in, then menu moves): 20 turns. */
const CONVERSATION = ['hi', '1', 'yes', 'check in', '7', '3', 'no', '7.5', 'yes', 'no', 'no', 'skip', 'menu', 'tip', 'menu', 'help', 'menu', 'cancel', 'menu', 'hi'];

interface Variant {
  name: string;
  cwd: string;
  args: string[];
}

interface Figures {
  startupMs: number;
  idleMiB: number;
  afterTurnsMiB: number;
  turnsPerSecond: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Starts the variant; resolves once /healthz answers 200, with the time that took. */
async function start(variant: Variant, dataDir: string, n: number) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, variant.args, {
    cwd: variant.cwd,
    env: { PATH: process.env.PATH, PORT: String(port), SQLITE_PATH: join(dataDir, `${variant.name}-${n}.db`), LOG_LEVEL: 'warn', OPEN_ENROLLMENT: 'true' },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${variant.name} exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await delay(5);
  }
  const startupMs = performance.now() - started;
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return { base, pid: child.pid!, startupMs, stop };
}

async function turns(base: string, serviceUrl: string, count: number): Promise<number> {
  const users = Array.from({ length: Math.ceil(count / CONVERSATION.length) }, (_, i) => `+1555020${String(i).padStart(4, '0')}`);
  let next = 0;
  let sent = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++];
      for (const text of CONVERSATION) {
        if (sent >= count) return;
        sent++;
        const res = await fetch(`${base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', id: `t${sent}`, channelId: 'sms', serviceUrl, from: { id: user }, recipient: { id: 'puente' }, conversation: { id: `c-${user}` }, text }),
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`turn answered ${res.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return (sent / (performance.now() - started)) * 1000;
}

async function measure(variant: Variant, dataDir: string, connector: CaptureConnector): Promise<Figures> {
  const startups: number[] = [];
  for (let i = 1; i < STARTS; i++) {
    const run = await start(variant, dataDir, i);
    startups.push(run.startupMs);
    await run.stop();
  }
  const run = await start(variant, dataDir, STARTS);
  startups.push(run.startupMs);
  try {
    await delay(IDLE_SETTLE_MS);
    const idleMiB = rssMiB(run.pid);
    const turnsPerSecond = await turns(run.base, connector.url, TURNS);
    const afterTurnsMiB = rssMiB(run.pid);
    const sorted = [...startups].sort((a, b) => a - b);
    return { startupMs: sorted[Math.floor(sorted.length / 2)], idleMiB, afterTurnsMiB, turnsPerSecond };
  } finally {
    await run.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-startup-'));
  const connector = new CaptureConnector();
  await connector.start();
  try {
    const distRoot = join(dir, 'app');
    build(join(distRoot, 'dist'));
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(distRoot, 'node_modules'));
    const variants: Variant[] = [
      { name: 'built (node dist/bot/index.js)', cwd: distRoot, args: [HEAP, 'dist/bot/index.js'] },
      { name: 'tsx (npm start)', cwd: REPO_ROOT, args: [HEAP, '--import', 'tsx', 'bot/index.ts'] },
    ];
    const rows: Array<[string, Figures]> = [];
    for (const variant of variants) rows.push([variant.name, await measure(variant, dir, connector)]);
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    process.stdout.write(`\nNode ${process.version}, ${STARTS} starts each (median), ${TURNS} SMS turns, ${CONCURRENCY} conversations at a time; load average ${load}\n\n`);
    process.stdout.write('| run | start-up to /healthz 200 | idle RSS | RSS after turns | turns/s |\n| --- | --- | --- | --- | --- |\n');
    for (const [name, f] of rows) {
      process.stdout.write(`| ${name} | ${f.startupMs.toFixed(0)} ms | ${f.idleMiB.toFixed(0)} MiB | ${f.afterTurnsMiB.toFixed(0)} MiB | ${f.turnsPerSecond.toFixed(0)} |\n`);
    }
  } finally {
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
