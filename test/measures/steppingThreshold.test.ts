import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { DEFAULT_FLAG_RULES_PATH, FlagRulesError, loadFlagRules } from '../../bot/flags/rules';
import { silentLogger } from '../../bot/log';
import { Chat, read } from '../checkin/chat';
import { answerAll, dailyItems, includes, measure, t, TODAY } from './conversation';
import { TUESDAY } from '../checkin/chat';

/** The PHQ-2 / GAD-2 stepping thresholds live in the clinic's rules file (`stepping`), default 3. */

const dir = mkdtempSync(join(tmpdir(), 'puente-stepping-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The default rules file with its stepping section replaced. */
function rulesWith(stepping: unknown, name: string): string {
  const file = JSON.parse(readFileSync(DEFAULT_FLAG_RULES_PATH, 'utf8')) as Record<string, unknown>;
  if (stepping === undefined) delete file.stepping;
  else file.stepping = stepping;
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('the stepping thresholds in the clinic rules file', () => {
  it('default to 3 and 3, also for a clinic file written before the setting existed', () => {
    assert.deepEqual(loadFlagRules().stepping, { phq2: 3, gad2: 3 });
    assert.deepEqual(loadFlagRules(rulesWith(undefined, 'older')).stepping, { phq2: 3, gad2: 3 });
  });

  it('take the clinic\'s numbers; one left out keeps its default', () => {
    assert.deepEqual(loadFlagRules(rulesWith({ phq2: 4, gad2: 2 }, 'both')).stepping, { phq2: 4, gad2: 2 });
    assert.deepEqual(loadFlagRules(rulesWith({ phq2: 5 }, 'one')).stepping, { phq2: 5, gad2: 3 });
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['0', { phq2: 0 }, /stepping\.phq2: phq2 needs a whole number from 1 to 6/],
    ['7 (above the 2-item maximum of 6)', { gad2: 7 }, /stepping\.gad2: gad2 needs a whole number from 1 to 6/],
    ['2.5', { phq2: 2.5 }, /stepping\.phq2: phq2 needs a whole number from 1 to 6/],
    ['a string', { gad2: '3' }, /stepping\.gad2: gad2 needs a whole number from 1 to 6/],
    ['a misspelt key', { phq9: 3 }, /stepping.*phq9/],
    ['not an object', 3, /stepping/],
  ];
  for (const [name, stepping, message] of bad) {
    it(`refuses ${name} with a message naming the file and the setting`, () => {
      const path = rulesWith(stepping, `bad-${name.replace(/\W+/g, '-')}`);
      assert.throws(() => loadFlagRules(path), (err: Error) => err instanceof FlagRulesError && err.message.includes(path) && message.test(err.message));
    });
  }

  it('a bad value stops start-up before the store is opened', async () => {
    const path = rulesWith({ phq2: 9 }, 'startup');
    const config = loadConfig({ SQLITE_PATH: join(dir, 'never.db'), LOG_LEVEL: 'silent', FLAG_RULES_PATH: path });
    await assert.rejects(createApp({ config, logger: silentLogger() }), (err: Error) => err instanceof FlagRulesError && /stepping\.phq2/.test(err.message));
  });
});

describe('a weekly screen under clinic thresholds', () => {
  let chat: Chat | undefined;
  afterEach(async () => {
    await chat?.stop();
    chat = undefined;
  });

  it('en, sms: PHQ-2 of 4 under a threshold of 5 does not step; GAD-2 of 2 under a threshold of 2 does', async () => {
    const path = rulesWith({ phq2: 5, gad2: 2 }, 'conversation-en');
    chat = await Chat.start({ channel: 'sms', language: 'en', screenWeekday: TUESDAY, env: { FLAG_RULES_PATH: path } });
    const screen = await dailyItems(chat, 'en');
    const [, , , afterScreen] = await answerAll(chat, 'en', screen, [2, 2, 1, 1]);
    assert.ok(!read(afterScreen).includes(t('en', 'screen:stepped.phq9Intro')), 'no PHQ-9 at 4 < 5');
    includes(afterScreen, 'en', 'screen:stepped.gad7Intro');
    includes(afterScreen, 'en', 'screen:gad7.item3');
    assert.equal(await measure(chat, 'phq9'), undefined);
    assert.deepEqual((await measure(chat, 'gad7', TODAY))?.items, { item1: 1, item2: 1 });
  });

  it('es, msteams: the default 3 steps a PHQ-2 of 3 and not a GAD-2 of 2', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'es', screenWeekday: TUESDAY });
    const screen = await dailyItems(chat, 'es');
    const [, , , afterScreen] = await answerAll(chat, 'es', screen, [2, 1, 1, 1]);
    includes(afterScreen, 'es', 'screen:stepped.phq9Intro');
    assert.ok(!read(afterScreen).includes(t('es', 'screen:stepped.gad7Intro')));
    assert.equal((await measure(chat, 'phq9'))?.source, 'stepped');
    assert.equal(await measure(chat, 'gad7'), undefined);
  });
});
