import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Activity, TestAdapter } from 'botbuilder';
import { createApp } from '../../bot/app';
import { PuenteApp } from '../../bot/puenteApp';
import { ANSWER_FIELD } from '../../bot/channels/prompt';
import { fixedClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { CheckIn } from '../../bot/domain/checkins';
import { Flag } from '../../bot/flags/flag';
import { Participant } from '../../bot/domain/participant';
import { Language } from '../../bot/i18n';
import { silentLogger } from '../../bot/log';
import { createPuenteBot } from '../../bot/puenteBot';
import { Stored } from '../../bot/store/port';
import { DocumentStateStorage } from '../../bot/store/stateStorage';
import { conversationStateKey } from '../../bot/turn/conversationState';

export type Channel = 'sms' | 'msteams';

/** Tuesday 2025-03-04, 12:00 in Chicago. */
export const TUESDAY_NOON = '2025-03-04T18:00:00Z';
export const TUESDAY = 2;

export interface ChatOptions {
  channel: Channel;
  language: Language;
  /** ISO weekday of the participant's weekly screen (default Monday: not today). */
  screenWeekday?: number;
  env?: Record<string, string>;
  /** false: a stranger writes (no participant record). */
  enrolled?: boolean;
  /** The activity locale the channel sends (default: none). */
  locale?: string;
}

/**
 * A conversation with the whole Puente bot (safety gate, main dialog, check-in,
 * tips) through the real turn runner and a SQLite file, on a botbuilder
 * TestAdapter: what the participant would see, turn by turn.
 */
export class Chat {
  readonly clock = fixedClock(TUESDAY_NOON);
  app!: PuenteApp;
  participant: Stored<Participant> | undefined;
  private adapter!: TestAdapter;
  private dir = '';

  private constructor(readonly options: ChatOptions) {}

  static async start(options: ChatOptions): Promise<Chat> {
    const chat = new Chat(options);
    chat.dir = mkdtempSync(join(tmpdir(), 'puente-chat-'));
    const config = loadConfig({ SQLITE_PATH: join(chat.dir, 'puente.db'), LOG_LEVEL: 'silent', ...options.env });
    chat.app = await createApp({ config, clock: chat.clock, logger: silentLogger() });
    const bot = createPuenteBot(chat.app.services);
    const userId = options.channel === 'sms' ? '+15550100123' : '29:teams-user-aad';
    // TestAdapter copies this template onto every incoming activity.
    const template: Partial<Activity> = {
      channelId: options.channel,
      serviceUrl: 'https://connector.test',
      conversation: { id: `${options.channel}-conversation-1`, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId, name: 'Participant' },
      recipient: { id: 'puente-bot', name: 'Puente' },
      ...(options.locale ? { locale: options.locale } : {}),
    };
    chat.adapter = new TestAdapter(async (context) => chat.app.runner.run(context, (ctx, state) => bot.handle(ctx, state)), template);
    if (options.enrolled !== false) chat.participant = await chat.enroll(userId);
    return chat;
  }

  private async enroll(userId: string): Promise<Stored<Participant>> {
    const { participants } = this.app.services;
    const p = await participants.add({
      displayName: this.options.language === 'es' ? 'Lucía' : 'Sam',
      language: this.options.language,
      timeZone: 'America/Chicago',
      track: 'evening',
      checkinTime: '19:00',
      screenWeekday: this.options.screenWeekday ?? 1,
      reminders: { enabled: true, leadMinutes: 60 },
    });
    await participants.link(p.id, {
      channelId: this.options.channel,
      serviceUrl: 'https://connector.test',
      conversationId: `${this.options.channel}-conversation-1`,
      userId,
      botId: 'puente-bot',
    });
    return participants.update(p.id, (x) => {
      x.consent = { given: true, at: this.clock().toISOString(), channel: this.options.channel };
    });
  }

  /** Sends a typed message; resolves with the replies of that turn. */
  async say(text: string, extra: Partial<Activity> = {}): Promise<Partial<Activity>[]> {
    await this.adapter.receiveActivity({ type: 'message', text, ...extra });
    return this.adapter.activeQueue.splice(0);
  }

  /** Taps a Teams card button (by its title) on the last card of `replies`: sends its submit data as Teams does. */
  async tap(replies: Partial<Activity>[], title: string, typedNumber?: number): Promise<Partial<Activity>[]> {
    const data = submitData(replies, title);
    if (typedNumber !== undefined) data[ANSWER_FIELD] = typedNumber;
    await this.adapter.receiveActivity({ type: 'message', value: data });
    return this.adapter.activeQueue.splice(0);
  }

  /** What the bot sent that no say/tap collected (a turn that failed). */
  drain(): Partial<Activity>[] {
    return this.adapter.activeQueue.splice(0);
  }

  /** Today's stored record (finished, or urgent). */
  async today(): Promise<Stored<CheckIn> | undefined> {
    return this.app.services.checkins.today(this.participant!.id, 'America/Chicago');
  }

  /** Today's check-in as far as it got: the unfinished draft in conversation state, else the record. */
  async progress(): Promise<CheckIn | undefined> {
    const state = await new DocumentStateStorage(this.app.services.store).readOne<{ checkinDraft?: CheckIn }>(
      conversationStateKey(this.options.channel, `${this.options.channel}-conversation-1`),
    );
    return state?.state.checkinDraft ?? (await this.today());
  }

  async flags(participantId = this.participant!.id): Promise<Stored<Flag>[]> {
    return this.app.services.flags.listForParticipant(participantId);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Everything a participant reads in these replies: texts and card text blocks, one string. */
export function read(replies: Partial<Activity>[]): string {
  const parts: string[] = [];
  for (const r of replies) {
    if (r.text) parts.push(r.text);
    for (const att of r.attachments ?? []) collect(att.content, parts);
  }
  return parts.join('\n');
}

function collect(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
  for (const value of Object.values(n)) {
    if (Array.isArray(value)) value.forEach((v) => collect(v, out));
    else if (value && typeof value === 'object') collect(value, out);
  }
}

function submitData(replies: Partial<Activity>[], title: string): Record<string, unknown> {
  const cards = replies.flatMap((r) => r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  const card = cards.at(-1);
  if (!card) throw new Error(`no card in the replies to tap "${title}" on:\n${read(replies)}`);
  const actions: Array<{ title: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Submit') actions.push(n as unknown as { title: string; data: Record<string, unknown> });
    Object.values(n).forEach((v) => (Array.isArray(v) ? v.forEach(walk) : walk(v)));
  };
  walk(card.content);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no button "${title}" on the card; buttons: ${actions.map((a) => a.title).join(', ')}`);
  return { ...action.data };
}
