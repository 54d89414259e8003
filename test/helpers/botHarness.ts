import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppOptions, createApp } from '../../bot/app';
import { PuenteApp } from '../../bot/puenteApp';
import { Clock } from '../../bot/clock';
import { Config, loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { DocumentStore } from '../../bot/store/port';
import { CaptureConnector, SentActivity } from './captureConnector';

export interface HarnessOptions {
  /** Extra environment variables (as the process would see them). */
  env?: Record<string, string>;
  store?: DocumentStore;
  clock?: Clock;
  bot?: AppOptions['bot'];
  /** Default: silent. */
  logger?: AppOptions['logger'];
  botAuthentication?: AppOptions['botAuthentication'];
  /** The staff feature's sign-in waits and KDF; the KDF defaults to TEST_KDF. */
  staff?: AppOptions['staff'];
}

/**
 * scrypt at N = 2^10 for the staff accounts tests create: the same code path
 * as production's 2^15 (bot/staff/password.ts) at a thirtieth of the CPU,
 * which every sign-in of every dashboard test would otherwise pay.
 */
export const TEST_KDF = { log2N: 10, r: 8, p: 1 };

/**
 * A running Puente app on a free port with its own SQLite file (or the given
 * store), plus a capture connector: talk to it the way the Emulator does.
 */
export class BotHarness {
  readonly connector = new CaptureConnector();
  app!: PuenteApp;
  baseUrl = '';
  config!: Config;
  private dir = '';
  private seq = 0;

  static async start(options: HarnessOptions = {}): Promise<BotHarness> {
    const h = new BotHarness();
    await h.connector.start();
    h.dir = mkdtempSync(join(tmpdir(), 'puente-test-'));
    try {
      h.config = loadConfig({ SQLITE_PATH: join(h.dir, 'puente.db'), LOG_LEVEL: 'silent', ...options.env });
      h.app = await createApp({
        config: h.config,
        store: options.store,
        clock: options.clock,
        logger: options.logger ?? silentLogger(),
        bot: options.bot,
        botAuthentication: options.botAuthentication,
        staff: { kdf: TEST_KDF, ...options.staff },
      });
      h.baseUrl = await h.app.listen(0);
    } catch (err) {
      // Nothing a failed start opened may outlive it: the connector would keep the test process alive.
      await h.connector.stop();
      rmSync(h.dir, { recursive: true, force: true });
      throw err;
    }
    return h;
  }

  async stop(): Promise<void> {
    try {
      await this.app.close();
    } finally {
      await this.connector.stop();
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** POSTs an activity to /api/messages; returns the HTTP status and parsed body. */
  async post(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body };
  }

  /** A message activity from a user, as a channel would deliver it. */
  message(
    user: { id: string; conversationId?: string; channelId?: string; locale?: string },
    text: string,
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${++this.seq}`,
      timestamp: new Date().toISOString(),
      channelId: user.channelId ?? 'sms',
      serviceUrl: this.connector.url,
      from: { id: user.id },
      recipient: { id: 'puente-bot' },
      conversation: { id: user.conversationId ?? `conv-${user.id}` },
      locale: user.locale,
      text,
      ...extra,
    };
  }

  /**
   * Sends a message and returns the replies it caused, once the HTTP call returns
   * (replies are posted to the connector before the turn completes).
   */
  async say(
    user: { id: string; conversationId?: string; channelId?: string; locale?: string },
    text: string,
    extra: Record<string, unknown> = {},
  ): Promise<SentActivity[]> {
    const conversationId = user.conversationId ?? `conv-${user.id}`;
    const before = this.connector.forConversation(conversationId).length;
    const { status } = await this.post(this.message(user, text, extra));
    if (status >= 300) throw new Error(`POST /api/messages answered ${status}`);
    return this.connector.forConversation(conversationId).slice(before);
  }
}

/** The visible text of a reply: its text, or the TextBlocks of an Adaptive Card. */
export function replyText(activity: SentActivity): string {
  const parts: string[] = [];
  if (typeof activity.text === 'string') parts.push(activity.text);
  for (const att of activity.attachments ?? []) {
    if (att.contentType === 'application/vnd.microsoft.card.adaptive') collectText(att.content, parts);
  }
  return parts.join('\n');
}

function collectText(node: any, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  if (node.type === 'TextBlock' && typeof node.text === 'string') out.push(node.text);
  if (typeof node.title === 'string' && String(node.type ?? '').startsWith('Action.')) out.push(node.title);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((v) => collectText(v, out));
    else if (value && typeof value === 'object') collectText(value, out);
  }
}
