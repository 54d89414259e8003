import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Language } from '../../bot/i18n';
import { Chat, read } from '../checkin/chat';
import { assessWith, t } from './support';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

/** Indirect words the (injected) detector puts in the possible-risk tier. */
const VAGUE: Record<Language, string> = { en: "I can't do this anymore", es: 'ya no puedo más' };
const START: Record<Language, string> = { en: 'check in', es: 'registro' };

async function askedDirectly(channel: 'sms' | 'msteams', language: Language): Promise<Chat> {
  const c = await Chat.start({ channel, language });
  assessWith(c, { [VAGUE[language]]: { tier: 'possible_risk', kind: 'suicide' } });
  await c.say(START[language]);
  await c.say('6');
  const asked = await c.say(VAGUE[language]);
  assert.equal(read(asked), t(language, 'safety:question.ask'), 'one direct question, carrying 988');
  assert.match(read(asked), /988/);
  const [flag] = await c.flags();
  assert.deepEqual(flag.reasons.map((r) => [r.code, r.severity]), [['possible_risk', 'high']], 'a review flag');
  return c;
}

describe('the possible-risk tier: one direct question', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    for (const language of ['en', 'es'] as const) {
      it(`${language}, ${channel}: YES opens the episode on the same flag, now urgent`, async () => {
        chat = await askedDirectly(channel, language);
        const replies = await chat.say(language === 'en' ? 'YES' : 'SÍ');
        assert.equal(read([replies[0]]), t(language, 'safety:crisis.lines.suicide'));
        assert.ok(read(replies).includes(t(language, 'safety:crisis.askSafe')));
        const flags = await chat.flags();
        assert.equal(flags.length, 1);
        assert.equal(flags[0].severity, 'urgent');
        assert.deepEqual(flags[0].reasons.map((r) => r.code), ['possible_risk', 'risk_confirmed']);
        assert.deepEqual(flags[0].messages?.map((m) => m.text), [VAGUE[language], language === 'en' ? 'YES' : 'SÍ']);
      });

      it(`${language}, ${channel}: NO gets a kind word and the check-in question again; the review flag stays`, async () => {
        chat = await askedDirectly(channel, language);
        const replies = read(await chat.say('no'));
        assert.ok(replies.startsWith(t(language, 'safety:question.no')), replies);
        assert.ok(replies.includes(t(language, 'checkin:craving.ask')), `back to where they were:\n${replies}`);
        await chat.say('4');
        assert.equal((await chat.progress())?.answers.craving, 4);
        const [flag] = await chat.flags();
        assert.equal(flag.status, 'open');
        assert.equal(flag.severity, 'high');
        assert.deepEqual(flag.messages?.map((m) => m.text), [VAGUE[language], 'no']);
      });
    }
  }

  it('crisis words as the answer open the episode on the same flag', async () => {
    chat = await askedDirectly('sms', 'en');
    await chat.say('I want to kill myself');
    const flags = await chat.flags();
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].reasons.map((r) => r.code), ['possible_risk', 'crisis_language']);
  });

  it('no answer in time: the review flag stays for staff, and the next message is an ordinary answer', async () => {
    chat = await askedDirectly('msteams', 'es');
    chat.clock.advance(31 * 60_000);
    const replies = read(await chat.say('4'));
    assert.ok(replies.includes(t('es', 'checkin:use.ask')), `"4" answers the craving question:\n${replies}`);
    const [flag] = await chat.flags();
    assert.equal(flag.status, 'open');
    assert.deepEqual(flag.reasons.map((r) => r.code), ['possible_risk']);
    assert.equal(flag.messages?.length, 1);
  });

  it('a reply that is no answer leaves the flag for staff and is handled as usual', async () => {
    chat = await askedDirectly('sms', 'en');
    const replies = read(await chat.say('4'));
    assert.ok(replies.includes(t('en', 'checkin:use.ask')), replies);
    assert.equal((await chat.flags())[0].reasons.length, 1);
  });
});
