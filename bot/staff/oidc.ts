import { createHash, createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as client from 'openid-client';
import { StaffOidcConfig } from '../config';

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
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly config: StaffOidcConfig,
    private readonly publicBaseUrl: string,
  ) {}

  get redirectUri(): string {
    return `${this.publicBaseUrl}${OIDC_CALLBACK_PATH}`;
  }

  /** Fresh state, nonce and PKCE verifier, and the provider URL that carries them. */
  async start(): Promise<{ url: URL; checks: OidcChecks }> {
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

  /** The provider's sign-out page (RP-initiated logout), when it has one. */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | undefined> {
    const configuration = await this.discover().catch(() => undefined);
    if (!configuration?.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(configuration, { client_id: this.config.clientId, post_logout_redirect_uri: postLogoutRedirectUri });
  }

  private discover(): Promise<client.Configuration> {
    this.configuration ??= this.load().catch((err: unknown) => {
      this.configuration = undefined;
      throw err;
    });
    return this.configuration;
  }

  private async load(): Promise<client.Configuration> {
    const issuer = new URL(this.config.issuer);
    // Plain HTTP only to a provider on this machine (a local test provider); anything else must be HTTPS.
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    return client.discovery(issuer, this.config.clientId, undefined, await this.clientAuth(), loopback ? { execute: [client.allowInsecureRequests] } : undefined);
  }

  private async clientAuth(): Promise<client.ClientAuth> {
    if (this.config.clientSecret) return client.ClientSecretBasic(this.config.clientSecret);
    return privateKeyJwt(readFileSync(this.config.clientKeyPath!, 'utf8'));
  }
}

/**
 * private_key_jwt from a PEM holding the private key and, for Entra, its
 * certificate: Entra finds the registered certificate by the SHA-1 (`x5t`)
 * and SHA-256 (`x5t#S256`) thumbprints in the assertion's header.
 */
async function privateKeyJwt(pem: string): Promise<client.ClientAuth> {
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
