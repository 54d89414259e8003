import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StaffClient, StaffHarness, URGENT } from '../staff/staffHarness';

/**
 * Wrongly typed values for every field the service reads, each sent on its
 * own: every one must get a 4xx, change nothing and carry no exception text.
 */
const NOT_STRING = [42, true, {}, [], ['x'], { $ne: '' }];
const NOT_OBJECT = ['x', 42, true, [], [{}]];
const NOT_BOOLEAN = ['yes', 1, {}, []];
const NOT_ARRAY = ['x', 42, {}, true];

/** Activity fields by the type the Bot Framework schema gives them. */
const ACTIVITY_FIELDS: Array<[path: string, wrong: unknown[]]> = [
  ...[
    'type', 'id', 'timestamp', 'localTimestamp', 'localTimezone', 'serviceUrl', 'channelId', 'locale', 'text', 'speak',
    'textFormat', 'attachmentLayout', 'inputHint', 'summary', 'topicName', 'action', 'replyToId', 'label', 'valueType',
    'name', 'code', 'expiration', 'importance', 'deliveryMode', 'callerId',
    'from.id', 'from.name', 'from.aadObjectId', 'from.role', 'recipient.id', 'recipient.name',
    'conversation.id', 'conversation.name', 'conversation.conversationType', 'conversation.tenantId',
    'attachments.0.contentType', 'attachments.0.name', 'entities.0.type', 'membersAdded.0.id', 'listenFor.0',
  ].map((path): [string, unknown[]] => [path, NOT_STRING]),
  ...['from', 'conversation', 'recipient', 'channelData', 'suggestedActions', 'relatesTo', 'semanticAction', 'attachments.0', 'entities.0', 'membersAdded.0'].map(
    (path): [string, unknown[]] => [path, NOT_OBJECT],
  ),
  ...['conversation.isGroup', 'historyDisclosed'].map((path): [string, unknown[]] => [path, NOT_BOOLEAN]),
  ...['attachments', 'entities', 'membersAdded', 'membersRemoved', 'reactionsAdded', 'listenFor', 'textHighlights'].map((path): [string, unknown[]] => [path, NOT_ARRAY]),
];

function withValue(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy;
}

describe('wrongly typed input gets a 4xx, changes nothing and carries no exception text', () => {
  let s: StaffHarness;
  let admin: StaffClient;
  let pid: string;

  before(async () => {
    s = await StaffHarness.start();
    await s.account('admin@clinic.org', 'admin');
    admin = await StaffClient.signedIn(s.base, 'admin@clinic.org');
    pid = (await s.participant('Ana María Ruiz')).id;
    await s.flag(pid, 'checkin:fuzz', URGENT);
  });
  after(async () => s.stop());

  it('every field of an activity, on both channels', async () => {
    const h = s.h;
    const writes = h.app.services.store.stats.writes;
    const failures: string[] = [];
    for (const channelId of ['sms', 'msteams']) {
      const base = h.message({ id: `fuzz-${channelId}`, channelId, locale: 'es-US' }, 'hola', {
        attachments: [{ contentType: 'text/plain', name: 'a' }],
        entities: [{ type: 'clientInfo' }],
        membersAdded: [{ id: 'm1' }],
        listenFor: ['x'],
        conversation: { id: `conv-fuzz-${channelId}`, isGroup: false, conversationType: 'personal', name: 'c', tenantId: 't' },
        from: { id: `fuzz-${channelId}`, name: 'n', aadObjectId: 'a', role: 'user' },
      });
      for (const [path, values] of ACTIVITY_FIELDS) {
        for (const value of values) {
          const res = await h.post(withValue(base, path, value));
          const text = JSON.stringify(res.body ?? '');
          if (res.status < 400 || res.status >= 500) failures.push(`${channelId} ${path}=${JSON.stringify(value)} → ${res.status}`);
          else if (/Error|at |\.ts|zod|expected/i.test(text) && !text.includes('is missing or invalid')) failures.push(`${path}: body ${text}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.equal(h.app.services.store.stats.writes, writes, 'no turn ran');
    assert.equal(h.connector.received.length, 0, 'nothing was sent');
  });

  it('every field of every staff API body', async () => {
    const id = encodeURIComponent(pid);
    const flag = `/api/staff/flags/${id}/checkin:fuzz`;
    const bodies: Array<[method: string, path: string, valid: Record<string, unknown>]> = [
      ['PATCH', '/api/staff/me', { language: 'es' }],
      ['POST', `${flag}/notes`, { text: 'called back' }],
      ['POST', `${flag}/resolve`, { outcome: 'contacted', note: 'ok' }],
      ['POST', '/api/staff/participants', { displayName: 'Zoe Q', language: 'en', timeZone: 'America/Chicago', track: 'morning', checkinTime: '19:00', screenWeekday: 1 }],
      ['PATCH', `/api/staff/participants/${id}`, { language: 'en', timeZone: 'America/Denver', track: 'morning', checkinTime: '18:00', screenWeekday: 2 }],
      ['POST', `/api/staff/participants/${id}/status`, { action: 'pause' }],
    ];
    const failures: string[] = [];
    const participantsBefore = (await s.services.participants.list()).length;
    const flagBefore = await s.services.flags.get(pid, 'checkin:fuzz');
    for (const [method, path, valid] of bodies) {
      for (const field of Object.keys(valid)) {
        for (const value of [...NOT_STRING, null]) {
          if (typeof valid[field] === 'number' && typeof value === 'number') continue;
          const res = await admin.call(method, path, { ...valid, [field]: value });
          const text = await res.text();
          if (res.status < 400 || res.status >= 500) failures.push(`${method} ${path} ${field}=${JSON.stringify(value)} → ${res.status}`);
          else if (/Error:|\bat \w|\.ts:/.test(text)) failures.push(`${method} ${path} ${field}: body ${text}`);
        }
      }
      for (const body of ['"text"', '[1,2]', '42', 'null']) {
        const res = await fetch(`${s.base}${path}`, { method, headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': 'application/json' }, body });
        if (res.status < 400 || res.status >= 500) failures.push(`${method} ${path} body ${body} → ${res.status}`);
      }
    }
    for (const value of NOT_STRING) {
      for (const field of ['email', 'password']) {
        const res = await fetch(`${s.base}/api/staff/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@clinic.org', password: 'wrong password', [field]: value }),
        });
        // 429 once this source has failed too often on that email.
        if (![400, 401, 429].includes(res.status)) failures.push(`session ${field}=${JSON.stringify(value)} → ${res.status}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.equal((await s.services.participants.list()).length, participantsBefore, 'nobody was enrolled');
    const flagAfter = await s.services.flags.get(pid, 'checkin:fuzz');
    assert.equal(flagAfter?.status, flagBefore?.status);
    assert.deepEqual(flagAfter?.notes, []);
    assert.equal((await s.services.participants.get(pid))?.status, 'active');
  });

  it('a malformed percent-escape in the staff cookie is 401 (API) or a redirect to sign-in (page), not 500', async () => {
    for (const cookie of ['puente_staff=%E0%A4%A', 'puente_staff=%', 'puente_staff=abc%zz']) {
      const api = await fetch(`${s.base}/api/staff/me`, { headers: { cookie } });
      assert.equal(api.status, 401, cookie);
      assert.deepEqual(await api.json(), { error: 'unauthorized' });
      const page = await fetch(`${s.base}/staff`, { headers: { cookie }, redirect: 'manual' });
      assert.equal(page.status, 303, cookie);
      assert.match(page.headers.get('location')!, /^\/staff\/sign-in/);
    }
  });

  it('a sign-in `next` holding CR/LF, U+2028 or other non-ASCII redirects to /staff', async () => {
    for (const next of ['/staff\r\nSet-Cookie: x=1', '/staff/\u2028x', '/staff?x=\u00e9', '/staff/\u65e5', '/staff\tx']) {
      const page = await fetch(`${s.base}/staff/sign-in?next=${encodeURIComponent(next)}`);
      const html = await page.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      const cookie = page.headers.get('set-cookie')!.split(';')[0];
      assert.ok(csrf, 'the form carries its CSRF field');
      const res = await fetch(`${s.base}/staff/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ email: 'admin@clinic.org', password: 'correct horse battery staple', _csrf: csrf, next }).toString(),
        redirect: 'manual',
      });
      assert.equal(res.status, 303, JSON.stringify(next));
      assert.equal(res.headers.get('location'), '/staff');
      assert.equal(res.headers.get('set-cookie')?.includes('x=1'), false);
    }
  });
});
