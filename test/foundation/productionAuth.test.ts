import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { Writable } from 'node:stream';
import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { BotHarness } from '../helpers/botHarness';
import { Bot } from '../../bot/features';
import { createLogger } from '../../bot/log';

const APP_ID = '00000000-0000-0000-0000-00000000b0b1';
const CHANNEL_ISSUER = 'https://api.botframework.com';
/** One of the issuers botframework-connector accepts for Emulator tokens (ToBotFromBotOrEmulatorTokenValidationParameters). */
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

/**
 * Bot Framework's identity endpoints, played locally: OpenID metadata naming
 * a JWKS with one RSA key. `mode` turns it into an endpoint that fails.
 */
class IdentityServer {
  readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  mode: 'ok' | 'error' = 'ok';
  requests = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests++;
      if (this.mode === 'error') {
        res.statusCode = 500;
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/openid') return void res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.url}/keys` }));
      res.end(JSON.stringify({ keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  token(claims: Record<string, unknown>, key: KeyObject = this.key.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part({ aud: APP_ID, nbf: now - 60, exp: now + 3600, ...claims })}`;
    return `Bearer ${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
  }
}

/** Log lines the app wrote, parsed. */
function captureLog() {
  const lines: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

async function production(t: { after: (fn: () => Promise<void>) => void }, metadataUrl: string) {
  const counter = { turns: 0 };
  const log = captureLog();
  const h = await BotHarness.start({
    bot: (): Bot => ({ handle: async () => void counter.turns++ }),
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' },
    logger: log.logger,
    // The SDK takes custom endpoints only as a full set: the public cloud's, with the metadata played locally.
    botAuthentication: {
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ValidateAuthority: true,
    },
  });
  t.after(() => h.stop());
  return { h, counter, log };
}

test('production: a channel token runs the turn only for the serviceUrl it vouches for; bad tokens are 401, never 500', async (t) => {
  const id = new IdentityServer();
  await id.start();
  t.after(() => id.stop());
  const { h, counter } = await production(t, `${id.url}/openid`);
  const activity = (serviceUrl: string) => h.message({ id: 'u-prod', channelId: 'msteams' }, 'hello', { serviceUrl });
  const vouched = id.token({ iss: CHANNEL_ISSUER, serviceurl: h.connector.url });

  assert.equal((await h.post(activity(h.connector.url), { authorization: vouched })).status, 200);
  assert.equal(counter.turns, 1, 'the vouched-for request ran its turn');

  const refused: Array<[string, Record<string, unknown>, string]> = [
    ['the token names another serviceUrl', activity('http://169.254.169.254/'), vouched],
    ['the token names no serviceUrl', activity(h.connector.url), id.token({ iss: CHANNEL_ISSUER })],
    ['an Emulator-style token (no serviceurl claim) for this app', activity('http://169.254.169.254/'), id.token({ iss: EMULATOR_ISSUER, ver: '1.0', appid: APP_ID })],
    ['signed with another key', activity(h.connector.url), id.token({ iss: CHANNEL_ISSUER, serviceurl: h.connector.url }, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['expired', activity(h.connector.url), id.token({ iss: CHANNEL_ISSUER, serviceurl: h.connector.url, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['for another app', activity(h.connector.url), id.token({ iss: CHANNEL_ISSUER, serviceurl: h.connector.url, aud: 'someone-else' })],
  ];
  for (const [why, body, authorization] of refused) {
    const res = await h.post(body, { authorization });
    assert.equal(res.status, 401, why);
    assert.deepEqual(res.body, { error: 'unauthorized' }, `${why}: no SDK message in the body`);
  }
  assert.equal(counter.turns, 1, 'no refused request ran a turn');
  assert.equal(h.connector.arrivals, 0);
});

test('production: when identity metadata cannot be fetched, requests get 503 (never 500), logged once with its cause', async (t) => {
  const id = new IdentityServer();
  await id.start();
  t.after(() => id.stop());
  // A port nothing listens on: the metadata fetch is refused.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/openid`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));

  for (const [what, metadataUrl, cause] of [
    ['unreachable', deadUrl, /ECONNREFUSED/],
    ['answering 500', `${id.url}/openid`, /500/],
  ] as const) {
    id.mode = what === 'answering 500' ? 'error' : 'ok';
    const { h, counter, log } = await production(t, metadataUrl);
    const authorization = id.token({ iss: CHANNEL_ISSUER, serviceurl: h.connector.url });
    for (let i = 0; i < 3; i++) {
      const res = await h.post(h.message({ id: `u-down-${i}`, channelId: 'sms' }, 'hello'), { authorization });
      assert.equal(res.status, 503, `${what}, request ${i + 1}`);
      assert.deepEqual(res.body, { error: 'unavailable', message: 'authentication unavailable' });
      assert.doesNotMatch(JSON.stringify(res.body), /ECONNREFUSED|openID|500/);
    }
    assert.equal(counter.turns, 0);
    const outage = log.lines.filter((l) => /authentication unavailable/.test(l.msg));
    assert.equal(outage.length, 1, `${what}: logged once for three refused requests`);
    assert.equal(outage[0].level, 'error');
    assert.match(String(outage[0].reason), cause);
    // The metadata comes back: the next request is authenticated and the recovery logged.
    if (what === 'answering 500') {
      id.mode = 'ok';
      assert.equal((await h.post(h.message({ id: 'u-back', channelId: 'sms' }, 'hello'), { authorization })).status, 200);
      assert.equal(counter.turns, 1);
      assert.ok(log.lines.some((l) => /available again/.test(l.msg) && l.refused === 3));
    }
  }
});
