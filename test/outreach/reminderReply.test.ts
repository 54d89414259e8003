import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { DEFAULT_FLAG_RULES_PATH, loadFlagRules } from '../../bot/flags/rules';
import { createI18n, Language } from '../../bot/i18n';
import { Ledger, ledgerKey } from '../../bot/outreach/ledger';
import { saysCantAttend } from '../../bot/outreach/reminderReply';
import { Chat, read } from '../checkin/chat';

const i18n = createI18n();
const t = (language: Language, key: string) => i18n.getFixedT(language)(key);
const OCCURRENCE = 'pm-group@2025-03-04';

/** The reminder of tonight's meeting, recorded sent `hoursAgo` before the chat's clock (what a tick leaves in the ledger). */
async function reminderSent(chat: Chat, hoursAgo: number): Promise<void> {
  const ledger = new Ledger(chat.app.services.store);
  const sentAt = new Date(chat.clock().getTime() - hoursAgo * 3_600_000);
  const claim = await ledger.claim(
    ledgerKey('reminder', OCCURRENCE),
    { participantId: chat.participant!.id, kind: 'reminder', localDate: null, occurrenceId: OCCURRENCE },
    'tick',
    sentAt,
    60_000,
  );
  assert.equal(claim.status, 'acquired');
  if (claim.status !== 'acquired') return;
  await ledger.finish(claim.entry, { state: 'sent', channelId: chat.options.channel, sentAt: sentAt.toISOString(), failure: null });
}

describe('saysCantAttend', () => {
  it('reads the ways people say they cannot come, in English and Spanish', () => {
    for (const text of [
      "Can't make it",
      'cant make it today sorry',
      'I cannot make it tonight',
      "I'll miss it",
      'ill miss it, sick kid',
      "I won't be able to come",
      "sorry, won't be there",
      "I'm going to miss the group",
      'No puedo ir',
      'no puedo ir hoy',
      'No podré asistir',
      'no voy a poder ir',
      'no voy a llegar, lo siento',
      'me la voy a perder',
      'hoy voy a faltar',
      'NO PUEDO IR A LA REUNION',
    ]) {
      assert.equal(saysCantAttend(text), true, text);
    }
  });

  it('leaves alone what is not a refusal', () => {
    for (const text of ['I can make it', "I'll make it", 'see you there', 'no puedo dormir', 'voy a ir', 'no voy a tomar hoy', 'I miss my kids', 'menu']) {
      assert.equal(saysCantAttend(text), false, text);
    }
  });
});

describe('session_cant_attend severity is the clinic rules file', () => {
  it('defaults to low; a clinic copy may change it', () => {
    assert.equal(loadFlagRules().signals.session_cant_attend, 'low');
    const dir = mkdtempSync(join(tmpdir(), 'puente-rules-'));
    try {
      const file = JSON.parse(readFileSync(DEFAULT_FLAG_RULES_PATH, 'utf8'));
      file.signals = file.signals.map((s: { code: string }) => (s.code === 'session_cant_attend' ? { ...s, severity: 'moderate' } : s));
      writeFileSync(join(dir, 'rules.json'), JSON.stringify(file));
      assert.equal(loadFlagRules(join(dir, 'rules.json')).signals.session_cant_attend, 'moderate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

let chat: Chat | undefined;

describe('the safety screen outranks a reminder reply', () => {
  for (const channel of ['sms', 'msteams'] as const) {
    it(`${channel}: "I can't make it anymore" after a reminder gets the direct question, not a thank-you`, async () => {
      chat = await Chat.start({ channel, language: 'en' });
      await reminderSent(chat, 1);
      const replies = await chat.say("I can't make it anymore");
      assert.equal(read(replies), t('en', 'safety:question.ask'));
      const codes = (await chat.flags()).flatMap((f) => f.reasons.map((r) => r.code));
      assert.deepEqual(codes, ['possible_risk']);
      await chat.stop();
      chat = undefined;
    });
  }
});
afterEach(async () => {
  await chat?.stop();
  chat = undefined;
});

const SAYINGS: Record<Language, [string, string]> = { en: ["Sorry, can't make it", "I'll miss it"], es: ['no puedo ir', 'Lo siento, no podré asistir'] };

for (const channel of ['sms', 'msteams'] as const) {
  for (const language of ['en', 'es'] as const) {
    describe(`${channel}, ${language}: "can't make it" after a session reminder`, () => {
      it('within the window: one low flag for that meeting and a thank-you in their language', async () => {
        chat = await Chat.start({ channel, language });
        await reminderSent(chat, 1);
        const replies = await chat.say(SAYINGS[language][0]);
        assert.equal(read(replies), t(language, 'outreach:reminder.cantAttend'));
        assert.equal(replies.length, 1);
        const flags = await chat.flags();
        assert.equal(flags.length, 1);
        assert.equal(flags[0].severity, 'low');
        assert.equal(flags[0].source, 'outreach');
        assert.deepEqual(
          flags[0].reasons.map((r) => [r.code, r.detail?.occurrenceId]),
          [['session_cant_attend', OCCURRENCE]],
        );
        // Said again, another way: thanked again, still one flag.
        assert.equal(read(await chat.say(SAYINGS[language][1])), t(language, 'outreach:reminder.cantAttend'));
        assert.equal((await chat.flags()).length, 1);
      });

      it('past the window (OUTREACH_REMINDER_REPLY_HOURS, default 12) or with no reminder: no flag, the conversation answers', async () => {
        chat = await Chat.start({ channel, language });
        const none = await chat.say(SAYINGS[language][0]);
        assert.notEqual(read(none), t(language, 'outreach:reminder.cantAttend'));
        await reminderSent(chat, 12.5);
        const late = await chat.say(SAYINGS[language][0]);
        assert.notEqual(read(late), t(language, 'outreach:reminder.cantAttend'));
        assert.ok(late.length > 0, 'the conversation still answers');
        const codes = (await chat.flags()).flatMap((f) => f.reasons.map((r) => r.code));
        assert.ok(!codes.includes('session_cant_attend'));
      });
    });
  }
}
