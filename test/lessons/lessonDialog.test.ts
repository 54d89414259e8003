import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LESSON_DELIVERIES, LessonDelivery, lessonDeliveryId } from '../../bot/lessons/lessonRecord';
import { Participant } from '../../bot/domain/participant';
import { buttonData, ChatHarness, visibleText } from '../main/chatHarness';

/** The harness clock is Wednesday 2025-03-05 (New York): its week starts Monday 2025-03-03. */
const WEEK = '2025-03-03';

describe('this week\'s lesson in the conversation', () => {
  let h: ChatHarness;
  before(async () => {
    h = await ChatHarness.start();
    await h.services.lessons.assignments.assign({ track: 'evening', weekStart: WEEK, lessonId: 'urgeSurfing' }, 'test', h.clock());
  });
  after(() => h.stop());

  const delivery = (p: Participant) => h.services.store.get<LessonDelivery>(LESSON_DELIVERIES, p.id, lessonDeliveryId(WEEK, 'urgeSurfing'));

  for (const channel of ['sms', 'msteams'] as const) {
    for (const [language, word, again] of [['en', 'lesson', 'Lesson'], ['es', 'lección', 'LECCION']] as const) {
      it(`"${word}" shows the lesson, asks the reflection and stores the answer; asking again shows it again (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language, track: 'evening' });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        const replies = await chat.say(word);
        const lesson = h.services.lessons.library.get('urgeSurfing')!;
        assert.deepEqual(
          replies.slice(0, lesson.messageKeys.length).map(visibleText),
          lesson.messageKeys.map((k) => t(k)),
        );
        const question = visibleText(replies[replies.length - 1]);
        assert.ok(question.startsWith(t(lesson.reflectionKey)), question);
        if (channel === 'msteams') assert.ok(question.includes(t('prompts:skip')), 'a Skip button under the reflection');
        else assert.ok(question.endsWith(t('prompts:sms.replySkip')), question);

        const sent = await delivery(p);
        assert.equal(sent?.sentAt, h.clock().toISOString());
        assert.equal(sent?.reflection, null);

        const answer = language === 'es' ? 'En el pecho, unos 20 minutos' : 'In my chest, about 20 minutes';
        assert.equal(await chat.text(answer), t('lessons:reflectionSaved'));
        const answered = await delivery(p);
        assert.equal(answered?.reflection, answer);
        assert.equal(answered?.reflectionAt, h.clock().toISOString());

        // Again: the same lesson, the same delivery record (sentAt unchanged), and a skip keeps the answer.
        h.clock.advance(60_000);
        const second = await chat.say(again);
        assert.equal(visibleText(second[0]), t(lesson.messageKeys[0]));
        const skipped = channel === 'msteams'
          ? await chat.text({ value: buttonData(second, t('prompts:skip')) })
          : await chat.text(language === 'es' ? 'saltar' : 'skip');
        assert.equal(skipped, t('lessons:reflectionSkipped'));
        const kept = await delivery(p);
        assert.equal(kept?.sentAt, sent?.sentAt);
        assert.equal(kept?.reflection, answer);
        assert.equal(await h.services.store.count(LESSON_DELIVERIES, { pk: p.id, where: [{ field: 'participantId', op: '=', value: p.id }] }), 1);
        h.clock.set('2025-03-05T15:00:00Z');
      });
    }
  }

  for (const [channel, language] of [['sms', 'es'], ['msteams', 'en']] as const) {
    it(`a track with no lesson this week is told so (${channel}, ${language})`, async () => {
      const p = await h.participant(channel, { language, track: 'morning' });
      assert.equal(await h.chat(p, channel).text(language === 'es' ? 'mi lección' : 'my lesson'), h.t(language)('lessons:none'));
    });
  }

  it('the menu entry (under More) and the outreach button lead to the lesson (sms number, Teams label)', async () => {
    const sms = await h.participant('sms', { language: 'es', track: 'evening' });
    const chat = h.chat(sms, 'sms');
    const option = (text: string, key: string) => text.split('\n').find((line) => line.endsWith(h.t('es')(key)))!.split(' ')[0];
    const more = await chat.text(option(await chat.text('menú'), 'common:menu.more'));
    const lessonOption = option(more, 'common:menu.lesson');
    const first = await chat.say(lessonOption);
    assert.equal(visibleText(first[0]), h.t('es')('lessons:library.urgeSurfing.messages.1'));

    const teams = await h.participant('msteams', { language: 'en', track: 'evening' });
    const replies = await h.chat(teams, 'msteams').say(h.t('en')('common:menu.lesson'));
    assert.equal(visibleText(replies[0]), h.t('en')('lessons:library.urgeSurfing.messages.1'));
  });
});
