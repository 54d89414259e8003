import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../bot/config';

describe('staff configuration', () => {
  it('defaults: 15-minute idle sessions and escalation, lock after 5 failures, no Teams alerts, passwords on and no OIDC', () => {
    const c = loadConfig({ PORT: '4000' });
    assert.deepEqual(c.staff, { sessionIdleMinutes: 15, signInMaxFailures: 5, signInLockMinutes: 15, escalationMinutes: 15, trustProxy: false, teams: undefined, oidc: undefined, passwordSignIn: true });
    assert.equal(c.publicBaseUrl, 'http://localhost:4000');
  });

  it('reads the Teams channel, its card language and the public URL; blanks (as in .env.example) mean unset', () => {
    const c = loadConfig({
      STAFF_TEAMS_CONVERSATION_ID: '19:abc@thread.tacv2',
      STAFF_TEAMS_SERVICE_URL: 'https://smba.trafficmanager.net/amer/',
      STAFF_TEAMS_TENANT_ID: 'tenant-1',
      STAFF_TEAMS_LANGUAGE: 'es',
      PUBLIC_BASE_URL: 'https://puente.example.org/',
      STAFF_SESSION_IDLE_MINUTES: '30',
      STAFF_TRUST_PROXY: 'true',
    });
    assert.deepEqual(c.staff.teams, { conversationId: '19:abc@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/amer/', tenantId: 'tenant-1', language: 'es' });
    assert.equal(c.publicBaseUrl, 'https://puente.example.org');
    assert.equal(c.staff.sessionIdleMinutes, 30);
    assert.equal(c.staff.trustProxy, true);
    const blank = loadConfig({ STAFF_TEAMS_CONVERSATION_ID: '', STAFF_TEAMS_SERVICE_URL: '', STAFF_TEAMS_LANGUAGE: '', PUBLIC_BASE_URL: '' });
    assert.equal(blank.staff.teams, undefined);
  });

  it('refuses half a Teams channel and out-of-range minutes, naming the variable', () => {
    assert.throws(() => loadConfig({ STAFF_TEAMS_CONVERSATION_ID: '19:abc@thread.tacv2' }), (e: unknown) => e instanceof ConfigError && /STAFF_TEAMS_SERVICE_URL/.test(e.message));
    assert.throws(() => loadConfig({ STAFF_SESSION_IDLE_MINUTES: '0' }), /STAFF_SESSION_IDLE_MINUTES/);
    assert.throws(() => loadConfig({ STAFF_TEAMS_LANGUAGE: 'fr' }), /STAFF_TEAMS_LANGUAGE/);
  });
});
