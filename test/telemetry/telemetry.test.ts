import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { DataPoint, Histogram, MeterProvider, MetricReader, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { StaffHarness } from '../staff/staffHarness';

/** A metric reader the test collects from when it wants (no timer). */
class OnDemandReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

const NAME = 'Ana María Ruiz';
const PHONE = '+15550100123';
const TEAMS_USER = '29:1a2b3c-teams-user-aad';
const CRISIS = 'I want to end my life tonight';
const NOTE = 'my sister Rosa keeps calling';

describe('telemetry (OpenTelemetry in-memory exporter and reader)', () => {
  const spans = new InMemorySpanExporter();
  const reader = new OnDemandReader();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const contextManager = new AsyncLocalStorageContextManager();
  let s: StaffHarness;
  let ids: string[] = [];
  let collected: ResourceMetrics;

  before(async () => {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(tracerProvider);
    metrics.setGlobalMeterProvider(meterProvider);

    s = await StaffHarness.start();
    const p = await s.participant(NAME, { language: 'en' });
    const conversations = { sms: `conv-${PHONE}`, msteams: 'a:1Teams-conversation-xyz' };
    await s.services.participants.link(p.id, { channelId: 'sms', serviceUrl: s.h.connector.url, conversationId: conversations.sms, userId: PHONE, botId: 'puente-bot' });
    await s.services.participants.link(p.id, { channelId: 'msteams', serviceUrl: s.h.connector.url, conversationId: conversations.msteams, userId: TEAMS_USER, botId: 'puente-bot', tenantId: 'tenant-1' });
    await s.services.participants.update(p.id, (x) => {
      x.consent = { given: true, at: s.clock().toISOString(), channel: 'sms' };
    });
    ids = [p.id, PHONE, TEAMS_USER, conversations.sms, conversations.msteams];

    // Turns on both channels: a check-in over SMS with a note, a crisis message over Teams.
    const sms = { id: PHONE, channelId: 'sms', conversationId: conversations.sms };
    await s.h.say(sms, 'check in');
    for (const answer of ['4', '9', 'no', '5', 'yes', 'no', 'no', NOTE]) await s.h.say(sms, answer);
    await s.h.say({ id: TEAMS_USER, channelId: 'msteams', conversationId: conversations.msteams }, CRISIS);

    // The urgent flag is acknowledged 90 s later; outreach sends tonight's check-in prompt.
    const urgent = (await s.services.flags.listForParticipant(p.id)).find((f) => f.severity === 'urgent');
    assert.ok(urgent, 'the crisis message raised an urgent flag');
    s.clock.set(new Date(new Date(urgent.createdAt).getTime() + 90_000));
    await s.staff.core.review.acknowledge(p.id, urgent.id, 'clin@clinic.org');
    // Outreach: the first participant is checked in and in a safety episode (both hold prompts), so a second one gets tonight's.
    const other = await s.participant('Rosa Díaz', { language: 'en' });
    const otherPhone = '+15550001111';
    await s.services.participants.link(other.id, { channelId: 'sms', serviceUrl: s.h.connector.url, conversationId: `conv-${otherPhone}`, userId: otherPhone, botId: 'puente-bot' });
    await s.services.participants.update(other.id, (x) => {
      x.consent = { given: true, at: s.clock().toISOString(), channel: 'sms' };
    });
    ids.push(other.id, otherPhone, `conv-${otherPhone}`);
    await s.services.outreach.reschedule(other.id);
    await s.h.app.outreach.tick(new Date('2025-03-05T01:00:00Z'));
    ({ resourceMetrics: collected } = await reader.collect());
  });

  after(async () => {
    await s?.stop();
    trace.disable();
    metrics.disable();
    context.disable();
    await tracerProvider.shutdown();
    await meterProvider.shutdown();
  });

  const named = (name: string) => spans.getFinishedSpans().filter((x) => x.name === name);
  const metric = (name: string) => collected.scopeMetrics.flatMap((m) => m.metrics).find((m) => m.descriptor.name === name);

  it('traces each turn with channel, dialog and outcome, and its store operations and replies as children', () => {
    const turns = named('turn');
    assert.ok(turns.length >= 10);
    assert.deepEqual(new Set(turns.map((t) => t.attributes['puente.channel'])), new Set(['sms', 'msteams']));
    assert.ok(turns.every((t) => t.attributes['puente.outcome'] === 'ok'));
    assert.ok(turns.some((t) => t.attributes['puente.dialog'] === 'checkin'), `dialogs seen: ${JSON.stringify([...new Set(turns.map((t) => t.attributes['puente.dialog']))])}`);
    const turn = turns[3];
    const children = spans.getFinishedSpans().filter((x) => x.parentSpanContext?.spanId === turn.spanContext().spanId);
    assert.ok(children.some((c) => c.name === 'store.get' && c.attributes['db.collection.name'] === 'botstate'), 'the state read is a child of the turn');
    assert.ok(children.some((c) => c.name === 'turn.reply'), 'the reply is a child of the turn');
  });

  it('traces the outreach tick and its sends, and counts messages by outcome', () => {
    const [tick] = named('outreach.tick');
    assert.ok(tick);
    assert.equal(tick.attributes['puente.sent'], 1);
    const [send] = named('outreach.send');
    assert.equal(send.parentSpanContext?.spanId, tick.spanContext().spanId);
    assert.equal(send.attributes['puente.outcome'], 'sent');
    const points = metric('puente.outreach.messages')!.dataPoints as DataPoint<number>[];
    assert.ok(points.some((pt) => pt.attributes['puente.outcome'] === 'sent' && pt.attributes['puente.kind'] === 'checkin' && pt.value === 1));
  });

  it('records turn latency, flags raised by severity and the time to acknowledge an urgent flag', () => {
    const latency = metric('puente.turn.duration')!.dataPoints as DataPoint<Histogram>[];
    assert.ok(latency.reduce((n, pt) => n + pt.value.count, 0) >= 10);
    assert.ok(latency.some((pt) => pt.attributes['puente.channel'] === 'msteams'));
    const raised = metric('puente.flags.raised')!.dataPoints as DataPoint<number>[];
    assert.ok(raised.some((pt) => pt.attributes['puente.severity'] === 'urgent'));
    assert.ok(raised.some((pt) => pt.attributes['puente.severity'] === 'high'));
    const ack = metric('puente.flags.urgent_ack_delay')!.dataPoints as DataPoint<Histogram>[];
    assert.equal(ack[0].value.count, 1);
    assert.equal(ack[0].value.sum, 90);
  });

  it('no attribute holds message text, the name, the phone number or a raw id', () => {
    const values: string[] = [];
    const collect = (attributes: Record<string, unknown>) => Object.values(attributes).forEach((v) => values.push(String(v)));
    spans.getFinishedSpans().forEach((x: ReadableSpan) => {
      collect(x.attributes);
      x.events.forEach((e) => collect(e.attributes ?? {}));
      values.push(x.name, x.status.message ?? '');
    });
    collected.scopeMetrics.flatMap((m) => m.metrics).forEach((m) => m.dataPoints.forEach((pt) => collect(pt.attributes)));
    assert.ok(values.length > 100, 'there is something to check');
    const secrets = [CRISIS, NOTE, NAME, 'Ana', 'Ruiz', PHONE, '5550100123', ...ids];
    for (const value of values) for (const secret of secrets) assert.ok(!value.includes(secret), `"${value}" contains "${secret}"`);
  });
});
