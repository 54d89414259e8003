import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createI18n } from '../../bot/i18n';
import { CaptureConnector } from '../helpers/captureConnector';
import { stageImage } from '../helpers/containerStage';
import { startService } from '../helpers/serviceProcess';

// The Dockerfile's build and runtime stages, replayed into a folder; everything below runs from
// the runtime stage's files alone (dist/ and production node_modules), as the image does.
const root = mkdtempSync(join(tmpdir(), 'puente-image-'));
// The image runs as the unprivileged `node` user; as root here, run as `nobody` the same way.
const asUser = userInfo().uid === 0 ? { uid: 65534, gid: 65534 } : undefined;
let appDir = '';
const i18n = createI18n();

before(() => {
  appDir = stageImage(root, asUser).appDir;
});
after(() => rmSync(root, { recursive: true, force: true }));

const dbEnv = () => ({ SQLITE_PATH: join(appDir, 'data', 'puente.db') });

function admin(...args: string[]): string {
  return execFileSync(process.execPath, ['dist/scripts/admin.js', ...args], {
    cwd: appDir,
    env: { PATH: process.env.PATH, ...dbEnv(), LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    ...asUser,
  });
}

test('the operator CLIs run from the build: db-init, then participant add/list', () => {
  execFileSync(process.execPath, ['dist/scripts/db-init.js'], { cwd: appDir, env: { PATH: process.env.PATH, ...dbEnv() }, ...asUser });
  const added = JSON.parse(admin('participant', 'add', '--name', 'Ana R', '--lang', 'es', '--tz', 'America/Chicago', '--track', 'evening', '--checkin', '19:00', '--json'));
  assert.match(added.enrollmentCode, /^[A-Z0-9]{6,10}$/);
  const listed = JSON.parse(admin('participant', 'list', '--json')) as Array<{ id: string }>;
  assert.ok(listed.some((p) => p.id === added.id));
});

test('node dist/bot/index.js serves turns on SMS (en) and Teams (es), as npm start does', async (t) => {
  const connector = new CaptureConnector();
  await connector.start();
  t.after(() => connector.stop());
  const service = await startService({ cwd: appDir, args: ['dist/bot/index.js'], env: dbEnv(), ...asUser });
  t.after(() => service.stop());

  const cases = [
    { channelId: 'sms', lang: 'en', user: '+15550100001' },
    { channelId: 'msteams', lang: 'es', user: '29:teams-user' },
  ] as const;
  for (const c of cases) {
    const { enrollmentCode } = JSON.parse(
      admin('participant', 'add', '--name', `P ${c.channelId}`, '--lang', c.lang, '--tz', 'America/New_York', '--track', 'morning', '--checkin', '09:00', '--json'),
    );
    const conversation = `conv-${c.channelId}`;
    const res = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `a-${c.channelId}`, channelId: c.channelId, serviceUrl: connector.url, text: enrollmentCode,
        from: { id: c.user }, recipient: { id: 'bot' }, conversation: { id: conversation },
      }),
    });
    assert.equal(res.status, 200);
    await connector.waitFor(() => connector.forConversation(conversation).length > 0, 10_000);
    const reply = JSON.stringify(connector.forConversation(conversation));
    const consent = i18n.getFixedT(c.lang)('enrollment:consent.ask');
    assert.ok(reply.includes(JSON.stringify(consent).slice(1, -1)), `${c.channelId}: the consent question in ${c.lang}: ${reply}`);
    if (c.channelId === 'msteams') assert.match(reply, /application\/vnd\.microsoft\.card\.adaptive/, 'Teams renders a card');
  }
  assert.equal(await service.stop(), 0, 'SIGTERM drains and exits 0');
});

test('in production mode the image serves health and readiness, refuses anonymous turns, and exits 0 on SIGTERM', async (t) => {
  const service = await startService({
    cwd: appDir,
    args: ['dist/bot/index.js'],
    env: {
      ...dbEnv(),
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-old-space-size=256',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      PUBLIC_BASE_URL: 'https://puente.example.org',
    },
    ...asUser,
  });
  t.after(() => service.stop());
  assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
  assert.equal((await fetch(`${service.url}/readyz`)).status, 200);
  assert.equal((await fetch(`${service.url}/playground`)).status, 404, 'no playground outside local mode');
  const anonymous = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', channelId: 'sms', serviceUrl: 'http://127.0.0.1:9', from: { id: 'x' }, conversation: { id: 'c' }, text: 'hi' }),
  });
  assert.equal(anonymous.status, 401);
  assert.equal(await service.stop(), 0);
});
