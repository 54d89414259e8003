import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { unknownParticipantId } from '../../bot/flags/flag';
import { EPISODE_KEY } from '../../bot/safety/episode';
import { DocumentStateStorage } from '../../bot/store/stateStorage';
import { conversationStateKey } from '../../bot/turn/conversationState';
import { Chat, read } from '../checkin/chat';
import { assessWith, CRISIS, staffHears, t } from './support';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

const CHANNELS = ['sms', 'msteams'] as const;
const LANGUAGES = ['en', 'es'] as const;
const MENU_WORDS = ['common:menu.ask', 'common:menu.greeting', 'common:menu.checkin'];

function noMenu(language: 'en' | 'es', replies: string): void {
  for (const key of MENU_WORDS) assert.ok(!replies.includes(t(language, key, { name: 'Sam' }).slice(0, 20)), `no menu in:\n${replies}`);
  assert.ok(!replies.includes(t(language, 'prompts:sms.replyRange', { min: 1, max: 5 })), `not read as a menu choice:\n${replies}`);
}

async function episodeOf(c: Chat): Promise<unknown> {
  const state = await new DocumentStateStorage(c.app.services.store).readOne<Record<string, unknown>>(
    conversationStateKey(c.options.channel, `${c.options.channel}-conversation-1`),
  );
  return state?.state[EPISODE_KEY];
}

describe('a safety episode', () => {
  for (const channel of CHANNELS) {
    for (const language of LANGUAGES) {
      it(`${language}, ${channel}: crisis, then five more messages: each joins the one flag, staff hear each, none is a menu choice`, async () => {
        chat = await Chat.start({ channel, language });
        assessWith(chat, { 'I have the pills right here': { tier: 'crisis', kind: 'suicide', means: ['pills'] } });
        const heard = staffHears(chat);

        const opening = await chat.say(CRISIS[language]);
        assert.equal(read([opening[0]]), t(language, 'safety:crisis.lines.suicide'), 'the help comes first');
        const openingText = read(opening);
        assert.ok(openingText.includes(t(language, 'safety:crisis.team.told')), openingText);
        assert.ok(openingText.includes(t(language, 'safety:crisis.askSafe')), openingText);

        const pills = read(await chat.say('I have the pills right here'));
        assert.ok(pills.includes(t(language, 'safety:crisis.means.pills')), `means safety line:\n${pills}`);
        assert.ok(pills.includes(t(language, 'safety:crisis.ack.told')), pills);
        assert.ok(!pills.includes(t(language, 'safety:crisis.lines.suicide')), 'the full lines are not repeated within minutes');
        noMenu(language, pills);

        for (const text of ['no one can help', 'ok']) {
          const replies = read(await chat.say(text));
          assert.equal(replies, t(language, 'safety:crisis.ack.told'), `a brief warm reply to "${text}"`);
        }
        const one = read(await chat.say('1'));
        assert.ok(one.includes(t(language, 'safety:crisis.safeYes')), `"1" answers "are you safe" (option 1: yes):\n${one}`);
        assert.ok(one.includes(t(language, 'safety:crisis.grounding')), one);
        noMenu(language, one);
        const help = read(await chat.say('help me'));
        assert.ok(help.includes(t(language, 'safety:crisis.lines.suicide')), `"help me" always gets the lines:\n${help}`);
        noMenu(language, help);

        const flags = await chat.flags();
        assert.equal(flags.length, 1, 'one episode, one flag');
        const [flag] = flags;
        assert.equal(flag.severity, 'urgent');
        assert.deepEqual(
          flag.messages?.map((m) => m.text),
          [CRISIS[language], 'I have the pills right here', 'no one can help', 'ok', '1', 'help me'],
        );
        assert.ok(flag.messages!.every((m) => m.at === chat!.clock().toISOString()));
        assert.deepEqual(heard, [
          { flagId: flag.id, event: 'raised' },
          ...Array.from({ length: 5 }, () => ({ flagId: flag.id, event: 'message' })),
        ]);
        assert.equal(flag.reasons[0].code, 'crisis_language');
        assert.equal(flag.reasons[0].detail?.kind, 'suicide');
      });

      it(`${language}, ${channel}: "no" or "not sure" to "are you safe": 911 and 988 again, and the flag says not safe`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(CRISIS[language]);
        const replies = await chat.say(language === 'en' ? 'not sure' : 'no sé');
        assert.equal(read([replies[0]]), t(language, 'safety:crisis.lines.suicide'));
        assert.ok(read(replies).includes(t(language, 'safety:crisis.notSafe')));
        const [flag] = await chat.flags();
        assert.deepEqual(flag.reasons.map((r) => r.code), ['crisis_language', 'says_not_safe']);
        assert.equal(flag.reasons[1].severity, 'urgent');
      });

      it(`${language}, ${channel}: MENU ends the episode and shows the menu; the flag stays open`, async () => {
        chat = await Chat.start({ channel, language });
        await chat.say(CRISIS[language]);
        const menu = read(await chat.say(language === 'en' ? 'MENU' : 'MENÚ'));
        assert.ok(menu.includes(t(language, 'safety:crisis.resumed')), menu);
        assert.ok(menu.includes(t(language, 'common:menu.ask')), menu);
        assert.equal(await episodeOf(chat), undefined);
        const [flag] = await chat.flags();
        assert.equal(flag.status, 'open');
        assert.equal(flag.messages?.length, 2, 'MENU itself was still part of the episode');
        // After the episode the menu works again.
        const tip = read(await chat.say(language === 'en' ? 'tip' : 'consejo'));
        assert.ok(!tip.includes(t(language, 'safety:crisis.ack.told')), tip);
        assert.equal((await chat.flags())[0].messages?.length, 2);
      });
    }
  }

  it('SEGUIR and CONTINUE end it too', async () => {
    for (const word of ['SEGUIR', 'continue']) {
      chat = await Chat.start({ channel: 'sms', language: 'es' });
      await chat.say(CRISIS.es);
      const replies = read(await chat.say(word));
      assert.ok(replies.includes(t('es', 'common:menu.greeting', { name: 'Lucía' })), replies);
      await chat.stop();
      chat = undefined;
    }
  });

  it('a card tap on "No" answers "are you safe" on msteams', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'en' });
    const opening = await chat.say(CRISIS.en);
    const replies = read(await chat.tap(opening, t('en', 'safety:crisis.safe.no')));
    assert.ok(replies.includes(t('en', 'safety:crisis.notSafe')), replies);
    const [flag] = await chat.flags();
    assert.equal(flag.messages?.at(-1)?.text, t('en', 'safety:crisis.safe.no'));
    assert.ok(flag.reasons.some((r) => r.code === 'says_not_safe'));
  });

  it('"yes, I am safe" offers the safety plan when that feature is there, then grounding', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    const offered: string[] = [];
    chat.app.services.safetyPlan.offerInEpisode = async (context, participantId) => {
      offered.push(participantId);
      await context.sendActivity('(the safety plan)');
      return true;
    };
    await chat.say(CRISIS.en);
    const replies = (await chat.say('yes')).map((r) => r.text);
    assert.deepEqual(replies, [t('en', 'safety:crisis.safeYes'), '(the safety plan)', t('en', 'safety:crisis.grounding'), t('en', 'safety:crisis.ack.told')]);
    assert.deepEqual(offered, [chat.participant!.id]);
  });

  it('the full lines repeat at most every few minutes; 988 always gets them', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    await chat.say(CRISIS.en);
    assert.ok(!read(await chat.say('I want to die')).includes(t('en', 'safety:crisis.lines.suicide')));
    assert.ok(read(await chat.say('988')).includes(t('en', 'safety:crisis.lines.suicide')));
    chat.clock.advance(5 * 60_000);
    assert.ok(read(await chat.say('I want to die')).includes(t('en', 'safety:crisis.lines.suicide')), 'five minutes later, again');
  });

  it('ends by itself after the quiet period (12 h by default); the next message is an ordinary one', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    await chat.say(CRISIS.en);
    chat.clock.advance(11 * 3_600_000);
    // 01:00 in Chicago: still open, and honest that the team is not at work.
    const when = t('en', 'safety:crisis.when.tomorrow', { time: '7:00 AM' });
    assert.equal(read(await chat.say('hi')), t('en', 'safety:crisis.ack.outOfHours', { when }), 'still open after 11 h');
    chat.clock.advance(12 * 3_600_000);
    const after = read(await chat.say('hi'));
    assert.ok(after.includes(t('en', 'common:menu.greeting', { name: 'Sam' })), after);
    assert.equal((await chat.flags())[0].messages?.length, 2, 'a message after the episode is not added');
  });

  it('staff "safe to resume" on the flag ends it at the next message', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'es' });
    await chat.say(CRISIS.es);
    const [flag] = await chat.flags();
    const { store } = chat.app.services;
    const { _etag, ...doc } = flag;
    await store.replace('flags', { ...doc, safeToResumeAt: chat.clock().toISOString(), safeToResumeBy: 'nurse@clinic.test' }, _etag);
    const after = read(await chat.say('hola'));
    assert.ok(after.includes(t('es', 'common:menu.greeting', { name: 'Lucía' })), after);
    assert.equal((await chat.flags())[0].status, 'open', 'ending the episode does not resolve the flag');
  });

  for (const channel of CHANNELS) {
    for (const language of LANGUAGES) {
      it(`${language}, ${channel}: a stranger is told this service cannot send help, and stays in the episode`, async () => {
        chat = await Chat.start({ channel, language, enrolled: false, locale: `${language}-US` });
        const opening = read(await chat.say(CRISIS[language]));
        assert.ok(opening.includes(t(language, 'safety:crisis.team.stranger')), opening);
        assert.ok(!opening.includes(t(language, 'safety:crisis.team.told')), 'no care team is promised');
        const next = read(await chat.say('please'));
        assert.equal(next, t(language, 'safety:crisis.ack.stranger'));
        assert.ok(!next.includes(t(language, 'enrollment:notEnrolled')), 'not the not-enrolled text');
        const [flag] = await chat.flags(unknownParticipantId(channel, channel === 'sms' ? '+15550100123' : '29:teams-user-aad'));
        assert.deepEqual(flag.messages?.map((m) => m.text), [CRISIS[language], 'please']);
        assert.equal(flag.sender?.channelId, channel);
      });
    }
  }
});
