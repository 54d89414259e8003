import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError, ENV_VARIABLES, loadConfig } from '../../bot/config';

test('defaults need no environment at all', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3978);
  assert.equal(c.store, 'sqlite');
  assert.equal(c.sqlitePath, './data/puente.db');
  assert.equal(c.cosmos.database, 'puente');
  assert.equal(c.defaultLanguage, 'en');
  assert.equal(c.programTimeZone, 'America/New_York');
  assert.equal(c.openEnrollment, false);
  assert.equal(c.localMode, true);
  assert.deepEqual(c.quietHours, { start: '21:00', end: '08:00' });
});

test('each bad setting is refused with one line naming the variable', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ STORE: 'cosmos' }, /COSMOS_ENDPOINT/],
    [{ STORE: 'mongo' }, /STORE/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ DEFAULT_LOCALE: 'fr' }, /DEFAULT_LOCALE/],
    [{ PROGRAM_TIMEZONE: 'Mars/Olympus' }, /PROGRAM_TIMEZONE/],
    [{ OPEN_ENROLLMENT: 'maybe' }, /OPEN_ENROLLMENT/],
    [{ MicrosoftAppId: 'abc' }, /MicrosoftAppPassword/],
    [{ COSMOS_ENDPOINT: 'not a url', STORE: 'cosmos' }, /COSMOS_ENDPOINT/],
    [{ QUIET_HOURS_START: '22:00' }, /QUIET_HOURS_START/],
    [{ QUIET_HOURS_END: '07:00' }, /QUIET_HOURS_END/],
  ];
  for (const [env, pattern] of cases) {
    assert.throws(
      () => loadConfig(env),
      (err: unknown) => err instanceof ConfigError && pattern.test(err.message) && !err.message.includes('\n'),
      JSON.stringify(env),
    );
  }
});

test('an app id turns local mode off; narrower quiet hours are accepted', () => {
  const c = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret', QUIET_HOURS_START: '20:00', QUIET_HOURS_END: '09:00' });
  assert.equal(c.localMode, false);
  assert.deepEqual(c.quietHours, { start: '20:00', end: '09:00' });
});

test('.env.example lists every variable the schema reads, each under a comment', () => {
  const lines = readFileSync('.env.example', 'utf8').split('\n');
  assert.ok(ENV_VARIABLES.length >= 20);
  for (const name of ENV_VARIABLES) {
    const at = lines.findIndex((l) => l.startsWith(`${name}=`));
    assert.ok(at > 0, `${name} is missing from .env.example`);
    assert.match(lines[at - 1], /^#/, `${name} has no comment above it`);
  }
  // And nothing documented that the schema does not read.
  for (const line of lines.filter((l) => /^[A-Za-z_]+=/.test(l))) assert.ok(ENV_VARIABLES.includes(line.split('=')[0]), line);
});
