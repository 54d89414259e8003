import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { unknownParticipantId } from '../../bot/flags/flag';
import { createI18n } from '../../bot/i18n';
import { BotHarness, replyText } from '../helpers/botHarness';

const i18n = createI18n();

/** The crisis lines leave the turn's held replies behind: check they reach a real connector, in order. */
describe('crisis over HTTP', () => {
  let h: BotHarness;
  before(async () => {
    h = await BotHarness.start();
  });
  after(() => h.stop());

  for (const channelId of ['sms', 'msteams']) {
    it(`${channelId}: a stranger writing in Spanish gets the Spanish overdose help first, then the episode's words; the flag is stored`, async () => {
      const user = { id: `stranger-${channelId}`, channelId, locale: 'es-MX' };
      const replies = await h.say(user, 'me tomé un montón de pastillas');
      const es = i18n.getFixedT('es');
      assert.equal(replyText(replies[0]), es('safety:crisis.lines.overdose'));
      assert.equal(replyText(replies[1]), es('safety:crisis.team.stranger'));
      // The pills were named: the means-safety line comes before the question.
      assert.equal(replyText(replies[2]), es('safety:crisis.means.pills'));
      assert.ok(replyText(replies[3]).startsWith(es('safety:crisis.askSafe')), replyText(replies[3]));
      assert.equal(replies.length, 4);
      const flags = await h.app.services.flags.listForParticipant(unknownParticipantId(channelId, user.id));
      assert.equal(flags.length, 1);
      assert.equal(flags[0].severity, 'urgent');
      assert.equal(flags[0].sender?.serviceUrl, h.connector.url);
    });
  }
});
