import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Stored } from '../../bot/store/port';
import { Participant } from '../../bot/domain/participant';
import { createI18n } from '../../bot/i18n';
import { replyText } from '../helpers/botHarness';
import { flagApi, StaffClient, StaffHarness } from '../staff/staffHarness';

const i18n = createI18n();
const t = (language: 'en' | 'es', key: string, vars?: Record<string, unknown>) => i18n.getFixedT(language)(key, vars ?? {});

let s: StaffHarness | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

const USER = { id: '+15550100999', channelId: 'sms' };

/** A participant on sms in an open safety episode of two messages. */
async function inEpisode(harness: StaffHarness): Promise<{ participant: Stored<Participant>; flagId: string }> {
  const participant = await harness.participant('Ana María Ruiz');
  await harness.services.participants.link(participant.id, { channelId: 'sms', serviceUrl: harness.h.connector.url, conversationId: `conv-${USER.id}`, userId: USER.id, botId: 'puente-bot' });
  await harness.h.say(USER, 'me quiero matar');
  await harness.h.say(USER, 'me tomé las pastillas');
  const [flag] = await harness.services.flags.listForParticipant(participant.id);
  return { participant, flagId: flag.id };
}

describe('staff and a safety episode', () => {
  it('"safe to resume": stored on the flag, audited, the hold on outreach lifted, and the next message is ordinary again', async () => {
    s = await StaffHarness.start();
    await s.account('nurse@clinic.org', 'clinician');
    const { participant, flagId } = await inEpisode(s);
    assert.ok((await s.services.participants.get(participant.id))?.safetyHold);
    const staff = await StaffClient.signedIn(s.base, 'nurse@clinic.org');

    const detail = await staff.json('GET', flagApi(participant.id, flagId));
    assert.deepEqual(detail.flag.messages.map((m: { text: string }) => m.text), ['me quiero matar', 'me tomé las pastillas']);

    const res = await staff.json('POST', `${flagApi(participant.id, flagId)}/safe-to-resume`, {});
    assert.equal(res.changed, true);
    assert.equal(res.safeToResumeBy, 'nurse@clinic.org');
    const flag = await s.services.flags.get(participant.id, flagId);
    assert.equal(flag?.safeToResumeAt, s.clock().toISOString());
    assert.equal(flag?.status, 'open', 'the flag stays open');
    assert.equal((await s.services.participants.get(participant.id))?.safetyHold, null, 'outreach may go out again');
    const again = await staff.json('POST', `${flagApi(participant.id, flagId)}/safe-to-resume`, {});
    assert.equal(again.changed, false);

    const audit = await s.staff.core.audit.page({ from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z'), action: 'flag.safe_to_resume' }, 10);
    assert.equal(audit.items.length, 2);
    assert.equal(audit.items[0].recordId, flagId);

    const next = (await s.h.say(USER, 'hola')).map(replyText).join('\n');
    assert.ok(next.includes(t('es', 'common:menu.greeting', { name: 'Ana María Ruiz' })), next);
    assert.equal((await s.services.flags.get(participant.id, flagId))?.messages?.length, 2, 'the ordinary message is not added');
  });

  it('refuses what is not a flag, and a request without the CSRF token, changing nothing', async () => {
    s = await StaffHarness.start();
    await s.account('nurse@clinic.org', 'clinician');
    const { participant, flagId } = await inEpisode(s);
    const staff = await StaffClient.signedIn(s.base, 'nurse@clinic.org');
    assert.equal((await staff.call('POST', `${flagApi(participant.id, 'no-such-flag')}/safe-to-resume`, {})).status, 404);
    assert.equal((await staff.call('POST', `${flagApi(participant.id, flagId)}/safe-to-resume`, {}, { csrf: false })).status, 403);
    assert.equal((await new StaffClient(s.base).call('POST', `${flagApi(participant.id, flagId)}/safe-to-resume`, {})).status, 401);
    assert.equal((await s.services.flags.get(participant.id, flagId))?.safeToResumeAt, undefined);
  });

  it('Teams: the card names the kind of danger in words and counts the messages; each later message is a line in its thread', async () => {
    s = await StaffHarness.withTeams({ STAFF_TEAMS_LANGUAGE: 'en' });
    const { flagId } = await inEpisode(s);
    await s.teams!.waitFor((received) => received.length >= 2);
    const [card, line] = s.teams!.received;
    const text = JSON.stringify(card.attachments[0].content);
    assert.ok(text.includes(t('en', 'staff:reasonWithKind', { reason: t('en', 'staff:reason.crisis_language'), kind: t('en', 'staff:kind.suicide') })), text);
    assert.ok(!/rule|lexicon/.test(text), 'no lexicon ids');
    assert.match(String(line.conversation?.id), /;messageid=sent-1$/);
    assert.doesNotMatch(String(line.text), /pastillas|matar/, 'no message text in the channel');
    const updated = JSON.stringify(s.teams!.updated.at(-1)?.attachments[0].content);
    assert.ok(updated.includes(t('en', 'staff:teams.messages')), `the card counts the messages: ${updated}`);
    assert.ok(flagId);
  });
});
