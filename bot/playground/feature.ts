import type { Feature, FeatureContext } from '../features';
import { Services } from '../services';
import { registerConnector } from './connector';
import { registerControls } from './controls';
import { registerDirectLine } from './directLine';
import { PlaygroundHub } from './hub';
import { registerPage } from './page';
import { PLAYGROUND_PATH } from './paths';

export { PLAYGROUND_PATH };

/**
 * The local playground: a page with Microsoft Web Chat, a Direct Line 3.0
 * endpoint for it, and a connector endpoint the bot replies to. It registers
 * routes only in local mode (no MicrosoftAppId): with an app id, /playground
 * and everything under it do not exist (404).
 */
export function createPlaygroundFeature(services: Services): Feature {
  return {
    name: 'playground',
    register({ server, runner }: FeatureContext) {
      if (!services.config.localMode) return;
      const hub = new PlaygroundHub({
        services,
        selfUrl: () => `http://127.0.0.1:${(server.address()).port}`,
        idle: () => runner.idle(),
      });
      registerPage(server, services.i18n, services.config.defaultLanguage);
      registerControls(server, hub, services.log);
      registerDirectLine(server, hub, services.log, services.config.defaultLanguage);
      registerConnector(server, hub);
    },
  };
}
