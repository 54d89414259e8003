import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** An activity as the bot sent it to the connector. */
export type SentActivity = Record<string, any> & { conversation?: { id: string } };

/**
 * Stands in for the Bot Framework connector (the channel side): the bot posts
 * its replies to /v3/conversations/{id}/activities[/{replyToId}] here, as the
 * Emulator's or Azure Bot Service's connector would receive them.
 */
export class CaptureConnector {
  readonly received: SentActivity[] = [];
  /** Activities the bot replaced (updateActivity: PUT …/activities/{activityId}), in arrival order. */
  readonly updated: SentActivity[] = [];
  /** Channel members by user id, answered to GET …/members/{userId} (TeamsInfo.getMember). */
  readonly members = new Map<string, Record<string, unknown>>();
  /** Status to answer with; tests set it to simulate 403/404/429/5xx. */
  respond: (activity: SentActivity) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 });
  /** While set, each posted activity waits for it before being answered: a slow connector, or one that hangs. */
  hold: ((activity: SentActivity) => Promise<void>) | undefined;
  /** Activities posted so far, answered or not (received holds only the answered ones). */
  arrivals = 0;
  private server: Server | undefined;
  private waiters: Array<() => void> = [];
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Closes the server and every connection, held ones included (close alone would wait for them). */
  async stop(): Promise<void> {
    if (!this.server) return;
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** Resolves once `count` activities have been posted (answered or still held). */
  async waitForArrivals(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.arrivals < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${count} arrivals (have ${this.arrivals})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Activities sent into one conversation, in arrival order. */
  forConversation(conversationId: string): SentActivity[] {
    return this.received.filter((a) => a.conversation?.id === conversationId);
  }

  /** Waits until `predicate` holds over what was received (polling on each arrival). */
  async waitFor(predicate: (received: SentActivity[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for activities (have ${this.received.length})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  clear(): void {
    this.received.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && member) {
      const found = this.members.get(decodeURIComponent(member[1]));
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found ?? { error: { code: 'NotFound' } }));
      return;
    }
    if (req.method === 'PUT' && match?.[2]) {
      const updated = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity;
      updated.conversation ??= { id: decodeURIComponent(match[1]) };
      updated.id ??= decodeURIComponent(match[2]);
      this.updated.push(updated);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: updated.id }));
      const waiting = this.waiters;
      this.waiters = [];
      waiting.forEach((w) => w());
      return;
    }
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity;
    activity.conversation ??= { id: decodeURIComponent(match[1]) };
    this.arrivals++;
    this.wake();
    if (this.hold) await this.hold(activity);
    if (res.destroyed) return;
    const { status, headers } = this.respond(activity);
    if (status < 300) this.received.push(activity);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ id: `sent-${this.received.length}` }));
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}
