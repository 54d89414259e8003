import type { TurnContext } from 'botbuilder';
import { schedule, ScheduledTask } from 'node-cron';
import type { Feature, PuenteApp } from '../app';
import { Services } from '../services';
import { Sleep } from './auth';
import { StaffRoutes } from './http/routes';
import { RescheduleHook } from './participantAdmin';
import { ScryptParams } from './password';
import { createEscalationCheck, createStaffCore, StaffCore } from './staffCore';
import { StaffChannelTurns } from './teams/staffChannelTurns';
import { TeamsAlerts } from './teams/teamsAlerts';

export const STAFF_TASK = 'puente-staff';

export interface StaffFeatureOptions {
  /** Called after staff enroll or change a participant (the outreach engine's rescheduleParticipant). */
  reschedule?: RescheduleHook;
  /** Tests: no real waiting between failed sign-ins. */
  sleep?: Sleep;
  /** Tests: a cheaper KDF for accounts they create. */
  kdf?: ScryptParams;
}

export interface StaffFeature extends Feature {
  readonly core: StaffCore;
  /** Set once registered when STAFF_TEAMS_* is configured. */
  readonly teams: TeamsAlerts | undefined;
  /** What the cron task does each minute: escalate overdue urgent flags, drop expired sessions. */
  tick(at?: Date): Promise<{ escalated: number; sessionsSwept: number }>;
  /** Staff-channel turns (app.ts runs this before the participant bot); true when handled. */
  handleTurn(context: TurnContext): Promise<boolean>;
}

/**
 * The care team's side as an app feature: the dashboard and its API on the
 * app's server, Teams alerts on the flag events, card actions from the staff
 * channel, and a node-cron task each minute for escalation.
 */
export function createStaffFeature(services: Services, options: StaffFeatureOptions = {}): StaffFeature {
  const core = createStaffCore({ ...services, reschedule: options.reschedule, sleep: options.sleep, kdf: options.kdf });
  const { log, config } = services;
  let teams: TeamsAlerts | undefined;
  let channelTurns: StaffChannelTurns | undefined;
  const unsubscribe: Array<() => void> = [];
  let task: ScheduledTask | undefined;
  let running: Promise<unknown> | undefined;
  let lastTick: { at: string; escalated: number } | undefined;

  const escalation = createEscalationCheck(core, async (flag) => {
    await teams?.post(flag, true);
  });

  const tick = async (at: Date = services.clock()) => {
    const escalated = await escalation.run(at);
    const sessionsSwept = await core.sessions.sweep();
    lastTick = { at: at.toISOString(), escalated };
    if (escalated > 0) log.info({ escalated }, 'urgent flags escalated');
    return { escalated, sessionsSwept };
  };

  return {
    name: 'staff',
    core,
    get teams() {
      return teams;
    },
    tick,

    async handleTurn(context) {
      return channelTurns ? channelTurns.handle(context) : false;
    },

    register(app: PuenteApp) {
      new StaffRoutes(core).register(app.server);
      const channel = config.staff.teams;
      if (channel) {
        const alerts = new TeamsAlerts(core, app.adapter, channel, config.bot.appId);
        teams = alerts;
        channelTurns = new StaffChannelTurns(core, alerts, channel.conversationId);
        unsubscribe.push(
          services.flagEvents.on('raised', (flag) => alerts.onFlag(flag)),
          services.flagEvents.on('changed', (flag) => alerts.refresh(flag)),
        );
      }
    },

    start() {
      task = schedule(
        '* * * * *',
        async () => {
          running = tick();
          await running;
        },
        {
          name: STAFF_TASK,
          noOverlap: true,
          logger: {
            info: () => undefined,
            debug: () => undefined,
            warn: (message) => log.warn({ task: STAFF_TASK }, message),
            error: (message) => log.error({ task: STAFF_TASK, err: message }, 'staff task error'),
          },
        },
      );
    },

    async stop() {
      for (const off of unsubscribe.splice(0)) off();
      await task?.destroy();
      task = undefined;
      await running?.catch(() => undefined);
    },

    readiness() {
      return { staff: { teamsAlerts: teams !== undefined, escalationScheduled: task !== undefined, lastTick: lastTick ?? null } };
    },
  };
}
