import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import { i18n } from 'i18next';
import { Config } from './config';
import { languageOf } from './i18n';
import { Logger, stackFrames } from './log';
import { LANGUAGE_KEY } from './channels/turnKeys';

/**
 * CloudAdapter with Bot Framework authentication from config. With no
 * MicrosoftAppId the adapter accepts anonymous traffic (Emulator, playground,
 * tests); with one, a request without a valid token gets 401 and runs no turn.
 */
export function createAdapter(config: Config, log: Logger, i18n: i18n): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
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
    const language =
      (context.turnState.get(LANGUAGE_KEY) as string | undefined) ??
      languageOf(context.activity.locale) ??
      config.defaultLanguage;
    try {
      await context.sendActivity(i18n.getFixedT(language)('common:error.apology'));
    } catch (sendError) {
      log.warn({ err: sendError }, 'could not send apology');
    }
  };
  return adapter;
}
