import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { DEFAULT_FLAG_RULES_PATH } from '../../bot/flags/rules';
import { Chat, read, TUESDAY } from '../checkin/chat';
import { answerAll, dailyItems, HOUR, includes, measure, startOnScreenDay, t } from './conversation';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

describe('measure edge cases', () => {
  for (const language of ['en', 'es'] as const) {
    it(`${language}, sms: an unreadable item gets one re-prompt, then moves on; the total and band stay empty`, async () => {
      chat = await startOnScreenDay('sms', language);
      const screen = await dailyItems(chat, language);
      const [, , , afterScreen] = await answerAll(chat, language, screen, [2, 2, 0, 0]);
      includes(afterScreen, language, 'screen:phq9.item3');
      const retry = await chat.say('purple');
      assert.ok(read(retry).includes(t(language, 'prompts:retry.choiceNumbers', { count: 4 })), read(retry));
      const movedOn = await chat.say('banana');
      includes(movedOn, language, 'prompts:giveUp');
      includes(movedOn, language, 'screen:phq9.item4');
      await answerAll(chat, language, movedOn, [0, 0, 0, 0, 0, 0]);
      const record = await measure(chat, 'phq9');
      assert.equal(record?.items.item3, null);
      assert.ok(record?.completedAt);
      assert.equal(record?.total, null, 'a health score is never guessed');
      assert.equal(record?.band, null);
    });
  }

  it('msteams, es: a BAM stopped half-way is offered later that day and goes on at the next item', async () => {
    chat = await startOnScreenDay('msteams', 'es');
    await chat.app.services.participants.update(chat.participant!.id, (p) => (p.substanceUse = true));
    await dailyItems(chat, 'es');
    await chat.say('excelente');
    await chat.say('0');
    await chat.say('menú');
    chat.clock.advance(3 * HOUR);
    includes(await chat.say('hola'), 'es', 'screen:stepped.offer');
    const resumed = await chat.say('sí');
    includes(resumed, 'es', 'bam:stem');
    includes(resumed, 'es', 'bam:item.item3');
    assert.deepEqual((await measure(chat, 'bam'))?.items, { item1: 0, item2: 0 });
  });

  it('item 9 opens the episode on an urgent flag even when a clinic\'s rules leave its rule out', async () => {
    const rules = JSON.parse(readFileSync(DEFAULT_FLAG_RULES_PATH, 'utf8')) as { rules: Array<{ code: string }> };
    rules.rules = rules.rules.filter((r) => r.code !== 'phq9_item9');
    const path = join(mkdtempSync(join(tmpdir(), 'puente-rules-')), 'rules.json');
    writeFileSync(path, JSON.stringify(rules));
    chat = await Chat.start({ channel: 'sms', language: 'en', screenWeekday: TUESDAY, env: { FLAG_RULES_PATH: path } });
    const screen = await dailyItems(chat, 'en');
    const [, , , afterScreen] = await answerAll(chat, 'en', screen, [3, 3, 0, 0]);
    const replies = await answerAll(chat, 'en', afterScreen, [0, 0, 0, 0, 0, 0, 3]);
    assert.equal(read([replies[6][0]]), t('en', 'safety:crisis.lines.suicide'));
    const flag = (await chat.flags()).find((f) => f.source === 'screen');
    assert.equal(flag?.severity, 'urgent');
    assert.deepEqual(flag?.reasons.map((r) => r.code), ['phq9_item9']);
  });
});
