import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Activity } from 'botbuilder';
import { createI18n, Language } from '../../bot/i18n';
import { Channel, Chat, read, TUESDAY } from './chat';

const i18n = createI18n();
const t = (language: Language, key: string, vars?: Record<string, unknown>) => i18n.getFixedT(language)(key, vars ?? {});

const HOUR = 3_600_000;

/** One participant turn: typed text, or a tap on a card button (with the number typed into a card's number box). */
type Step = { say: string } | { tap: string; number?: number };

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

async function run(c: Chat, step: Step, previous: Partial<Activity>[]): Promise<Partial<Activity>[]> {
  return 'say' in step ? c.say(step.say) : c.tap(previous, step.tap, step.number);
}

async function runAll(c: Chat, steps: Step[], first: Partial<Activity>[]): Promise<Partial<Activity>[][]> {
  const all = [first];
  for (const step of steps) all.push(await run(c, step, all.at(-1)!));
  return all;
}

/** The words that start a check-in, and the answers of a calm check-in, per way of answering. */
const START: Record<Language, string> = { en: 'check in', es: 'registro' };
const CALM: Record<string, Record<Language, Step[]>> = {
  'sms typed': {
    en: [{ say: '7' }, { say: 'three' }, { say: '2' }, { say: '7.5' }, { say: '1' }, { say: 'no' }, { say: 'n' }, { say: 'skip' }],
    es: [{ say: '7/10' }, { say: 'tres' }, { say: '2' }, { say: 'siete y media' }, { say: '1' }, { say: 'no' }, { say: 'no' }, { say: 'saltar' }],
  },
  'msteams card taps': {
    en: [{ tap: '7' }, { tap: '3' }, { tap: 'No' }, { tap: 'Send', number: 7.5 }, { tap: 'Yes' }, { tap: 'No' }, { tap: 'No' }, { tap: 'Skip' }],
    es: [{ tap: '7' }, { tap: '3' }, { tap: 'No' }, { tap: 'Enviar', number: 7.5 }, { tap: 'Sí' }, { tap: 'No' }, { tap: 'No' }, { tap: 'Saltar' }],
  },
  'msteams typed': {
    en: [{ say: 'seven' }, { say: '3' }, { say: 'no' }, { say: '7 and a half' }, { say: 'yes' }, { say: 'nope' }, { say: 'No' }, { say: 'nothing' }],
    es: [{ say: 'siete' }, { say: '3 de 10' }, { say: 'No' }, { say: '7,5 horas' }, { say: 'sí' }, { say: 'no' }, { say: 'NO' }, { say: 'nada' }],
  },
};

describe('a full check-in', () => {
  for (const [way, byLanguage] of Object.entries(CALM)) {
    for (const language of ['en', 'es'] as const) {
      const channel: Channel = way.startsWith('sms') ? 'sms' : 'msteams';
      it(`${language}, ${way}: every item in order, the record complete, thanks, no flag, a matched tip offered`, async () => {
        chat = await Chat.start({ channel, language });
        const opening = await chat.say(START[language]);
        assert.match(read(opening), new RegExp(escape(t(language, 'checkin:intro'))));
        const replies = await runAll(chat, byLanguage[language], opening);

        const questions = ['mood', 'craving', 'use', 'sleep', 'medication', 'wishedDead', 'suicidalThoughts', 'note'];
        questions.forEach((q, i) => assert.ok(read(replies[i]).includes(t(language, `checkin:${q}.ask`)), `turn ${i} asks ${q}:\n${read(replies[i])}`));
        if (channel === 'sms') {
          assert.ok(replies.flat().every((r) => !r.attachments?.length), 'SMS gets no cards');
          assert.match(read(replies[0]), language === 'en' ? /Reply 0-10/ : /Responda 0-10/);
        } else {
          assert.ok(replies[0].some((r) => r.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive'), 'Teams gets a card');
        }

        const end = read(replies.at(-1)!);
        assert.ok(end.includes(t(language, 'checkin:thanks')), end);
        assert.ok(!end.includes(t(language, 'checkin:followUp')), 'nothing flagged, no follow-up promised');
        assert.ok(end.includes(t(language, 'tips:offer.stress')), `a calm check-in is offered a stress tip:\n${end}`);

        const record = await chat.today();
        assert.equal(record?.status, 'complete');
        assert.deepEqual(record?.answers, {
          mood: 7,
          craving: 3,
          use: 'no',
          sleepHours: 7.5,
          medication: 'yes',
          wishedDead: false,
          suicidalThoughts: false,
          note: null,
        });
        assert.equal(record?.language, language);
        assert.equal(record?.channel, channel);
        assert.equal(record?.localDate, '2025-03-04');
        assert.equal(record?.startedAt, '2025-03-04T18:00:00.000Z');
        assert.equal(record?.finishedAt, '2025-03-04T18:00:00.000Z');
        assert.equal(record?.screen, null, 'Tuesday is not this participant\'s screen day');
        assert.deepEqual(await chat.flags(), []);
      });
    }
  }

  it('keeps the note, and a high craving offers a cravings tip and flags', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'es' });
    await chat.say('registro');
    for (const answer of ['5', '9', '2', '8', '1', 'no', 'no']) await chat.say(answer);
    const end = read(await chat.say('Hoy fue un día difícil en el trabajo'));
    assert.ok(end.includes(t('es', 'checkin:followUp')), end);
    assert.ok(end.includes(t('es', 'tips:offer.cravings')), end);
    const record = await chat.today();
    assert.equal(record?.answers.note, 'Hoy fue un día difícil en el trabajo');
    const [flag] = await chat.flags();
    assert.equal(flag.id, record?.flagId);
    assert.deepEqual(flag.reasons.map((r) => r.code), ['craving_high']);
  });
});

describe('the weekly screen day', () => {
  for (const language of ['en', 'es'] as const) {
    it(`${language}, sms: PHQ-2 and GAD-2 follow the daily items; scores stored; a positive screen is a reason in the one flag`, async () => {
      chat = await Chat.start({ channel: 'sms', language, screenWeekday: TUESDAY });
      await chat.say(START[language]);
      for (const answer of ['6', '2', '2', '7', '1', 'no', 'no']) await chat.say(answer);
      const screenStart = read(await chat.say(language === 'en' ? 'skip' : 'saltar'));
      assert.ok(screenStart.includes(t(language, 'screen:stem')), screenStart);
      assert.ok(screenStart.includes(t(language, 'screen:item.littleInterest')), screenStart);
      assert.ok(screenStart.includes(`4 ${t(language, 'screen:option.nearlyEveryDay')}`), 'SMS numbers the options 1-4');
      // Option numbers 1-4 score 0-3: 3 → 2 and 4 → 3.
      assert.ok(read(await chat.say('3')).includes(t(language, 'screen:item.feelingDown')));
      assert.ok(read(await chat.say('4')).includes(t(language, 'screen:item.nervous')));
      assert.ok(read(await chat.say('1')).includes(t(language, 'screen:item.cannotStopWorrying')));
      // A positive PHQ-2 (5) steps into the rest of the PHQ-9 (test/measures/stepped.test.ts follows it to the end).
      const end = read(await chat.say('2'));
      assert.ok(end.includes(t(language, 'screen:stepped.phq9Intro')), end);

      const record = await chat.today();
      assert.deepEqual(record?.screen, { phq2: 5, gad2: 1, items: { littleInterest: 2, feelingDown: 3, nervous: 0, cannotStopWorrying: 1 } });
      const flags = await chat.flags();
      assert.equal(flags.length, 1);
      assert.equal(flags[0].severity, 'moderate');
      assert.deepEqual(flags[0].reasons.map((r) => r.code), ['phq2_positive']);
    });

    it(`${language}, msteams: the options are buttons with the official wording; taps and typed labels both count`, async () => {
      chat = await Chat.start({ channel: 'msteams', language, screenWeekday: TUESDAY });
      let replies = await chat.say(START[language]);
      const yes = t(language, 'prompts:yes');
      for (const [button, number] of [['6'], ['2'], ['No'], [t(language, 'prompts:send'), 8], [yes], ['No'], ['No']] as Array<[string, number?]>) {
        replies = await chat.tap(replies, button, number);
      }
      replies = await chat.tap(replies, t(language, 'prompts:skip'));
      assert.ok(read(replies).includes(t(language, 'screen:stem')));
      replies = await chat.tap(replies, t(language, 'screen:option.nearlyEveryDay'));
      replies = await chat.say(t(language, 'screen:option.moreThanHalf'));
      replies = await chat.tap(replies, t(language, 'screen:option.severalDays'));
      replies = await chat.say(language === 'en' ? 'several days' : 'varios días');
      assert.ok(read(replies).includes(t(language, 'screen:stepped.phq9Intro')), read(replies));
      const record = await chat.today();
      assert.deepEqual(record?.screen, { phq2: 5, gad2: 2, items: { littleInterest: 3, feelingDown: 2, nervous: 1, cannotStopWorrying: 1 } });
      assert.equal(record?.answers.sleepHours, 8);
    });
  }

  it('a tap on the previous item\'s card is not taken as this item\'s answer', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'en', screenWeekday: TUESDAY });
    await chat.say('check in');
    for (const answer of ['6', '2', 'no', '8', 'yes', 'no', 'no', 'skip']) await chat.say(answer);
    const first = await chat.say('not at all'); // answers item 1; item 2 is asked
    const second = await chat.tap(first, 'Nearly every day');
    assert.ok(read(second).includes(t('en', 'screen:item.nervous')));
    // Tapping item 1's card again re-asks item 3 instead of answering it.
    const stale = await chat.tap(first, 'Several days');
    assert.ok(read(stale).includes(t('en', 'screen:howOften')));
    assert.ok(!read(stale).includes(t('en', 'prompts:retry.choiceButtons')));
  });
});

describe('answers that cannot be read', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    for (const language of ['en', 'es'] as const) {
      it(`${language}, ${channel}: one re-prompt with an example, then the check-in moves on and records no answer`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(START[language]);
        const retry = read(await chat.say('purple banana'));
        assert.ok(retry.includes(t(language, 'prompts:retry.number', { min: 0, max: 10, example: '7' })), retry);
        const movedOn = read(await chat.say('11'));
        assert.ok(movedOn.includes(t(language, 'prompts:giveUp')), movedOn);
        assert.ok(movedOn.includes(t(language, 'checkin:craving.ask')), movedOn);
        const record = await chat.progress();
        assert.equal(record?.answers.mood, null);
        assert.deepEqual(record?.unreadable, ['mood']);
        assert.deepEqual(record?.asked, ['mood']);
      });
    }
  }

  it('two unreadable replies to a safety question flag it for a person to ask', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    await chat.say('check in');
    for (const answer of ['5', '2', '2', '7', '1', 'maybe', 'idk', 'no']) await chat.say(answer);
    const end = read(await chat.say('skip'));
    assert.ok(end.includes(t('en', 'checkin:followUp')), end);
    const [flag] = await chat.flags();
    assert.equal(flag.severity, 'high');
    assert.deepEqual(flag.reasons.map((r) => r.code), ['safety_unanswered']);
  });
});

// A yes to a safety question opens a safety episode: test/episode/checkin.test.ts.

describe('a check-in left half-way', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    for (const language of ['en', 'es'] as const) {
      it(`${language}, ${channel}: taken up again within 2 hours it continues where it stopped`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(START[language]);
        await chat.say('6');
        chat.clock.advance(HOUR + 50 * 60_000);
        const next = read(await chat.say('4'));
        assert.ok(next.includes(t(language, 'checkin:use.ask')), next);
        const record = await chat.progress();
        assert.equal(record?.answers.mood, 6);
        assert.equal(record?.answers.craving, 4);
      });

      it(`${language}, ${channel}: after leaving for the menu, starting again within 2 hours resumes it`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(START[language]);
        await chat.say('6');
        await chat.say('4');
        await chat.say('menu');
        chat.clock.advance(HOUR);
        const resumed = read(await chat.say(START[language]));
        assert.ok(resumed.includes(t(language, 'checkin:resume')), resumed);
        assert.ok(resumed.includes(t(language, 'checkin:use.ask')), resumed);
        const record = await chat.progress();
        assert.deepEqual([record?.answers.mood, record?.answers.craving], [6, 4]);
      });

      it(`${language}, ${channel}: after more than 2 hours it starts over`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(START[language]);
        await chat.say('6');
        chat.clock.advance(2 * HOUR + 60_000);
        const again = read(await chat.say('4'));
        assert.ok(again.includes(t(language, 'checkin:restart')), again);
        assert.ok(again.includes(t(language, 'checkin:mood.ask')), again);
        const record = await chat.progress();
        assert.equal(record?.answers.mood, null, 'the late reply is not taken for the old question');
        assert.deepEqual(record?.asked, []);
        assert.equal(record?.startedAt, chat.clock().toISOString());
      });
    }
  }

  it('the resume window is configurable (CHECKIN_RESUME_MINUTES)', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en', env: { CHECKIN_RESUME_MINUTES: '30' } });
    await chat.say('check in');
    await chat.say('6');
    await chat.say('menu');
    chat.clock.advance(31 * 60_000);
    const again = read(await chat.say('check in'));
    assert.ok(again.includes(t('en', 'checkin:restart')), again);
  });
});

describe('a second check-in on the same day', () => {
  for (const language of ['en', 'es'] as const) {
    it(`${language}: offers to update today's; no keeps it, yes asks again and replaces the answers`, async () => {
      chat = await Chat.start({ channel: 'sms', language });
      await chat.say(START[language]);
      for (const answer of ['7', '3', '2', '7', '1', 'no', 'no', language === 'en' ? 'skip' : 'saltar']) await chat.say(answer);
      await chat.say('no'); // no tip, thanks
      chat.clock.advance(3 * HOUR);

      const offer = read(await chat.say(START[language]));
      assert.ok(offer.includes(t(language, 'checkin:update.ask')), offer);
      assert.ok(read(await chat.say('no')).includes(t(language, 'checkin:update.kept')));
      assert.equal((await chat.today())?.answers.mood, 7);

      await chat.say(START[language]);
      const restart = read(await chat.say(language === 'en' ? 'yes' : 'sí'));
      assert.ok(restart.includes(t(language, 'checkin:mood.ask')), restart);
      await chat.say('2');
      const midway = await chat.progress();
      assert.equal(midway?.status, 'in_progress');
      assert.equal(midway?.replaced?.answers.mood, 7, 'the finished answers are kept until the update is done');
      for (const answer of ['3', '2', '7', '1', 'no', 'no']) await chat.say(answer);
      await chat.say(language === 'en' ? 'skip' : 'saltar');
      const updated = await chat.today();
      assert.equal(updated?.status, 'complete');
      assert.equal(updated?.answers.mood, 2);
      assert.equal(updated?.replaced, null);
      assert.deepEqual((await chat.flags()).map((f) => f.reasons.map((r) => r.code)), [['mood_low']]);
    });
  }
});

// Crisis words as an answer open a safety episode: test/episode/checkin.test.ts.
describe('interruptions in the middle of a check-in', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    it(`${channel}: a language switch mid-check-in asks the same question again in the new language`, async () => {
      chat = await Chat.start({ channel, language: 'en' });
      await chat.say('check in');
      await chat.say('6');
      const switched = read(await chat.say('español'));
      assert.ok(switched.includes(t('es', 'checkin:craving.ask')), switched);
      assert.ok(read(await chat.say('cuatro')).includes(t('es', 'checkin:use.ask')));
      assert.equal((await chat.progress())?.answers.craving, 4);
    });
  }

  for (const language of ['en', 'es'] as const) {
    it(`${language}, sms: STOP opts out with one confirmation, then silence; START resumes and the check-in continues`, async () => {
      chat = await Chat.start({ channel: 'sms', language });
      await chat.say(START[language]);
      await chat.say('6');
      const stop = await chat.say(language === 'en' ? 'STOP' : 'Baja');
      assert.deepEqual(stop.map((r) => r.text), [t(language, 'safety:optOut.confirmed')]);
      assert.ok((await chat.app.services.participants.get(chat.participant!.id))?.optedOutAt);
      assert.deepEqual(await chat.say('4'), [], 'silence');
      assert.deepEqual(await chat.say('STOP'), [], 'one confirmation only');
      assert.equal((await chat.progress())?.answers.craving, null, 'nothing answered while opted out');

      const start = await chat.say(language === 'en' ? 'START' : 'REANUDAR');
      assert.deepEqual(start.map((r) => r.text), [t(language, 'safety:optIn.confirmed')]);
      assert.equal((await chat.app.services.participants.get(chat.participant!.id))?.optedOutAt, null);
      assert.ok(read(await chat.say('4')).includes(t(language, 'checkin:use.ask')));
    });
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
