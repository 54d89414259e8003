/**
 * Outreach benchmark, on SQLite and on Cosmos (cosmosdb-server, in-process):
 *
 * - burst: N participants (default 10,000) all due in the same minute, sent
 *   to a local connector that answers 200 at once, rate limiter off. Prints
 *   messages claimed and sent per second, store operations per message and
 *   peak RSS.
 * - empty: a tick with nothing due over M participants (default 100,000):
 *   the time one tick takes (median of 20) when nobody is due. On Cosmos the
 *   default is 20,000: the emulator scans instead of using an index, so this
 *   figure says nothing about Azure Cosmos DB (see the README, "Outreach").
 *
 * Each scenario runs in its own child process so its peak RSS is its own.
 * Figures only: nothing here passes or fails on time.
 *
 *   npm run bench:outreach [-- --due 10000 --participants 100000 --cosmos-participants 20000 --concurrency 16 --only sqlite --heap-mb 256]
 *
 * --heap-mb caps V8's old space in the scenario processes (--max-old-space-size),
 * by default at 256 MB as `npm start` runs the service: the live heap of a burst
 * stays near 55 MB, and without a cap V8 lets garbage pile up before collecting,
 * which is what peak RSS then shows. `--heap-mb 0` runs uncapped.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAdapter } from '../bot/adapter';
import { fixedClock } from '../bot/clock';
import { loadConfig } from '../bot/config';
import { CheckIns } from '../bot/domain/checkins';
import { FlagService } from '../bot/flags/service';
import { Participant } from '../bot/domain/participant';
import { Participants } from '../bot/domain/participants';
import { FlagEvents } from '../bot/flags/events';
import { FlagRepository } from '../bot/flags/repository';
import { createI18n } from '../bot/i18n';
import { silentLogger } from '../bot/log';
import { DueEntry } from '../bot/outreach/dueEntries';
import { checkinEntry } from '../bot/outreach/planner';
import { RateLimiter } from '../bot/outreach/rateLimiter';
import { OutreachScheduler } from '../bot/outreach/scheduler';
import { botIdentity, ProactiveSender } from '../bot/outreach/sender';
import { COLLECTIONS } from '../bot/store/collections';
import { CosmosStore } from '../bot/store/cosmos/cosmosStore';
import { DocumentStore } from '../bot/store/port';
import { SqliteStore } from '../bot/store/sqlite/sqliteStore';
import { startCosmosServer } from '../test/helpers/cosmosServer';

const { values } = parseArgs({
  options: {
    due: { type: 'string', default: '10000' },
    participants: { type: 'string', default: '100000' },
    // cosmosdb-server answers every query by scanning its in-memory documents (it has no
    // index), so its empty tick grows with the collection; 100,000 exhaust it.
    'cosmos-participants': { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '16' },
    only: { type: 'string' },
    'heap-mb': { type: 'string', default: '256' },
    run: { type: 'string' },
  },
});

type Scenario = 'burst:sqlite' | 'burst:cosmos' | 'empty:sqlite' | 'empty:cosmos';
const SCENARIOS: Scenario[] = ['burst:sqlite', 'burst:cosmos', 'empty:sqlite', 'empty:cosmos'];
const TICK_AT = new Date('2026-12-01T14:00:00Z');
const SEED_CONCURRENCY = 32;

interface Result {
  scenario: Scenario;
  participants: number;
  due: number;
  sent?: number;
  claimed?: number;
  connections?: number;
  seconds?: number;
  perMessage?: { reads: number; writes: number; queries: number };
  emptyTickMs?: { median: number; p90: number; max: number };
  seedSeconds: number;
  peakRssMb: number;
}

/** The kernel's high-water mark of this scenario process (maxRSS is in KiB). */
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The channel: answers 200 at once and keeps nothing. */
async function startNullConnector(): Promise<{ url: string; requests: () => number; connections: () => number; close(): Promise<void> }> {
  let requests = 0;
  let connections = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function participant(i: number, serviceUrl: string): Participant {
  const id = `p${String(i).padStart(6, '0')}`;
  return {
    id,
    pk: id,
    displayName: `Bench ${i}`,
    language: i % 3 === 0 ? 'es' : 'en',
    timeZone: 'America/New_York',
    track: 'morning',
    checkinTime: '09:00',
    screenWeekday: 1,
    reminders: { enabled: false, leadMinutes: 60 },
    consent: { given: true, at: '2026-11-01T12:00:00Z', channel: 'sms' },
    optedOutAt: null,
    status: 'active',
    addresses: {
      sms: { channelId: 'sms', serviceUrl, conversationId: `conv-${id}`, userId: `u-${id}`, botId: 'bot', reachable: true, linkedAt: '2026-11-01T12:00:00Z' },
    },
    createdAt: '2026-11-01T12:00:00Z',
    updatedAt: '2026-11-01T12:00:00Z',
  };
}

function seedDocs(i: number, due: number, serviceUrl: string): { participant: Participant; entry: DueEntry } {
  const p = participant(i, serviceUrl);
  const entry = checkinEntry(p, i < due ? '2026-12-01' : '2026-12-02');
  return { participant: p, entry: { ...entry, id: 'daily', pk: p.id, updatedAt: '2026-12-01T00:00:00Z' } };
}

/**
 * SQLite set-up writes the rows straight into the store's tables in one
 * transaction: through the store every row would wait for its own fsync, and
 * 200,000 of them take many minutes. The layout is SqliteStore's
 * (table c_<collection>: pk, id, etag, doc); only the set-up depends on it.
 */
function seedSqlite(path: string, total: number, due: number, serviceUrl: string): number {
  const started = performance.now();
  const db = new Database(path);
  const insert = (table: string) => db.prepare(`INSERT INTO "c_${table}" (pk, id, etag, doc) VALUES (?, ?, ?, ?)`);
  const participants = insert('participants');
  const entries = insert('outreachDue');
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const { participant: p, entry } = seedDocs(i, due, serviceUrl);
      participants.run(p.pk, p.id, randomUUID(), JSON.stringify(p));
      entries.run(entry.pk, entry.id, randomUUID(), JSON.stringify(entry));
    }
  })();
  db.close();
  return (performance.now() - started) / 1000;
}

/** Participants and their check-in entries: `due` of them due at TICK_AT, the rest tomorrow. */
async function seed(store: DocumentStore, total: number, due: number, serviceUrl: string): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const { participant: p, entry } = seedDocs(next++, due, serviceUrl);
      await store.create('participants', p);
      await store.create<DueEntry>('outreachDue', entry);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  return (performance.now() - started) / 1000;
}

async function runScenario(scenario: Scenario): Promise<Result> {
  const [kind, storeName] = scenario.split(':') as ['burst' | 'empty', 'sqlite' | 'cosmos'];
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-outreach-'));
  const cosmos = storeName === 'cosmos' ? await startCosmosServer() : undefined;
  const connector = await startNullConnector();
  const store: DocumentStore = cosmos
    ? new CosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'bench', endpointDiscovery: false }, COLLECTIONS)
    : new SqliteStore(join(dir, 'bench.db'), COLLECTIONS);
  try {
    await store.init();
    const total = kind === 'burst' ? Number(values.due) : Number(cosmos ? values['cosmos-participants'] : values.participants);
    const due = kind === 'burst' ? total : 0;
    const seedSeconds = cosmos ? await seed(store, total, due, connector.url) : seedSqlite(join(dir, 'bench.db'), total, due, connector.url);

    const config = loadConfig({ LOG_LEVEL: 'silent', OUTREACH_CONCURRENCY: values.concurrency });
    const log = silentLogger();
    const clock = fixedClock(TICK_AT);
    const i18n = createI18n();
    const participants = new Participants(store, clock);
    const sender = new ProactiveSender(
      createAdapter(config, log, i18n),
      botIdentity(undefined),
      new RateLimiter(store, { smsPerSecond: 0, teamsPerSecondPerConversation: 0 }),
      { maxAttempts: config.outreach.maxAttempts },
      log,
    );
    const scheduler = new OutreachScheduler({
      store,
      participants,
      checkins: new CheckIns(store, clock),
      flags: new FlagService(new FlagRepository(store), clock, new FlagEvents(log), participants),
      i18n,
      quietHours: config.quietHours,
      outreach: config.outreach,
      log,
      sender,
      owner: 'bench',
    });

    if (kind === 'empty') {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        const report = await scheduler.tick(new Date(TICK_AT.getTime() + i * 60_000));
        times.push(performance.now() - started);
        if (report.due !== 0) throw new Error('the empty tick found something due');
      }
      times.sort((a, b) => a - b);
      const ms = (x: number) => Math.round(x * 100) / 100;
      return {
        scenario,
        participants: total,
        due: 0,
        emptyTickMs: { median: ms(times[10]), p90: ms(times[18]), max: ms(times[19]) },
        seedSeconds: Math.round(seedSeconds),
        peakRssMb: peakRssMb(),
      };
    }

    const before = { ...store.stats };
    const started = performance.now();
    const report = await scheduler.tick(TICK_AT);
    const seconds = (performance.now() - started) / 1000;
    sender.close();
    const claimed = await store.count('outreachLedger', {});
    if (report.sent !== due || connector.requests() !== due) throw new Error(`sent ${report.sent}, connector saw ${connector.requests()}, expected ${due}`);
    const per = (n: number) => Math.round((n / report.sent) * 100) / 100;
    return {
      scenario,
      participants: total,
      due,
      sent: report.sent,
      claimed,
      connections: connector.connections(),
      seconds: Math.round(seconds * 100) / 100,
      perMessage: {
        reads: per(store.stats.reads - before.reads),
        writes: per(store.stats.writes - before.writes),
        queries: per(store.stats.queries - before.queries),
      },
      seedSeconds: Math.round(seedSeconds),
      peakRssMb: peakRssMb(),
    };
  } finally {
    await store.close();
    await connector.close();
    await cosmos?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: Result): string {
  if (r.emptyTickMs) {
    return `${r.scenario.padEnd(13)} ${r.participants} participants, nothing due: tick median ${r.emptyTickMs.median} ms, p90 ${r.emptyTickMs.p90} ms, max ${r.emptyTickMs.max} ms; peak RSS ${r.peakRssMb} MB (seeding took ${r.seedSeconds} s)`;
  }
  const rate = Math.round(r.sent! / r.seconds!);
  return (
    `${r.scenario.padEnd(13)} ${r.due} due in one minute: ${r.claimed} claimed and ${r.sent} sent in ${r.seconds} s = ${rate} sends/s; ` +
    `per message ${r.perMessage!.reads} reads, ${r.perMessage!.writes} writes, ${r.perMessage!.queries} queries; ${r.connections} connections; peak RSS ${r.peakRssMb} MB`
  );
}

async function main(): Promise<void> {
  if (values.run) {
    const result = await runScenario(values.run as Scenario);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const chosen = SCENARIOS.filter((s) => !values.only || s.endsWith(`:${values.only}`) || s.startsWith(`${values.only}:`));
  const heap = Number(values['heap-mb']) > 0 ? [`--max-old-space-size=${Number(values['heap-mb'])}`] : [];
  process.stdout.write(
    `Outreach bench (node ${process.version}, concurrency ${values.concurrency}, limiter off, ${heap.length ? `old space capped at ${values['heap-mb']} MB` : 'default heap'}; ` +
      `Cosmos is cosmosdb-server in the same process, so its RSS includes the server)\n`,
  );
  for (const scenario of chosen) {
    const args = [
      ...heap,
      '--import',
      'tsx',
      __filename,
      '--run',
      scenario,
      '--due',
      values.due,
      '--participants',
      values.participants,
      '--cosmos-participants',
      values['cosmos-participants'],
      '--concurrency',
      values.concurrency,
    ];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    if (child.status !== 0) {
      process.stdout.write(`${scenario.padEnd(13)} failed: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' | ')}\n`);
      continue;
    }
    const line = child.stdout.trim().split('\n').at(-1)!;
    process.stdout.write(`${report(JSON.parse(line) as Result)}\n`);
  }
}

void main();
