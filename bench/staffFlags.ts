/**
 * Staff dashboard benchmark at a program's worst size: 100,000 participants,
 * 100,000 flags (40,000 open), 1,000,000 check-ins and 500,000 care-team
 * thread messages, on SQLite; then the same at a size the Cosmos test server
 * handles. Over HTTP, each request the whole route (session, audit event):
 *   - queue: the first page of GET /api/staff/flags (everyone, and a caseload)
 *   - search: GET /api/staff/participants?q=… (common, rare and absent names)
 *   - participant page: the calls the page makes (the participant, the safety
 *     plan) plus a read of the newest thread messages through the store port
 *     (the thread's own route belongs to the messaging feature)
 * Prints p50 / p99 / max and the largest event-loop delay seen during each
 * (perf_hooks.monitorEventLoopDelay). Figures only: nothing passes or fails on time.
 *
 *   npm run bench:staff
 *   BENCH_STAFF_SCALE=0.01 BENCH_STAFF_COSMOS_SCALE=0.002 BENCH_STAFF_REQUESTS=20 npm run bench:staff   (a smoke run)
 *   BENCH_STAFF_DB=/tmp/staff.db npm run bench:staff   (seeds that SQLite file once, then reuses it: seeding full size takes minutes)
 *
 * A reused file is opened like any older database (init upgrades its schema) and must hold the data set of the
 * same BENCH_STAFF_SCALE; the staff accounts and audit events of earlier runs stay in it (a few thousand small documents).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../bot/app';
import { THREAD_MESSAGES } from '../bot/careTeam/threadMessage';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/log';
import { COLLECTIONS } from '../bot/store/collections';
import { CosmosStore } from '../bot/store/cosmos/cosmosStore';
import { DocBase, DocumentStore, isWriteConflict } from '../bot/store/port';
import { SqliteStore } from '../bot/store/sqlite/sqliteStore';
import { startCosmosServer } from '../test/helpers/cosmosServer';
import { BENCH_NOW, COUNSELLORS, lastDocument, Sizes, sizesAt, staffDataset } from './staffDataset';

const SCALE = Number(process.env.BENCH_STAFF_SCALE ?? '1');
const COSMOS_SCALE = Number(process.env.BENCH_STAFF_COSMOS_SCALE ?? '0.01');
const REQUESTS = Number(process.env.BENCH_STAFF_REQUESTS ?? '200');
const COSMOS_REQUESTS = Number(process.env.BENCH_STAFF_COSMOS_REQUESTS ?? '30');
const REUSE_DB = process.env.BENCH_STAFF_DB;
const PASSWORD = 'benchmark password 1';

export interface Figure {
  name: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  /** Largest event-loop delay while these requests ran, ms. */
  loopMax: number;
}

export interface StoreRun {
  store: string;
  sizes: Sizes;
  seedSeconds: number;
  /** The SQLite file of an earlier run was reused (seedSeconds is then only its opening and upgrade). */
  reused: boolean;
  figures: Figure[];
}

/** Seeds in batches: one transaction per batch on SQLite, 50 concurrent creates on Cosmos. */
async function seed(store: DocumentStore, sizes: Sizes): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const { collection, docs } of staffDataset(sizes)) {
    if (store instanceof SqliteStore) {
      store.createMany(collection, docs);
      continue;
    }
    for (const doc of docs) {
      pending.push(store.create<DocBase>(collection, doc));
      if (pending.length >= 50) await Promise.all(pending.splice(0));
    }
  }
  await Promise.all(pending);
}

async function measure(name: string, requests: number, call: (i: number) => Promise<void>): Promise<Figure> {
  for (let i = 0; i < Math.min(5, requests); i++) await call(i);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  loop.disable();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { name, requests, p50: at(0.5), p99: at(0.99), max: times[times.length - 1], loopMax: loop.max / 1e6 };
}

export async function runStore(label: string, store: DocumentStore, sizes: Sizes, requests: number): Promise<StoreRun> {
  const t0 = performance.now();
  await store.init();
  const seeded = await isSeeded(store, sizes);
  if (!seeded) await seed(store, sizes);
  const seedSeconds = (performance.now() - t0) / 1000;

  const config = loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: ':memory:' });
  const app = await createApp({ config, store, logger: silentLogger(), clock: () => new Date(BENCH_NOW) });
  const base = await app.listen(0);
  try {
    const cookieOf = async (email: string) => {
      // A reused file has the accounts of an earlier run.
      await app.staff.core.accounts.add({ email, role: 'clinician', password: PASSWORD }).catch((err: unknown) => {
        if (!isWriteConflict(err)) throw err;
      });
      const res = await fetch(`${base}/api/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const everyone = await cookieOf('bench@clinic.org');
    const counsellor = await cookieOf(COUNSELLORS[0]);
    const get = async (cookie: string, path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${label}: ${path} answered ${res.status}`);
      return res.json() as Promise<{ items?: unknown[] }>;
    };
    const { participantIds } = sizesIds(sizes);
    // Common names, a first-and-last pair, a prefix, and a name nobody has (the whole index is read).
    const terms = ['nunez', 'maria', 'jose garcia', 'ana pe', 'zzz no such name'];
    const figures = [
      await measure('queue, first page', requests, () => get(everyone, '/api/staff/flags').then(() => undefined)),
      await measure('queue, my caseload', requests, () => get(counsellor, '/api/staff/flags?caseload=mine').then(() => undefined)),
      await measure('participant search', requests, (i) => get(everyone, `/api/staff/participants?q=${encodeURIComponent(terms[i % terms.length])}`).then(() => undefined)),
      await measure('participants, my caseload', requests, () => get(counsellor, '/api/staff/participants?caseload=mine').then(() => undefined)),
      await measure('participant page', requests, async (i) => {
        const id = participantIds(i * 7919);
        await Promise.all([
          get(everyone, `/api/staff/participants/${id}`),
          get(everyone, `/api/staff/participants/${id}/safety-plan`),
          store.query(THREAD_MESSAGES, { pk: id, where: [{ field: 'participantId', op: '=', value: id }], orderBy: [{ field: 'participantId' }, { field: 'at', dir: 'desc' }], limit: 50 }),
        ]);
      }),
    ];
    return { store: label, sizes, seedSeconds, reused: seeded, figures };
  } finally {
    await app.close();
  }
}

/** A reused file already holds the data set: the seed's last document is there (batches commit in order). */
async function isSeeded(store: DocumentStore, sizes: Sizes): Promise<boolean> {
  const last = lastDocument(sizes);
  return (await store.get(last.collection, last.pk, last.id)) !== undefined;
}

function sizesIds(sizes: Sizes) {
  return { participantIds: (n: number) => `p${n % sizes.participants}` };
}

export function printRun(run: StoreRun, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const { sizes } = run;
  out(
    `\n${run.store}: ${sizes.participants} participants, ${sizes.flags} flags (${sizes.openFlags} open), ${sizes.checkins} check-ins, ${sizes.threadMessages} thread messages; ${run.reused ? 'reused file opened' : 'seeded'} in ${run.seedSeconds.toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  out('what                          requests       p50       p99       max   max loop delay');
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  for (const f of run.figures) out(`${f.name.padEnd(28)} ${String(f.requests).padStart(9)} ${ms(f.p50)}${ms(f.p99)}${ms(f.max)}   ${ms(f.loopMax)}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-staff-'));
  try {
    printRun(await runStore('sqlite', new SqliteStore(REUSE_DB ?? join(dir, 'bench.db'), COLLECTIONS), sizesAt(SCALE), REQUESTS));
    if (COSMOS_SCALE > 0) {
      const cosmos = await startCosmosServer();
      try {
        const store = new CosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'bench', endpointDiscovery: false }, COLLECTIONS);
        printRun(await runStore('cosmos (test server)', store, sizesAt(COSMOS_SCALE), COSMOS_REQUESTS));
      } finally {
        await cosmos.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
