import { inSpan } from '../../telemetry/telemetry';
import { Activity, ActivityTypes, CardFactory, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { DateTime } from 'luxon';
import { AlertKind } from '../../flags/alertOutboxRecord';
import { Flag, isUnknownParticipant } from '../../flags/flag';
import { tuneConnectorClient } from '../../outreach/sender';
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

/**
 * Posts flag alerts into the configured staff Teams channel and keeps the
 * posted cards current; what is due comes from the flag's outbox
 * (./alertDelivery.ts), one entry at a time. The channel is configured
 * (STAFF_TEAMS_*), not captured from whichever team first installs the bot:
 * adding the bot to some other team must never redirect health alerts there.
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
   * Posts one entry of a flag's outbox, rendering the flag as it is now;
   * throws when the channel did not take it. Each kind looks at the posts
   * recorded first, so an entry retried after its post was recorded (the
   * holder died before removing it) updates the card instead of posting it again.
   */
  async perform(flag: Flag, kind: AlertKind): Promise<void> {
    const posts = (await this.core.store.get<StaffAlert>(STAFF_ALERTS, flag.id, flag.id))?.posts ?? [];
    const root = posts.find((p) => p.activityId);
    if (kind === 'escalated' && !posts.some((p) => p.escalated)) return this.post(flag, true);
    if ((kind === 'raised' || kind === 'message') && !root) return this.post(flag, false);
    if (kind === 'message' && root) await this.messageLine(flag, root);
    await this.refresh(flag);
  }

  /**
   * A new message of the person in a safety episode: a short line in the
   * card's thread (a notification for whoever follows it; no message text in the channel).
   */
  private async messageLine(flag: Flag, root: StaffAlert['posts'][number]): Promise<void> {
    const at = flag.messages?.at(-1)?.at ?? flag.createdAt;
    const t = translatorFor(this.core.i18n, this.channel.language);
    const time = DateTime.fromISO(at, { zone: this.core.config.programTimeZone }).setLocale(this.channel.language).toLocaleString(DateTime.TIME_SIMPLE);
    const text = t('staff:teams.newMessage', { time, count: flag.messages?.length ?? 1 });
    // A reply in a Teams channel thread goes to "<channel id>;messageid=<id of the thread's first post>".
    await this.send(`${root.conversationId};messageid=${root.activityId}`, (context) => context.sendActivity({ type: ActivityTypes.Message, text }));
  }

  /** Posts a card for the flag (escalated: the second, louder post) and remembers where. */
  private async post(flag: Flag, escalated: boolean): Promise<void> {
    await inSpan('alert.post', { 'puente.severity': flag.severity, 'puente.escalated': escalated }, () => this.postCard(flag, escalated));
  }

  private async postCard(flag: Flag, escalated: boolean): Promise<void> {
    const card = await this.cardFor(flag, escalated);
    const sent = await this.send(this.channel.conversationId, (context) =>
      context.sendActivity({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] }),
    );
    await this.remember(flag, { activityId: sent?.id ?? '', conversationId: this.channel.conversationId, at: this.core.clock().toISOString(), escalated });
    this.core.log.info({ flagId: flag.id, escalated }, 'staff alert posted');
  }

  /** Updates every card posted for the flag (after an acknowledgement in the dashboard or in Teams). */
  private async refresh(flag: Flag): Promise<void> {
    await inSpan('alert.update', { 'puente.severity': flag.severity, 'puente.status': flag.status }, () => this.updateCards(flag));
  }

  private async updateCards(flag: Flag): Promise<void> {
    const alert = await this.core.store.get<StaffAlert>(STAFF_ALERTS, flag.id, flag.id);
    for (const post of alert?.posts ?? []) {
      if (!post.activityId) continue;
      const card = await this.cardFor(flag, post.escalated);
      await this.send(post.conversationId, (context) =>
        context.updateActivity({ id: post.activityId, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] }),
      );
    }
  }

  /** A message of its own in the staff channel (not about one flag: a participant's reply to a counsellor). */
  async postToChannel(activity: Partial<Activity>): Promise<void> {
    await this.send(this.channel.conversationId, (context) => context.sendActivity(activity));
  }

  /** Whether an activity came from a card posted for this flag. */
  async isEscalatedPost(flagId: string, activityId: string | undefined): Promise<boolean> {
    const alert = await this.core.store.get<StaffAlert>(STAFF_ALERTS, flagId, flagId);
    return alert?.posts.some((p) => p.activityId === activityId && p.escalated) ?? false;
  }

  /**
   * One call into the staff channel. The adapter hands an error thrown in
   * the logic to onTurnError (which logs it and resolves), so the error is
   * carried out by hand: a send that failed must fail here, or the outbox
   * would count it posted. The SDK's own retries go (the outbox retries,
   * and counts).
   */
  private async send<T>(conversationId: string, logic: (context: TurnContext) => Promise<T>): Promise<T | undefined> {
    let result: T | undefined;
    let failure: { err: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.identity, this.reference(conversationId), async (context) => {
      tuneConnectorClient(context.turnState.get(this.adapter.ConnectorClientKey));
      try {
        result = await logic(context);
      } catch (err) {
        failure = { err };
      }
    });
    if (failure) throw failure.err instanceof Error ? failure.err : new Error('staff channel send failed');
    return result;
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
