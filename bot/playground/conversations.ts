import { randomBytes } from 'node:crypto';
import { languageOf } from '../i18n';

/** The channels the playground can preview: what a participant would see on each. */
export const PREVIEW_CHANNELS = ['webchat', 'sms', 'msteams'] as const;
export type PreviewChannel = (typeof PREVIEW_CHANNELS)[number];

/** The locales of the page's language control. */
export const PREVIEW_LOCALES = ['en-US', 'es-US'] as const;
export type PreviewLocale = (typeof PREVIEW_LOCALES)[number];

/** An activity as it travels through Direct Line: JSON with a few fields we rely on. */
export interface TranscriptActivity {
  type: string;
  id?: string;
  [field: string]: unknown;
}

/** One Direct Line conversation of the playground: who, on which channel preview, and its transcript. */
export interface PlaygroundConversation {
  id: string;
  /** Bearer token bound to this conversation (Direct Line tokens are per conversation). */
  token: string;
  /**
   * The Direct Line secret the conversation was started with, if any: as in
   * Direct Line 3.0, a client that starts with its secret goes on using it.
   */
  secret?: string;
  userId: string;
  channelId: PreviewChannel;
  locale: PreviewLocale;
  participantId: string;
  /** Everything said in the conversation, in order; a position is a Direct Line watermark. */
  transcript: TranscriptActivity[];
  lastUsed: number;
}

export type NewConversation = Pick<PlaygroundConversation, 'id' | 'userId' | 'channelId' | 'locale' | 'participantId' | 'secret'>;

export function newConversationId(): string {
  return `pg-${randomBytes(12).toString('base64url')}`;
}

/** How many conversations one playground keeps before it forgets the least recently used. */
const MAX_CONVERSATIONS = 200;

/**
 * The playground's Direct Line conversations, in memory: a local try-out tool
 * needs no durability, and a restart simply starts new conversations (the
 * participant record and bot state live in the store like any channel's).
 */
export class ConversationBook {
  private readonly byId = new Map<string, PlaygroundConversation>();
  private readonly byToken = new Map<string, PlaygroundConversation>();
  private sequence = 0;

  constructor(private readonly now: () => number = Date.now) {}

  open(input: NewConversation): PlaygroundConversation {
    if (this.byId.size >= MAX_CONVERSATIONS) this.forgetLeastRecentlyUsed();
    const conversation: PlaygroundConversation = {
      ...input,
      token: randomBytes(32).toString('base64url'),
      transcript: [],
      lastUsed: this.now(),
    };
    this.byId.set(conversation.id, conversation);
    this.byToken.set(conversation.token, conversation);
    return conversation;
  }

  get(id: string): PlaygroundConversation | undefined {
    const conversation = this.byId.get(id);
    if (conversation) conversation.lastUsed = this.now();
    return conversation;
  }

  /** The conversation `id` when `credential` is its token or the secret that started it. */
  authorizedBy(id: string, credential: string): PlaygroundConversation | undefined {
    const conversation = this.byId.get(id);
    if (!conversation || (credential !== conversation.token && credential !== conversation.secret)) return undefined;
    return this.get(id);
  }

  withToken(token: string): PlaygroundConversation | undefined {
    const conversation = this.byToken.get(token);
    return conversation ? this.get(conversation.id) : undefined;
  }

  ofUser(userId: string): PlaygroundConversation[] {
    return [...this.byId.values()].filter((c) => c.userId === userId);
  }

  forget(id: string): void {
    const conversation = this.byId.get(id);
    if (!conversation) return;
    this.byId.delete(id);
    this.byToken.delete(conversation.token);
  }

  /** Appends an activity, giving it a Direct Line style id ("conversation|0000001"); returns the id. */
  append(conversation: PlaygroundConversation, activity: TranscriptActivity): string {
    const id = `${conversation.id}|${String(++this.sequence).padStart(7, '0')}`;
    conversation.transcript.push({ ...activity, id });
    return id;
  }

  /**
   * An updated activity (the bot's updateActivity) is delivered again with the
   * same id at the end of the transcript: Web Chat replaces what it showed
   * under that id. Returns false when the id is unknown.
   */
  update(conversation: PlaygroundConversation, activityId: string, activity: TranscriptActivity): boolean {
    if (!conversation.transcript.some((a) => a.id === activityId)) return false;
    conversation.transcript.push({ ...activity, id: activityId });
    return true;
  }

  /** Activities after `watermark` and the watermark to ask with next time. */
  since(conversation: PlaygroundConversation, watermark: number): { activities: TranscriptActivity[]; watermark: string } {
    const from = Number.isInteger(watermark) && watermark > 0 ? watermark : 0;
    return { activities: conversation.transcript.slice(from), watermark: String(conversation.transcript.length) };
  }

  private forgetLeastRecentlyUsed(): void {
    let oldest: PlaygroundConversation | undefined;
    for (const c of this.byId.values()) if (!oldest || c.lastUsed < oldest.lastUsed) oldest = c;
    if (oldest) this.forget(oldest.id);
  }
}

export function isPreviewChannel(value: unknown): value is PreviewChannel {
  return typeof value === 'string' && (PREVIEW_CHANNELS as readonly string[]).includes(value);
}

export function isPreviewLocale(value: unknown): value is PreviewLocale {
  return typeof value === 'string' && (PREVIEW_LOCALES as readonly string[]).includes(value);
}

/** The preview locale for a client's own locale ("es-MX" → es-US); anything else → the default language's. */
export function previewLocaleFor(locale: unknown, defaultLanguage: string): PreviewLocale {
  if (isPreviewLocale(locale)) return locale;
  const language = typeof locale === 'string' ? languageOf(locale) : undefined;
  return (language ?? defaultLanguage) === 'es' ? 'es-US' : 'en-US';
}
