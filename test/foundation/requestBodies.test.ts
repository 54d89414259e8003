import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BotHarness } from '../helpers/botHarness';
import { EchoBot } from '../../bench/echoBot';

let h: BotHarness;
before(async () => {
  h = await BotHarness.start({ bot: () => new EchoBot() });
  // A route that fails the way a bug would: its message must never reach the client.
  h.app.server.get('/test-only/throws', async () => {
    throw new Error('internal detail: /var/lib/secret ECONNREFUSED');
  });
});
after(async () => h.stop());

/** formidable (restify's multipart parser) names its temp files upload_<hex>. */
const uploads = () => readdirSync(tmpdir()).filter((f) => f.startsWith('upload_')).length;

/**
 * Sends `body` with the given headers through node:http (fetch cannot send a
 * chunked body of a chosen size or stop half-way) and resolves with the status,
 * the response body and how many body bytes were written before it came.
 */
function send(
  path: string,
  headers: Record<string, string>,
  body: { size: number; chunked?: boolean; endless?: boolean },
): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, h.baseUrl);
    const chunk = Buffer.alloc(16 * 1024, 'a');
    let written = 0;
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname, method: 'POST', headers: body.chunked ? headers : { ...headers, 'content-length': String(body.size) } },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, written }));
        res.on('error', reject);
      },
    );
    // The server may close the connection once it has answered; that is the point.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && (body.endless || written < body.size)) {
        const part = body.endless ? chunk : chunk.subarray(0, Math.min(chunk.length, body.size - written));
        written += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      if (!answered && !body.endless) req.end();
    };
    pump();
  });
}

for (const type of ['multipart/form-data; boundary=x', 'application/octet-stream']) {
  test(`${type.split(';')[0]} is refused with 415 on every route before it is read; nothing lands in the temp folder`, async () => {
    const before = uploads();
    const part = '--x\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n';
    for (const path of ['/api/messages', '/api/staff/session', '/staff/sign-in', '/playground/api/conversations', '/no/such/route']) {
      const res = await send(path, { 'content-type': type }, { size: 4 * 1024 * 1024 });
      assert.equal(res.status, 415, `${path} answered ${res.status}`);
      assert.equal(JSON.parse(res.body).error, 'unsupported_media_type');
      assert.ok(res.written < 4 * 1024 * 1024, `${path}: the server answered before taking the whole 4 MB`);
    }
    const multipart = await fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body: `${part}${'z'.repeat(100_000)}\r\n--x--\r\n` });
    assert.equal(multipart.status, 415);
    assert.equal(uploads(), before, 'no upload file was written');
  });
}

test('the 256 KB limit holds for a declared length, a chunked body and one that never ends (413 as soon as it is crossed)', async () => {
  const writes = h.app.services.store.stats.writes;
  const json = { 'content-type': 'application/json' };
  assert.equal((await send('/api/messages', json, { size: 300 * 1024 })).status, 413);
  const chunked = await send('/api/messages', { ...json, 'transfer-encoding': 'chunked' }, { size: 300 * 1024, chunked: true });
  assert.equal(chunked.status, 413);
  assert.deepEqual(JSON.parse(chunked.body), { error: 'too_large', message: 'the body may hold at most 256 KB' });
  const form = await send('/staff/sign-in', { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, { size: 300 * 1024, chunked: true });
  assert.equal(form.status, 413);
  const endless = await send('/api/staff/session', { ...json, 'transfer-encoding': 'chunked' }, { size: 0, chunked: true, endless: true });
  assert.equal(endless.status, 413);
  assert.ok(endless.written < 8 * 1024 * 1024, `answered after ${endless.written} bytes, not at the end of the stream`);
  assert.equal(h.app.services.store.stats.writes, writes, 'no turn ran');
  // A body just under the limit still goes through.
  const fits = await fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify(h.message({ id: 'u-fits' }, 'x'.repeat(9_000), { channelData: { pad: 'p'.repeat(200 * 1024) } })) });
  assert.equal(fits.status, 200);
});

test('/api/messages takes JSON only: a form post, text/plain or a compressed body is 415 and runs no turn', async () => {
  const writes = h.app.services.store.stats.writes;
  const activity = h.message({ id: 'u-form' }, 'hello');
  const form = new URLSearchParams({ type: 'message', channelId: 'sms', serviceUrl: h.connector.url, 'from[id]': 'x', 'conversation[id]': 'y', text: 'hello' });
  for (const [headers, body] of [
    [{ 'content-type': 'application/x-www-form-urlencoded' }, form.toString()],
    [{ 'content-type': 'text/plain' }, JSON.stringify(activity)],
    [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, JSON.stringify(activity)],
  ] as const) {
    const res = await fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers, body });
    assert.equal(res.status, 415, JSON.stringify(headers));
  }
  assert.equal(h.app.services.store.stats.writes, writes);
  assert.equal(h.connector.forConversation('conv-u-form').length, 0);
});

test('error bodies carry fixed words, never an exception message or a path', async () => {
  const thrown = await fetch(`${h.baseUrl}/test-only/throws`);
  assert.equal(thrown.status, 500);
  assert.deepEqual(await thrown.json(), { error: 'internal error' });
  const missing = await fetch(`${h.baseUrl}/no/such/<b>route</b>`);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: 'not found' });
  const malformed = await fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "mess' });
  assert.equal(malformed.status, 400);
  assert.deepEqual(await malformed.json(), { error: 'invalid', message: 'malformed JSON' });
});
