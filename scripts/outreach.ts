/**
 * One outreach tick by hand, against the configured store:
 *
 *   npm run outreach -- --dry-run [--at 2026-12-01T14:00:00Z] [--json]
 *       what would be sent at that instant (participant id, kind, channel):
 *       nothing is sent, claimed or moved
 *   npm run outreach -- --once [--at 2026-12-01T14:00:00Z] [--json]
 *       exactly one tick at that instant, sending for real
 *
 * --at defaults to now. Logs go to stderr; the listing to stdout.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createApp } from '../bot/app';
import { ConfigError, loadConfig } from '../bot/config';
import { createLogger } from '../bot/log';
import { TickReport } from '../bot/outreach/scheduler';

const USAGE = 'usage: npm run outreach -- (--dry-run | --once) [--at ISO-instant] [--json]';

class UsageError extends Error {}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { 'dry-run': { type: 'boolean', default: false }, once: { type: 'boolean', default: false }, at: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values['dry-run'] === values.once) throw new UsageError(USAGE);
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime()) || (values.at !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(values.at))) {
    throw new UsageError(`--at must be an ISO instant such as 2026-12-01T14:00:00Z\n${USAGE}`);
  }

  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, destination: pino.destination(2) });
  const app = await createApp({ config, logger });
  try {
    const report = await app.outreach.tick(at, { dryRun: values['dry-run'] });
    print(report, values.json);
  } finally {
    await app.close();
  }
}

function print(report: TickReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  if (report.dryRun) {
    for (const p of report.planned) process.stdout.write(`${p.participantId}  ${p.kind.padEnd(8)}  ${p.channelId}\n`);
  }
  const skipped = Object.entries(report.skipped)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const verb = report.dryRun ? `would send ${report.planned.length}` : `sent ${report.sent}, failed ${report.failed}`;
  process.stdout.write(
    `${report.at}: ${report.due} due; ${verb}; skipped ${skipped || 'none'}; deferred ${report.deferred}; in flight elsewhere ${report.inFlight}; errors ${report.errors}\n`,
  );
}

main().catch((err: Error) => {
  if (err instanceof UsageError || err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`outreach failed: ${err.message}\n`);
  process.exitCode = 1;
});
