import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConversationBook, newConversationId, previewLocaleFor } from '../../bot/playground/conversations';

/** The in-memory Direct Line conversations: ids, watermarks, updates, and a bounded size. */
function open(book: ConversationBook, userId = 'pg-user') {
  return book.open({ id: newConversationId(), userId, channelId: 'sms', locale: 'en-US', participantId: 'p1' });
}

test('activities get Direct Line ids and a watermark is a position in the transcript', () => {
  const book = new ConversationBook();
  const c = open(book);
  const first = book.append(c, { type: 'message', text: 'one' });
  const second = book.append(c, { type: 'message', text: 'two' });
  assert.match(first, new RegExp(`^${c.id}\\|\\d{7}$`));
  assert.notEqual(first, second);
  assert.deepEqual(book.since(c, 0), { activities: [{ type: 'message', text: 'one', id: first }, { type: 'message', text: 'two', id: second }], watermark: '2' });
  assert.deepEqual(book.since(c, 1).activities.map((a) => a.text), ['two']);
  assert.deepEqual(book.since(c, 2), { activities: [], watermark: '2' });
  assert.equal(book.since(c, Number.NaN).activities.length, 2, 'no watermark: everything');
});

test('an update is delivered again under the same id; an unknown id is refused', () => {
  const book = new ConversationBook();
  const c = open(book);
  const id = book.append(c, { type: 'message', text: 'draft' });
  assert.equal(book.update(c, id, { type: 'message', text: 'final' }), true);
  assert.deepEqual(book.since(c, 1).activities, [{ type: 'message', text: 'final', id }]);
  assert.equal(book.update(c, `${c.id}|9999999`, { type: 'message', text: 'x' }), false);
});

test('tokens find their conversation until it is forgotten', () => {
  const book = new ConversationBook();
  const c = open(book);
  assert.equal(book.withToken(c.token)?.id, c.id);
  assert.deepEqual(book.ofUser('pg-user').map((x) => x.id), [c.id]);
  book.forget(c.id);
  assert.equal(book.withToken(c.token), undefined);
  assert.equal(book.get(c.id), undefined);
});

test('the book keeps at most 200 conversations, forgetting the least recently used', () => {
  let now = 0;
  const book = new ConversationBook(() => ++now);
  const kept = open(book, 'pg-kept');
  const first = open(book, 'pg-first');
  for (let i = 0; i < 198; i++) open(book);
  book.get(kept.id); // used again: now the most recent
  open(book);
  assert.ok(book.get(kept.id));
  assert.equal(book.get(first.id), undefined);
});

test('a client locale maps to a preview locale, defaulting to the configured language', () => {
  assert.equal(previewLocaleFor('es-US', 'en'), 'es-US');
  assert.equal(previewLocaleFor('es-MX', 'en'), 'es-US');
  assert.equal(previewLocaleFor('en-GB', 'es'), 'en-US');
  assert.equal(previewLocaleFor('fr-FR', 'es'), 'es-US');
  assert.equal(previewLocaleFor(undefined, 'en'), 'en-US');
});
