import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import type { TFunction } from 'i18next';
import { createApp } from '../../bot/app';
import { PuenteApp } from '../../bot/puenteApp';
import { AdaptiveCard } from '../../bot/channels/teamsRenderer';
import { fixedClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { Participant } from '../../bot/domain/participant';
import { NewParticipant } from '../../bot/domain/participants';
import { Language } from '../../bot/i18n';
import { silentLogger } from '../../bot/log';
import { PuenteBot } from '../../bot/puenteBot';
import { Stored } from '../../bot/store/port';
import { createTips } from '../../bot/tips/tips';
import { assertFitsSms } from '../helpers/sms';

/**
 * The whole participant pipeline without HTTP: Puente's app (SQLite in a temp
 * dir, a fixed clock), its TurnRunner (one state read and write per turn,
 * replies held until saved), the safety gate and the dialogs, driven through a
 * botbuilder TestAdapter per channel conversation.
 */
export class ChatHarness {
  app!: PuenteApp;
  readonly clock = fixedClock('2025-03-05T15:00:00Z'); // a Wednesday, 10:00 in New York
  private dir = '';
  private bot!: PuenteBot;

  static async start(options: { env?: Record<string, string>; random?: () => number } = {}): Promise<ChatHarness> {
    const h = new ChatHarness();
    h.dir = mkdtempSync(join(tmpdir(), 'puente-main-'));
    const config = loadConfig({ SQLITE_PATH: join(h.dir, 'puente.db'), LOG_LEVEL: 'silent', ...options.env });
    h.app = await createApp({ config, clock: h.clock, logger: silentLogger() });
    if (options.random) h.app.services.tips = createTips(h.app.services.store, h.clock, { random: options.random });
    h.bot = new PuenteBot(h.app.services);
    return h;
  }

  get services() {
    return this.app.services;
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** An enrolled, consenting participant linked to `channelId` (one user id per test participant). */
  async participant(channelId: string, fields: Partial<NewParticipant> = {}): Promise<Stored<Participant>> {
    const { participants } = this.services;
    const p = await participants.add({
      displayName: 'Ana',
      language: 'en',
      timeZone: 'America/New_York',
      track: 'morning',
      checkinTime: '18:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
      ...fields,
    });
    await participants.update(p.id, (x) => {
      x.consent = { given: true, at: this.clock().toISOString(), channel: channelId };
    });
    return participants.link(p.id, {
      channelId,
      serviceUrl: 'https://channel.example',
      conversationId: `conv-${p.id}`,
      userId: `user-${p.id}`,
      botId: 'puente-bot',
    });
  }

  /** A conversation of a participant on one channel. */
  chat(participant: Participant, channelId: string): Chat {
    const adapter = new TestAdapter(
      (context) => this.app.runner.run(context, (ctx, state) => this.bot.handle(ctx, state)),
      {
        channelId,
        serviceUrl: 'https://channel.example',
        conversation: { id: `conv-${participant.id}`, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: `user-${participant.id}`, name: '' },
        recipient: { id: 'puente-bot', name: 'Puente' },
      },
    );
    return new Chat(adapter, channelId);
  }

  t(language: Language): TFunction {
    return this.services.i18n.getFixedT(language);
  }
}

export class Chat {
  constructor(
    private readonly adapter: TestAdapter,
    readonly channelId: string,
  ) {}

  /**
   * Sends a typed message (or a card submit value) and returns every reply it
   * caused. On `sms` every reply is checked against the 2-segment budget.
   */
  async say(input: string | { value: Record<string, unknown> }): Promise<Partial<Activity>[]> {
    const activity: Partial<Activity> =
      typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { type: ActivityTypes.Message, value: input.value };
    await this.adapter.receiveActivity(activity);
    const replies = this.adapter.activeQueue.splice(0);
    if (this.channelId === 'sms') {
      for (const reply of replies) {
        assert.ok(!reply.attachments?.length, 'no cards on sms');
        assertFitsSms(reply.text ?? '', `sms reply to ${JSON.stringify(input)}`);
      }
    }
    return replies;
  }

  /** The visible text of the replies to one message, joined. */
  async text(input: string | { value: Record<string, unknown> }): Promise<string> {
    return (await this.say(input)).map(visibleText).join('\n');
  }
}

/** A reply's text, or the TextBlocks and button titles of its Adaptive Card. */
export function visibleText(activity: Partial<Activity>): string {
  const parts: string[] = activity.text ? [activity.text] : [];
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as AdaptiveCard;
    for (const element of card.body ?? []) {
      if (element.type === 'TextBlock') parts.push(element.text);
      if (element.type === 'ActionSet') parts.push(...element.actions.map((a) => a.title));
    }
  }
  return parts.join('\n');
}

/** The Action.Submit data of the button titled `title` on the last card among `replies`. */
export function buttonData(replies: Partial<Activity>[], title: string): Record<string, unknown> {
  const cards = replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content as AdaptiveCard));
  const card = cards[cards.length - 1];
  if (!card) throw new Error('no card among the replies');
  for (const element of card.body) {
    if (element.type !== 'ActionSet') continue;
    const action = element.actions.find((a) => a.title === title);
    if (action) return action.data as unknown as Record<string, unknown>;
  }
  throw new Error(`no button "${title}" on the card`);
}
