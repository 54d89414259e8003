import { randomUUID } from 'node:crypto';
import type { PuenteAdapter } from '../adapter';
import { MinuteTask, scheduleEveryMinute } from '../cron';
import type { Feature } from '../features';
import { renderPrompt } from '../channels/render';
import { translatorFor } from '../i18n';
import { OutreachService, Services } from '../services';
import { reach, SkipReason } from './planner';
import { RateLimiter, RateLimits, Sleep } from './rateLimiter';
import { rescheduleParticipant } from './reschedule';
import { StoreRunCoordinator } from './runCoordinator';
import { OutreachScheduler, TickReport } from './scheduler';
import { OutreachStatus } from './tickStatus';
import { botIdentity, ProactiveSender } from './sender';
import { CHECKIN_PROMPT } from './texts';

export const OUTREACH_TASK = 'puente-outreach';

/** The part of Services outreach uses. */
export type OutreachServices = Pick<Services, 'config' | 'clock' | 'log' | 'i18n' | 'store' | 'participants' | 'checkins' | 'flags'>;

export interface OutreachFeatureOptions {
  /** Replaces config rates (the benchmark turns the limiter off). */
  rates?: RateLimits;
  /** Waits of the limiter and of retry backoff (tests make them instant). */
  sleep?: Sleep;
  /** Distinguishes this instance's claims and cron slots; random by default. */
  instanceId?: string;
  /**
   * Milliseconds of the limiter and of a tick's progress (tests advance it with their `sleep`).
   * Default: the wall clock for the limiter (its slots are shared by instances), performance.now for ticks.
   */
  monotonic?: () => number;
}


/** The outreach engine: the app's background feature, and services.outreach for everyone else. */
export interface OutreachFeature extends Feature, OutreachService {
  readonly scheduler: OutreachScheduler;
  /** Runs one tick at `at` (what the cron task does each minute) and records it for logs and /readyz. */
  tick(at: Date, options?: { dryRun?: boolean }): Promise<TickReport>;
}

/**
 * The outreach scheduler as an app feature: start() schedules one node-cron
 * task per process, every minute, distributed over the store so one instance
 * runs each minute's slot; stop() ends it and waits for a running tick.
 */
export function createOutreachFeature(services: OutreachServices, adapter: PuenteAdapter, options: OutreachFeatureOptions = {}): OutreachFeature {
  const { config, log, clock } = services;
  const instanceId = options.instanceId ?? randomUUID();
  const limiter = new RateLimiter(services.store, options.rates ?? config.outreach.rates, {
    sleep: options.sleep,
    now: options.monotonic,
    // A send that hangs ends at the outbound timeout; only a holder that died keeps its key longer.
    holdMs: config.outboundTimeoutMs + 5000,
    log,
  });
  // Every send of this adapter is paced, replies to incoming messages as much as outreach.
  adapter.paceWith((channelId, conversationId, send) => limiter.run(channelId, conversationId, send));
  const sender = new ProactiveSender(adapter, botIdentity(config.bot.appId), limiter, { maxAttempts: config.outreach.maxAttempts, sleep: options.sleep }, log);
  const scheduler = new OutreachScheduler({
    store: services.store,
    participants: services.participants,
    checkins: services.checkins,
    flags: services.flags,
    i18n: services.i18n,
    quietHours: config.quietHours,
    outreach: config.outreach,
    log,
    sender,
    owner: instanceId,
    monotonic: options.monotonic,
  });

  let task: MinuteTask | undefined;
  const status = new OutreachStatus(services.store);

  const record = async (report: TickReport) => {
    if (report.dryRun) return;
    const { planned: _planned, ...counts } = report;
    if (report.due > 0) log.info(counts, 'outreach tick');
    else log.debug(counts, 'outreach tick');
    try {
      await status.record(report, instanceId);
    } catch (err) {
      // The figures are for operators; the tick's work is done and stays done.
      log.warn({ err }, 'outreach tick figures not recorded');
    }
  };

  const tick = async (at: Date, tickOptions: { dryRun?: boolean } = {}) => {
    const report = await scheduler.tick(at, tickOptions);
    await record(report);
    return report;
  };

  return {
    name: 'outreach',
    scheduler,
    tick,

    start() {
      // A tick still busy (a long SMS queue at 1/s) skips this process's next slot; another instance may take it.
      task = scheduleEveryMinute(log, {
        name: OUTREACH_TASK,
        label: 'outreach',
        run: () => tick(clock()),
        distributed: { coordinator: new StoreRunCoordinator(services.store, clock, instanceId), leaseMs: 55_000 },
      });
    },

    async stop() {
      // First: a tick in progress starts no new entries while the task waits for it.
      scheduler.stop();
      await task?.stop();
      task = undefined;
      sender.close();
    },

    /** This instance's schedule, and the figures of every instance from the store. */
    async readiness() {
      return { outreach: { scheduled: task !== undefined, ...(await status.read()) } };
    },

    async sendCheckinPromptNow(participantId) {
      const p = await services.participants.get(participantId);
      if (!p) return { sent: false, reason: 'unknownParticipant' satisfies SkipReason };
      const to = reach(p);
      if (!to.ok) return { sent: false, reason: to.reason };
      // Only a finished check-in counts here: a half-done one is what the prompt is for.
      if ((await services.checkins.today(p.id, p.timeZone))?.status === 'complete') return { sent: false, reason: 'answered' satisfies SkipReason };
      const activity = renderPrompt(CHECKIN_PROMPT, to.address.channelId, translatorFor(services.i18n, p.language));
      const delivery = await sender.deliver(to.address, activity);
      return delivery.status === 'sent' ? { sent: true } : { sent: false, reason: delivery.status };
    },

    reschedule(participantId) {
      return rescheduleParticipant(services, participantId);
    },

    deliver(address, activity) {
      return sender.deliver(address, activity);
    },
  };
}
