import { parseArgs } from 'node:util';
import { Clock, systemClock } from '../../bot/clock';
import { Config, ConfigError, loadConfig } from '../../bot/config';
import { Participants } from '../../bot/domain/participants';
import { COLLECTIONS } from '../../bot/store/collections';
import { createStore } from '../../bot/store/createStore';
import { DocumentStore } from '../../bot/store/port';

/** What an operator command works with: the configured store, opened and initialized. */
export interface AdminContext {
  config: Config;
  store: DocumentStore;
  clock: Clock;
  participants: Participants;
  out: (line: string) => void;
}

/** A refused command: printed as one line on stderr, exit code 2, nothing written. */
export class UsageError extends Error {}

export async function openAdminContext(env: NodeJS.ProcessEnv = process.env, out = (l: string) => process.stdout.write(`${l}\n`)): Promise<AdminContext> {
  const config = loadConfig(env);
  const store = createStore(config, COLLECTIONS);
  await store.init();
  return { config, store, clock: systemClock, participants: new Participants(store, systemClock), out };
}

/** Runs a command and maps refusals and bad config to exit codes. */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

type FlagOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** Strict flag parsing for an admin command: an unknown or malformed flag is a refusal with the usage text. */
export function parseFlags<O extends FlagOptions>(args: string[], options: O, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`refused: ${(err as Error).message}\n${usage}`);
  }
}
