import { createHash, createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as Client from 'openid-client';
import { StaffOidcConfig } from '../config';

let library: Promise<typeof Client> | undefined;

/**
 * openid-client 6 is an ES module, which CommonJS loads with require(esm)
 * (Node 20.19+, 22.12+, 24; configuration checks it, oidcRuntime.ts): loaded
 * on first use, so a service without STAFF_OIDC_* never loads it.
 */
function openid(): Promise<typeof Client> {
  library ??= import('openid-client');
  return library;
}

export const OIDC_START_PATH = '/staff/oidc/start';
export const OIDC_CALLBACK_PATH = '/staff/oidc/callback';
const SCOPE = 'openid profile email';

/** What a sign-in needs to remember between the redirect out and the callback. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The ID token's claims Puente reads: who (oid, email) and what they may do (roles, groups). */
export interface OidcIdentity {
  subject: string;
  /** Entra's object id of the user: what staff accounts and Teams users are linked by. */
  objectId?: string;
  email?: string;
  roles: string[];
  groups: string[];
}

/**
 * The relying party (openid-client): authorization code + PKCE + nonce. The
 * provider's metadata is discovered on first use and kept, so start-up does
 * not depend on the identity provider being reachable; a failed discovery is
 * tried again on the next sign-in.
 */
export class OidcClient {
  private configuration: Promise<Client.Configuration> | undefined;

  constructor(
    private readonly config: StaffOidcConfig,
    private readonly publicBaseUrl: string,
  ) {}

  get redirectUri(): string {
    return `${this.publicBaseUrl}${OIDC_CALLBACK_PATH}`;
  }

  /** Fresh state, nonce and PKCE verifier, and the provider URL that carries them. */
  async start(): Promise<{ url: URL; checks: OidcChecks }> {
    const client = await openid();
    const checks: OidcChecks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(await this.discover(), {
      redirect_uri: this.redirectUri,
      scope: SCOPE,
      response_mode: 'query',
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url, checks };
  }

  /**
   * Redeems the code of a callback URL against the checks kept for it; the ID
   * token's signature, issuer, audience, expiry and nonce are verified by
   * openid-client. Rejects on any mismatch or provider error.
   */
  async finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity> {
    const client = await openid();
    const tokens = await client.authorizationCodeGrant(await this.discover(), callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const texts = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    // Entra puts the sign-in name in preferred_username (usually the UPN, an email address) and email only when the user has one.
    const email = text(claims.email) ?? text(claims.preferred_username);
    return { subject: claims.sub, objectId: text(claims.oid), email: email?.includes('@') ? email : undefined, roles: texts(claims.roles), groups: texts(claims.groups) };
  }

  private discover(): Promise<Client.Configuration> {
    this.configuration ??= this.load().catch((err: unknown) => {
      this.configuration = undefined;
      throw err;
    });
    return this.configuration;
  }

  private async load(): Promise<Client.Configuration> {
    const client = await openid();
    const issuer = new URL(this.config.issuer);
    // Plain HTTP only to a provider on this machine (a local test provider); anything else must be HTTPS.
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    return client.discovery(issuer, this.config.clientId, undefined, await this.clientAuth(), loopback ? { execute: [client.allowInsecureRequests] } : undefined);
  }

  private async clientAuth(): Promise<Client.ClientAuth> {
    const client = await openid();
    if (this.config.clientSecret) return client.ClientSecretBasic(this.config.clientSecret);
    return privateKeyJwt(client, readFileSync(this.config.clientKeyPath!, 'utf8'));
  }
}

/**
 * private_key_jwt from a PEM holding the private key and, for Entra, its
 * certificate: Entra finds the registered certificate by the SHA-1 (`x5t`)
 * and SHA-256 (`x5t#S256`) thumbprints in the assertion's header.
 */
async function privateKeyJwt(client: typeof Client, pem: string): Promise<Client.ClientAuth> {
  const pkcs8 = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  const key = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  const certificate = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  const der = certificate ? new X509Certificate(certificate).raw : undefined;
  return client.PrivateKeyJwt(key as CryptoKey, {
    [client.modifyAssertion]: (header) => {
      if (!der) return;
      header.x5t = createHash('sha1').update(der).digest('base64url');
      header['x5t#S256'] = createHash('sha256').update(der).digest('base64url');
    },
  });
}
