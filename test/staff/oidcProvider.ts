import { generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import Provider, { KoaContextWithOIDC } from 'oidc-provider';

export const CLIENT_ID = 'puente-staff';
export const CLIENT_SECRET = 'a-client-secret-only-the-tests-know';

/** The directory user the provider signs in next: its subject and the claims Entra would put in the ID token. */
export interface TestUser {
  sub: string;
  oid?: string;
  email?: string;
  preferred_username?: string;
  roles?: string[];
  groups?: string[];
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 and a random port, for
 * one test file. Its login and consent pages are replaced by an interaction
 * that signs in `user` at once, so a test can walk the whole redirect chain.
 */
export class TestProvider {
  user: TestUser = { sub: 'nobody' };
  issuer = '';
  private server: Server | undefined;

  static async start(options: { redirectUri: string; client?: Record<string, unknown> }): Promise<TestProvider> {
    const p = new TestProvider();
    p.server = createServer();
    await new Promise<void>((resolve) => p.server!.listen(0, '127.0.0.1', resolve));
    p.issuer = `http://127.0.0.1:${(p.server.address() as AddressInfo).port}`;
    const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const provider = new Provider(p.issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [options.redirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          ...options.client,
        },
      ],
      jwks: { keys: [{ ...signingKey, kid: 'test-signing', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: ['test-provider-cookie-key'] },
      pkce: { methods: ['S256'], required: () => true },
      claims: { openid: ['sub', 'oid', 'roles', 'groups', 'preferred_username'], email: ['email'] },
      // The claims go in the ID token itself, as Entra puts them there.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ ...p.user, sub }) }),
      // A first-party client: the grant is given without a consent page.
      loadExistingGrant: async (ctx) => {
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
        grant.addOIDCScope('openid profile email');
        await grant.save();
        return grant;
      },
    });
    const callback = provider.callback();
    p.server.on('request', (req, res) => {
      if (!req.url?.startsWith('/interaction/')) return callback(req, res);
      // A fresh login each time (mergeWithLastSubmission false), as whoever `user` is now.
      provider
        .interactionFinished(req, res, { login: { accountId: p.user.sub } }, { mergeWithLastSubmission: false })
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
    });
    return p;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}

/**
 * A browser as far as redirects and cookies go: follows 3xx answers with
 * `fetch`, keeping each host's cookies, and sends requests for `publicBase`
 * (the service's public address) to `localBase` (where the test runs it).
 */
export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(
    private readonly publicBase: string,
    private readonly localBase: string,
  ) {}

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  /** One request, no redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url.startsWith(this.publicBase) ? this.localBase + url.slice(this.publicBase.length) : url);
    const cookies = [...(this.jar.get(target.host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(target, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookies ? { cookie: cookies } : {}) } });
    const jar = this.jar.get(target.host) ?? new Map<string, string>();
    this.jar.set(target.host, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()));
      if (gone) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  }

  /** Follows redirects from `url` until an answer that is not one, or until `stop` says a URL is far enough. */
  async follow(url: string, stop: (url: URL) => boolean = () => false): Promise<{ res: Response; url: URL }> {
    let current = new URL(url);
    for (let hops = 0; hops < 20; hops++) {
      if (stop(current)) return { res: new Response(null, { status: 204 }), url: current };
      const res = await this.request(current.href);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
      await res.arrayBuffer();
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }
}
