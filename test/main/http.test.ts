import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../bot/clock';
import { Language } from '../../bot/i18n';
import { BotHarness, replyText } from '../helpers/botHarness';

/** The main conversation over /api/messages, as a channel delivers it. */
describe('main conversation over HTTP', () => {
  let h: BotHarness;
  const clock = fixedClock('2025-03-05T15:00:00Z');
  before(async () => {
    h = await BotHarness.start({ clock });
  });
  after(() => h.stop());

  async function enrolled(channelId: string, language: Language) {
    const { participants } = h.app.services;
    const p = await participants.add({
      displayName: 'Rosa',
      language,
      timeZone: 'America/Chicago',
      track: 'afternoon',
      checkinTime: '17:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
    });
    const user = { id: `u-${p.id}`, channelId, conversationId: `c-${p.id}` };
    await participants.link(p.id, { channelId, serviceUrl: h.connector.url, conversationId: user.conversationId, userId: user.id, botId: 'puente-bot' });
    return { p, user };
  }

  const t = (language: Language) => h.app.services.i18n.getFixedT(language);

  it('gives an SMS participant a tip and stores "did it help?"', async () => {
    const { p, user } = await enrolled('sms', 'es');
    const ask = await h.say(user, 'consejo');
    assert.ok(replyText(ask[0]).startsWith(t('es')('tips:ask')));
    const tip = await h.say(user, '2');
    assert.equal(tip.length, 2);
    assert.ok(replyText(tip[1]).startsWith(t('es')('tips:feedback.ask')));
    const thanks = await h.say(user, '1');
    assert.equal(replyText(thanks[0]), t('es')('tips:thanks.yes'));
    const stored = await h.app.services.tips.feedback.forParticipant(p.id);
    assert.deepEqual(
      stored.map((f) => [f.category, f.rating, f.channel, f.language]),
      [['anxiety', 'yes', 'sms', 'es']],
    );
  });

  it('switches a Teams participant to English for the rest of the conversation and in the record', async () => {
    const { p, user } = await enrolled('msteams', 'es');
    await h.say(user, 'hola');
    const switched = await h.say(user, 'english');
    assert.equal(replyText(switched[0]), t('en')('common:language.switched'));
    assert.ok(replyText(switched[1]).startsWith(t('en')('common:menu.greeting', { name: 'Rosa' })));
    assert.equal((await h.app.services.participants.get(p.id))?.language, 'en');
    const settings = await h.say(user, 'ajustes');
    assert.ok(replyText(settings[0]).startsWith(t('en')('settings:ask')));
  });
});
