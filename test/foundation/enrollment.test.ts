import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness, replyText } from '../helpers/botHarness';
import { fixedClock } from '../../bot/clock';
import { countSegments } from '../../bot/channels/smsSegments';
import { hasIssuedCodeShape } from '../../bot/domain/enrollmentCode';

const clock = fixedClock('2026-12-01T15:00:00Z');
let h: BotHarness;
before(async () => {
  h = await BotHarness.start({ clock });
});
after(async () => h.stop());

async function newParticipant(language: 'en' | 'es', name = 'Ana R') {
  const p = await h.app.services.participants.add({
    displayName: name,
    language,
    timeZone: 'America/Chicago',
    track: 'evening',
    checkinTime: '19:00',
    screenWeekday: 1,
    reminders: { enabled: true, leadMinutes: 60 },
  });
  const code = await h.app.services.participants.issueEnrollmentCode(p.id, 7);
  return { id: p.id, code };
}

const consentAsk = { en: /OK to send you messages/, es: /Acepta recibir/ };
const consentTerms = { en: /Welcome to Puente\. .*Msg & data rates may apply\. Reply HELP for help, STOP to cancel\./, es: /Bienvenido\(a\) a Puente\. .*Pueden aplicar tarifas de mensajes y datos\. Responda AYUDA para recibir ayuda o PARAR para cancelar\./ };
const welcome = { en: /You're all set/, es: /Ya está todo listo/ };

for (const channelId of ['sms', 'msteams'] as const) {
  for (const language of ['en', 'es'] as const) {
    test(`${channelId}/${language}: a code links the user, consent is asked, recorded with time and channel, and the welcome is in the participant's language`, async () => {
      const { id, code } = await newParticipant(language);
      // The activity's locale is the other language: the participant's saved one wins.
      const user = { id: `u-${channelId}-${language}`, channelId, locale: language === 'en' ? 'es-US' : 'en-US' };
      const ask = await h.say(user, language === 'es' ? `UNIRME ${code.toLowerCase()}` : `JOIN ${code}`);
      assert.match(replyText(ask.at(-1)!), consentAsk[language]);
      assert.match(replyText(ask.at(-2)!), consentTerms[language], 'the carrier terms come first, as their own text');
      if (channelId === 'sms') {
        assert.equal(ask.at(-1)!.attachments?.length ?? 0, 0, 'SMS gets plain text');
        assert.ok(countSegments(ask.at(-1)!.text).segments <= 2);
      } else {
        assert.equal(ask.at(-1)!.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
      }
      const yes = channelId === 'msteams' ? await h.say(user, '', { value: { puenteAnswer: 'yes', puentePrompt: 'enrollment:consent.ask' } }) : await h.say(user, language === 'es' ? 'sí' : 'yes');
      assert.match(yes.map(replyText).join('\n'), welcome[language]);
      const saved = await h.app.services.participants.get(id);
      assert.equal(saved!.consent.given, true);
      assert.equal(saved!.consent.channel, channelId);
      assert.equal(saved!.consent.at, clock().toISOString());
      assert.equal(saved!.addresses[channelId].userId, user.id);
      assert.equal(saved!.addresses[channelId].serviceUrl, h.connector.url);
    });
  }
}

const codeInvalid = { en: /that code didn't work or has expired\. Please ask your care team for a new one/, es: /Ese código no funcionó o ya venció\. Pídale uno nuevo a su equipo de atención/ };
const notEnrolled = { en: /enrolled by their care team/, es: /Este servicio es para personas inscritas/ };

test('a spent code gets "that code didn\'t work", in the activity locale, and says nothing about its owner', async () => {
  const { code } = await newParticipant('en', 'Zed Q');
  await h.say({ id: 'first', channelId: 'sms' }, code);
  for (const [locale, language] of [['en-US', 'en'], ['es-US', 'es']] as const) {
    for (const message of [code, `JOIN ${code}`, `unirme ${code.toLowerCase()}`]) {
      const second = await h.say({ id: `second-${locale}-${message}`, channelId: 'sms', locale }, message);
      assert.equal(second.length, 1);
      assert.match(second[0].text, codeInvalid[language]);
      assert.doesNotMatch(second[0].text, /Zed/);
      assert.ok(countSegments(second[0].text).segments <= 2);
    }
  }
});

test('an unknown code gets "that code didn\'t work" on sms and msteams; a message without a code gets the not-enrolled reply', async () => {
  for (const channelId of ['sms', 'msteams'] as const) {
    for (const [locale, language] of [['en-US', 'en'], ['es-US', 'es']] as const) {
      const unknown = await h.say({ id: `unknown-${channelId}-${locale}`, channelId, locale }, 'K7PX2MQA');
      assert.match(replyText(unknown[0]), codeInvalid[language]);
      const joinWord = await h.say({ id: `join-${channelId}-${locale}`, channelId, locale }, 'join ABCDEFGH');
      assert.match(replyText(joinWord[0]), codeInvalid[language]);
      for (const text of ['hello there', 'thanks', 'hola']) {
        const noCode = await h.say({ id: `nocode-${channelId}-${locale}-${text}`, channelId, locale }, text);
        assert.match(replyText(noCode[0]), notEnrolled[language], text);
      }
    }
  }
});

test('every issued code carries a digit, so a code is never mistaken for a word', async () => {
  const { id } = await newParticipant('en', 'Dee G');
  // Without the rule about one code in ten is all letters: 60 codes would miss it with odds near 1 in 500.
  for (let i = 0; i < 60; i++) {
    const code = await h.app.services.participants.issueEnrollmentCode(id, 7);
    assert.match(code, /^(?=.*\d)[A-HJ-NP-Z2-9]{8}$/);
    // The risk screen's test of a code: every issued one passes it, so none is read as words.
    assert.ok(hasIssuedCodeShape(code), code);
  }
});

test('an expired code gets "that code didn\'t work or has expired"', async () => {
  const { code } = await newParticipant('es', 'Eva M');
  clock.advance(8 * 86_400_000);
  try {
    const replies = await h.say({ id: 'late', channelId: 'sms', locale: 'es-US' }, code);
    assert.match(replies[0].text, codeInvalid.es);
  } finally {
    clock.advance(-8 * 86_400_000);
  }
});

test('declining consent is recorded and no welcome is sent', async () => {
  const { id, code } = await newParticipant('en', 'No Thanks');
  const user = { id: 'decliner', channelId: 'sms' };
  await h.say(user, code);
  const replies = await h.say(user, 'no');
  assert.match(replies[0].text, /won't send you messages/);
  const saved = await h.app.services.participants.get(id);
  assert.equal(saved!.consent.given, false);
  assert.equal(saved!.consent.channel, 'sms');
});

test('OPEN_ENROLLMENT enrolls an unknown user after a language choice and consent', async () => {
  const open = await BotHarness.start({ env: { OPEN_ENROLLMENT: 'true' } });
  try {
    const user = { id: 'walk-in', channelId: 'sms', locale: 'en-US' };
    const ask = await open.say(user, 'hi');
    assert.match(ask[0].text, /Which language/);
    const consent = await open.say(user, '2');
    assert.match(consent.at(-1)!.text, /Acepta recibir/);
    const done = await open.say(user, 'si');
    assert.match(done.map(replyText).join('\n'), /Ya está todo listo/);
    const all = await open.app.services.participants.list();
    assert.equal(all.length, 1);
    assert.equal(all[0].language, 'es');
    assert.equal(all[0].consent.given, true);
  } finally {
    await open.stop();
  }
});

for (const language of ['en', 'es'] as const) {
  test(`two unreadable replies to the consent question show it again; a yes still enrolls (${language})`, async () => {
    const { id, code } = await newParticipant(language, 'Kim P');
    const user = { id: `unsure-${language}`, channelId: 'sms' };
    await h.say(user, code);
    await h.say(user, 'hmm');
    const again = await h.say(user, 'what?');
    assert.match(again.at(-1)!.text, consentAsk[language]);
    assert.match(again.at(-1)!.text, /\n1 .+\n2 No/);
    assert.equal((await h.app.services.participants.get(id))!.consent.given, false, 'nothing recorded yet');
    const yes = await h.say(user, '1');
    assert.match(yes.map(replyText).join('\n'), welcome[language]);
    assert.equal((await h.app.services.participants.get(id))!.consent.given, true);
  });
}
