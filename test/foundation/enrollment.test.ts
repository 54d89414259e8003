import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BotHarness, replyText } from '../helpers/botHarness';
import { fixedClock } from '../../bot/clock';
import { countSegments } from '../../bot/channels/smsSegments';

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
const welcome = { en: /You're all set/, es: /Ya está todo listo/ };

for (const channelId of ['sms', 'msteams'] as const) {
  for (const language of ['en', 'es'] as const) {
    test(`${channelId}/${language}: a code links the user, consent is asked, recorded with time and channel, and the welcome is in the participant's language`, async () => {
      const { id, code } = await newParticipant(language);
      // The activity's locale is the other language: the participant's saved one wins.
      const user = { id: `u-${channelId}-${language}`, channelId, locale: language === 'en' ? 'es-US' : 'en-US' };
      const ask = await h.say(user, language === 'es' ? `UNIRME ${code.toLowerCase()}` : `JOIN ${code}`);
      assert.match(replyText(ask.at(-1)!), consentAsk[language]);
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

test('a code works once; an unknown user learns nothing, in the activity locale', async () => {
  const { code } = await newParticipant('en', 'Zed Q');
  await h.say({ id: 'first', channelId: 'sms' }, code);
  for (const [locale, pattern] of [
    ['en-US', /enrolled by their care team/],
    ['es-US', /inscritas por su equipo/],
  ] as const) {
    const second = await h.say({ id: `second-${locale}`, channelId: 'sms', locale }, code);
    assert.equal(second.length, 1);
    assert.match(second[0].text, pattern);
    assert.doesNotMatch(second[0].text, /Zed/);
    const noCode = await h.say({ id: `nocode-${locale}`, channelId: 'sms', locale }, 'hello there');
    assert.match(noCode[0].text, pattern);
  }
});

test('an expired code is refused like an unknown one', async () => {
  const { code } = await newParticipant('es', 'Eva M');
  clock.advance(8 * 86_400_000);
  try {
    const replies = await h.say({ id: 'late', channelId: 'sms', locale: 'es-US' }, code);
    assert.match(replies[0].text, /inscritas por su equipo/);
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
