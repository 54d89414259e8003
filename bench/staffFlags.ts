/**
 * Staff queue benchmark: the first page of GET /api/staff/flags (what every
 * counsellor opens first) over HTTP, with 10,000 flags of 1,000 participants
 * in the store, on SQLite and on Cosmos (cosmosdb-server, in-process).
 * Each request is the whole route: session check, four severity counts, the
 * page, the participants' names and the audit event it writes.
 * Prints p50 / p95 / p99 / max. Figures only: nothing here passes or fails on time.
 *
 *   npm run bench:staff [-- --flags 10000 --participants 1000 --requests 300 --cosmos-requests 30]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { Flag, Severity, SEVERITY_RANK } from '../bot/flags/flag';
import { FlagRepository } from '../bot/flags/repository';
import { Participant, TRACKS } from '../bot/domain/participant';
import { silentLogger } from '../bot/log';
import { COLLECTIONS } from '../bot/store/collections';
import { CosmosStore } from '../bot/store/cosmos/cosmosStore';
import { DocumentStore } from '../bot/store/port';
import { SqliteStore } from '../bot/store/sqlite/sqliteStore';
import { startCosmosServer } from '../test/helpers/cosmosServer';

const { values } = parseArgs({
  options: {
    flags: { type: 'string', default: '10000' },
    participants: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '300' },
    'cosmos-requests': { type: 'string', default: '30' },
  },
});
const FLAG_COUNT = Number(values.flags);
const PARTICIPANT_COUNT = Number(values.participants);
const PASSWORD = 'benchmark password 1';

interface Figures {
  seedSeconds: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  items: number;
}

/** A fixed mix, so every run measures the same queue: 5 % urgent, 25 % high, 40 % moderate, 30 % low; 40 % still open. */
function flagAt(i: number, participantIds: string[]): Flag {
  const severities: Severity[] = ['urgent', 'high', 'high', 'high', 'high', 'high', 'moderate', 'moderate', 'moderate', 'moderate', 'moderate', 'moderate', 'moderate', 'moderate', 'low', 'low', 'low', 'low', 'low', 'low'];
  const severity = severities[i % severities.length];
  const status = (['open', 'open', 'acknowledged', 'resolved', 'resolved'] as const)[i % 5];
  const participantId = participantIds[i % participantIds.length];
  const createdAt = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    id: `checkin:${participantId}:${i}`,
    pk: participantId,
    participantId,
    checkinId: null,
    source: 'checkin',
    severity,
    severityRank: SEVERITY_RANK[severity],
    reasons: [{ code: 'craving_high', severity, detail: { craving: 9, threshold: 8 } }],
    message: null,
    track: TRACKS[i % TRACKS.length],
    sender: null,
    status,
    createdAt,
    assignee: status === 'open' ? null : 'bench@clinic.org',
    acknowledgedAt: status === 'open' ? null : createdAt,
    acknowledgedBy: status === 'open' ? null : 'bench@clinic.org',
    resolvedAt: status === 'resolved' ? createdAt : null,
    resolvedBy: status === 'resolved' ? 'bench@clinic.org' : null,
    outcome: status === 'resolved' ? 'contacted' : null,
    notes: [],
    escalatedAt: null,
  };
}

async function seed(store: DocumentStore): Promise<void> {
  const now = new Date('2025-01-01T00:00:00Z').toISOString();
  const ids: string[] = [];
  const pending: Promise<unknown>[] = [];
  const flush = async () => {
    await Promise.all(pending.splice(0));
  };
  for (let i = 0; i < PARTICIPANT_COUNT; i++) {
    const id = randomUUID();
    ids.push(id);
    const p: Participant = {
      id,
      pk: id,
      displayName: `Participant ${i}`,
      language: i % 2 ? 'es' : 'en',
      timeZone: 'America/Chicago',
      track: TRACKS[i % TRACKS.length],
      checkinTime: '19:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
      consent: { given: true, at: now, channel: 'sms' },
      optedOutAt: null,
      status: 'active',
      addresses: {},
      createdAt: now,
      updatedAt: now,
    };
    pending.push(store.create('participants', p));
    if (pending.length >= 50) await flush();
  }
  const flags = new FlagRepository(store);
  for (let i = 0; i < FLAG_COUNT; i++) {
    pending.push(flags.create(flagAt(i, ids)));
    if (pending.length >= 50) await flush();
  }
  await flush();
}

async function measure(name: string, store: DocumentStore, requests: number): Promise<Figures> {
  const t0 = performance.now();
  await store.init();
  await seed(store);
  const seedSeconds = (performance.now() - t0) / 1000;

  const config = loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: ':memory:' });
  const app = await createApp({ config, store, logger: silentLogger() });
  const base = await app.listen(0);
  try {
    const { staff } = app;
    await staff.core.accounts.add({ email: 'bench@clinic.org', role: 'clinician', password: PASSWORD });
    const signIn = await fetch(`${base}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@clinic.org', password: PASSWORD }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const firstPage = async () => {
      const res = await fetch(`${base}/api/staff/flags`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${name}: /api/staff/flags answered ${res.status}`);
      return (await res.json()) as { items: unknown[] };
    };
    let items = 0;
    for (let i = 0; i < Math.min(10, requests); i++) items = (await firstPage()).items.length;
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const start = performance.now();
      await firstPage();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    return { seedSeconds, requests, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1], items };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-staff-'));
  const cosmos = await startCosmosServer();
  const rows: Array<[string, Figures]> = [];
  try {
    rows.push(['sqlite', await measure('sqlite', new SqliteStore(join(dir, 'bench.db'), COLLECTIONS), Number(values.requests))]);
    const cosmosStore = new CosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'bench', endpointDiscovery: false }, COLLECTIONS);
    rows.push(['cosmos', await measure('cosmos', cosmosStore, Number(values['cosmos-requests']))]);
  } finally {
    await cosmos.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  process.stdout.write(`\nGET /api/staff/flags, first page (25 of the open queue), ${FLAG_COUNT} flags, ${PARTICIPANT_COUNT} participants\n`);
  process.stdout.write(`store    seed(s)  requests       p50       p95       p99       max  items\n`);
  for (const [name, f] of rows) {
    process.stdout.write(
      `${name.padEnd(8)} ${f.seedSeconds.toFixed(1).padStart(7)}  ${String(f.requests).padStart(8)} ${ms(f.p50)}${ms(f.p95)}${ms(f.p99)}${ms(f.max)}  ${f.items}\n`,
    );
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
