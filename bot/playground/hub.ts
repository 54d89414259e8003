import { ActivityTypes } from 'botbuilder';
import { Services } from '../services';
import { DocumentStateStorage } from '../store/stateStorage';
import { conversationStateKey } from '../turn/conversationState';
import {
  ConversationBook,
  PlaygroundConversation,
  PreviewChannel,
  PreviewLocale,
  TranscriptActivity,
  newConversationId,
} from './conversations';
import { CONNECTOR_PATH } from './paths';
import { enrollPlaygroundUser, findPlaygroundParticipant, isPlaygroundUserId, newPlaygroundUserId, removePlaygroundParticipant } from './playgroundParticipant';

/** The bot as the playground's channels know it. */
export const PLAYGROUND_BOT = { id: 'puente-playground-bot', name: 'Puente', role: 'bot' } as const;

/** The fields of a user's activity that reach the bot; the rest (ids, addresses, channel) the playground sets, as a channel would. */
const USER_FIELDS = [
  'type',
  'text',
  'textFormat',
  'value',
  'name',
  'attachments',
  'attachmentLayout',
  'channelData',
  'entities',
  'localTimestamp',
  'localTimezone',
] as const;

export interface HubDependencies {
  services: Services;
  /** This app's own base URL (known once it listens): user activities go to its /api/messages. */
  selfUrl: () => string;
  /** Waits for in-flight turns (start over must not race a turn that saves state). */
  idle: () => Promise<void>;
}

export class UnknownConversationError extends Error {}

/**
 * The playground's channel: it stands where Direct Line and a Bot Framework
 * channel stand in production. A user's activity is posted to this app's own
 * /api/messages with a serviceUrl pointing back at the playground connector,
 * so it runs through the same adapter, turn runner, state and renderer as SMS
 * or Teams traffic; the bot's replies and proactive messages come back over
 * HTTP like any connector's and land in the conversation's transcript.
 */
export class PlaygroundHub {
  readonly book = new ConversationBook();
  private readonly stateStorage: DocumentStateStorage;
  private lastTimestamp = 0;

  constructor(private readonly deps: HubDependencies) {
    this.stateStorage = new DocumentStateStorage(deps.services.store);
  }

  get serviceUrl(): string {
    return `${this.deps.selfUrl()}${CONNECTOR_PATH}`;
  }

  /**
   * Starts a conversation for a playground user on one channel preview and
   * enrolls the user (no code in local mode). An unknown or foreign user id
   * gets a fresh playground user.
   */
  async open(request: { userId?: unknown; channelId: PreviewChannel; locale: PreviewLocale; secret?: string }): Promise<PlaygroundConversation> {
    const userId = isPlaygroundUserId(request.userId) ? request.userId : newPlaygroundUserId();
    const id = newConversationId();
    const participant = await enrollPlaygroundUser(this.deps.services, {
      userId,
      channelId: request.channelId,
      locale: request.locale,
      conversationId: id,
      serviceUrl: this.serviceUrl,
      botId: PLAYGROUND_BOT.id,
    });
    return this.book.open({ id, userId, channelId: request.channelId, locale: request.locale, participantId: participant.id, secret: request.secret });
  }

  /**
   * A user's activity: echoed into the transcript (Direct Line does, and Web
   * Chat marks a message sent when its echo arrives), then handed to the bot.
   * Resolves with the activity id and the bot endpoint's HTTP status.
   */
  async fromUser(conversation: PlaygroundConversation, body: Record<string, unknown>): Promise<{ id: string; botStatus: number }> {
    const fields: TranscriptActivity = { type: String(body.type) };
    for (const field of USER_FIELDS) if (body[field] !== undefined) (fields as Record<string, unknown>)[field] = body[field];
    const from = body.from as { name?: unknown } | undefined;
    const activity: TranscriptActivity = {
      ...fields,
      channelId: conversation.channelId,
      conversation: { id: conversation.id },
      from: { id: conversation.userId, ...(typeof from?.name === 'string' ? { name: from.name } : {}), role: 'user' },
      recipient: { ...PLAYGROUND_BOT },
      locale: conversation.locale,
      timestamp: this.timestamp(),
    };
    const id = this.book.append(conversation, activity);
    const response = await fetch(`${this.deps.selfUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, id, serviceUrl: this.serviceUrl }),
    });
    await response.arrayBuffer();
    return { id, botStatus: response.status };
  }

  /** An activity the bot sent (reply or proactive); returns its id. */
  fromBot(conversationId: string, body: Record<string, unknown>): string {
    const conversation = this.conversation(conversationId);
    return this.book.append(conversation, this.asDelivered(conversation, body));
  }

  /** The bot's updateActivity; false when the activity is unknown. */
  updateFromBot(conversationId: string, activityId: string, body: Record<string, unknown>): boolean {
    const conversation = this.conversation(conversationId);
    return this.book.update(conversation, activityId, this.asDelivered(conversation, body));
  }

  /** "Send my check-in prompt now": the outreach path for this conversation's participant. */
  async checkinPromptNow(conversation: PlaygroundConversation): Promise<{ sent: boolean; reason?: string }> {
    return this.deps.services.outreach.sendCheckinPromptNow(conversation.participantId);
  }

  /**
   * "Start over": the playground participant, its links and the bot state of
   * every conversation this user had here are removed; the page then starts a
   * new user.
   */
  async startOver(conversation: PlaygroundConversation): Promise<void> {
    await this.deps.idle();
    const participant = await findPlaygroundParticipant(this.deps.services, conversation.userId);
    const participantIds = new Set([conversation.participantId, ...(participant ? [participant.id] : [])]);
    for (const id of participantIds) await removePlaygroundParticipant(this.deps.services, id);
    for (const c of this.book.ofUser(conversation.userId)) {
      await this.stateStorage.deleteOne(conversationStateKey(c.channelId, c.id));
      this.book.forget(c.id);
    }
  }

  private conversation(id: string): PlaygroundConversation {
    const conversation = this.book.get(id);
    if (!conversation) throw new UnknownConversationError(id);
    return conversation;
  }

  /**
   * What the user's device shows of a bot activity. An SMS phone shows plain
   * text only: no markdown, cards or buttons; everything else shows the
   * activity as sent.
   */
  private asDelivered(conversation: PlaygroundConversation, body: Record<string, unknown>): TranscriptActivity {
    const base = {
      type: typeof body.type === 'string' ? body.type : ActivityTypes.Message,
      channelId: conversation.channelId,
      conversation: { id: conversation.id },
      from: { ...PLAYGROUND_BOT, ...(body.from as object | undefined), role: 'bot' },
      recipient: { id: conversation.userId, role: 'user' },
      timestamp: this.timestamp(),
      ...(typeof body.replyToId === 'string' ? { replyToId: body.replyToId } : {}),
    };
    if (conversation.channelId === 'sms') {
      return { ...base, ...(typeof body.text === 'string' ? { text: body.text, textFormat: 'plain' } : {}) };
    }
    const { id: _id, serviceUrl: _serviceUrl, ...rest } = body;
    return { ...rest, ...base };
  }

  /** Transcript timestamps strictly increase, so Web Chat keeps the order the activities arrived in. */
  private timestamp(): string {
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    return new Date(this.lastTimestamp).toISOString();
  }
}
