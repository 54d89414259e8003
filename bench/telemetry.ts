/**
 * What telemetry costs a message turn: the same check-in turns over HTTP
 * with no OpenTelemetry SDK registered (off: the API's no-op, as in
 * production without APPLICATIONINSIGHTS_CONNECTION_STRING) and with an SDK
 * recording every span and metric (on; spans batched to an exporter that
 * drops them, so the network is not measured). Rounds alternate off/on in
 * one process; then the no-op price of one span, the unit the code pays per
 * turn, store operation and send. Figures only: nothing passes or fails.
 *
 *   npm run bench:telemetry [-- --participants 20 --rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/log';
import { COLLECTIONS } from '../bot/store/collections';
import { SqliteStore } from '../bot/store/sqlite/sqliteStore';
import { inSpan } from '../bot/telemetry/telemetry';
import { CaptureConnector } from '../test/helpers/captureConnector';

const { values } = parseArgs({ options: { participants: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' } } });
const PARTICIPANTS = Number(values.participants);
const ROUNDS = Number(values.rounds);
const CHECKIN = ['check in', '7', '3', 'no', '7.5', 'yes', 'no', 'no', 'skip'];

class DroppingExporter implements SpanExporter {
  spans = 0;
  export(spans: unknown[], done: (result: { code: 0 }) => void): void {
    this.spans += spans.length;
    done({ code: 0 });
  }
  async shutdown(): Promise<void> {}
}

class IdleReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-otel-'));
  const results: Record<'off' | 'on', number[]> = { off: [], on: [] };
  const exporter = new DroppingExporter();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['off', 'on'] as const) {
        const sdk = mode === 'on' ? register(exporter) : undefined;
        results[mode].push(...(await run(join(dir, `${mode}-${round}.db`), `${mode}${round}`)));
        await sdk?.();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const f = (n: number, d = 2) => n.toFixed(d);
  console.log(`\nCheck-in turns over HTTP, one at a time: ${PARTICIPANTS} conversations x ${CHECKIN.length} turns x ${ROUNDS} rounds per mode (SQLite)\n`);
  console.log('| telemetry | turns | mean ms | p50 ms | p99 ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const mode of ['off', 'on'] as const) {
    const l = results[mode].sort((a, b) => a - b);
    console.log(`| ${mode} | ${l.length} | ${f(l.reduce((a, b) => a + b, 0) / l.length)} | ${f(pct(l, 0.5))} | ${f(pct(l, 0.99))} |`);
  }
  console.log(`spans recorded with telemetry on: ${exporter.spans} (${f(exporter.spans / results.on.length, 1)} per turn)`);
  console.log(`one no-op span (telemetry off): ${f(await noopSpanNs(), 0)} ns`);
}

/** An SDK as useAzureMonitor registers one (context manager, tracer and meter providers); returns its removal. */
function register(exporter: SpanExporter): () => Promise<void> {
  const contextManager = new AsyncLocalStorageContextManager().enable();
  const tracers = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
  const meters = new MeterProvider({ readers: [new IdleReader()] });
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(tracers);
  metrics.setGlobalMeterProvider(meters);
  return async () => {
    await tracers.forceFlush();
    trace.disable();
    metrics.disable();
    context.disable();
    await tracers.shutdown();
    await meters.shutdown();
  };
}

async function run(path: string, phase: string): Promise<number[]> {
  const connector = new CaptureConnector();
  await connector.start();
  const app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), store: new SqliteStore(path, COLLECTIONS), logger: silentLogger() });
  const base = await app.listen(0);
  const latencies: number[] = [];
  try {
    const { participants, clock } = app.services;
    for (let i = 0; i < PARTICIPANTS; i++) {
      const userId = `+1555000${String(i).padStart(4, '0')}`;
      const p = await participants.add({
        displayName: `P${i}`,
        language: i % 2 ? 'es' : 'en',
        timeZone: 'America/Chicago',
        track: 'evening',
        checkinTime: '19:00',
        screenWeekday: ((clock().getUTCDay() + 3) % 7) + 1,
        reminders: { enabled: true, leadMinutes: 60 },
      });
      await participants.link(p.id, { channelId: 'sms', serviceUrl: connector.url, conversationId: `bench-${userId}`, userId, botId: 'puente' });
      await participants.update(p.id, (x) => {
        x.consent = { given: true, at: clock().toISOString(), channel: 'sms' };
      });
      let seq = 0;
      for (const text of CHECKIN) {
        const body = JSON.stringify({ type: 'message', id: `${phase}-${i}-${++seq}`, channelId: 'sms', serviceUrl: connector.url, from: { id: userId }, recipient: { id: 'puente' }, conversation: { id: `bench-${userId}` }, text });
        const t0 = performance.now();
        const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`turn answered ${res.status}`);
        // The first conversation of each run warms the JIT and SQLite's statements.
        if (i > 0) latencies.push(performance.now() - t0);
      }
    }
  } finally {
    await app.close();
    await connector.stop();
  }
  return latencies;
}

async function noopSpanNs(): Promise<number> {
  const n = 200_000;
  const work = async () => undefined;
  for (let i = 0; i < 10_000; i++) await inSpan('bench', { 'puente.channel': 'sms' }, work);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await inSpan('bench', { 'puente.channel': 'sms' }, work);
  const perAwaitBaseline = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await work();
  const t1 = process.hrtime.bigint();
  return (Number(perAwaitBaseline - t0) - Number(t1 - perAwaitBaseline)) / n;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
