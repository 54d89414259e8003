import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Activity, ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { BotHarness } from '../helpers/botHarness';
import { translatorFor } from '../../bot/i18n';
import { startingAt } from './support';

/**
 * The playground's Direct Line endpoint with Microsoft's own client library,
 * botframework-directlinejs, polling (webSocket: false) as Web Chat does when
 * told to, against the real Puente bot.
 *
 * The library speaks through the browser's XMLHttpRequest (rxjs ajax). Node 20
 * has none, so the xhr2 package stands in for it; Node 20 has no WebSocket
 * global either, and the library reads that name even with webSocket: false.
 */
before(() => {
  const g = globalThis as Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- xhr2 is CommonJS-only and must load before the client
  g.XMLHttpRequest ??= require('xhr2');
  if (!('WebSocket' in g)) g.WebSocket = undefined;
});

let h: BotHarness;
before(async () => {
  // Tuesday 1 December 2026, 10:00 in New York.
  h = await BotHarness.start({ clock: startingAt('2026-12-01T15:00:00Z') });
});
after(async () => h.stop());

/** Starts a conversation the way a web page's server does (tokens/generate), then hands the token to the client. */
async function connect(locale: string): Promise<{ client: DirectLine; token: string; received: Activity[]; waitFor: (p: (a: Activity) => boolean) => Promise<Activity> }> {
  const res = await fetch(`${h.baseUrl}/playground/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ locale }),
  });
  const { token } = (await res.json()) as { token: string };
  const client = new DirectLine({ domain: `${h.baseUrl}/playground/directline`, token, webSocket: false, pollingInterval: 200 });
  const received: Activity[] = [];
  const listeners: Array<() => void> = [];
  client.activity$.subscribe(
    (activity) => {
      received.push(activity);
      listeners.splice(0).forEach((l) => l());
    },
    // end() fails the pending poll with "conversation ended": the test is over by then.
    () => undefined,
  );
  const waitFor = (predicate: (a: Activity) => boolean) =>
    new Promise<Activity>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; received ${JSON.stringify(received.map((a) => (a as { text?: string }).text))}`)), 10_000);
      const check = () => {
        const found = received.find(predicate);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else listeners.push(check);
      };
      check();
    });
  return { client, token, received, waitFor };
}

function send(client: DirectLine, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client.postActivity({ type: 'message', from: { id: 'directline-test' }, text }).subscribe(resolve, reject);
  });
}

/** The fields of a reply this test reads (the library's Activity type leaves some out). */
type Reply = Activity & { replyToId?: string; suggestedActions?: { actions: Array<{ title: string }> } };

const fromBot = (a: Activity) => a.from.role === 'bot';
const textOf = (a: Activity) => (a as { text?: string }).text ?? '';

for (const [locale, language, greeting] of [
  ['es-US', 'es', 'hola'],
  ['en-US', 'en', 'hello'],
] as const) {
  test(`${locale}: start, send "${greeting}", get the reply in that language, then the proactive check-in prompt`, async () => {
    const t = translatorFor(h.app.services.i18n, language);
    const { client, token, received, waitFor } = await connect(locale);
    try {
      const id = await send(client, greeting);
      assert.match(id, /\|\d{7}$/);
      assert.equal(client.connectionStatus$.getValue(), ConnectionStatus.Online);

      const reply = (await waitFor(fromBot)) as Reply;
      assert.equal(reply.replyToId, id);
      assert.ok(textOf(reply).startsWith(t('common:menu.greeting', { name: t('playground:participant.displayName') })), textOf(reply));
      assert.equal(reply.suggestedActions?.actions[0].title, t('common:menu.checkin'), 'Web Chat preview: suggested actions');

      const res = await fetch(`${h.baseUrl}/playground/api/checkin-prompt`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      assert.deepEqual(await res.json(), { sent: true });
      await waitFor((a) => fromBot(a) && textOf(a) === t('outreach:checkin.prompt'));
      assert.deepEqual(
        received.map((a) => a.from.role),
        ['user', 'bot', 'bot'],
      );
    } finally {
      client.end();
    }
  });
}

// A conversation started this way has no locale control: it speaks the default language (en).
for (const greeting of ['hi', 'hola']) {
  test(`a client started with a Direct Line secret goes on using it, as on Direct Line 3.0 ("${greeting}")`, async () => {
    const t = translatorFor(h.app.services.i18n, 'en');
    // The library starts the conversation with the secret and then sends and polls with that same secret.
    const client = new DirectLine({ domain: `${h.baseUrl}/playground/directline`, secret: `local-secret-${greeting}`, webSocket: false, pollingInterval: 200 });
    const received: Activity[] = [];
    const arrived = new Promise<Activity>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; received ${JSON.stringify(received.map(textOf))}`)), 10_000);
      client.activity$.subscribe(
        (activity) => {
          received.push(activity);
          if (fromBot(activity)) {
            clearTimeout(timer);
            resolve(activity);
          }
        },
        () => undefined,
      );
    });
    try {
      await send(client, greeting);
      const reply = await arrived;
      assert.ok(textOf(reply).startsWith(t('common:menu.greeting', { name: t('playground:participant.displayName') })), textOf(reply));
      assert.equal(client.connectionStatus$.getValue(), ConnectionStatus.Online);
    } finally {
      client.end();
    }
  });
}
