import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPrompt } from '../../bot/channels/render';
import { createI18n, LANGUAGES } from '../../bot/i18n';
import { SESSION_KINDS } from '../../bot/domain/sessions';
import { inQuietHours, quietHoursEnd } from '../../bot/outreach/quietHours';
import { CHECKIN_FOLLOWUP, CHECKIN_PROMPT, formatTime, LESSON_OPENER, reminderSpec } from '../../bot/outreach/texts';
import { assertFitsSms, assertLocaleFitsSms } from '../helpers/sms';

const i18n = createI18n();
const NY = 'America/New_York';

/** Every message outreach can send: prompts, follow-ups, the lesson opener, and reminders for every kind, today/tomorrow/later, long times. */
function allSpecs(language: 'en' | 'es') {
  const t = i18n.getFixedT(language);
  const now = new Date('2026-09-28T13:00:00Z'); // a Monday
  const starts = [
    new Date('2026-09-28T16:30:00Z'), // today 12:30 PM
    new Date('2026-09-29T16:30:00Z'), // tomorrow
    new Date('2026-09-30T16:30:00Z'), // Wednesday, September 30: the longest day and month names
  ];
  return [
    CHECKIN_PROMPT,
    CHECKIN_FOLLOWUP,
    LESSON_OPENER,
    ...SESSION_KINDS.flatMap((kind) => starts.map((start) => reminderSpec({ start, kind, now, zone: NY, language }, t))),
  ];
}

test('every outreach text fits 2 SMS segments in both languages, as rendered for SMS', () => {
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    for (const spec of allSpecs(language)) {
      const text = String(renderPrompt(spec, 'sms', t).text);
      assertFitsSms(text, `${language} ${spec.textKey}`);
      assert.doesNotMatch(text, /{{|}}/, 'every placeholder filled');
    }
  }
  // And the raw locale strings with long stand-ins for their placeholders.
  assertLocaleFitsSms(['outreach'], { vars: { meeting: 'reunión de grupo', time: '12:30 p. m.', day: 'miércoles, 30 de septiembre' } });
});

test('outreach texts render on Teams as a message in the participant language', () => {
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    for (const spec of allSpecs(language)) {
      const activity = renderPrompt(spec, 'msteams', t);
      assert.equal(activity.type, 'message');
      assert.ok(String(activity.text).length > 10);
    }
  }
  assert.match(String(renderPrompt(CHECKIN_PROMPT, 'msteams', i18n.getFixedT('es')).text), /registro diario/);
  assert.match(String(renderPrompt(CHECKIN_PROMPT, 'msteams', i18n.getFixedT('en')).text), /daily check-in/);
});

test('texts are discreet: no treatment, diagnosis, substance, score or program name', () => {
  const forbidden =
    /treat|therap|recover|rehab|addict|substance|alcohol|drug|sobri|relapse|diagnos|depress|anxi|score|IOP|outpatient|clinic|tratamiento|terapia|recupera|adicci|sustancia|droga|sobrie|reca[ií]da|diagn[oó]stic|depresi|ansiedad|puntaje|puntuaci|cl[ií]nica|Puente/i;
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    for (const spec of allSpecs(language)) {
      const text = String(renderPrompt(spec, 'sms', t).text);
      assert.doesNotMatch(text, forbidden, `${language}: ${text}`);
    }
  }
});

test('reminder wording names the day and the local time in the participant language', () => {
  const now = new Date('2026-12-01T13:00:00Z');
  const en = i18n.getFixedT('en');
  const es = i18n.getFixedT('es');
  const today = reminderSpec({ start: new Date('2026-12-01T15:00:00Z'), kind: 'group', now, zone: NY, language: 'en' }, en);
  assert.equal(String(renderPrompt(today, 'sms', en).text), 'Reminder: your group meeting is today, 10:00 AM');
  const tomorrowEs = reminderSpec({ start: new Date('2026-12-02T15:00:00Z'), kind: 'family', now, zone: NY, language: 'es' }, es);
  assert.match(String(renderPrompt(tomorrowEs, 'sms', es).text), /^Recordatorio: su reunión familiar es mañana, 10:00 a\. ?m\.$/);
  const later = reminderSpec({ start: new Date('2026-12-04T15:00:00Z'), kind: 'individual', now, zone: 'America/Chicago', language: 'en' }, en);
  assert.equal(String(renderPrompt(later, 'sms', en).text), 'Reminder: your individual appointment is on Friday, December 4, 9:00 AM');
});

test('times use plain spaces, so an English SMS stays GSM-7', () => {
  const time = formatTime(new Date('2026-12-01T15:00:00Z'), NY, 'en');
  assert.equal(time, '10:00 AM');
  assert.doesNotMatch(formatTime(new Date('2026-12-01T15:00:00Z'), NY, 'es'), /[\u00a0\u202f]/);
});

test('quiet hours: spans midnight, in the participant zone; the end is the next allowed instant', () => {
  const quiet = { start: '21:00', end: '08:00' };
  assert.equal(inQuietHours(new Date('2026-12-02T01:30:00Z'), NY, quiet), false); // 20:30 EST the day before
  assert.equal(inQuietHours(new Date('2026-12-02T02:00:00Z'), NY, quiet), true); // 21:00 EST
  assert.equal(inQuietHours(new Date('2026-12-02T01:59:00Z'), NY, quiet), false); // 20:59 EST
  assert.equal(inQuietHours(new Date('2026-12-02T12:59:00Z'), NY, quiet), true); // 07:59 EST
  assert.equal(inQuietHours(new Date('2026-12-02T13:00:00Z'), NY, quiet), false); // 08:00 EST
  assert.equal(inQuietHours(new Date('2026-12-02T13:00:00Z'), 'America/Los_Angeles', quiet), true); // 05:00 PST
  assert.equal(quietHoursEnd(new Date('2026-12-02T03:00:00Z'), NY, quiet).toISOString(), '2026-12-02T13:00:00.000Z');
  assert.equal(quietHoursEnd(new Date('2026-12-02T11:00:00Z'), NY, quiet).toISOString(), '2026-12-02T13:00:00.000Z');
  const daytime = new Date('2026-12-02T15:00:00Z');
  assert.equal(quietHoursEnd(daytime, NY, quiet), daytime);
});

test('the check-in prompt and follow-up carry a "Check in" button on Web Chat and Teams, and none on SMS', () => {
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    for (const spec of [CHECKIN_PROMPT, CHECKIN_FOLLOWUP]) {
      for (const channel of ['webchat', 'msteams', 'directline']) {
        const activity = renderPrompt(spec, channel, t);
        // imBack sends the menu's own label, which the main dialog reads as "start the check-in".
        assert.deepEqual(activity.suggestedActions?.actions, [{ type: 'imBack', title: t('common:menu.checkin'), value: t('common:menu.checkin') }], `${language} ${channel}`);
        assert.equal(activity.text, t(spec.textKey));
      }
      const sms = renderPrompt(spec, 'sms', t);
      assert.equal(sms.suggestedActions, undefined);
      assert.equal(sms.text, t(spec.textKey));
    }
  }
});
