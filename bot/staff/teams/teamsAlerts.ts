import { inSpan } from '../../telemetry/telemetry';
import { Activity, ActivityTypes, CardFactory, CloudAdapter, ConversationReference } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { DateTime } from 'luxon';
import { Flag, isUnknownParticipant } from '../../flags/flag';
import { translatorFor } from '../../i18n';
import { updateDocument } from '../../store/etagUpdate';
import { DocBase } from '../../store/port';
import { StaffConfig } from '../../config';
import { initialsOf } from '../participantAdmin';
import { StaffCore } from '../staffCore';
import { alertCard, AlertCard } from './alertCard';

export const STAFF_ALERTS = 'staffAlerts';

type TeamsChannel = NonNullable<StaffConfig['teams']>;

/** The cards posted for one flag, so they can be updated to show who acknowledged. pk = id = flag id. */
interface StaffAlert extends DocBase {
  participantId: string;
  posts: Array<{ activityId: string; conversationId: string; at: string; escalated: boolean }>;
}

/** Severities that reach the Teams channel. */
const ALERTED = new Set<Flag['severity']>(['urgent', 'high']);

/**
 * Posts flag alerts into the configured staff Teams channel and keeps the
 * posted cards current. The channel is configured (STAFF_TEAMS_*), not
 * captured from whichever team first installs the bot: adding the bot to
 * some other team must never redirect health alerts there.
 */
export class TeamsAlerts {
  private readonly identity: string | ClaimsIdentity;

  constructor(
    private readonly core: StaffCore,
    private readonly adapter: CloudAdapter,
    private readonly channel: TeamsChannel,
    appId: string | undefined,
  ) {
    // Without an app id (local mode) the adapter accepts an anonymous identity only.
    this.identity = appId ? appId : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
  }

  /**
   * The 'raised' listener: an open urgent or high flag is posted once; when
   * it is raised again (severity rose, reopened) its cards are updated.
   */
  async onFlag(flag: Flag): Promise<void> {
    if (!ALERTED.has(flag.severity) || flag.status !== 'open') return;
    const existing = await this.core.store.get<StaffAlert>(STAFF_ALERTS, flag.id, flag.id);
    if (existing?.posts.length) await this.refresh(flag);
    else await this.post(flag, false);
  }

  /**
   * The 'message' listener: a new message of the person in a safety episode.
   * A short line in the card's thread (a notification for whoever follows it;
   * no message text in the channel) and the card brought up to date.
   */
  async onMessage(flag: Flag): Promise<void> {
    const at = flag.messages?.at(-1)?.at;
    if (!ALERTED.has(flag.severity) || !at) return;
    const alert = await this.core.store.get<StaffAlert>(STAFF_ALERTS, flag.id, flag.id);
    const root = alert?.posts.find((p) => p.activityId);
    if (!root) return this.post(flag, false);
    const t = translatorFor(this.core.i18n, this.channel.language);
    const time = DateTime.fromISO(at, { zone: this.core.config.programTimeZone }).setLocale(this.channel.language).toLocaleString(DateTime.TIME_SIMPLE);
    const text = t('staff:teams.newMessage', { time, count: flag.messages?.length ?? 1 });
    // A reply in a Teams channel thread goes to "<channel id>;messageid=<id of the thread's first post>".
    await this.adapter.continueConversationAsync(this.identity, this.reference(`${root.conversationId};messageid=${root.activityId}`), async (context) => {
      await context.sendActivity({ type: ActivityTypes.Message, text });
    });
    await this.refresh(flag);
  }

  /** Posts a card for the flag (escalated: the second, louder post) and remembers where. */
  async post(flag: Flag, escalated: boolean): Promise<void> {
    await inSpan('alert.post', { 'puente.severity': flag.severity, 'puente.escalated': escalated }, () => this.postCard(flag, escalated));
  }

  private async postCard(flag: Flag, escalated: boolean): Promise<void> {
    const card = await this.cardFor(flag, escalated);
    let activityId = '';
    await this.adapter.continueConversationAsync(this.identity, this.reference(this.channel.conversationId), async (context) => {
      const sent = await context.sendActivity({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
      activityId = sent?.id ?? '';
    });
    await this.remember(flag, { activityId, conversationId: this.channel.conversationId, at: this.core.clock().toISOString(), escalated });
    this.core.log.info({ flagId: flag.id, escalated }, 'staff alert posted');
  }

  /** Updates every card posted for the flag (after an acknowledgement in the dashboard or in Teams). */
  async refresh(flag: Flag, except?: string): Promise<void> {
    await inSpan('alert.update', { 'puente.severity': flag.severity, 'puente.status': flag.status }, () => this.updateCards(flag, except));
  }

  private async updateCards(flag: Flag, except?: string): Promise<void> {
    const alert = await this.core.store.get<StaffAlert>(STAFF_ALERTS, flag.id, flag.id);
    for (const post of alert?.posts ?? []) {
      if (!post.activityId || post.activityId === except) continue;
      const card = await this.cardFor(flag, post.escalated);
      await this.adapter.continueConversationAsync(this.identity, this.reference(post.conversationId), async (context) => {
        await context.updateActivity({ id: post.activityId, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
      });
    }
  }

  /** A message of its own in the staff channel (not about one flag: a participant's reply to a counsellor). */
  async postToChannel(activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.identity, this.reference(this.channel.conversationId), async (context) => {
      await context.sendActivity(activity);
    });
  }

  /** Whether an activity came from a card posted for this flag. */
  async isEscalatedPost(flagId: string, activityId: string | undefined): Promise<boolean> {
    const alert = await this.core.store.get<StaffAlert>(STAFF_ALERTS, flagId, flagId);
    return alert?.posts.some((p) => p.activityId === activityId && p.escalated) ?? false;
  }

  async cardFor(flag: Flag, escalated: boolean): Promise<AlertCard> {
    const participant = isUnknownParticipant(flag.participantId) ? undefined : await this.core.participants.get(flag.participantId);
    const language = this.channel.language;
    return alertCard({
      flag,
      initials: participant ? initialsOf(participant.displayName) : null,
      track: participant?.track ?? flag.track,
      escalated,
      publicBaseUrl: this.core.config.publicBaseUrl,
      timeZone: this.core.config.programTimeZone,
      language,
      t: translatorFor(this.core.i18n, language),
    });
  }

  private reference(conversationId: string): Partial<ConversationReference> {
    return {
      channelId: 'msteams',
      serviceUrl: this.channel.serviceUrl,
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '', tenantId: this.channel.tenantId },
      bot: { id: this.core.config.bot.appId ?? 'puente', name: '' },
    };
  }

  private async remember(flag: Flag, post: StaffAlert['posts'][number]): Promise<void> {
    await updateDocument<StaffAlert>(this.core.store, STAFF_ALERTS, flag.id, flag.id, (alert) => ({ ...alert, posts: [...alert.posts, post] }), {
      create: () => ({ id: flag.id, pk: flag.id, participantId: flag.participantId, posts: [post] }),
    });
  }
}
