import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { PLAYGROUND_PATH } from './playground/paths';

/** Process entry point: config → app → listen; SIGTERM/SIGINT drain and exit 0. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel });
  const app = await createApp({ config, logger: log, startBackground: true });
  const url = await app.listen();
  log.info({ url, store: config.store, localMode: config.localMode }, 'Puente is listening');
  if (config.localMode) {
    process.stdout.write(`\nPuente is running on the ${config.store} store.\n  Bot endpoint:  ${url}/api/messages\n`);
    process.stdout.write(`  Playground:    ${url}${PLAYGROUND_PATH}\n  Staff:         ${url}/staff\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await app.close();
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`Puente failed to start: ${err.message}\n`);
  process.exit(1);
});
