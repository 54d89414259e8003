import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Activity, ActivityTypes, CardFactory, ConversationReference, MessageFactory, TurnContext } from 'botbuilder';
import { BotHarness } from '../helpers/botHarness';
import { fixedClock } from '../../bot/clock';
import { TurnState, conversationStateKey } from '../../bot/turn/conversationState';
import { DocumentStateStorage } from '../../bot/store/stateStorage';
import { WEBCHAT_BUNDLE } from '../../bot/playground/page';
import { removePlaygroundParticipant } from '../../bot/playground/playgroundParticipant';
import { DirectLineRest } from './directLineRest';

/**
 * The playground's transport with a recording echo bot in place of Puente:
 * the page and its assets, the Direct Line subset, the connector side, the
 * code-free enrollment and "start over".
 */
const seenByBot: Array<Partial<Activity>> = [];

function recordingBot() {
  return {
    async handle(context: TurnContext, state: TurnState) {
      seenByBot.push(context.activity);
      if (context.activity.type !== ActivityTypes.Message) return;
      state.set('turns', (state.get<number>('turns') ?? 0) + 1);
      if (context.activity.text === 'buttons') {
        const reply = MessageFactory.suggestedActions(['1', '2'], 'Pick one\n1 One\n2 Two');
        reply.attachments = [CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'card' }] })];
        await context.sendActivity(reply);
        return;
      }
      await context.sendActivity(`echo ${context.activity.text ?? JSON.stringify(context.activity.value)}`);
    },
  };
}

let h: BotHarness;
before(async () => {
  h = await BotHarness.start({ bot: recordingBot, clock: fixedClock('2026-12-01T15:00:00Z') });
});
after(async () => h.stop());

const lastSeen = () => seenByBot[seenByBot.length - 1];

describe('page', () => {
  test('GET /playground serves the page with a strict script policy, in the language of its locale control', async () => {
    const en = await fetch(`${h.baseUrl}/playground`);
    assert.equal(en.status, 200);
    const csp = en.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'Web Chat styles are allowed by a nonce');
    assert.match(csp, /connect-src 'self'/);
    const html = await en.text();
    assert.match(html, /<html lang="en-US">/);
    assert.ok(html.includes(`data-style-nonce="${nonce}"`), 'the page hands the nonce to Web Chat');
    assert.match(html, /<title>Puente playground<\/title>/);
    // Every script comes from a file of this app: none inline.
    assert.deepEqual(html.match(/<script[^>]*>/g), [
      '<script src="/playground/assets/webchat.js" defer>',
      '<script src="/playground/assets/playground.js" defer>',
    ]);
    assert.match(html, /<label for="channel">Channel preview<\/label>/);

    const esResponse = await fetch(`${h.baseUrl}/playground?channel=sms&locale=es-US`);
    assert.notEqual(esResponse.headers.get('content-security-policy'), csp, 'a fresh nonce per response');
    const es = await esResponse.text();
    assert.match(es, /<html lang="es-US">/);
    assert.match(es, /<label for="locale">Idioma<\/label>/);
    assert.match(es, /<option value="sms" selected>SMS \(texto simple\)<\/option>/);
    assert.match(es, /data-channel="sms" data-locale="es-US"/);
  });

  test("serves Microsoft's Web Chat bundle from node_modules, revalidated by ETag", async () => {
    const res = await fetch(`${h.baseUrl}/playground/assets/webchat.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    assert.ok(body.equals(readFileSync(WEBCHAT_BUNDLE)));
    const again = await fetch(`${h.baseUrl}/playground/assets/webchat.js`, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
    assert.equal(again.status, 304);
    assert.equal((await fetch(`${h.baseUrl}/playground/assets/playground.js`)).status, 200);
    assert.equal((await fetch(`${h.baseUrl}/playground/assets/app.ts`)).status, 404);
  });
});

describe('Direct Line', () => {
  test('an activity reaches the bot on the preview channel and locale, and the reply comes back through serviceUrl', async () => {
    const dl = await DirectLineRest.session(h.baseUrl, { channel: 'sms', locale: 'es-US' });
    const id = await dl.say('hola');
    const seen = await dl.until((all) => all.some((a) => a.from.role === 'bot'));

    const atBot = lastSeen();
    assert.equal(atBot.channelId, 'sms');
    assert.equal(atBot.locale, 'es-US');
    assert.equal(atBot.id, id);
    assert.equal(atBot.from?.id, dl.userId, 'the conversation, not the client, decides who is writing');
    assert.equal(atBot.serviceUrl, `${h.baseUrl.replace('localhost', '127.0.0.1')}/playground/connector`);

    assert.deepEqual(
      seen.map((a) => [a.from.role, a.text]),
      [
        ['user', 'hola'],
        ['bot', 'echo hola'],
      ],
    );
    assert.equal(seen[0].id, id);
    assert.equal(seen[1].replyToId, id);
  });

  test('polling returns only what follows the watermark', async () => {
    const dl = await DirectLineRest.session(h.baseUrl, { channel: 'webchat', locale: 'en-US' });
    await dl.say('one');
    await dl.until((all) => all.length === 2);
    const first = dl.watermark;
    assert.deepEqual((await dl.poll()).activities, []);
    await dl.say('two');
    await dl.until((all) => all.length === 4);
    assert.ok(Number(dl.watermark) > Number(first));
    assert.deepEqual(
      dl.seen.map((a) => a.text),
      ['one', 'echo one', 'two', 'echo two'],
    );
  });

  test('a card button on the Teams preview reaches the bot as a message with a value', async () => {
    const dl = await DirectLineRest.session(h.baseUrl, { channel: 'msteams', locale: 'en-US' });
    const { status } = await dl.post({ type: 'message', from: { id: 'x' }, value: { puentePrompt: 'checkin:mood', puenteAnswer: '7' } });
    assert.equal(status, 200);
    assert.deepEqual(lastSeen().value, { puentePrompt: 'checkin:mood', puenteAnswer: '7' });
    assert.equal(lastSeen().channelId, 'msteams');
  });

  test('the SMS preview shows what a phone shows: plain text, no cards or buttons; Teams keeps its cards', async () => {
    const sms = await DirectLineRest.session(h.baseUrl, { channel: 'sms', locale: 'en-US' });
    await sms.say('buttons');
    const [, smsReply] = await sms.until((all) => all.length === 2);
    assert.equal(smsReply.text, 'Pick one\n1 One\n2 Two');
    assert.equal(smsReply.textFormat, 'plain');
    assert.equal(smsReply.attachments, undefined);
    assert.equal(smsReply.suggestedActions, undefined);

    const teams = await DirectLineRest.session(h.baseUrl, { channel: 'msteams', locale: 'en-US' });
    await teams.say('buttons');
    const [, teamsReply] = await teams.until((all) => all.length === 2);
    assert.equal(teamsReply.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
  });

  test('tokens: each is bound to its conversation; refresh and start return that conversation', async () => {
    const a = await DirectLineRest.session(h.baseUrl, { channel: 'webchat', locale: 'en-US' });
    const b = await DirectLineRest.session(h.baseUrl, { channel: 'webchat', locale: 'en-US' });
    assert.equal((await a.post({ type: 'message', text: 'x' }, b.token)).status, 403);
    assert.equal((await a.poll(b.token)).status, 403);
    assert.equal((await a.poll('nonsense')).status, 403);

    const auth = { authorization: `Bearer ${a.token}` };
    const refreshed = await fetch(`${h.baseUrl}/playground/directline/tokens/refresh`, { method: 'POST', headers: auth });
    assert.deepEqual(await refreshed.json(), { conversationId: a.conversationId, token: a.token, expires_in: 3600 });
    const started = await fetch(`${h.baseUrl}/playground/directline/conversations`, { method: 'POST', headers: auth });
    assert.equal(started.status, 200);
    assert.equal(((await started.json()) as { conversationId: string }).conversationId, a.conversationId);
    const reconnect = await fetch(a.url(), { headers: auth });
    assert.equal(reconnect.status, 200);
  });

  test('a client without a token starts a new Web Chat conversation in the locale it asks for', async () => {
    const res = await fetch(`${h.baseUrl}/playground/directline/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: 'dl_someone' }, locale: 'es-MX' }),
    });
    assert.equal(res.status, 201);
    const { conversationId, token } = (await res.json()) as { conversationId: string; token: string };
    const dl = new DirectLineRest(h.baseUrl, conversationId, token);
    await dl.say('hola');
    assert.equal(lastSeen().channelId, 'webchat');
    assert.equal(lastSeen().locale, 'es-US');
    assert.match(String(lastSeen().from?.id), /^pg-/, 'a client-chosen id never becomes a playground user');
  });

  test('a secret that started a conversation works on its later calls, and on no other conversation', async () => {
    const start = (secret: string) =>
      fetch(`${h.baseUrl}/playground/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } }).then(
        async (res) => ({ status: res.status, ...((await res.json()) as { conversationId: string; token: string }) }),
      );
    const first = await start('my-direct-line-secret');
    assert.equal(first.status, 201);
    const withSecret = new DirectLineRest(h.baseUrl, first.conversationId, 'my-direct-line-secret');
    assert.equal((await withSecret.post({ type: 'message', text: 'via secret' })).status, 200);
    const seen = await withSecret.until((all) => all.some((a) => a.text === 'echo via secret'));
    assert.deepEqual(seen.map((a) => a.text), ['via secret', 'echo via secret']);
    assert.equal((await fetch(withSecret.url(), { headers: { authorization: 'Bearer my-direct-line-secret' } })).status, 200, 'reconnect');
    assert.equal((await withSecret.poll(first.token)).status, 200, 'the conversation token works too');

    // The same secret may start another conversation; it reaches both, and a conversation it did not start stays closed.
    const second = await start('my-direct-line-secret');
    assert.notEqual(second.conversationId, first.conversationId);
    assert.equal((await new DirectLineRest(h.baseUrl, second.conversationId, 'my-direct-line-secret').poll()).status, 200);
    const other = await DirectLineRest.session(h.baseUrl, { channel: 'webchat', locale: 'en-US' });
    assert.equal((await other.poll('my-direct-line-secret')).status, 403);
    assert.equal((await withSecret.post({ type: 'message', text: 'x' }, 'another-secret')).status, 403);
    assert.equal((await withSecret.poll(other.token)).status, 403);
  });

  test('a post without an activity type is 400 and reaches no bot', async () => {
    const dl = await DirectLineRest.session(h.baseUrl, { channel: 'webchat', locale: 'en-US' });
    const before = seenByBot.length;
    assert.equal((await dl.post({ text: 'no type' })).status, 400);
    assert.equal(seenByBot.length, before);
  });
});

describe('enrollment without a code', () => {
  test('the first conversation creates a consenting participant in the program time zone; later ones link the same participant', async () => {
    const { participants } = h.app.services;
    const sms = await DirectLineRest.session(h.baseUrl, { channel: 'sms', locale: 'es-US' });
    const p = await participants.findByChannelUser('sms', sms.userId);
    assert.ok(p);
    assert.equal(p.language, 'es');
    assert.equal(p.timeZone, h.config.programTimeZone);
    assert.deepEqual(p.consent, { given: true, at: '2026-12-01T15:00:00.000Z', channel: 'playground-sms' });
    assert.equal(p.addresses.sms.conversationId, sms.conversationId);
    assert.equal(p.addresses.sms.serviceUrl, `${h.baseUrl.replace('localhost', '127.0.0.1')}/playground/connector`);

    const teams = await DirectLineRest.session(h.baseUrl, { channel: 'msteams', locale: 'en-US', userId: sms.userId });
    assert.equal(teams.userId, sms.userId);
    const same = await participants.findByChannelUser('msteams', sms.userId);
    assert.equal(same?.id, p.id);
    assert.equal(same?.language, 'en', 'the locale control sets the language');
    assert.deepEqual(Object.keys(same?.addresses ?? {}).sort(), ['msteams', 'sms']);
    assert.equal(same?.addresses.msteams.conversationId, teams.conversationId);
  });

  test('a user id the playground did not make is never used: the page gets a new playground user', async () => {
    const dl = await DirectLineRest.session(h.baseUrl, { channel: 'sms', locale: 'en-US', userId: '+15550100123' });
    assert.match(dl.userId, /^pg-[0-9a-f-]{36}$/);
    assert.equal(await h.app.services.participants.findByChannelUser('sms', '+15550100123'), undefined);
  });

  test('the session control accepts only the preview channels and locales', async () => {
    for (const body of [{ channel: 'email', locale: 'en-US' }, { channel: 'sms', locale: 'fr-FR' }, {}]) {
      const res = await fetch(`${h.baseUrl}/playground/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 400);
    }
  });
});

describe('the connector side (serviceUrl)', () => {
  async function referenceOf(dl: DirectLineRest & { userId: string }, channelId: string): Promise<Partial<ConversationReference>> {
    const p = await h.app.services.participants.findByChannelUser(channelId, dl.userId);
    const a = p!.addresses[channelId];
    return { channelId, serviceUrl: a.serviceUrl, conversation: { id: a.conversationId } as ConversationReference['conversation'], user: { id: a.userId, name: '' }, bot: { id: a.botId, name: '' } };
  }

  test('a proactive message to the stored address arrives, and an update replaces it under the same id', async () => {
    const dl = await DirectLineRest.session(h.baseUrl, { channel: 'webchat', locale: 'en-US' });
    let sentId = '';
    await h.app.adapter.continueConversationAsync('', await referenceOf(dl, 'webchat'), async (context) => {
      sentId = (await context.sendActivity('first version'))?.id ?? '';
      await context.updateActivity({ type: 'message', id: sentId, text: 'second version', conversation: context.activity.conversation });
    });
    const seen = await dl.until((all) => all.length === 2);
    assert.deepEqual(
      seen.map((a) => [a.id, a.text, a.from.role]),
      [
        [sentId, 'first version', 'bot'],
        [sentId, 'second version', 'bot'],
      ],
    );
  });

  test('a conversation the playground does not know answers 404, as a real channel would', async () => {
    const dl = await DirectLineRest.session(h.baseUrl, { channel: 'sms', locale: 'en-US' });
    const { serviceUrl } = await referenceOf(dl, 'sms');
    const res = await fetch(`${serviceUrl}/v3/conversations/pg-gone/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hello?' }),
    });
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: { code: 'ConversationNotFound', message: 'Unknown conversation' } });
  });
});

describe('start over', () => {
  test("removes the playground participant, its links and its conversations' state; the old token stops working", async () => {
    const { participants, store } = h.app.services;
    const sms = await DirectLineRest.session(h.baseUrl, { channel: 'sms', locale: 'en-US' });
    const teams = await DirectLineRest.session(h.baseUrl, { channel: 'msteams', locale: 'en-US', userId: sms.userId });
    await teams.say('remember me');
    const states = new DocumentStateStorage(store);
    const teamsKey = conversationStateKey('msteams', teams.conversationId);
    assert.ok(await states.readOne(teamsKey), 'the turn saved conversation state');
    const participant = await participants.findByChannelUser('sms', sms.userId);
    // A flag of theirs (as a check-in would raise) goes with them, and nobody else's does.
    await h.app.services.flags.raise({ id: 'checkin:pg', participantId: participant!.id, source: 'checkin', reasons: [{ code: 'mood_low', severity: 'high' }] });
    await h.app.services.flags.raise({ id: 'checkin:other', participantId: 'someone-else', source: 'checkin', reasons: [{ code: 'mood_low', severity: 'high' }] });

    const res = await teams.control('start-over');
    assert.equal(res.status, 200);
    assert.deepEqual(await h.app.services.flags.listForParticipant(participant!.id), [], "the participant's flags are gone");
    assert.equal((await h.app.services.flags.listForParticipant('someone-else')).length, 1);

    assert.equal(await participants.get(participant!.id), undefined);
    assert.equal(await participants.findByChannelUser('sms', sms.userId), undefined);
    assert.equal(await participants.findByChannelUser('msteams', sms.userId), undefined);
    assert.equal(await states.readOne(teamsKey), undefined);
    assert.equal((await sms.poll()).status, 403);
    assert.equal((await teams.control('start-over')).status, 403);
  });

  test('never removes a participant the playground did not enroll', async () => {
    const real = await h.app.services.participants.add({
      displayName: 'Real',
      language: 'en',
      timeZone: 'America/Chicago',
      track: 'morning',
      checkinTime: '09:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
    });
    assert.equal(await removePlaygroundParticipant(h.app.services, real.id), false);
    assert.ok(await h.app.services.participants.get(real.id));
  });
});

describe('outside local mode', () => {
  test('with a MicrosoftAppId, /playground and everything under it answers 404', async () => {
    const prod = await BotHarness.start({
      bot: recordingBot,
      env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' },
    });
    try {
      const requests: Array<[string, string]> = [
        ['GET', '/playground'],
        ['GET', '/playground/'],
        ['GET', '/playground?channel=sms'],
        ['GET', '/playground/assets/webchat.js'],
        ['GET', '/playground/assets/playground.js'],
        ['POST', '/playground/api/session'],
        ['POST', '/playground/api/checkin-prompt'],
        ['POST', '/playground/api/start-over'],
        ['POST', '/playground/directline/tokens/generate'],
        ['POST', '/playground/directline/conversations'],
        ['GET', '/playground/directline/conversations/pg-x/activities'],
        ['POST', '/playground/connector/v3/conversations/pg-x/activities'],
        ['PUT', '/playground/connector/v3/conversations/pg-x/activities/a1'],
      ];
      for (const [method, path] of requests) {
        const res = await fetch(`${prod.baseUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : JSON.stringify({ type: 'message', channel: 'sms', locale: 'en-US' }),
        });
        assert.equal(res.status, 404, `${method} ${path}`);
      }
      assert.equal(await prod.app.services.participants.list().then((l) => l.length), 0);
    } finally {
      await prod.stop();
    }
  });
});
