/**
 * Program report benchmark: GET /api/staff/reports for a quarter over HTTP
 * (session check, the report's store reads and figures, the audit event),
 * with a program's year in the SQLite store (bench/reportsSeed.ts: 1,000
 * participants → 365,000 check-ins, as many prompts, ~22,000 flags, ~30,000
 * measures, ~52,000 lessons). Prints p50 / p99 / max, peak RSS and the
 * event loop's delay while the reports run. Figures only: nothing here passes
 * or fails on time.
 *
 *   npm run bench:reports [-- --participants 1000 --days 365 --requests 50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/log';
import { COLLECTIONS } from '../bot/store/collections';
import { DocBase } from '../bot/store/port';
import { SqliteStore } from '../bot/store/sqlite/sqliteStore';
import { seedDocuments, SeedSize } from './reportsSeed';

export interface ReportsBenchOptions extends SeedSize {
  requests: number;
  /** The quarter asked for (local dates, inclusive). */
  from: string;
  to: string;
}

export interface ReportsBenchFigures {
  documents: number;
  seedSeconds: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  peakRssMb: number;
  loopDelayP99Ms: number;
  /** The process's CPU time per request (server and client alike): on a shared machine, steadier than wall time. */
  cpuP50Ms: number;
  cpuP99Ms: number;
  loopDelayMaxMs: number;
  /** The last report's body, to check what was measured. */
  report: { participants: { enrolled: number }; promptResponse: { sent: number } };
}

const PASSWORD = 'benchmark password 1';

/** Documents per bulk insert: one transaction each, a few MB of rows. */
const SEED_BATCH = 5_000;

/**
 * The seed written through the adapter's bulk load (createMany: one
 * transaction per batch, field columns set as on any write) instead of
 * 900,000 single writes and their fsyncs — minutes of set-up that measure
 * nothing the report does.
 */
async function bulkSeed(path: string, size: SeedSize): Promise<number> {
  const store = new SqliteStore(path, COLLECTIONS);
  await store.init();
  const batches = new Map<string, DocBase[]>();
  let count = 0;
  for (const { collection, doc } of seedDocuments(size)) {
    let batch = batches.get(collection);
    if (!batch) batches.set(collection, (batch = []));
    batch.push(doc);
    count++;
    if (batch.length === SEED_BATCH) {
      store.createMany(collection, batch);
      batches.set(collection, []);
    }
  }
  for (const [collection, batch] of batches) if (batch.length) store.createMany(collection, batch);
  await store.close();
  return count;
}

export async function runReportsBench(options: ReportsBenchOptions): Promise<ReportsBenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-reports-'));
  const path = join(dir, 'bench.db');
  try {
    const t0 = performance.now();
    const documents = await bulkSeed(path, options);
    const seedSeconds = (performance.now() - t0) / 1000;

    const config = loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: path, PROGRAM_TIMEZONE: 'America/Chicago' });
    const app = await createApp({ config, store: new SqliteStore(path, COLLECTIONS), logger: silentLogger() });
    const base = await app.listen(0);
    try {
      await app.staff.core.accounts.add({ email: 'director@clinic.org', role: 'admin', password: PASSWORD });
      const signIn = await fetch(`${base}/api/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'director@clinic.org', password: PASSWORD }),
      });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
      const report = async () => {
        const res = await fetch(`${base}/api/staff/reports?from=${options.from}&to=${options.to}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`/api/staff/reports answered ${res.status}`);
        return (await res.json()) as ReportsBenchFigures['report'];
      };
      // Warm-up: statement cache, page cache.
      let last = await report();
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < options.requests; i++) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        last = await report();
        times.push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
      }
      loop.disable();
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      const at = (q: number, values = times) => values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];
      return {
        documents,
        seedSeconds,
        requests: options.requests,
        p50: at(0.5),
        p99: at(0.99),
        max: times[times.length - 1],
        // maxRSS is in kilobytes.
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
        cpuP50Ms: at(0.5, cpu),
        cpuP99Ms: at(0.99, cpu),
        report: last,
      };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string', default: '1000' },
      days: { type: 'string', default: '365' },
      requests: { type: 'string', default: '50' },
    },
  });
  const f = await runReportsBench({
    participants: Number(values.participants),
    days: Number(values.days),
    end: '2026-01-01',
    requests: Number(values.requests),
    from: '2025-10-01',
    to: '2025-12-31',
  });
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  process.stdout.write(
    [
      '',
      `GET /api/staff/reports, quarter 2025-10-01..2025-12-31, SQLite, ${values.participants} participants × ${values.days} days (${f.documents} documents, seeded in ${f.seedSeconds.toFixed(1)} s)`,
      `requests ${f.requests}   p50 ${ms(f.p50)}   p99 ${ms(f.p99)}   max ${ms(f.max)}`,
      `peak RSS ${f.peakRssMb.toFixed(0)} MB   event-loop delay p99 ${ms(f.loopDelayP99Ms)}   max ${ms(f.loopDelayMaxMs)}`,
      `CPU time per request p50 ${ms(f.cpuP50Ms)}   p99 ${ms(f.cpuP99Ms)}`,
      // Figures from a shared machine are only comparable with its load beside them.
      `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
