import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES, loadConfig } from '../../bot/config';
import { CONTAINERS_FILE, containersJson } from '../../scripts/infra/cosmos-containers';

const INFRA = join(__dirname, '..', '..', 'infra');
const read = (file: string) => readFileSync(join(INFRA, file), 'utf8');

/**
 * Settings the template sets that bot/config.ts does not read: the Azure SDK's identity choice,
 * Node's heap cap, and App Service's build switches (remote build with Oryx, which runs
 * CUSTOM_BUILD_COMMAND instead of its own `npm install` and `npm run build`).
 */
const ALLOWED_EXTRAS = new Set(['AZURE_CLIENT_ID', 'NODE_OPTIONS', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND']);

/** Stand-ins for values only Azure knows at deployment (an endpoint, an id, the site's URL). */
const DEPLOYED: Record<string, string> = {
  COSMOS_ENDPOINT: 'https://cosmos-puente-abc.documents.azure.com:443/',
  COSMOS_DATABASE: 'puente',
  MicrosoftAppId: '00000000-0000-0000-0000-00000000000a',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-00000000000b',
  PUBLIC_BASE_URL: 'https://app-puente-abc.azurewebsites.net',
};

interface Setting {
  name: string;
  /** The Bicep expression, as written. */
  value: string;
}

/** The `{ name: '…' value: … }` entries of the site's appSettings array. */
function appSettings(bicep: string): Setting[] {
  const block = /appSettings: \[([\s\S]*?)\n {6}\]/.exec(bicep);
  assert.ok(block, 'app.bicep has an appSettings array');
  return [...block[1].matchAll(/name: '([^']+)'\s*\n\s*value: (.+)/g)].map((m) => ({ name: m[1], value: m[2].trim() }));
}

/**
 * What a setting holds on a default deployment: a literal; a stand-in for what Azure fills in;
 * or the default of the main.bicep parameter passed to the app module under that name.
 */
function evaluate(setting: Setting, main: string): string {
  const literal = /^'([^'$]*)'$/.exec(setting.value);
  if (literal) return literal[1];
  if (setting.name in DEPLOYED) return DEPLOYED[setting.name];
  const passed = new RegExp(`\\n\\s+${setting.value}: (\\w+)\\n`).exec(main);
  const fallback = passed && new RegExp(`param ${passed[1]} string = '([^']*)'`).exec(main);
  return fallback ? fallback[1] : '';
}

/** Starts as the deployment means it to: Cosmos, the managed identity, not local mode. */
function startsAsDeployed(env: Record<string, string>): boolean {
  try {
    const config = loadConfig(env);
    return config.store === 'cosmos' && config.bot.appType === 'UserAssignedMSI' && !config.localMode;
  } catch {
    return false;
  }
}

test('every app setting is one the config schema knows, or a named allowed extra', () => {
  const settings = appSettings(read('modules/app.bicep'));
  const known = new Set(ENV_VARIABLES);
  const unknown = settings.map((s) => s.name).filter((name) => !known.has(name) && !ALLOWED_EXTRAS.has(name));
  assert.deepEqual(unknown, [], 'a typo or a setting the app never reads');
  const names = settings.map((s) => s.name);
  assert.equal(new Set(names).size, names.length, 'no setting twice');
});

test('the template\'s settings satisfy the config schema in production mode (Cosmos, a bot identity, no local mode)', () => {
  const app = read('modules/app.bicep');
  const main = read('main.bicep');
  const env = Object.fromEntries(appSettings(app).map((s) => [s.name, evaluate(s, main)]));
  assert.equal(env.NODE_ENV, 'production');
  assert.ok(startsAsDeployed(env), `starts in production mode: ${JSON.stringify(env)}`);
  const config = loadConfig(env);
  assert.equal(config.cosmos.key, undefined, 'Cosmos is reached with the managed identity, not with a key');
  assert.equal(config.bot.appPassword, undefined, 'and the bot needs no password');
  // What the schema requires in production: without any one of these the service would not start as deployed.
  for (const name of ['STORE', 'COSMOS_ENDPOINT', 'MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'PUBLIC_BASE_URL']) {
    const without = { ...env };
    delete without[name];
    assert.equal(startsAsDeployed(without), false, `${name} is needed`);
  }
});

test('secrets reach the app only as Key Vault references', () => {
  const settings = appSettings(read('modules/app.bicep'));
  for (const name of ['MicrosoftAppPassword', 'COSMOS_KEY', 'STAFF_OIDC_CLIENT_SECRET']) {
    const setting = settings.find((s) => s.name === name);
    assert.ok(setting, `${name} is in the template`);
    assert.match(setting.value, /^keyVaultRef\(/, `${name} is a Key Vault reference`);
  }
  assert.match(read('modules/app.bicep'), /@Microsoft\.KeyVault\(SecretUri=\$\{secretUri\}\)/);
  assert.match(read('modules/bot.bicep'), /@secure\(\)\nparam twilioAuthToken string/, 'the Twilio token is a secure parameter');
  assert.match(read('modules/keyvault.bicep'), /name: 'twilio-auth-token'/);
});

test('the site runs the build on Node 24 LTS, health-checked on /readyz, with the managed identity', () => {
  const app = read('modules/app.bicep');
  assert.match(app, /linuxFxVersion: 'NODE\|24-lts'/);
  assert.match(app, /appCommandLine: 'node dist\/bot\/index\.js'/);
  assert.match(app, /healthCheckPath: '\/readyz'/);
  assert.match(app, /type: 'UserAssigned'/);
  assert.match(read('modules/bot.bicep'), /channelName: 'MsTeamsChannel'[\s\S]*channelName: 'SmsChannel'/);
  assert.match(read('modules/cosmos.bicep'), /sqlRoleAssignments/);
});

test('the Cosmos containers the template declares are the ones the store declares (npm run infra:containers)', () => {
  assert.equal(readFileSync(CONTAINERS_FILE, 'utf8'), containersJson(), 'regenerate infra/cosmos-containers.json');
  const cosmos = read('modules/cosmos.bicep');
  assert.match(cosmos, /loadJsonContent\('\.\.\/cosmos-containers\.json'\)/);
  assert.match(cosmos, /paths: \[c\.partitionKeyPath\]/);
  assert.match(cosmos, /compositeIndexes: c\.compositeIndexes/);
});

test('the package azd uploads to App Service leaves out dependencies, local data and every secret file', () => {
  // With a .webappignore present azd drops its own default (node_modules only): everything is listed here.
  const ignored = readFileSync(join(INFRA, '..', '.webappignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const entry of ['node_modules', 'dist', 'data', '*.db', '.env*', '.azure', '.git']) assert.ok(ignored.includes(entry), `.webappignore lists ${entry}`);
  const app = read('modules/app.bicep');
  assert.match(app, /name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'\s*\n\s*value: 'true'/, 'App Service builds the upload (Oryx)');
  assert.match(app, /name: 'CUSTOM_BUILD_COMMAND'\s*\n\s*value: 'npm ci --include=dev [^']*&& npm run build && npm prune --omit=dev'/, 'with the Dockerfile\'s steps, dev dependencies included under NODE_ENV=production');
});
