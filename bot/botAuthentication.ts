import {
  AuthenticateRequestResult,
  BotFrameworkClient,
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { Logger } from './log';

/** Bot Framework identity could not be checked (its OpenID metadata or keys did not load): 503, not 401. */
export class AuthUnavailableError extends Error {
  constructor(readonly reason: unknown) {
    super('Bot Framework authentication is unavailable');
  }
}

/** Errors of a token that is wrong, as opposed to a check that could not be made. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Wraps the SDK's BotFrameworkAuthentication, which CloudAdapter uses for
 * every inbound check and every outbound ConnectorClient (replies,
 * continueConversationAsync, Teams alerts and card updates):
 * - every ConnectorClient gets the outbound timeout: a hanging connector ends
 *   the call with an error instead of holding a turn open for minutes;
 * - a token whose check could not be made (metadata unreachable, a key
 *   endpoint answering 500) becomes AuthUnavailableError (503), logged once
 *   per outage with its cause; a bad token stays an AuthenticationError (401);
 * - with authentication on, an activity is accepted only when the token
 *   vouches for its serviceUrl (the `serviceurl` claim Bot Framework channels
 *   put in their tokens): replies can only go where the channel said. The SDK
 *   compares the claim for channel tokens but accepts tokens without one
 *   (Emulator and skill tokens); here those are refused.
 */
export class GuardedBotAuthentication extends BotFrameworkAuthentication {
  /** Requests refused since Bot Framework identity became unavailable; undefined while it is available. */
  private outage: { refused: number } | undefined;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly options: { outboundTimeoutMs: number; authenticationEnabled: boolean; log: Logger },
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw this.classify(err);
    }
    this.recovered();
    if (this.options.authenticationEnabled) {
      const vouched = result.claimsIdentity.getClaimValue(AuthenticationConstants.ServiceUrlClaim);
      if (!vouched || vouched !== activity.serviceUrl) {
        throw new AuthenticationError('the token does not vouch for this serviceUrl', 401);
      }
    }
    return { ...result, connectorFactory: result.connectorFactory && this.timed(result.connectorFactory) };
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.timed(this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private timed(factory: ConnectorFactory): ConnectorFactory {
    const timeoutMs = this.options.outboundTimeoutMs;
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return withTimeout(await factory.create(serviceUrl, audience), timeoutMs);
      }
    })();
  }

  private classify(err: unknown): Error {
    const e = err as { name?: string; statusCode?: number } | null;
    if (err instanceof AuthenticationError && e?.statusCode === 401) return err;
    if (e?.name && TOKEN_ERRORS.has(e.name)) return new AuthenticationError('invalid token', 401);
    if (this.outage) {
      this.outage.refused++;
    } else {
      this.outage = { refused: 1 };
      const cause = err as { message?: string } | null;
      // Once per outage, not once per request: every message fails the same way until the metadata loads.
      this.options.log.error(
        { err, reason: cause?.message },
        'Bot Framework authentication unavailable (OpenID metadata or signing keys did not load); answering 503',
      );
    }
    return new AuthUnavailableError(err);
  }

  private recovered(): void {
    if (!this.outage) return;
    this.options.log.info({ refused: this.outage.refused }, 'Bot Framework authentication available again');
    this.outage = undefined;
  }
}

interface PipelineLike {
  addPolicy(policy: { name: string; sendRequest(request: { timeout: number }, next: (r: unknown) => Promise<unknown>): Promise<unknown> }): void;
}

/**
 * Gives every request of the client a timeout (core-rest-pipeline aborts it
 * and the call rejects with an AbortError, which its retry policy does not
 * retry). The SDK builds the client's pipeline itself and replaces any policy
 * factories passed in, so the policy goes onto the built pipeline; should that
 * move in an SDK update, this throws rather than send without a timeout.
 */
function withTimeout(connectorClient: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (connectorClient as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (typeof pipeline?.addPolicy !== 'function') throw new Error('ConnectorClient has no request pipeline to put the outbound timeout on');
  pipeline.addPolicy({
    name: 'puenteOutboundTimeout',
    sendRequest: (request, next) => {
      if (!(request.timeout > 0)) request.timeout = timeoutMs;
      return next(request);
    },
  });
  return connectorClient;
}
