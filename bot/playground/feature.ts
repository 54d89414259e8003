import { AddressInfo } from 'node:net';
import type { Feature, PuenteApp } from '../app';
import { Services } from '../services';
import { registerConnector } from './connector';
import { registerControls } from './controls';
import { registerDirectLine } from './directLine';
import { CheckinPromptNow, PlaygroundHub } from './hub';
import { registerPage } from './page';
import { PLAYGROUND_PATH } from './paths';

export { PLAYGROUND_PATH };

export interface PlaygroundOptions {
  /** The outreach path's "send this participant's check-in prompt now". */
  checkinPromptNow?: CheckinPromptNow;
}

/**
 * The local playground: a page with Microsoft Web Chat, a Direct Line 3.0
 * endpoint for it, and a connector endpoint the bot replies to. It registers
 * routes only in local mode (no MicrosoftAppId): with an app id, /playground
 * and everything under it do not exist (404).
 */
export function createPlaygroundFeature(services: Services, options: PlaygroundOptions = {}): Feature {
  return {
    name: 'playground',
    register(app: PuenteApp) {
      if (!services.config.localMode) return;
      const hub = new PlaygroundHub({
        services,
        selfUrl: () => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
        idle: () => app.runner.idle(),
        checkinPromptNow: options.checkinPromptNow,
      });
      registerPage(app.server, services.i18n, services.config.defaultLanguage);
      registerControls(app.server, hub, services.log);
      registerDirectLine(app.server, hub, services.log, services.config.defaultLanguage);
      registerConnector(app.server, hub);
    },
  };
}
