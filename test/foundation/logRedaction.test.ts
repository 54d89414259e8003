import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/log';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

test('message text, names, phone numbers and emails never reach the log output', () => {
  const { lines, logger } = capture();
  const secrets = ['I want to end it all', 'Ana Rivera', '+15551234567', 'ana@example.org', 'hunter2', 'my private note'];
  logger.info({ text: secrets[0], name: secrets[1], phone: secrets[2], email: secrets[3], participantId: 'p-1' }, 'flat');
  logger.info({ activity: { text: secrets[0], from: { id: secrets[2], name: secrets[1] }, value: { note: secrets[5] } } }, 'activity');
  logger.info({ participant: { displayName: secrets[1], phone: secrets[2] }, staff: { email: secrets[3], password: secrets[4] } }, 'nested');
  logger.info({ checkin: { note: secrets[5] }, flag: { message: secrets[0] } }, 'records');
  logger.info({ headers: { authorization: 'Bearer abc', cookie: 'sid=abc' } }, 'headers');
  const output = lines.join('');
  for (const secret of [...secrets, 'Bearer abc', 'sid=abc']) assert.ok(!output.includes(secret), `leaked: ${secret}`);
  // Ids stay: they are what operators trace with.
  assert.ok(output.includes('p-1'));
  assert.equal(lines.length, 5);
  for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), 'one JSON object per line');
});

test('an error is logged as its type and code: never its message, which may quote the user', () => {
  const { lines, logger } = capture();
  const err = Object.assign(new Error('I said I want to end it all'), { code: 'ECONNRESET' });
  logger.error({ err, route: '/x' }, 'failed');
  logger.error({ err: new TypeError('Ana Rivera is not a function') }, 'failed');
  const [first, second] = lines.map((line) => JSON.parse(line) as { err: unknown });
  assert.deepEqual(first.err, { type: 'Error', code: 'ECONNRESET' });
  assert.deepEqual(second.err, { type: 'TypeError' });
  assert.ok(!lines.join('').includes('end it all') && !lines.join('').includes('Ana'));
});
