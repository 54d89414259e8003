import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Language } from '../../bot/i18n';
import { Chat, read } from '../checkin/chat';
import { dailyItems, includes, measure, startOnScreenDay, t } from './conversation';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

/**
 * A BAM answered in numbers and words, with the item each reply answers and
 * its stored answer. Items 5 (no drinking days) is skipped by the form.
 */
const ANSWERS: Record<Language, Array<[item: string, reply: string, stored: number]>> = {
  en: [
    ['item1', 'fair', 3], ['item2', '5 nights', 5], ['item3', 'three', 3], ['item4', '0', 0], ['item6', '2 days', 2],
    ['item7a', '2', 2], ['item7b', 'none', 0], ['item7c', '0', 0], ['item7d', '0', 0], ['item7e', '0', 0], ['item7f', '0', 0], ['item7g', 'zero', 0],
    ['item8', 'moderately', 2], ['item9', '4', 3], ['item10', '12', 12], ['item11', 'one day', 1], ['item12', 'not at all', 0],
    ['item13', '20', 20], ['item14', 'yes', 4], ['item15', 'slightly', 1], ['item16', 'thirty', 30], ['item17', 'considerably', 3],
  ],
  es: [
    ['item1', 'regular', 3], ['item2', '5 noches', 5], ['item3', 'tres', 3], ['item4', 'cero', 0], ['item6', '2 días', 2],
    ['item7a', 'dos', 2], ['item7b', '0', 0], ['item7c', 'ninguno', 0], ['item7d', '0', 0], ['item7e', '0', 0], ['item7f', '0', 0], ['item7g', '0', 0],
    ['item8', 'moderadamente', 2], ['item9', '4', 3], ['item10', 'doce', 12], ['item11', '1 día', 1], ['item12', 'nada', 0],
    ['item13', 'veinte', 20], ['item14', 'sí', 4], ['item15', 'un poco', 1], ['item16', 'treinta', 30], ['item17', 'bastante', 3],
  ],
};

describe('a BAM week for a substance-use participant', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    for (const language of ['en', 'es'] as const) {
      it(`${language}, ${channel}: the BAM replaces the weekly screen; answers in numbers and words, one re-prompt; scores stored and flagged`, async () => {
        chat = await startOnScreenDay(channel, language);
        await chat.app.services.participants.update(chat.participant!.id, (p) => (p.substanceUse = true));
        const opening = await dailyItems(chat, language);
        includes(opening, language, 'checkin:thanks');
        includes(opening, language, 'screen:stepped.bamIntro');
        includes(opening, language, 'bam:stem');
        includes(opening, language, 'bam:item.item1');
        assert.ok(!read(opening).includes(t(language, 'screen:item.littleInterest')), 'no weekly screen this week');
        if (channel === 'msteams') assert.ok(opening.some((r) => r.attachments?.length), 'a card with the options');
        else assert.match(read(opening), /1 (Excellent|Excelente)\n2 /);

        let replies = opening;
        for (const [i, [item, reply]] of ANSWERS[language].entries()) {
          includes(replies, language, `bam:item.${item}`);
          if (item === 'item2') {
            const retry = await chat.say('purple');
            assert.ok(read(retry).includes(t(language, 'prompts:retry.number', { min: 0, max: 30, example: '3' })), read(retry));
          }
          replies = await chat.say(reply);
          if (item === 'item4') assert.ok(!read(replies).includes(t(language, 'bam:item.item5')), 'no drinking days: item 5 skipped');
          if (item === 'item6') includes(replies, language, 'bam:item.item7');
          if (i === ANSWERS[language].length - 1) includes(replies, language, 'screen:stepped.done');
        }

        const record = await measure(chat, 'bam');
        assert.equal((await chat.today())?.screen, null);
        const expected: Record<string, number> = { item5: 0 };
        for (const [item, , stored] of ANSWERS[language]) expected[item] = stored;
        assert.deepEqual(record?.items, expected);
        // Use: 0 + 0 + (2 days → 1) = 1. Risk: 3 + (5 → 2) + (3 → 1) + 2 + (1 → 1) + 1 = 10.
        // Protective: 3 + (12 → 3) + 0 + (20 → 4) + 4 + (30 → 4) = 18.
        assert.deepEqual(record?.bam, { use: 1, risk: 10, protective: 18 });
        assert.equal(record?.total, null);
        assert.ok(record?.completedAt);
        const flag = (await chat.flags()).find((f) => f.source === 'screen');
        assert.deepEqual(flag?.reasons.map((r) => r.code), ['bam_use_days']);
      });
    }
  }

  it('not a substance-use participant: the weekly screen as usual', async () => {
    chat = await startOnScreenDay('sms', 'en');
    includes(await dailyItems(chat, 'en'), 'en', 'screen:item.littleInterest');
  });
});
