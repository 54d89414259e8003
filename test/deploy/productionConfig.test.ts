import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/config';

const PRODUCTION = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
  PUBLIC_BASE_URL: 'https://puente.example.org',
};

test('production mode starts with a bot identity and a public URL, without an app password for a managed identity', () => {
  const config = loadConfig(PRODUCTION);
  assert.equal(config.localMode, false);
  assert.equal(config.bot.appType, 'UserAssignedMSI');
  assert.equal(config.publicBaseUrl, 'https://puente.example.org');
});

test('production mode refuses local mode, a missing public URL and open enrollment, naming the variable', () => {
  const refused = (env: Record<string, string>, message: string) =>
    assert.throws(() => loadConfig(env), (err: Error) => err instanceof ConfigError && err.message === message);
  refused({ ...PRODUCTION, MicrosoftAppId: '' }, 'Invalid configuration: MicrosoftAppId is required when NODE_ENV=production');
  refused({ ...PRODUCTION, PUBLIC_BASE_URL: '' }, 'Invalid configuration: PUBLIC_BASE_URL is required when NODE_ENV=production');
  refused({ ...PRODUCTION, OPEN_ENROLLMENT: 'true' }, 'Invalid configuration: OPEN_ENROLLMENT must be false when NODE_ENV=production');
  refused({ ...PRODUCTION, MicrosoftAppTenantId: '' }, 'Invalid configuration: MicrosoftAppTenantId is required for UserAssignedMSI apps');
  assert.equal(loadConfig({ MicrosoftAppId: '' }).localMode, true, 'outside production, local mode stays the default');
});
