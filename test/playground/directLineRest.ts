/**
 * A small Direct Line 3.0 REST client for playground tests that check the
 * protocol itself (status codes, watermarks, tokens). The client tests use
 * Microsoft's botframework-directlinejs instead.
 */
export interface Transcript {
  activities: Array<Record<string, any>>;
  watermark: string;
}

export class DirectLineRest {
  watermark = '';
  readonly seen: Array<Record<string, any>> = [];

  constructor(
    readonly baseUrl: string,
    readonly conversationId: string,
    readonly token: string,
  ) {}

  /** Starts a conversation through the page's session control (channel preview + locale). */
  static async session(baseUrl: string, body: { channel: string; locale: string; userId?: string }): Promise<DirectLineRest & { userId: string }> {
    const res = await fetch(`${baseUrl}/playground/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`session answered ${res.status}`);
    const session = (await res.json()) as { userId: string; conversationId: string; token: string };
    return Object.assign(new DirectLineRest(baseUrl, session.conversationId, session.token), { userId: session.userId });
  }

  url(path = ''): string {
    return `${this.baseUrl}/playground/directline/conversations/${this.conversationId}${path}`;
  }

  async post(activity: Record<string, unknown>, token = this.token): Promise<{ status: number; body: any }> {
    const res = await fetch(this.url('/activities'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  }

  async say(text: string): Promise<string> {
    const { status, body } = await this.post({ type: 'message', from: { id: 'whoever' }, text });
    if (status !== 200) throw new Error(`post answered ${status}`);
    return body.id as string;
  }

  /** One poll after the current watermark; remembers the new watermark. */
  async poll(token = this.token): Promise<{ status: number; activities: Array<Record<string, any>> }> {
    const res = await fetch(`${this.url('/activities')}?watermark=${this.watermark}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) return { status: res.status, activities: [] };
    const body = (await res.json()) as Transcript;
    this.watermark = body.watermark;
    this.seen.push(...body.activities);
    return { status: 200, activities: body.activities };
  }

  /** Polls until `predicate` holds over everything seen; returns what was seen. */
  async until(predicate: (seen: Array<Record<string, any>>) => boolean, timeoutMs = 5000): Promise<Array<Record<string, any>>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.poll();
      if (predicate(this.seen)) return this.seen;
      if (Date.now() > deadline) throw new Error(`timed out; seen: ${JSON.stringify(this.seen.map((a) => [a.from?.role, a.text]))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  control(path: string, token = this.token): Promise<Response> {
    return fetch(`${this.baseUrl}/playground/api/${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  }
}
