/**
 * Message-turn benchmark: Puente's check-in turns over HTTP against the echo
 * floor (same server, adapter, turn runner and store; a bot that only counts
 * and echoes), on SQLite and on Cosmos (cosmosdb-server, in-process).
 * Prints turns/s, p50/p99 latency, store operations per turn and peak RSS.
 * Figures only: nothing here passes or fails on time.
 *
 *   npm run bench:turns [-- --participants 40 --concurrency 8]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../bot/app';
import { PuenteApp } from '../bot/puenteApp';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/log';
import { COLLECTIONS } from '../bot/store/collections';
import { CosmosStore } from '../bot/store/cosmos/cosmosStore';
import { SqliteStore } from '../bot/store/sqlite/sqliteStore';
import { DocumentStore } from '../bot/store/port';
import { CaptureConnector } from '../test/helpers/captureConnector';
import { startCosmosServer } from '../test/helpers/cosmosServer';
import { CountingStore } from './countingStore';
import { EchoBot } from './echoBot';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '40' },
    concurrency: { type: 'string', default: '8' },
  },
});
const PARTICIPANTS = Number(values.participants);
const CONCURRENCY = Number(values.concurrency);

/** A full daily check-in as a participant texts it: every item, then no tip. */
const CHECKIN = ['check in', '7', '3', 'no', '7.5', 'yes', 'no', 'no', 'skip'];

interface Figures {
  turns: number;
  seconds: number;
  p50: number;
  p99: number;
  perTurn: { stateReads: number; stateWrites: number; otherReads: number; otherWrites: number; queries: number };
}


async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-'));
  const cosmos = await startCosmosServer();
  const rows: Array<[string, Figures]> = [];
  try {
    let n = 0;
    const sqlite = () => new SqliteStore(join(dir, `bench-${++n}.db`), COLLECTIONS);
    const cosmosStore = () =>
      new CosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database: `bench${++n}`, endpointDiscovery: false }, COLLECTIONS);
    for (const [storeName, make] of [
      ['sqlite', sqlite],
      ['cosmos', cosmosStore],
    ] as const) {
      rows.push([`${storeName} echo floor`, await run(make(), 'echo')]);
      rows.push([`${storeName} puente check-in`, await run(make(), 'puente')]);
    }
  } finally {
    await cosmos.close();
    rmSync(dir, { recursive: true, force: true });
  }
  print(rows);
}

async function run(inner: DocumentStore, bot: 'echo' | 'puente'): Promise<Figures> {
  const store = new CountingStore(inner);
  const connector = new CaptureConnector();
  await connector.start();
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await createApp({ config, store, logger: silentLogger(), bot: bot === 'echo' ? () => new EchoBot() : undefined });
  const base = await app.listen(0);
  try {
    const users = await enroll(app, bot);
    // Warm-up: one check-in per user, not measured (JIT, prepared statements, containers).
    await drive(base, connector.url, users.slice(0, CONCURRENCY), 'warm');
    store.reset();
    const latencies: number[] = [];
    const started = performance.now();
    await drive(base, connector.url, users, 'run', latencies);
    const seconds = (performance.now() - started) / 1000;
    const turns = latencies.length;
    const state = store.counts.botstate ?? { reads: 0, writes: 0, queries: 0 };
    const all = Object.values(store.counts).reduce(
      (sum, c) => ({ reads: sum.reads + c.reads, writes: sum.writes + c.writes, queries: sum.queries + c.queries }),
      { reads: 0, writes: 0, queries: 0 },
    );
    latencies.sort((a, b) => a - b);
    return {
      turns,
      seconds,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      perTurn: {
        stateReads: state.reads / turns,
        stateWrites: state.writes / turns,
        otherReads: (all.reads - state.reads) / turns,
        otherWrites: (all.writes - state.writes) / turns,
        queries: all.queries / turns,
      },
    };
  } finally {
    await app.close();
    await connector.stop();
  }
}

/** Enrolled, consenting participants, linked on SMS (the echo floor just needs ids). */
async function enroll(app: PuenteApp, bot: 'echo' | 'puente'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const userId = `+1555000${String(i).padStart(4, '0')}`;
    ids.push(userId);
    if (bot === 'echo') continue;
    const { participants, clock } = app.services;
    const p = await participants.add({
      displayName: `P${i}`,
      language: i % 2 ? 'es' : 'en',
      timeZone: 'America/Chicago',
      track: 'evening',
      checkinTime: '19:00',
      // Not today: the weekly screen would add four turns to some check-ins only.
      screenWeekday: ((clock().getUTCDay() + 3) % 7) + 1,
      reminders: { enabled: true, leadMinutes: 60 },
    });
    await participants.link(p.id, { channelId: 'sms', serviceUrl: 'http://unused', conversationId: `bench-${userId}`, userId, botId: 'puente' });
    await participants.update(p.id, (x) => {
      x.consent = { given: true, at: clock().toISOString(), channel: 'sms' };
    });
  }
  return ids;
}

/** Runs CHECKIN for every user, CONCURRENCY conversations at a time, turns in order within one. */
async function drive(base: string, serviceUrl: string, users: string[], phase: string, latencies?: number[]): Promise<void> {
  let next = 0;
  let seq = 0;
  const worker = async () => {
    while (next < users.length) {
      const userId = users[next++];
      for (const text of CHECKIN) {
        const body = JSON.stringify({
          type: 'message',
          id: `${phase}-${++seq}`,
          channelId: 'sms',
          serviceUrl,
          from: { id: userId },
          recipient: { id: 'puente' },
          conversation: { id: `bench-${userId}` },
          text,
        });
        const t0 = performance.now();
        const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`turn answered ${res.status}`);
        latencies?.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function print(rows: Array<[string, Figures]>): void {
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(`\nMessage turns over HTTP: ${PARTICIPANTS} conversations x ${CHECKIN.length} turns, ${CONCURRENCY} at a time\n`);
  console.log('| run | turns | turns/s | p50 ms | p99 ms | state reads/turn | state writes/turn | other reads/turn | other writes/turn | queries/turn |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, x] of rows) {
    const t = x.perTurn;
    console.log(
      `| ${name} | ${x.turns} | ${f(x.turns / x.seconds, 0)} | ${f(x.p50)} | ${f(x.p99)} | ${f(t.stateReads, 2)} | ${f(t.stateWrites, 2)} | ${f(t.otherReads, 2)} | ${f(t.otherWrites, 2)} | ${f(t.queries, 2)} |`,
    );
  }
  for (const store of ['sqlite', 'cosmos']) {
    const echo = rows.find(([n]) => n === `${store} echo floor`)![1];
    const puente = rows.find(([n]) => n === `${store} puente check-in`)![1];
    console.log(`${store}: Puente p99 is ${f(puente.p99 / echo.p99, 2)}x the echo floor`);
  }
  // maxRSS is the kernel's high-water mark for this process (KiB): all four runs and the in-process Cosmos server.
  console.log(`peak RSS ${f(process.resourceUsage().maxRSS / 1024, 0)} MB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
