import { Activity, ActivityTypes, TeamsInfo, TurnContext } from 'botbuilder';
import { AppError } from '../../errors';
import { translatorFor } from '../../i18n';
import { FlagActionError } from '../../flags/review';
import { displayNameOf, StaffAccount } from '../staffAccounts';
import { StaffCore } from '../staffCore';
import { Stored } from '../../store/port';
import { isAckData, isReplyData, REPLY_INPUT, REPLY_VERB, ReplyData } from './alertCard';
import { TeamsAlerts } from './teamsAlerts';

export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/** Why a reply could not go out, each with its sentence (staff:teams.replyRefused.*). */
const REPLY_REFUSALS = new Set(['opted_out', 'unreachable', 'too_long', 'not_found']);

/**
 * Turns from the staff Teams channel: the alert card's Acknowledge button
 * (an `adaptiveCard/action` invoke from Action.Execute, or a message with the
 * Action.Submit value on older clients), its Reply button (the text goes to
 * the participant as the Teams user's staff account), and anything else said
 * to the bot there. Participants' turns never reach this; staff turns never reach the
 * participant dialogs.
 */
export class StaffChannelTurns {
  constructor(
    private readonly core: StaffCore,
    private readonly alerts: TeamsAlerts,
    private readonly channelId: string,
    /** Posts what the acknowledgement queued on the flag (the cards' update) at once (./alertDelivery.ts). */
    private readonly deliver: (participantId: string, flagId: string) => Promise<unknown>,
  ) {}

  /** True when the activity belongs to the staff channel and was handled here. */
  async handle(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (!this.isStaffChannel(activity)) return false;
    if (activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION) {
      await this.onExecute(context);
    } else if (activity.type === ActivityTypes.Message && isAckData(activity.value)) {
      await this.onSubmit(context);
    } else if (activity.type === ActivityTypes.Message && isReplyData(activity.value)) {
      await context.sendActivity(await this.reply(context, activity.value));
    } else if (activity.type === ActivityTypes.Message) {
      await context.sendActivity(this.t()('staff:teams.channelInfo', { url: `${this.core.config.publicBaseUrl}/staff` }));
    }
    // Other activities (members added, reactions) need nothing.
    return true;
  }

  /** A channel thread's conversation id is the channel id plus ";messageid=…". */
  private isStaffChannel(activity: Partial<Activity>): boolean {
    return activity.channelId === 'msteams' && activity.conversation?.id?.split(';')[0] === this.channelId;
  }

  private async onExecute(context: TurnContext): Promise<void> {
    const action = (context.activity.value as { action?: { verb?: string; data?: unknown } } | undefined)?.action;
    const data = action?.data;
    if (action?.verb === REPLY_VERB && isReplyData(data)) {
      return this.invokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: await this.reply(context, data) });
    }
    if (action?.verb !== 'ack' || !isAckData(data)) {
      return this.invokeResponse(context, { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'unknown action' } });
    }
    const outcome = await this.acknowledge(context, data.participantId, data.flagId);
    if (outcome.kind !== 'done') {
      return this.invokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: outcome.text });
    }
    const escalated = await this.alerts.isEscalatedPost(data.flagId, context.activity.replyToId);
    const card = await this.alerts.cardFor(outcome.flag, escalated);
    await this.deliver(data.participantId, data.flagId);
    await this.invokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });
  }

  private async onSubmit(context: TurnContext): Promise<void> {
    const data: unknown = context.activity.value;
    if (!isAckData(data)) return;
    const outcome = await this.acknowledge(context, data.participantId, data.flagId);
    if (outcome.kind !== 'done') {
      await context.sendActivity(outcome.text);
      return;
    }
    // Every card of the flag, the pressed one included (its id is the message's replyToId).
    await this.deliver(data.participantId, data.flagId);
  }

  private async acknowledge(
    context: TurnContext,
    participantId: string,
    flagId: string,
  ): Promise<{ kind: 'done'; flag: Awaited<ReturnType<StaffCore['review']['acknowledge']>>['flag'] } | { kind: 'refused'; text: string }> {
    const t = this.t();
    const staff = await this.staffFor(context);
    if (!staff) {
      await this.auditUnmapped(context, participantId, flagId);
      return { kind: 'refused', text: t('staff:teams.unmapped') };
    }
    try {
      const { flag, changed } = await this.core.review.acknowledge(participantId, flagId, staff.email);
      await this.core.audit.record({
        actor: staff.email,
        actorRole: staff.role,
        action: 'teams.acknowledge',
        recordType: 'flag',
        recordId: flagId,
        participantId,
        ip: null,
        channel: 'teams',
        detail: { changed },
      });
      return { kind: 'done', flag };
    } catch (err) {
      if (err instanceof FlagActionError && err.reason === 'not_found') return { kind: 'refused', text: t('staff:teams.notFound') };
      if (err instanceof FlagActionError) {
        const flag = await this.core.review.get(participantId, flagId);
        if (flag) return { kind: 'done', flag };
      }
      throw err;
    }
  }

  /** The card's Reply: the text to the participant, signed by the mapped staff account; what happened, in a sentence. */
  private async reply(context: TurnContext, data: ReplyData & { [REPLY_INPUT]?: unknown }): Promise<string> {
    const t = this.t();
    const text = typeof data[REPLY_INPUT] === 'string' ? data[REPLY_INPUT].trim() : '';
    if (!text) return t('staff:teams.replyEmpty');
    const staff = await this.staffFor(context);
    if (!staff) {
      await this.auditUnmapped(context, data.participantId, data.flagId);
      return t('staff:teams.replyUnmapped');
    }
    try {
      const author = { id: staff.id, email: staff.email, name: displayNameOf(staff) };
      // Teams sends a retried invoke with the same activity id: it sends nothing twice.
      const { message, repeated } = await this.core.careTeam.messages.send(data.participantId, author, text, `teams:${context.activity.id ?? text}`);
      if (!repeated) {
        await this.core.audit.record({
          actor: staff.email,
          actorRole: staff.role,
          action: 'teams.reply',
          recordType: 'thread',
          recordId: message.id,
          participantId: data.participantId,
          ip: null,
          channel: 'teams',
          detail: { channel: message.channelId, delivery: message.delivery, flagId: data.flagId },
        });
      }
      return t(message.delivery === 'sent' ? 'staff:teams.replySent' : 'staff:teams.replyFailed');
    } catch (err) {
      if (err instanceof AppError && REPLY_REFUSALS.has(err.code)) return t(`staff:teams.replyRefused.${err.code}`);
      throw err;
    }
  }

  private async auditUnmapped(context: TurnContext, participantId: string, flagId: string): Promise<void> {
    const from = context.activity.from;
    await this.core.audit.record({
      actor: null,
      actorRole: null,
      action: 'teams.unmapped',
      recordType: 'flag',
      recordId: flagId,
      participantId,
      ip: null,
      channel: 'teams',
      detail: { teamsUser: from?.aadObjectId ?? from?.id ?? null },
    });
  }

  /**
   * The staff account of whoever pressed the button: by Azure AD object id
   * first, else by the email Teams reports for the member.
   */
  private async staffFor(context: TurnContext): Promise<Stored<StaffAccount> | undefined> {
    const from = context.activity.from;
    let account = from?.aadObjectId ? await this.core.accounts.byAadObjectId(from.aadObjectId) : undefined;
    if (!account && from?.id) {
      try {
        const member = await TeamsInfo.getMember(context, from.id);
        const email = member.email ?? member.userPrincipalName;
        if (email) account = await this.core.accounts.byEmail(email);
      } catch (err) {
        this.core.log.warn({ err }, 'could not look up the Teams member');
      }
    }
    return account && !account.disabledAt ? account : undefined;
  }

  private async invokeResponse(context: TurnContext, body: { statusCode: number; type: string; value: unknown }): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  }

  private t() {
    return translatorFor(this.core.i18n, this.core.config.staff.teams?.language ?? this.core.config.defaultLanguage);
  }
}
