import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { MinuteTask, scheduleEveryMinute } from '../cron';
import type { Feature, FeatureContext } from '../features';
import { Services } from '../services';
import { Sleep } from './auth';
import { StaffRoutes } from './http/routes';
import { ScryptParams } from './password';
import { createEscalationCheck, createStaffCore, StaffCore } from './staffCore';
import { AlertDelivery } from './teams/alertDelivery';
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
  /** What the cron task does each minute: escalate overdue urgent flags, post Teams alerts left pending, drop expired sessions. */
  tick(at?: Date): Promise<{ escalated: number; alertsPosted: number; alertsFailed: number; sessionsSwept: number }>;
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
  let alerts: AlertDelivery | undefined;
  let channelTurns: StaffChannelTurns | undefined;
  const unsubscribe: Array<() => void> = [];
  let task: MinuteTask | undefined;
  let lastTick: { at: string; escalated: number } | undefined;

  // The escalation queued its louder post on the flag: posted at once here, else by a tick.
  const escalation = createEscalationCheck(core, async (flag) => {
    await alerts?.deliver(flag.participantId, flag.id);
  });

  const tick = async (at: Date = services.clock()) => {
    const escalated = await escalation.run(at);
    const { posted: alertsPosted, failed: alertsFailed } = (await alerts?.sweep(at)) ?? { posted: 0, failed: 0 };
    const sessionsSwept = (await core.sessions.sweep()) + ((await core.oidc?.flows.sweep()) ?? 0);
    lastTick = { at: at.toISOString(), escalated };
    if (escalated > 0) log.info({ escalated }, 'urgent flags escalated');
    if (alertsPosted + alertsFailed > 0) log.info({ alertsPosted, alertsFailed }, 'pending staff alerts delivered');
    return { escalated, alertsPosted, alertsFailed, sessionsSwept };
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
        const poster = new TeamsAlerts(core, adapter, channel, config.bot.appId);
        teams = poster;
        const delivery = new AlertDelivery({
          flags: core.flags,
          clock: core.clock,
          log,
          perform: (flag, kind) => poster.perform(flag, kind),
          owner: randomUUID(),
          // One entry is a post or a few card updates, each ending at the outbound timeout.
          leaseMs: Math.max(60_000, 4 * config.outboundTimeoutMs),
        });
        alerts = delivery;
        const deliver = (participantId: string, flagId: string) => delivery.deliver(participantId, flagId);
        channelTurns = new StaffChannelTurns(core, poster, channel.conversationId, deliver);
        const notices = new ReplyNotices(core, poster);
        // Each of these writes queued its alert on the flag: post it now (the tick posts whatever this misses).
        unsubscribe.push(
          ...(['raised', 'changed', 'message'] as const).map((event) => services.flagEvents.on(event, (flag) => deliver(flag.participantId, flag.id).then(() => undefined))),
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

    async readiness() {
      // Across every instance (from the store): alerts not posted yet, and how many of those failed their last try.
      const alertFigures = teams ? await core.flags.alertFigures() : null;
      return { staff: { teamsAlerts: teams !== undefined, alerts: alertFigures, escalationScheduled: task !== undefined, lastTick: lastTick ?? null } };
    },
  };
}
