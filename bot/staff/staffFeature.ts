import type { TurnContext } from 'botbuilder';
import { MinuteTask, scheduleEveryMinute } from '../cron';
import type { Feature, FeatureContext } from '../features';
import { Services } from '../services';
import { Sleep } from './auth';
import { StaffRoutes } from './http/routes';
import { ScryptParams } from './password';
import { createEscalationCheck, createStaffCore, StaffCore } from './staffCore';
import { ReplyNotices } from './teams/replyNotices';
import { StaffChannelTurns } from './teams/staffChannelTurns';
import { TeamsAlerts } from './teams/teamsAlerts';

export const STAFF_TASK = 'puente-staff';

export interface StaffFeatureOptions {
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
  // Participant edits by staff re-plan outreach at once.
  const reschedule = (participantId: string) => services.outreach.reschedule(participantId);
  const core = createStaffCore({ ...services, reschedule, sleep: options.sleep, kdf: options.kdf });
  const { log, config } = services;
  let teams: TeamsAlerts | undefined;
  let channelTurns: StaffChannelTurns | undefined;
  const unsubscribe: Array<() => void> = [];
  let task: MinuteTask | undefined;
  let lastTick: { at: string; escalated: number } | undefined;

  const escalation = createEscalationCheck(core, async (flag) => {
    await teams?.post(flag, true);
  });

  const tick = async (at: Date = services.clock()) => {
    const escalated = await escalation.run(at);
    const sessionsSwept = (await core.sessions.sweep()) + ((await core.oidc?.flows.sweep()) ?? 0);
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

    register({ server, adapter }: FeatureContext) {
      new StaffRoutes(core).register(server);
      const channel = config.staff.teams;
      if (channel) {
        const alerts = new TeamsAlerts(core, adapter, channel, config.bot.appId);
        teams = alerts;
        channelTurns = new StaffChannelTurns(core, alerts, channel.conversationId);
        const notices = new ReplyNotices(core, alerts);
        unsubscribe.push(
          services.flagEvents.on('raised', (flag) => alerts.onFlag(flag)),
          services.flagEvents.on('changed', (flag) => alerts.refresh(flag)),
          services.flagEvents.on('message', (flag) => alerts.onMessage(flag)),
          services.careTeam.onParticipantMessage((event) => notices.onParticipantMessage(event)),
        );
      }
    },

    start() {
      task = scheduleEveryMinute(log, { name: STAFF_TASK, label: 'staff', run: () => tick() });
    },

    async stop() {
      for (const off of unsubscribe.splice(0)) off();
      await task?.stop();
      task = undefined;
    },

    readiness() {
      return { staff: { teamsAlerts: teams !== undefined, escalationScheduled: task !== undefined, lastTick: lastTick ?? null } };
    },
  };
}
