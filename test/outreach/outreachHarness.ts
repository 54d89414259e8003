import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudAdapter } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { fixedClock } from '../../bot/clock';
import { Config, loadConfig } from '../../bot/config';
import { CheckIns } from '../../bot/domain/checkins';
import { FlagService } from '../../bot/flags/service';
import { Participant } from '../../bot/domain/participant';
import { Participants } from '../../bot/domain/participants';
import { FlagEvents } from '../../bot/flags/events';
import { FlagRepository } from '../../bot/flags/repository';
import { createI18n } from '../../bot/i18n';
import { silentLogger } from '../../bot/log';
import { createOutreachFeature, OutreachFeature, OutreachFeatureOptions, OutreachServices } from '../../bot/outreach/feature';
import { rescheduleParticipant } from '../../bot/outreach/reschedule';
import { COLLECTIONS } from '../../bot/store/collections';
import { CosmosStore } from '../../bot/store/cosmos/cosmosStore';
import { DocumentStore, Stored } from '../../bot/store/port';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';
import { CaptureConnector } from '../helpers/captureConnector';
import { startCosmosServer } from '../helpers/cosmosServer';

/**
 * A shared database of one adapter and a way to open more store instances on
 * it: what several bot processes behind a load balancer see.
 */
export interface SharedDatabase {
  name: 'sqlite' | 'cosmos';
  open(): DocumentStore;
  /** The environment a child process needs to open the same database (loadConfig reads it). */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export const DATABASES: Array<{ name: 'sqlite' | 'cosmos'; make(): Promise<SharedDatabase> }> = [
  {
    name: 'sqlite',
    async make() {
      const dir = mkdtempSync(join(tmpdir(), 'puente-outreach-'));
      return {
        name: 'sqlite',
        open: () => new SqliteStore(join(dir, 'puente.db'), COLLECTIONS),
        env: { STORE: 'sqlite', SQLITE_PATH: join(dir, 'puente.db') },
        async cleanup() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'cosmos',
    async make() {
      const server = await startCosmosServer();
      const database = `outreach-${randomUUID()}`;
      return {
        name: 'cosmos',
        open: () => new CosmosStore({ endpoint: server.endpoint, key: server.key, database, endpointDiscovery: false }, COLLECTIONS),
        env: { STORE: 'cosmos', COSMOS_ENDPOINT: server.endpoint, COSMOS_KEY: server.key, COSMOS_DATABASE: database, COSMOS_ENDPOINT_DISCOVERY: 'false' },
        cleanup: () => server.close(),
      };
    },
  },
];

/**
 * One bot instance as outreach sees it: its own store instance, services and
 * CloudAdapter (as bot/app.ts builds them), and an outreach feature whose
 * waits are instant and recorded.
 */
export interface Instance {
  services: OutreachServices;
  adapter: CloudAdapter;
  outreach: OutreachFeature;
  /** Every wait the limiter and backoff asked for, in ms. */
  sleeps: number[];
}

export interface WorldOptions {
  env?: Record<string, string>;
  start?: string;
}

/**
 * A test world: a capture connector as the channel, a shared database, and
 * instances created on demand. Time is a fixed clock; ticks get their instant.
 */
export class OutreachWorld {
  readonly connector = new CaptureConnector();
  readonly clock;
  config!: Config;
  db!: SharedDatabase;
  private readonly instances: Instance[] = [];

  private constructor(start: string) {
    this.clock = fixedClock(start);
  }

  static async create(database: (typeof DATABASES)[number], options: WorldOptions = {}): Promise<OutreachWorld> {
    const world = new OutreachWorld(options.start ?? '2026-12-01T12:00:00Z');
    await world.connector.start();
    try {
      world.db = await database.make();
      world.config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
    } catch (err) {
      await world.connector.stop();
      throw err;
    }
    return world;
  }

  /** `options` replace the instant, recorded waits (a test can advance its own monotonic clock in `sleep`). */
  async instance(id = `i${this.instances.length + 1}`, config: Config = this.config, options: OutreachFeatureOptions = {}): Promise<Instance> {
    const log = silentLogger();
    const store = this.db.open();
    await store.init();
    const i18n = createI18n(config.defaultLanguage);
    const participants = new Participants(store, this.clock);
    const services: OutreachServices = {
      config,
      clock: this.clock,
      log,
      i18n,
      store,
      participants,
      checkins: new CheckIns(store, this.clock),
      flags: new FlagService(new FlagRepository(store), this.clock, new FlagEvents(log), participants),
    };
    const adapter = createAdapter(config, log, i18n);
    const sleeps: number[] = [];
    const outreach = createOutreachFeature(services, adapter, {
      instanceId: id,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });
    const instance = { services, adapter, outreach, sleeps };
    this.instances.push(instance);
    return instance;
  }

  /** Stops everything it started, even when one part fails to stop (the rest would keep the test process alive). */
  async close(): Promise<void> {
    const results = await Promise.allSettled([
      ...this.instances.map(async (i) => {
        await i.outreach.stop?.();
        await i.services.store.close();
      }),
    ]);
    const rest = await Promise.allSettled([this.connector.stop(), this.db.cleanup()]);
    const failed = [...results, ...rest].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Activities the connector accepted for one participant's conversation on a channel. */
  received(participantId: string, channelId = 'sms') {
    return this.connector.forConversation(`conv-${channelId}-${participantId}`);
  }
}

export interface NewTestParticipant {
  language?: 'en' | 'es';
  timeZone?: string;
  checkinTime?: string;
  track?: Participant['track'];
  channels?: string[];
  consent?: boolean;
  leadMinutes?: number;
}

/** An enrolled, consenting participant reachable on the given channels (conversation `conv-<channel>-<id>`), scheduled. */
export async function enroll(instance: Instance, connectorUrl: string, input: NewTestParticipant = {}): Promise<Stored<Participant>> {
  const { participants } = instance.services;
  const p = await participants.add({
    displayName: 'Test Person',
    language: input.language ?? 'en',
    timeZone: input.timeZone ?? 'America/New_York',
    track: input.track ?? 'morning',
    checkinTime: input.checkinTime ?? '09:00',
    screenWeekday: 1,
    reminders: { enabled: true, leadMinutes: input.leadMinutes ?? 60 },
  });
  const channels = input.channels ?? ['sms'];
  for (const channelId of channels) {
    await participants.link(p.id, {
      channelId,
      serviceUrl: connectorUrl,
      conversationId: `conv-${channelId}-${p.id}`,
      userId: `user-${channelId}-${p.id}`,
      botId: 'puente-bot',
      ...(channelId === 'msteams' ? { tenantId: 'tenant-1' } : {}),
    });
  }
  await participants.update(p.id, (doc) => {
    doc.consent = input.consent === false ? { given: false, at: null, channel: null } : { given: true, at: '2026-11-01T12:00:00Z', channel: channels[0] };
  });
  await rescheduleParticipant(instance.services, p.id);
  return (await participants.get(p.id))!;
}

/** Text a participant saw (SMS text or Teams message text). */
export function texts(activities: Array<Record<string, any>>): string[] {
  return activities.map((a) => String(a.text ?? ''));
}
