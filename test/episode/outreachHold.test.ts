import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { OutreachFeature } from '../../bot/outreach/feature';
import { heldForSafety } from '../../bot/safety/episodeHold';
import { Chat } from '../checkin/chat';
import { CRISIS } from './support';

let chat: Chat | undefined;
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

/** Tuesday 19:00 in Chicago: the chat participant's check-in prompt. */
const PROMPT_TIME = new Date('2025-03-05T01:00:00Z');

async function promptTick(c: Chat) {
  const outreach = c.app.features.find((f) => f.name === 'outreach') as OutreachFeature;
  await outreach.reschedule(c.participant!.id);
  return outreach.tick(PROMPT_TIME, { dryRun: true });
}

describe('routine outreach during a safety episode', () => {
  it('the check-in prompt is held while the episode is open', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    await chat.say(CRISIS.en);
    const p = await chat.app.services.participants.get(chat.participant!.id);
    assert.ok(p && heldForSafety(p, PROMPT_TIME));
    const report = await promptTick(chat);
    assert.equal(report.planned.length, 0);
    assert.equal(report.skipped.safetyEpisode, 1);
  });

  it('goes out again once the episode ended (MENU)', async () => {
    chat = await Chat.start({ channel: 'msteams', language: 'es' });
    await chat.say(CRISIS.es);
    await chat.say('MENÚ');
    const p = await chat.app.services.participants.get(chat.participant!.id);
    assert.equal(p?.safetyHold, null);
    const report = await promptTick(chat);
    assert.deepEqual(report.planned.map((s) => s.kind), ['checkin']);
  });

  it('a hold nobody lifted ends with the quiet period', async () => {
    chat = await Chat.start({ channel: 'sms', language: 'en' });
    await chat.say(CRISIS.en);
    const p = (await chat.app.services.participants.get(chat.participant!.id))!;
    assert.ok(heldForSafety(p, new Date(Date.parse(chat.clock().toISOString()) + 11 * 3_600_000)));
    assert.ok(!heldForSafety(p, new Date(Date.parse(chat.clock().toISOString()) + 12 * 3_600_000)));
  });
});
