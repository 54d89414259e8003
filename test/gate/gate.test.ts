import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { unknownParticipantId } from '../../bot/flags/flag';
import { createI18n, Language } from '../../bot/i18n';
import { Chat, read } from '../checkin/chat';

const i18n = createI18n();
const t = (language: Language, key: string, vars?: Record<string, unknown>) => i18n.getFixedT(language)(key, vars ?? {});
const CLINIC = { clinicPhone: '(555) 010-0000' };

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

describe('crisis language', () => {
  it('from a stranger on sms whose language nothing tells: the lines in both languages, an urgent flag they can be reached by', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en', enrolled: false });
    const replies = await chat.say('i took too many pills');
    assert.deepEqual(replies.slice(0, 2).map((r) => r.text), [t('en', 'safety:crisis.lines.overdose'), t('es', 'safety:crisis.lines.overdose')]);
    assert.ok(read(replies).includes(t('en', 'safety:crisis.team.stranger')));
    assert.ok(!read(replies).includes(t('en', 'enrollment:notEnrolled')), 'no enrollment talk in a crisis');

    const participantId = unknownParticipantId('sms', '+15550100123');
    const [flag] = await chat.flags(participantId);
    assert.equal(flag.source, 'crisis');
    assert.equal(flag.severity, 'urgent');
    assert.equal(flag.message, 'i took too many pills');
    assert.equal(flag.track, null);
    assert.deepEqual(flag.sender, {
      channelId: 'sms',
      userId: '+15550100123',
      conversationId: 'sms-conversation-1',
      serviceUrl: 'https://connector.test',
    });
    assert.equal(flag.reasons[0].code, 'crisis_language');
    assert.equal(flag.reasons[0].detail?.kind, 'overdose');
  });

  it('from a stranger on msteams with a Spanish locale: the lines in Spanish only', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'es', enrolled: false, locale: 'es-US' });
    const replies = await chat.say('me quiero matar');
    assert.equal(replies[0].text, t('es', 'safety:crisis.lines.suicide'));
    assert.ok(!read(replies).includes(t('en', 'safety:crisis.lines.suicide')));
    assert.ok(read(replies).includes(t('es', 'safety:crisis.team.stranger')));
    assert.equal((await chat.flags(unknownParticipantId('msteams', '29:teams-user-aad'))).length, 1);
  });

  for (const channel of ['sms', 'msteams'] as const) {
    it(`${channel}: a participant is answered in their language whatever language they write in`, async () => {
      chat = await Chat.start({ channel, language: 'es' });
      const replies = await chat.say('I want to kill myself');
      assert.equal(replies[0].text, t('es', 'safety:crisis.lines.suicide'));
      assert.equal(read([replies[1]]), t('es', 'safety:crisis.team.told'));
      assert.ok(read([replies[2]]).startsWith(t('es', 'safety:crisis.askSafe')));
      assert.equal(replies.length, 3);
      const [flag] = await chat.flags();
      assert.equal(flag.participantId, chat.participant!.id);
      assert.equal(flag.track, 'evening');
      assert.equal(flag.sender, null, 'a participant is reached through their record');
    });
  }

  it('a re-delivered activity adds nothing twice; a new message joins the episode flag', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    await chat.say('I want to end my life', { id: 'delivery-1' });
    await chat.say('I want to end my life', { id: 'delivery-2' });
    await chat.say('I want to end my life', { id: 'delivery-2' });
    const flags = await chat.flags();
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].messages?.map((m) => m.id), ['delivery-1', 'delivery-2']);
  });

  it('the crisis lines go out even when the flag cannot be stored', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    chat.app.services.flags.raise = async () => {
      throw new Error('store down');
    };
    await assert.rejects(chat.say('I want to die'));
    const sent = chat.drain();
    assert.equal(sent[0]?.text, t('en', 'safety:crisis.lines.suicide'));
  });

  it('is answered while opted out', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    await chat.say('STOP');
    const replies = await chat.say('I want to kill myself');
    assert.equal(replies[0].text, t('en', 'safety:crisis.lines.suicide'));
  });

  it('is never mistaken for an opt-out: "stop texting me, I want to die" is a crisis', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    const replies = await chat.say('stop texting me, I want to die');
    assert.equal(replies[0].text, t('en', 'safety:crisis.lines.suicide'));
    assert.equal((await chat.app.services.participants.get(chat.participant!.id))?.optedOutAt, null);
  });
});

describe('opt-out and opt-in', () => {
  for (const [words, language] of [
    ['stop', 'en'],
    ['CANCEL', 'en'],
    ['Unsubscribe', 'en'],
    ['please stop texting me', 'en'],
    ['PARAR', 'es'],
    ['No más', 'es'],
    ['cancelar', 'es'],
    ['no me manden más mensajes', 'es'],
  ] as const) {
    it(`sms "${words}": one confirmation in the participant's language, the record opted out, then silence`, async () => {
      chat = await Chat.start({ channel: 'sms', language });
      const replies = await chat.say(words);
      assert.deepEqual(replies.map((r) => r.text), [t(language, 'safety:optOut.confirmed')]);
      const p = await chat.app.services.participants.get(chat.participant!.id);
      assert.equal(p?.optedOutAt, chat.clock().toISOString());
      assert.deepEqual(await chat.say('menu'), []);
      assert.deepEqual(await chat.say('check in'), []);
    });
  }

  it('msteams "cancel" cancels the check-in instead of opting out', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'en' });
    await chat.say('check in');
    const replies = read(await chat.say('cancel'));
    assert.ok(replies.includes(t('en', 'common:cancelled')), replies);
    assert.equal((await chat.app.services.participants.get(chat.participant!.id))?.optedOutAt, null);
  });

  it('msteams "STOP" opts out (outreach reaches Teams too)', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'es' });
    const replies = await chat.say('STOP');
    assert.deepEqual(replies.map((r) => r.text), [t('es', 'safety:optOut.confirmed')]);
    assert.ok((await chat.app.services.participants.get(chat.participant!.id))?.optedOutAt);
  });

  it('msteams "start" when not opted out reaches the dialogs; when the record is opted out it opts in', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'en' });
    const plain = read(await chat.say('start'));
    assert.ok(!plain.includes(t('en', 'safety:optIn.confirmed')), plain);
    // Opted out elsewhere (another channel, or staff): this conversation never said STOP.
    await chat.app.services.participants.update(chat.participant!.id, (p) => {
      p.optedOutAt = '2025-03-01T00:00:00.000Z';
    });
    const replies = await chat.say('START');
    assert.deepEqual(replies.map((r) => r.text), [t('en', 'safety:optIn.confirmed')]);
    assert.equal((await chat.app.services.participants.get(chat.participant!.id))?.optedOutAt, null);
  });

  it('a stranger on sms can opt out and back in, in the language of their words', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en', enrolled: false });
    assert.deepEqual((await chat.say('BAJA')).map((r) => r.text), [t('es', 'safety:optOut.confirmed')]);
    assert.deepEqual(await chat.say('hola'), []);
    assert.deepEqual((await chat.say('iniciar')).map((r) => r.text), [t('es', 'safety:optIn.confirmed')]);
    assert.ok(read(await chat.say('hello')).includes(t('en', 'enrollment:notEnrolled')), 'conversation as before');
  });
});

describe('HELP, INFO and AYUDA', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    it(`${channel}: AYUDA answers with the program help and the crisis lines, in Spanish`, async () => {
      chat = await Chat.start({ channel, language: 'es' });
      const replies = await chat.say('AYUDA');
      assert.deepEqual(replies.map((r) => r.text), [t('es', 'safety:ayuda', CLINIC)]);
      assert.match(replies[0].text!, /988/);
      assert.match(replies[0].text!, /741741/);
      assert.match(replies[0].text!, /\(555\) 010-0000/);
    });

    it(`${channel}: a stranger's AYUDA is answered in Spanish too`, async () => {
      chat = await Chat.start({ channel, language: 'en', enrolled: false });
      assert.deepEqual((await chat.say('ayuda')).map((r) => r.text), [t('es', 'safety:ayuda', CLINIC)]);
    });
  }

  for (const [word, language] of [['HELP', 'en'], ['info', 'es']] as const) {
    it(`sms "${word}": the program help, also while opted out`, async () => {
      chat = await Chat.start({ channel: 'sms', language });
      assert.deepEqual((await chat.say(word)).map((r) => r.text), [t(language, 'safety:help', CLINIC)]);
      await chat.say('STOP');
      assert.deepEqual((await chat.say(word)).map((r) => r.text), [t(language, 'safety:help', CLINIC)]);
    });
  }

  it('msteams "help" is the main menu\'s help, not the SMS program notice', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'en' });
    const replies = read(await chat.say('help'));
    assert.ok(!replies.includes(t('en', 'safety:help', CLINIC)), replies);
  });

  it('AYUDA in the middle of a check-in leaves the check-in where it was', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'es' });
    await chat.say('registro');
    await chat.say('5');
    await chat.say('ayuda');
    assert.ok(read(await chat.say('3')).includes(t('es', 'checkin:use.ask')));
  });
});
