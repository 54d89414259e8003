import { CloudAdapter, TurnContext } from 'botbuilder';
import { Server } from 'restify';
import { AddressInfo } from 'node:net';
import { activityProblem } from './activityValidation';
import { createAdapter } from './adapter';
import { Clock, systemClock } from './clock';
import { Config } from './config';
import { CheckIns } from './domain/checkins';
import { Participants } from './domain/participants';
import { FlagEvents } from './flags/events';
import { FlagRepository } from './flags/repository';
import { loadFlagRules } from './flags/rules';
import { FlagService } from './flags/service';
import { createI18n } from './i18n';
import { createLogger, Logger } from './log';
import { createServer } from './server';
import { Services } from './services';
import { createTips } from './tips/tips';
import { COLLECTIONS } from './store/collections';
import { createStore } from './store/createStore';
import { DocumentStore } from './store/port';
import { DocumentStateStorage } from './store/stateStorage';
import { TurnState } from './turn/conversationState';
import { TurnRunner } from './turn/turnRunner';
import { createPuenteBot } from './puenteBot';
import { createPlaygroundFeature } from './playground/feature';
import { createOutreachFeature } from './outreach/feature';
import { createStaffFeature } from './staff/staffFeature';

/** What handles one turn once state is loaded: Puente itself, or the echo floor in bench/. */
export interface Bot {
  handle(context: TurnContext, state: TurnState): Promise<void>;
}

/** A part of the app that owns routes, background work or readiness facts. */
export interface Feature {
  name: string;
  register?(app: PuenteApp): void | Promise<void>;
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
  /** Facts merged into the /readyz body. */
  readiness?(): Record<string, unknown>;
}

export interface AppOptions {
  config: Config;
  store?: DocumentStore;
  clock?: Clock;
  logger?: Logger;
  /** Replaces the Puente bot (benchmarks' echo floor). */
  bot?: (services: Services) => Bot;
  /** Background features (the outreach scheduler) start only when true: tests drive them directly. */
  startBackground?: boolean;
}

export interface PuenteApp {
  services: Services;
  server: Server;
  adapter: CloudAdapter;
  runner: TurnRunner;
  features: Feature[];
  /** Starts listening; resolves with the base URL. */
  listen(port?: number): Promise<string>;
  /** Stops accepting, finishes in-flight turns, stops background work, closes the store. */
  close(): Promise<void>;
}

/**
 * The composition root: builds every part from config. Importing it has no side
 * effects; bot/index.ts is the only place that starts a process-wide server.
 */
export async function createApp(options: AppOptions): Promise<PuenteApp> {
  const { config } = options;
  const log = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;
  // Before anything is opened: a bad clinic rules file stops start-up with a message naming the problem.
  const flagRules = loadFlagRules(config.flagRulesPath);
  const i18n = createI18n(config.defaultLanguage);
  const store = options.store ?? createStore(config, COLLECTIONS);
  await store.init();

  const participants = new Participants(store, clock);
  const flagEvents = new FlagEvents(log);
  const services: Services = {
    config,
    clock,
    log,
    i18n,
    store,
    participants,
    checkins: new CheckIns(store, clock),
    flags: new FlagService(new FlagRepository(store), clock, flagEvents, participants),
    flagEvents,
    flagRules,
    tips: createTips(store, clock),
  };
  const bot = options.bot ? options.bot(services) : createPuenteBot(services);
  const runner = new TurnRunner(new DocumentStateStorage(store), log);
  const adapter = createAdapter(config, log, i18n);
  const server = createServer(log);
  const outreach = createOutreachFeature(services, adapter);
  // The care team's dashboard, Teams alerts and staff-channel turns; participant edits re-plan outreach at once.
  const staff = createStaffFeature(services, { reschedule: (participantId) => outreach.rescheduleParticipant(participantId) });
  const features: Feature[] = [
    outreach,
    staff,
    createPlaygroundFeature(services, { checkinPromptNow: (participantId) => outreach.sendCheckinPromptNow(participantId) }),
  ];

  let accepting = true;
  server.post('/api/messages', async (req, res) => {
    if (!accepting) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    await adapter.process(req, res, (context) =>
      runner.run(context, async (ctx, state) => {
        // Card actions and messages in the staff Teams channel are not participant turns.
        if (await staff.handleTurn(ctx)) return;
        await bot.handle(ctx, state);
      }),
    );
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    const storeUp = await store.ping();
    const facts = Object.assign({}, ...features.map((f) => f.readiness?.() ?? {}));
    res.send(storeUp ? 200 : 503, { status: storeUp ? 'ready' : 'unavailable', store: config.store, storeUp, ...facts });
  });

  const app: PuenteApp = {
    services,
    server,
    adapter,
    runner,
    features,
    async listen(port = config.port) {
      await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
      if (options.startBackground) for (const f of features) await f.start?.();
      const { port: bound } = server.address() as AddressInfo;
      return `http://localhost:${bound}`;
    },
    async close() {
      accepting = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.idle();
      for (const f of features) await f.stop?.();
      await store.close();
    },
  };
  for (const f of features) await f.register?.(app);
  return app;
}
