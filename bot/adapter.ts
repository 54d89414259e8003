import {
  Activity,
  CloudAdapter,
  InvokeResponse,
  ResourceResponse,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import { i18n } from 'i18next';
import { Config } from './config';
import { languageOf } from './i18n';
import { Logger, stackFrames } from './log';
import { GuardedBotAuthentication } from './botAuthentication';
import { findTurnFacts } from './turn/turnFacts';

/**
 * CloudAdapter with Bot Framework authentication from config. With no
 * MicrosoftAppId the adapter accepts anonymous traffic (Emulator, playground,
 * tests); with one, a request without a valid token gets 401 and runs no turn.
 * Authentication and every outbound connector call go through
 * GuardedBotAuthentication (timeouts, 503 on an identity outage, serviceUrl
 * vouched for by the token). `authOverrides` are further SDK settings (tests
 * point the OpenID metadata at a local server).
 */
/** CloudAdapter whose processActivity the /api/messages handler calls (bot/messagesEndpoint.ts). */
export class PuenteAdapter extends CloudAdapter {
  private pace: SendPacer | undefined;

  /** Authenticates the request and runs the turn; throws AuthenticationError, AuthUnavailableError or the turn's failure. */
  handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /** Every activity this adapter sends to a channel (turn replies, proactive sends, alerts) is sent through `pace`. */
  paceWith(pace: SendPacer): void {
    this.pace = pace;
  }

  /**
   * The one way out to the channel. Paced activities go one at a time, each
   * in its own slot, held until it is sent: a turn's three replies are three
   * slots, not one burst.
   */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const pace = this.pace;
    if (!pace) return super.sendActivities(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // An invoke response answers the HTTP request and a trace goes to the Emulator only: neither reaches the channel.
      const send = () => super.sendActivities(context, [activity]);
      const paced = activity.type !== 'invokeResponse' && activity.type !== 'trace';
      responses.push(...(await (paced ? pace(activity.channelId ?? context.activity.channelId, activity.conversation?.id ?? context.activity.conversation.id, send) : send())));
    }
    return responses;
  }
}

/** Runs a send when a message may go to this destination, holding it until the send ends (bot/outreach/rateLimiter.ts). */
export type SendPacer = <T>(channelId: string, conversationId: string, send: () => Promise<T>) => Promise<T>;

export function createAdapter(
  config: Config,
  log: Logger,
  i18n: i18n,
  authOverrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): PuenteAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
    ...authOverrides,
  };
  const authentication = new GuardedBotAuthentication(new ConfigurationBotFrameworkAuthentication(options), {
    outboundTimeoutMs: config.outboundTimeoutMs,
    authenticationEnabled: !config.localMode,
    log,
  });
  const adapter = new PuenteAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Ids and the error type only: the error message may quote what the user wrote.
    log.error(
      {
        err: error,
        stack: stackFrames(error),
        channelId: context.activity.channelId,
        activityId: context.activity.id,
        conversationId: context.activity.conversation?.id,
      },
      'turn failed',
    );
    // The connector itself timed out: an apology through it would only wait as long again.
    if (error.name === 'AbortError') return;
    const language = findTurnFacts(context)?.language ?? languageOf(context.activity.locale) ?? config.defaultLanguage;
    try {
      await context.sendActivity(i18n.getFixedT(language)('common:error.apology'));
    } catch (sendError) {
      log.warn({ err: sendError }, 'could not send apology');
    }
  };
  return adapter;
}
