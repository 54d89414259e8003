import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Language } from '../../bot/i18n';
import { DangerKind } from '../../bot/safety/risk';
import { Chat, read } from '../checkin/chat';
import { assertFitsSms } from '../helpers/sms';
import { assessWith, t } from './support';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

/** What each kind's help must lead with, and carry (CONTENT.md "Help for each kind of danger"). */
const HELP: Record<DangerKind, { lead: RegExp; carries: Record<Language, RegExp[]> }> = {
  suicide: { lead: /988/, carries: { en: [/741741/, /911/], es: [/marque 2/, /AYUDA al 988/, /741741/, /911/] } },
  self_harm: { lead: /988/, carries: { en: [/741741/, /911/], es: [/marque 2/, /AYUDA/, /911/] } },
  overdose: { lead: /911/, carries: { en: [/1-800-222-1222/, /Stay with the person/, /naloxone/], es: [/1-800-222-1222/, /Quédese con la persona/, /naloxona/] } },
  danger_from_other: { lead: /911/, carries: { en: [/1-800-799-7233/, /START to 88788/, /Spanish/], es: [/1-800-799-7233/, /START al 88788/, /español/] } },
  other_at_risk: { lead: /911/, carries: { en: [/988/, /worried about someone else/], es: [/988/, /otra persona/] } },
};

describe('help for each kind of danger', () => {
  for (const kind of Object.keys(HELP) as DangerKind[]) {
    for (const [channel, language] of [['sms', 'en'], ['msteams', 'es'], ['sms', 'es'], ['msteams', 'en']] as const) {
      it(`${kind}, ${language}, ${channel}: the reply leads with its help`, async () => {
        chat = await Chat.start({ channel, language });
        assessWith(chat, { 'it is happening': { tier: 'crisis', kind } });
        const replies = await chat.say('it is happening');
        const first = read([replies[0]]);
        assert.equal(first, t(language, `safety:crisis.lines.${kind}`));
        const lead = HELP[kind].lead.exec(first);
        assert.ok(lead && lead.index < first.length / 2, `${kind} leads with ${HELP[kind].lead}:\n${first}`);
        for (const part of HELP[kind].carries[language]) assert.match(first, part);
        if (channel === 'sms') assertFitsSms(first, `${kind} [${language}]`);
        const [flag] = await chat.flags();
        assert.equal(flag.reasons[0].detail?.kind, kind, 'staff see the kind');
      });
    }
  }

  it('a new kind later in the episode gets its help at once', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    assessWith(chat, { 'he has a gun at the door': { tier: 'crisis', kind: 'danger_from_other', means: ['gun'] } });
    await chat.say('I want to kill myself');
    const replies = await chat.say('he has a gun at the door');
    assert.equal(replies[0].text, t('en', 'safety:crisis.lines.danger_from_other'));
    assert.ok(read(replies).includes(t('en', 'safety:crisis.means.gun')));
    const [flag] = await chat.flags();
    assert.deepEqual(flag.reasons.map((r) => r.detail?.kind), ['suicide', 'danger_from_other'], 'staff see the new kind too');
  });
});

describe('honest about when a person reads', () => {
  for (const [channel, language, time] of [['sms', 'en', '7:00 AM'], ['msteams', 'es', '7:00']] as const) {
    it(`${language}, ${channel}: out of hours the reply says when the team is back, on the participant's clock`, async () => {
      chat = await Chat.start({ channel, language });
      // Tuesday 22:00 in Chicago = 23:00 in New York, after the program's 08:00-17:00.
      chat.clock.set('2025-03-05T04:00:00Z');
      const opening = read(await chat.say(language === 'en' ? 'I want to kill myself' : 'me quiero matar'));
      const when = t(language, 'safety:crisis.when.tomorrow', { time });
      assert.ok(opening.includes(t(language, 'safety:crisis.team.outOfHours', { when })), opening);
      assert.ok(!opening.includes(t(language, 'safety:crisis.team.told')), 'no promise that someone is reading now');
      assert.ok(read(await chat.say('hello?')).includes(t(language, 'safety:crisis.ack.outOfHours', { when })));
    });
  }

  it('on a Friday night the team is back on Monday; holidays count', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'es', env: { PROGRAM_HOLIDAYS: '2025-03-10' } });
    chat.clock.set('2025-03-08T01:00:00Z'); // Friday 19:00 in Chicago; Monday the 10th is a holiday
    const opening = read(await chat.say('me quiero matar'));
    const when = t('es', 'safety:crisis.when.later', { day: 'martes', time: '7:00' });
    assert.ok(opening.includes(t('es', 'safety:crisis.team.outOfHours', { when })), opening);
  });
});
