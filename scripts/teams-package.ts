/**
 * Builds the two Microsoft Teams app packages from appPackage/: the participant
 * app (the bot in personal chat) and the staff app (the bot in the care team's
 * channel), each a zip of manifest.json, its Spanish strings and the two icons.
 * The bot id is MicrosoftAppId and the valid domain is PUBLIC_BASE_URL's host,
 * both from configuration (after `azd up`: `azd env get-values`).
 *
 *   npm run teams:package [-- --out-dir DIR --privacy-url URL --terms-url URL]
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZipFile } from 'yazl';
import { ConfigError, loadConfig } from '../bot/config';
import { loadResources } from '../bot/i18n';

export const APP_PACKAGE_DIR = join(__dirname, '..', 'appPackage');
export const TEAMS_APPS = ['participant', 'staff'] as const;
export type TeamsApp = (typeof TEAMS_APPS)[number];

export interface PackageValues {
  botId: string;
  publicBaseUrl: string;
  privacyUrl?: string;
  termsUrl?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest is walked and filled in generically
type Json = Record<string, any>;
type TeamsStrings = {
  name: { short: string; full: string };
  description: { short: string; full: string };
  commands?: Record<string, { title: string; description: string }>;
};

/** The app's manifest and its es-us localization file, filled in from configuration and locales/. */
export function renderManifest(app: TeamsApp, values: PackageValues): { manifest: Json; spanish: Json } {
  const version = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const tokens: Record<string, string> = {
    VERSION: version,
    MicrosoftAppId: values.botId,
    PUBLIC_BASE_URL: values.publicBaseUrl,
    PUBLIC_HOST: new URL(values.publicBaseUrl).host,
    PRIVACY_URL: values.privacyUrl ?? values.publicBaseUrl,
    TERMS_URL: values.termsUrl ?? values.publicBaseUrl,
  };
  const template = readFileSync(join(APP_PACKAGE_DIR, app, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(template.replace(/{{(\w+)}}/g, (_, name: string) => tokens[name])) as Json;
  const resources = loadResources();
  const strings = (language: 'en' | 'es') => (resources[language].teams as Json)[app] as TeamsStrings;

  const english = strings('en');
  manifest.name = english.name;
  manifest.description = english.description;
  const spanishStrings = strings('es');
  const spanish: Json = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    'name.short': spanishStrings.name.short,
    'name.full': spanishStrings.name.full,
    'description.short': spanishStrings.description.short,
    'description.full': spanishStrings.description.full,
  };
  (manifest.bots as Json[]).forEach((bot, b) =>
    ((bot.commandLists ?? []) as Json[]).forEach((list, l) =>
      (list.commands as Json[]).forEach((command, c) => {
        const key = command.$key as string;
        delete command.$key;
        Object.assign(command, english.commands![key]);
        spanish[`bots[${b}].commandLists[${l}].commands[${c}].title`] = spanishStrings.commands![key].title;
        spanish[`bots[${b}].commandLists[${l}].commands[${c}].description`] = spanishStrings.commands![key].description;
      }),
    ),
  );
  return { manifest, spanish };
}

/** Writes `<outDir>/puente-<app>.zip`; resolves to its path. */
export function writePackage(app: TeamsApp, values: PackageValues, outDir: string): Promise<string> {
  const { manifest, spanish } = renderManifest(app, values);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  zip.addBuffer(Buffer.from(`${JSON.stringify(spanish, null, 2)}\n`), 'es-us.json');
  zip.addFile(join(APP_PACKAGE_DIR, 'icons', 'color.png'), 'color.png');
  zip.addFile(join(APP_PACKAGE_DIR, 'icons', 'outline.png'), 'outline.png');
  zip.end();
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `puente-${app}.zip`);
  return new Promise((done, fail) => {
    zip.outputStream.pipe(createWriteStream(path)).on('close', () => done(path)).on('error', fail);
  });
}

/** The bot id and public URL from configuration; refuses what Teams would reject. */
export function valuesFromConfig(env: NodeJS.ProcessEnv): PackageValues {
  const config = loadConfig(env);
  if (!config.bot.appId) throw new ConfigError('Invalid configuration: MicrosoftAppId is required for a Teams app package');
  if (!env.PUBLIC_BASE_URL?.trim() || !config.publicBaseUrl.startsWith('https://')) {
    throw new ConfigError('Invalid configuration: PUBLIC_BASE_URL must be the service\'s https:// address for a Teams app package');
  }
  return { botId: config.bot.appId, publicBaseUrl: config.publicBaseUrl };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      'out-dir': { type: 'string', default: join(APP_PACKAGE_DIR, 'build') },
      'privacy-url': { type: 'string' },
      'terms-url': { type: 'string' },
    },
  });
  let values: PackageValues;
  try {
    values = { ...valuesFromConfig(process.env), privacyUrl: args['privacy-url'], termsUrl: args['terms-url'] };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  for (const app of TEAMS_APPS) process.stdout.write(`${await writePackage(app, values, resolve(args['out-dir']))}\n`);
}

if (require.main === module) void main();
