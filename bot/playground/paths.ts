/** Where the playground lives in the app's URL space (local mode only). */
export const PLAYGROUND_PATH = '/playground';
/** Web Chat's Direct Line `domain`: the Direct Line 3.0 subset the page talks to. */
export const DIRECT_LINE_PATH = `${PLAYGROUND_PATH}/directline`;
/** The `serviceUrl` the bot replies to: the playground's side of the Bot Connector API. */
export const CONNECTOR_PATH = `${PLAYGROUND_PATH}/connector`;
/** The page's own controls (session, check-in prompt, start over). */
export const CONTROLS_PATH = `${PLAYGROUND_PATH}/api`;
export const ASSETS_PATH = `${PLAYGROUND_PATH}/assets`;
