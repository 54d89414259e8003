import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { ChannelAddress } from '../domain/participant';
import { Logger } from '../log';
import { RateLimiter, Sleep, realSleep } from './rateLimiter';

export type Delivery =
  | { status: 'sent'; attempts: number }
  /** 403/404: the user blocked the bot, uninstalled it, or the conversation is gone. */
  | { status: 'unreachable'; attempts: number; statusCode: number }
  /** Retries used up on transient errors, or a permanent refusal (other 4xx). */
  | { status: 'failed'; attempts: number; failure: 'transient' | 'rejected'; statusCode: number | null }
  /** The channel asked for a wait longer than the sender may hold the message: try again after `retryAfterMs`. */
  | { status: 'deferred'; attempts: number; retryAfterMs: number }
  /** The sender's claim on the message was taken over while it waited: the new holder sends it. */
  | { status: 'lost'; attempts: number };

/**
 * What the sender asks before each wait between attempts (a Retry-After, a
 * backoff): 'wait' once the message is held for that long, 'defer' when the
 * wait is too long to hold it, 'lost' when it is no longer this sender's.
 */
export interface DeliveryHold {
  beforeWait(ms: number): Promise<'wait' | 'defer' | 'lost'>;
}

/** What the scheduler needs of a sender (tests put in one that hangs, to play a crash). */
export interface Sender {
  deliver(address: ChannelAddress, activity: Partial<Activity>, hold?: DeliveryHold): Promise<Delivery>;
}

export interface SenderOptions {
  maxAttempts: number;
  /** First backoff after a transient failure; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Used when a 429 carries no usable Retry-After. */
  defaultRetryAfterMs?: number;
  sleep?: Sleep;
}

/**
 * Who the bot is when it speaks first: its app id (the connector gets a token
 * for it), or in local mode an anonymous identity, the same one CloudAdapter
 * gives inbound turns when authentication is off.
 */
export function botIdentity(appId: string | undefined): string | ClaimsIdentity {
  return appId ? appId : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
}

/** The ConversationReference continueConversationAsync needs, from the address stored on the participant. */
export function conversationReference(address: ChannelAddress): Partial<ConversationReference> {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversation: { id: address.conversationId, isGroup: false, conversationType: 'personal', name: '', tenantId: address.tenantId },
    user: { id: address.userId, name: '' },
    bot: { id: address.botId, name: '' },
    locale: address.locale,
  };
}

/**
 * Sends one proactive activity through the adapter (paced there, per
 * destination, across instances), retrying transient failures with exponential backoff and honouring
 * a 429's Retry-After. It classifies the outcome; what to record is the
 * caller's business.
 */
export class ProactiveSender implements Sender {
  private readonly sleep: Sleep;
  /** Kept-alive connections shared by every send (the SDK would open one per message). */
  private readonly agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly identity: string | ClaimsIdentity,
    private readonly limiter: RateLimiter,
    private readonly options: SenderOptions,
    private readonly log: Logger,
  ) {
    this.sleep = options.sleep ?? realSleep;
  }

  async deliver(address: ChannelAddress, activity: Partial<Activity>, hold?: DeliveryHold): Promise<Delivery> {
    const reference = conversationReference(address);
    let lastStatus: number | null = null;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      // Paced by the adapter (PuenteAdapter.sendActivities), as every send is.
      try {
        // The adapter hands errors thrown in the logic to onTurnError (which would apologise to the
        // participant for a message they never got), so the send's error is carried out by hand.
        let sendError: unknown;
        await this.adapter.continueConversationAsync(this.identity, reference, async (context) => {
          tuneConnectorClient(context.turnState.get(this.adapter.ConnectorClientKey), this.agents);
          try {
            await context.sendActivity(activity);
          } catch (err) {
            sendError = err ?? new Error('send failed');
          }
        });
        if (sendError !== undefined) throw sendError instanceof Error ? sendError : new Error('send failed');
        return { status: 'sent', attempts: attempt };
      } catch (err) {
        const status = httpStatusOf(err);
        lastStatus = status ?? null;
        if (status === 403 || status === 404) return { status: 'unreachable', attempts: attempt, statusCode: status };
        if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
          return { status: 'failed', attempts: attempt, failure: 'rejected', statusCode: status };
        }
        this.log.warn({ channelId: address.channelId, status: status ?? null, attempt }, 'outreach send failed; will retry');
        if (attempt === this.options.maxAttempts) break;
        const wait =
          status === 429
            ? (retryAfterMs(err) ?? this.options.defaultRetryAfterMs ?? 1000)
            : Math.min((this.options.baseBackoffMs ?? 1000) * 2 ** (attempt - 1), this.options.maxBackoffMs ?? 30_000);
        const decision = hold ? await hold.beforeWait(wait) : 'wait';
        // Everything else bound for this destination waits too, not only this message (the next send waits it out).
        const pacedWait = status === 429 && (await this.limiter.backOff(address.channelId, address.conversationId, wait));
        if (decision === 'defer') return { status: 'deferred', attempts: attempt, retryAfterMs: wait };
        if (decision === 'lost') return { status: 'lost', attempts: attempt };
        if (!pacedWait) await this.sleep(wait);
      }
    }
    return { status: 'failed', attempts: this.options.maxAttempts, failure: 'transient', statusCode: lastStatus };
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

interface PipelineLike {
  removePolicy?(policy: { name: string }): unknown;
  addPolicy?(policy: { name: string; sendRequest(request: { url: string; agent?: unknown }, next: (r: unknown) => Promise<unknown>): Promise<unknown> }): void;
}

/**
 * Two adjustments to the ConnectorClient CloudAdapter makes for each
 * continueConversationAsync call (inbound turns keep the SDK defaults; staff
 * alerts, which retry through their outbox, take the first only):
 * - its own retries go: core-rest-pipeline's defaultRetryPolicy retries 429
 *   and 5xx (3 more tries, waits up to 64 s) without the rate limiter hearing
 *   of it; the proactive path retries itself, so pacing, the attempt limit and
 *   what gets recorded stay in one place;
 * - requests go through shared kept-alive agents: each client would otherwise
 *   open (and keep) a connection, with a TLS handshake, per message.
 * Should the SDK's internals move, both simply stay at the SDK defaults (a
 * test counts attempts and would tell).
 */
export function tuneConnectorClient(connectorClient: unknown, agents?: { http: HttpAgent; https: HttpsAgent }): void {
  const pipeline = (connectorClient as { client?: { pipeline?: PipelineLike } } | undefined)?.client?.pipeline;
  pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
  if (!agents) return;
  pipeline?.addPolicy?.({
    name: 'puenteSharedAgent',
    sendRequest: (request, next) => {
      request.agent ??= request.url.startsWith('https:') ? agents.https : agents.http;
      return next(request);
    },
  });
}

/** The HTTP status of a connector error (RestError carries `statusCode`), or undefined for network errors. */
export function httpStatusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  for (const v of [e?.statusCode, e?.status, e?.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}

/** Retry-After in ms: delta-seconds or an HTTP date. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | null)?.response?.headers as
    | { get?: (name: string) => string | undefined; [name: string]: unknown }
    | undefined;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers?.['retry-after'] as string | undefined);
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
