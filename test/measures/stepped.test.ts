import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Chat, read } from '../checkin/chat';
import { answerAll, dailyItems, HOUR, includes, measure, startOnScreenDay, t } from './conversation';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

const CHANNELS = ['sms', 'msteams'] as const;
const LANGUAGES = ['en', 'es'] as const;

describe('a positive PHQ-2 steps into the PHQ-9', () => {
  for (const channel of CHANNELS) {
    for (const language of LANGUAGES) {
      it(`${language}, ${channel}: items 3-9 follow in the same conversation; total, band and flag stored; no episode when item 9 is 0`, async () => {
        chat = await startOnScreenDay(channel, language);
        const screen = await dailyItems(chat, language);
        // PHQ-2 = 2 + 2 (positive), GAD-2 = 0 + 1 (negative).
        const [, , , afterScreen] = await answerAll(chat, language, screen, [2, 2, 0, 1]);
        includes(afterScreen, language, 'checkin:thanks');
        includes(afterScreen, language, 'screen:stepped.phq9Intro');
        includes(afterScreen, language, 'screen:phq9.item3');
        assert.equal((await measure(chat, 'phq9'))?.completedAt, null, 'begun and stored before the first answer');

        // Items 3-9: 3 2 2 1 3 2 0 → total 2+2+3+2+2+1+3+2+0 = 17, moderately severe.
        const replies = await answerAll(chat, language, afterScreen, [3, 2, 2, 1, 3, 2, 0]);
        includes(replies[4], language, 'screen:phq9.item8');
        includes(replies[4], language, 'screen:phq9.item8Opposite');
        includes(replies[5], language, 'screen:phq9.item9');
        const end = replies[6];
        includes(end, language, 'screen:stepped.done');
        assert.ok(!read(end).includes(t(language, 'safety:crisis.askSafe')), 'no safety episode');
        assert.ok(!read(end).includes(t(language, 'screen:stepped.gad7Intro')), 'GAD-2 was negative');

        const record = await measure(chat, 'phq9');
        assert.deepEqual(record?.items, { item1: 2, item2: 2, item3: 3, item4: 2, item5: 2, item6: 1, item7: 3, item8: 2, item9: 0 });
        assert.equal(record?.total, 17);
        assert.equal(record?.band, 'moderatelySevere');
        assert.equal(record?.source, 'stepped');
        assert.equal(record?.completedAt, chat.clock().toISOString());
        assert.equal(await measure(chat, 'gad7'), undefined);

        const flags = await chat.flags();
        const byCodes = flags.map((f) => [f.severity, f.reasons.map((r) => r.code).join(',')]).sort();
        assert.deepEqual(byCodes, [['moderate', 'phq2_positive'], ['moderate', 'phq9_moderately_severe']]);
      });

      it(`${language}, ${channel}: item 9 above "not at all" opens the safety episode on an urgent flag, whatever the total`, async () => {
        chat = await startOnScreenDay(channel, language);
        const screen = await dailyItems(chat, language);
        const [, , , afterScreen] = await answerAll(chat, language, screen, [2, 1, 0, 0]);
        // Items 3-8 all 0, item 9 "several days": total 4 (minimal).
        const replies = await answerAll(chat, language, afterScreen, [0, 0, 0, 0, 0, 0, 1]);
        const afterItem9 = replies[6];
        assert.equal(read([afterItem9[0]]), t(language, 'safety:crisis.lines.suicide'), 'the crisis lines first');
        includes(afterItem9, language, 'safety:crisis.askSafe');
        assert.ok(!read(afterItem9).includes(t(language, 'screen:stepped.done')));

        const record = await measure(chat, 'phq9');
        assert.equal(record?.total, 4);
        assert.equal(record?.band, 'minimal');
        const flag = (await chat.flags()).find((f) => f.source === 'screen');
        assert.equal(flag?.severity, 'urgent');
        assert.deepEqual(flag?.reasons.map((r) => r.code), ['phq9_item9']);

        // The episode owns the conversation: the next message joins the flag, it is not a questionnaire answer.
        assert.equal(read(await chat.say('4')), t(language, 'safety:crisis.ack.told'));
        assert.equal((await chat.app.services.flags.get(chat.participant!.id, flag!.id))?.messages?.at(-1)?.text, '4');
      });
    }
  }

  it('a GAD-7 left unanswered by the episode is offered once it ends', async () => {
    chat = await startOnScreenDay('sms', 'en');
    const screen = await dailyItems(chat, 'en');
    const [, , , afterScreen] = await answerAll(chat, 'en', screen, [2, 1, 2, 2]);
    await answerAll(chat, 'en', afterScreen, [0, 0, 0, 0, 0, 0, 2]);
    assert.equal((await measure(chat, 'gad7'))?.completedAt, null);
    await chat.say('menu'); // ends the episode
    chat.clock.advance(HOUR);
    const offer = await chat.say('hi');
    includes(offer, 'en', 'screen:stepped.offer');
    const resumed = await chat.say('yes');
    includes(resumed, 'en', 'screen:gad7.stem');
    includes(resumed, 'en', 'screen:gad7.item3');
  });
});

describe('a positive GAD-2 steps into the GAD-7', () => {
  for (const channel of CHANNELS) {
    for (const language of LANGUAGES) {
      it(`${language}, ${channel}: items 3-7 follow; total 19 is severe and flagged`, async () => {
        chat = await startOnScreenDay(channel, language);
        const screen = await dailyItems(chat, language);
        const [, , , afterScreen] = await answerAll(chat, language, screen, [0, 1, 3, 3]);
        includes(afterScreen, language, 'screen:stepped.gad7Intro');
        includes(afterScreen, language, 'screen:gad7.item3');
        const replies = await answerAll(chat, language, afterScreen, [3, 3, 2, 2, 3]);
        includes(replies[4], language, 'screen:stepped.done');
        const record = await measure(chat, 'gad7');
        assert.deepEqual(record?.items, { item1: 3, item2: 3, item3: 3, item4: 3, item5: 2, item6: 2, item7: 3 });
        assert.equal(record?.total, 19);
        assert.equal(record?.band, 'severe');
        const flag = (await chat.flags()).find((f) => f.source === 'screen');
        assert.deepEqual(flag?.reasons.map((r) => r.code), ['gad7_severe']);
        assert.equal(flag?.severity, 'moderate');
        assert.equal(await measure(chat, 'phq9'), undefined, 'PHQ-2 was negative');
      });
    }
  }

  it('both positive: the PHQ-9 items, then the GAD-7 items', async () => {
    chat = await startOnScreenDay('sms', 'es');
    const screen = await dailyItems(chat, 'es');
    const [, , , afterScreen] = await answerAll(chat, 'es', screen, [3, 3, 3, 3]);
    const phq = await answerAll(chat, 'es', afterScreen, [1, 1, 1, 1, 1, 1, 0]);
    includes(phq[6], 'es', 'screen:stepped.gad7Intro');
    includes(phq[6], 'es', 'screen:gad7.item3');
    const gad = await answerAll(chat, 'es', phq[6], [0, 0, 0, 0, 0]);
    includes(gad[4], 'es', 'screen:stepped.done');
    assert.equal((await measure(chat, 'phq9'))?.total, 12);
    assert.equal((await measure(chat, 'phq9'))?.band, 'moderate');
    assert.equal((await measure(chat, 'gad7'))?.total, 6);
    assert.equal((await measure(chat, 'gad7'))?.band, 'mild');
  });
});

describe('stopping half-way and coming back', () => {
  for (const channel of CHANNELS) {
    for (const language of LANGUAGES) {
      it(`${language}, ${channel}: the record stays open; the next message (next day) offers to finish, yes continues where it stopped`, async () => {
        chat = await startOnScreenDay(channel, language);
        const screen = await dailyItems(chat, language);
        const [, , , afterScreen] = await answerAll(chat, language, screen, [2, 2, 0, 0]);
        await answerAll(chat, language, afterScreen, [1, 1]);
        const open = await measure(chat, 'phq9');
        assert.equal(open?.completedAt, null);
        assert.deepEqual(open?.items, { item1: 2, item2: 2, item3: 1, item4: 1 });

        chat.clock.advance(20 * HOUR); // the next day, 08:00
        const late = await chat.say('2');
        includes(late, language, 'screen:stepped.offer');
        assert.deepEqual((await measure(chat, 'phq9'))?.items, open?.items, 'a late reply is not an answer to the old question');
        const resumed = await chat.say(language === 'en' ? 'yes' : 'sí');
        includes(resumed, language, 'screen:stepped.resumed');
        includes(resumed, language, 'screen:phq9.stem');
        includes(resumed, language, 'screen:phq9.item5');
        const replies = await answerAll(chat, language, resumed, [0, 0, 0, 0, 0]);
        includes(replies[4], language, 'screen:stepped.done');
        const done = await measure(chat, 'phq9');
        assert.equal(done?.total, 6);
        assert.equal(done?.band, 'mild');
        assert.equal(done?.localDate, '2025-03-04', 'the administration keeps the day it began');
      });
    }
  }

  it('after leaving for the menu, a greeting offers it; no leaves it open and shows the menu', async () => {
    chat = await startOnScreenDay('sms', 'en');
    const screen = await dailyItems(chat, 'en');
    const [, , , afterScreen] = await answerAll(chat, 'en', screen, [3, 3, 0, 0]);
    await answerAll(chat, 'en', afterScreen, [1]);
    await chat.say('menu');
    includes(await chat.say('hello'), 'en', 'screen:stepped.offer');
    const no = await chat.say('no');
    includes(no, 'en', 'screen:stepped.later');
    assert.ok(read(no).includes(t('en', 'common:menu.checkin')), read(no));
    assert.equal((await measure(chat, 'phq9'))?.completedAt, null);
  });

  it('the next day\'s check-in offers it at its end', async () => {
    chat = await startOnScreenDay('sms', 'es');
    const screen = await dailyItems(chat, 'es');
    const [, , , afterScreen] = await answerAll(chat, 'es', screen, [3, 3, 0, 0]);
    await answerAll(chat, 'es', afterScreen, [1]);
    await chat.say('menú');
    chat.clock.advance(24 * HOUR);
    const end = await dailyItems(chat, 'es');
    includes(end, 'es', 'checkin:thanks');
    includes(end, 'es', 'screen:stepped.offer');
    includes(await chat.say('sí'), 'es', 'screen:phq9.item4');
  });

  it('two days later it is no longer offered', async () => {
    chat = await startOnScreenDay('sms', 'en');
    const screen = await dailyItems(chat, 'en');
    const [, , , afterScreen] = await answerAll(chat, 'en', screen, [3, 3, 0, 0]);
    await answerAll(chat, 'en', afterScreen, [1]);
    await chat.say('menu');
    chat.clock.advance(48 * HOUR);
    const hello = read(await chat.say('hi'));
    assert.ok(!hello.includes(t('en', 'screen:stepped.offer')), hello);
    assert.equal((await measure(chat, 'phq9'))?.completedAt, null, 'it stays incomplete');
  });
});
