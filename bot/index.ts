import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { PLAYGROUND_PATH } from './playground/paths';
import { startAzureMonitor } from './telemetry/azureMonitor';

/**
 * Process entry point: config → app → listen. SIGTERM/SIGINT: new requests get
 * 503, requests in flight (turns and their replies) get SHUTDOWN_GRACE_SECONDS
 * to finish, the ticks stop, the store closes, exit 0. Run this file with node
 * directly under a container or service manager: npm does not pass the
 * signal's exit code through.
 */
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
  // Before the app is built, so its HTTP clients and server are instrumented from the start.
  const stopTelemetry = config.appInsightsConnectionString ? startAzureMonitor(config.appInsightsConnectionString) : undefined;
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
    log.info({ signal, graceSeconds: config.shutdownGraceMs / 1000 }, 'shutting down');
    try {
      const drained = await app.close();
      await stopTelemetry?.();
      log.info({ drained }, 'stopped');
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
