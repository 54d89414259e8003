import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createI18n, LANGUAGES } from '../../bot/i18n';
import { LESSON_TOPICS, LessonLibrary, MAX_LESSON_MESSAGES } from '../../bot/lessons/library';
import { isWeekStart, lessonDateOf, weekStartOf } from '../../bot/lessons/lessonWeek';
import { renderPrompt } from '../../bot/channels/render';
import { assertFitsSms } from '../helpers/sms';

const i18n = createI18n();
const library = new LessonLibrary(i18n);

test('the library holds at least 8 lessons, 2 or more per topic, each a few short messages and one reflection', () => {
  const lessons = library.list();
  assert.ok(lessons.length >= 8, `${lessons.length} lessons`);
  for (const topic of LESSON_TOPICS) assert.ok(lessons.filter((l) => l.topic === topic).length >= 2, topic);
  for (const l of lessons) {
    assert.ok(l.messageKeys.length >= 1 && l.messageKeys.length <= MAX_LESSON_MESSAGES, l.id);
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const key of [l.titleKey, ...l.messageKeys, l.reflectionKey]) {
        assert.ok(i18n.exists(key, { lng: language }), `${language} ${key}`);
        assert.notEqual(t(key), key);
      }
      // As the conversation sends them on SMS: each message alone, the reflection with its skip hint.
      for (const key of l.messageKeys) assertFitsSms(String(renderPrompt({ kind: 'message', textKey: key }, 'sms', t).text), `${language} ${key}`);
      assertFitsSms(String(renderPrompt({ kind: 'text', textKey: l.reflectionKey, allowSkip: true }, 'sms', t).text), `${language} ${l.reflectionKey}`);
      assert.match(t(l.reflectionKey), /\?$/, `${language} ${l.reflectionKey} is a question`);
    }
  }
  // The evidence-informed skills the seed program teaches, by name.
  const english = lessons.map((l) => i18n.getFixedT('en')(l.titleKey)).join(' | ');
  for (const skill of ['HALT', 'Urge surfing', 'Box breathing', 'STOP', 'I-statements', 'DEAR MAN', 'Opposite action', 'Check the facts']) assert.ok(english.includes(skill), skill);
});

test('Spanish lessons speak with usted, never tú', () => {
  const t = i18n.getFixedT('es');
  const informal = /\b(tú|tienes|puedes|quieres|sientes|haz|respira|piensa|escribe|eres|estás|te sientes|tu vida)\b/i;
  for (const l of library.list()) {
    for (const key of [l.titleKey, ...l.messageKeys, l.reflectionKey]) assert.doesNotMatch(t(key), informal, key);
  }
});

test('a library entry with a topic the program does not teach, or too many messages, stops start-up with its key', () => {
  const bad = createI18n();
  bad.addResourceBundle('en', 'lessons', { library: { odd: { topic: 'nutrition', title: 'x', messages: { 1: 'x' }, reflection: 'x?' } } }, true, true);
  assert.throws(() => new LessonLibrary(bad), /lessons:library\.odd\.topic/);
  const long = createI18n();
  long.addResourceBundle('en', 'lessons', { library: { long: { topic: 'stressManagement', title: 'x', messages: { 1: 'a', 2: 'b', 3: 'c', 4: 'd' }, reflection: 'x?' } } }, true, true);
  assert.throws(() => new LessonLibrary(long), /lessons:library\.long must have 1 to 3 messages/);
});

test('weeks are named by their Monday', () => {
  assert.equal(weekStartOf('2026-12-01'), '2026-11-30');
  assert.equal(weekStartOf('2026-11-30'), '2026-11-30');
  assert.equal(weekStartOf('2026-12-06'), '2026-11-30', 'Sunday belongs to the week before');
  assert.equal(lessonDateOf('2026-11-30', 3), '2026-12-02');
  assert.ok(isWeekStart('2026-11-30'));
  for (const bad of ['2026-12-01', '2026-02-30', '30-11-2026', 'monday', '']) assert.ok(!isWeekStart(bad), bad);
});
