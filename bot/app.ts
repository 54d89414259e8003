import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { createAdapter } from './adapter';
import { Clock, systemClock } from './clock';
import { Config } from './config';
import { CheckIns } from './domain/checkins';
import { Measures } from './measures/measures';
import { Participants } from './domain/participants';
import { ProgramSessions } from './domain/sessions';
import { Bot, Feature, FeatureContext } from './features';
import { FlagEvents } from './flags/events';
import { FlagRepository } from './flags/repository';
import { loadFlagRules } from './flags/rules';
import { FlagService } from './flags/service';
import { createI18n } from './i18n';
import { createLogger, Logger } from './log';
import { PuenteApp } from './puenteApp';
import { createServer } from './server';
import { messagesHandler } from './messagesEndpoint';
import { RequestDrain } from './requestDrain';
import { Services } from './services';
import { createSafetyPlanService } from './safetyPlan/service';
import { createTips } from './tips/tips';
import { createLessonService } from './lessons/service';
import { ProgressSummaries } from './progress/summary';
import { COLLECTIONS } from './store/collections';
import { createStore } from './store/createStore';
import { DocumentStore } from './store/port';
import { DocumentStateStorage } from './store/stateStorage';
import { countRaisedFlags } from './telemetry/flagTelemetry';
import { TracedStore } from './telemetry/tracedStore';
import { TurnRunner } from './turn/turnRunner';
import { createPuenteBot } from './puenteBot';
import { assessRisk } from './safety/risk';
import { createPlaygroundFeature } from './playground/feature';
import { createOutreachFeature } from './outreach/feature';
import { createCareTeam } from './careTeam/careTeam';
import { createStaffFeature, StaffFeatureOptions } from './staff/staffFeature';

export interface AppOptions {
  config: Config;
  store?: DocumentStore;
  clock?: Clock;
  logger?: Logger;
  /** Replaces the Puente bot (benchmarks' echo floor). */
  bot?: (services: Services) => Bot;
  /** Background features (the outreach scheduler) start only when true: tests drive them directly. */
  startBackground?: boolean;
  /** Further Bot Framework authentication settings (tests: a local OpenID metadata endpoint). */
  botAuthentication?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** Tests: the staff feature's sign-in waits and password KDF. */
  staff?: StaffFeatureOptions;
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
  // Every store operation is a span (a no-op without a telemetry SDK).
  const store = new TracedStore(options.store ?? createStore(config, COLLECTIONS));
  await store.init();

  const participants = new Participants(store, clock);
  // Records from before the staff search key get it (one empty query once they all have it).
  await participants.backfillSearchNames();
  const checkins = new CheckIns(store, clock);
  const flagEvents = new FlagEvents(log);
  countRaisedFlags(flagEvents);
  const base = {
    config,
    clock,
    log,
    i18n,
    store,
    participants,
    checkins,
    measures: new Measures(store, clock),
    // With a staff Teams channel, a flag's alerts are queued with it (bot/flags/alertOutbox.ts).
    flags: new FlagService(new FlagRepository(store), clock, flagEvents, participants, config.staff.teams !== undefined),
    flagEvents,
    flagRules,
    tips: createTips(store, clock),
    sessions: new ProgramSessions(store, clock),
    safetyPlan: createSafetyPlanService(store, clock, i18n),
    lessons: createLessonService(store, i18n, config.outreach),
    progress: new ProgressSummaries(store, checkins),
    assessRisk,
  };
  const adapter = createAdapter(config, log, i18n, options.botAuthentication);
  const outreach = createOutreachFeature(base, adapter);
  const stateStorage = new DocumentStateStorage(store);
  // Staff messages go out through outreach's sender; the hand-off lives in the conversation state turns read.
  const careTeam = createCareTeam({ ...base, deliver: (address, activity) => outreach.deliver(address, activity) }, stateStorage);
  // Dialogs, the playground and staff reschedule a participant through services.outreach alike.
  const services: Services = { ...base, outreach, careTeam };
  const bot = options.bot ? options.bot(services) : createPuenteBot(services);
  const runner = new TurnRunner(stateStorage, log);
  const drain = new RequestDrain();
  const server = createServer(log, drain);
  // The care team's dashboard, Teams alerts and staff-channel turns.
  const staff = createStaffFeature(services, options.staff);
  const features: Feature[] = [outreach, staff, createPlaygroundFeature(services)];

  server.post(
    '/api/messages',
    messagesHandler({
      adapter,
      config,
      log,
      logic: (context) =>
        runner.run(context, async (ctx, state) => {
          // Card actions and messages in the staff Teams channel are not participant turns.
          if (await staff.handleTurn(ctx)) return;
          await bot.handle(ctx, state);
        }),
    }),
  );

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    const storeUp = await store.ping();
    // Figures kept in the store (outreach, over all instances) are read only while it answers: a dead store gets a prompt 503.
    const facts = storeUp ? (Object.assign({}, ...(await Promise.all(features.map(async (f) => (await f.readiness?.()) ?? {})))) as Record<string, unknown>) : {};
    res.send(storeUp ? 200 : 503, { status: storeUp ? 'ready' : 'unavailable', store: config.store, storeUp, ...facts });
  });

  const context: FeatureContext = { services, server, adapter, runner };
  const app: PuenteApp = {
    ...context,
    features,
    outreach,
    staff,
    async listen(port = config.port) {
      await new Promise<void>((resolve) => {
        server.listen(port, config.host, resolve);
      });
      if (options.startBackground) for (const f of features) await f.start?.();
      const { port: bound } = server.address();
      return `http://localhost:${bound}`;
    },
    async close() {
      const drained = await drain.drain(config.shutdownGraceMs);
      if (!drained) log.warn({ requests: drain.pending }, 'shutdown grace ran out with requests in flight');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      });
      // Turns run inside requests: once those are answered the runner is idle; past the grace, nobody waits for it.
      if (drained) await runner.idle();
      for (const f of features) await f.stop?.();
      await store.close();
      return drained;
    },
  };
  for (const f of features) await f.register?.(context);
  return app;
}
