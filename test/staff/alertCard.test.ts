import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unknownParticipantId } from '../../bot/flags/flag';
import { createI18n, Language } from '../../bot/i18n';
import { alertCard, AlertCardInput } from '../../bot/staff/teams/alertCard';

const i18n = createI18n();

function stranger(channelId: 'sms' | 'msteams', userId: string | null): AlertCardInput['flag'] {
  return {
    id: 'crisis:1',
    participantId: unknownParticipantId(channelId, userId ?? 'gone'),
    severity: 'urgent',
    reasons: [{ code: 'crisis_language', severity: 'urgent', detail: { kind: 'suicide' } }],
    createdAt: '2025-03-04T15:00:00.000Z',
    status: 'open',
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    escalatedAt: null,
    messages: [],
    sender: userId ? { channelId, userId, conversationId: `conv-${userId}`, serviceUrl: 'https://sms.example' } : null,
  };
}

function whoFact(flag: AlertCardInput['flag'], language: Language): string {
  const t = i18n.getFixedT(language);
  const card = alertCard({ flag, initials: null, track: null, escalated: false, publicBaseUrl: 'https://puente.example.org', timeZone: 'America/New_York', language, t });
  const facts = card.body.flatMap((b) => (b.type === 'FactSet' ? b.facts : []));
  const who = facts.find((f) => f.title === t('staff:teams.participant'));
  assert.ok(who, JSON.stringify(card));
  assert.ok(!card.actions.some((a) => a.type === 'Action.Execute' && a.verb === 'reply'), 'no Reply for someone not enrolled');
  return who.value;
}

describe('the Teams alert card of someone not enrolled', () => {
  const cases = [
    { language: 'en', channel: 'sms', userId: '+15550100999', who: 'Not enrolled: SMS •••• 0999' },
    { language: 'es', channel: 'sms', userId: '+15550100999', who: 'No inscrito(a): SMS •••• 0999' },
    { language: 'en', channel: 'msteams', userId: '29:1a2b3c-user-7f3e', who: 'Not enrolled: Microsoft Teams •••• 7f3e' },
    { language: 'es', channel: 'msteams', userId: '29:1a2b3c-user-7f3e', who: 'No inscrito(a): Microsoft Teams •••• 7f3e' },
  ] as const;
  for (const c of cases) {
    it(`${c.language} on ${c.channel}: shows the channel and the masked sender, never the whole address`, () => {
      const who = whoFact(stranger(c.channel, c.userId), c.language);
      assert.equal(who, c.who);
      assert.ok(!who.includes(c.userId));
    });
  }

  for (const language of ['en', 'es'] as const) {
    it(`${language}: a stranger's flag without a sender says so, not "(?)"`, () => {
      const who = whoFact(stranger('sms', null), language);
      assert.equal(who, i18n.getFixedT(language)('staff:app.unknownSender', { channel: '—' }));
      assert.doesNotMatch(who, /\?/);
    });
  }
});
