import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Language } from '../../bot/i18n';
import { Chat, read } from '../checkin/chat';
import { CRISIS, t } from './support';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

const START: Record<Language, string> = { en: 'check in', es: 'registro' };
const YES: Record<Language, string> = { en: 'yes', es: 'sí' };

describe('crisis in the middle of a check-in', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    for (const language of ['en', 'es'] as const) {
      it(`${language}, ${channel}: crisis words as an answer: nothing recorded, the episode takes over, "check in" later picks up the same item`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(START[language]);
        await chat.say('6');
        const crisis = await chat.say(CRISIS[language]);
        assert.equal(read([crisis[0]]), t(language, 'safety:crisis.lines.suicide'));
        assert.ok(!read(crisis).includes(t(language, 'checkin:use.ask')), 'no check-in question');
        const draft = await chat.progress();
        assert.equal(draft?.answers.craving, null, 'nothing recorded for the item');
        const [flag] = await chat.flags();
        assert.equal(draft?.flagId, flag.id, 'the check-in is linked to the episode flag');

        const four = read(await chat.say('4'));
        assert.equal(four, t(language, 'safety:crisis.ack.told'), '"4" is not a check-in answer while the episode is open');
        assert.equal((await chat.progress())?.answers.craving, null);
        assert.equal((await chat.flags())[0].messages?.at(-1)?.text, '4');

        await chat.say('menu');
        const resumed = read(await chat.say(START[language]));
        assert.ok(resumed.includes(t(language, 'checkin:craving.ask')), resumed);
        await chat.say('4');
        assert.equal((await chat.progress())?.answers.craving, 4);
      });

      it(`${language}, ${channel}: a crisis note is the note; the next "ok" joins the flag, not the check-in, and no tip follows`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(START[language]);
        for (const answer of ['6', '2', '2', '7', '1', 'no', 'no']) await chat.say(answer);
        const crisis = read(await chat.say(CRISIS[language]));
        assert.ok(crisis.includes(t(language, 'safety:crisis.askSafe')), crisis);
        const record = await chat.today();
        assert.equal(record?.answers.note, CRISIS[language]);
        assert.equal(record?.status, 'complete');

        const ok = read(await chat.say('ok'));
        assert.equal(ok, t(language, 'safety:crisis.ack.told'));
        assert.equal((await chat.today())?.answers.note, CRISIS[language], '"ok" is not the note');
        const flags = await chat.flags();
        assert.equal(flags.length, 1, 'crisis note and check-in: one flag');
        assert.equal(flags[0].checkinId, record?.id);
        assert.deepEqual(flags[0].messages?.map((m) => m.text), [CRISIS[language], 'ok']);
        assert.ok(!ok.includes(t(language, 'tips:offer.lowMood')) && !ok.includes(t(language, 'tips:offer.stress')), 'no tip');
      });

      it(`${language}, ${channel}: "yes" to a safety item opens the episode on the check-in's flag, without a tip`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(START[language]);
        for (const answer of ['1', '9', '2', '6', '1']) await chat.say(answer);
        const afterYes = await chat.say(YES[language]);
        assert.equal(read([afterYes[0]]), t(language, 'safety:crisis.lines.suicide'), afterYes.map((a) => a.text).join('\n'));
        const text = read(afterYes);
        assert.ok(text.includes(t(language, 'safety:crisis.askSafe')), text);
        assert.ok(!text.includes(t(language, 'checkin:suicidalThoughts.ask')), 'the episode takes over from the check-in');
        const early = await chat.flags();
        assert.equal(early.length, 1);
        assert.equal(early[0].severity, 'urgent');

        assert.equal(read(await chat.say(YES[language])), t(language, 'safety:crisis.safeYes') + '\n' + t(language, 'safety:crisis.grounding') + '\n' + t(language, 'safety:crisis.ack.told'));
        await chat.say('menu');
        const resumed = read(await chat.say(START[language]));
        assert.ok(resumed.includes(t(language, 'checkin:suicidalThoughts.ask')), resumed);
        await chat.say('no');
        const end = read(await chat.say('no'));
        assert.ok(end.includes(t(language, 'checkin:followUp')), end);
        assert.ok(!end.includes(t(language, 'tips:offer.lowMood')), `no "lift your mood" tip after a safety yes:\n${end}`);
        assert.ok(!end.includes(t(language, 'tips:offer.cravings')), end);
        const flags = await chat.flags();
        assert.equal(flags.length, 1, 'safety answer, episode messages and check-in: one flag');
        assert.deepEqual(flags[0].reasons.map((r) => r.code).sort(), ['craving_high', 'mood_low', 'safety_yes']);
        assert.deepEqual(flags[0].messages?.map((m) => m.text), [YES[language], 'menu']);
      });
    }
  }
});
