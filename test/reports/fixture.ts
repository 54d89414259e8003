/**
 * A small program, written out by hand so its report can be worked out on
 * paper (the expected numbers are in programReport.test.ts). Zone
 * America/Chicago; range 2025-03-03 (Mon) … 2025-03-16 (Sun), two full weeks
 * with the DST change (Sun 9 March) inside.
 */
import { CheckIn, checkInId, emptyAnswers } from '../../bot/domain/checkins';
import { Participant, ParticipantStatus, Track } from '../../bot/domain/participant';
import { ProgramHours } from '../../bot/domain/programHours';
import { Flag, Severity, SEVERITY_RANK } from '../../bot/flags/flag';
import { LessonDelivery, lessonDeliveryId } from '../../bot/lessons/lessonRecord';
import { BamScores, MeasureRecord, measureId } from '../../bot/measures/measureRecord';
import { LedgerEntry } from '../../bot/outreach/ledger';
import { DocBase, DocumentStore } from '../../bot/store/port';

export const ZONE = 'America/Chicago';
export const HOURS: ProgramHours = { days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00', timeZone: ZONE, holidays: [] };
export const RANGE = { from: '2025-03-03', to: '2025-03-16' };

/** Names and phone-like strings that must never reach a report. */
export const NAMES = { A: 'Alma Quintero', B: 'Bruno Salas', C: 'Celia Ortega', D: 'Dario Peña', E: 'Elena Ruiz' };
export const PHONE = '+15125550123';

function participant(id: keyof typeof NAMES, track: Track, status: ParticipantStatus, createdAt: string): Participant {
  return {
    id,
    pk: id,
    displayName: NAMES[id],
    language: 'es',
    timeZone: ZONE,
    track,
    checkinTime: '19:00',
    screenWeekday: 1,
    reminders: { enabled: true, leadMinutes: 60 },
    consent: { given: true, at: createdAt, channel: 'sms' },
    optedOutAt: null,
    status,
    addresses: { sms: { channelId: 'sms', serviceUrl: 'https://sms.example', conversationId: PHONE, userId: PHONE, botId: 'bot', reachable: true, linkedAt: createdAt } },
    createdAt,
    updatedAt: createdAt,
  };
}

function checkIn(pk: string, localDate: string, status: CheckIn['status'] = 'complete'): CheckIn {
  const at = `${localDate}T23:00:00.000Z`;
  return {
    id: checkInId(pk, localDate),
    pk,
    participantId: pk,
    localDate,
    timeZone: ZONE,
    language: 'es',
    channel: 'sms',
    status,
    answers: { ...emptyAnswers(), mood: 6, note: `nota de ${pk}` },
    asked: [],
    unreadable: [],
    screen: null,
    startedAt: at,
    updatedAt: at,
    finishedAt: status === 'complete' ? at : null,
    flagId: null,
    replaced: null,
  };
}

function prompt(pk: string, localDate: string, state: LedgerEntry['state'] = 'sent', kind: LedgerEntry['kind'] = 'checkin'): LedgerEntry {
  const at = `${localDate}T23:00:00.000Z`;
  return { id: `${kind}:${localDate}`, pk, participantId: pk, kind, localDate, occurrenceId: null, state, owner: 'test', leaseUntil: at, claimedAt: at, takeovers: 0, fence: 1, channelId: 'sms', sentAt: state === 'sent' ? at : null, failure: null };
}

function flag(n: number, pk: string, severity: Severity, createdAt: string, acknowledgedAt: string | null): Flag {
  return {
    id: `f${n}`,
    pk,
    participantId: pk,
    checkinId: null,
    source: 'checkin',
    severity,
    severityRank: SEVERITY_RANK[severity],
    reasons: [{ code: 'craving_high', severity }],
    message: null,
    track: null,
    sender: null,
    status: acknowledgedAt ? 'acknowledged' : 'open',
    createdAt,
    assignee: null,
    acknowledgedAt,
    acknowledgedBy: acknowledgedAt ? 'nurse@clinic.org' : null,
    resolvedAt: null,
    resolvedBy: null,
    outcome: null,
    notes: [],
    escalatedAt: null,
  };
}

function score(pk: string, instrument: 'phq9' | 'gad7', localDate: string, total: number | null): MeasureRecord {
  const at = `${localDate}T20:00:00.000Z`;
  return { id: measureId(instrument, localDate), pk, participantId: pk, instrument, source: 'scheduled', localDate, startedAt: at, completedAt: total === null ? null : at, items: {}, total, band: null, bam: null };
}

function bam(pk: string, localDate: string, scores: BamScores | null): MeasureRecord {
  return { ...score(pk, 'phq9', localDate, null), id: measureId('bam', localDate), instrument: 'bam', completedAt: scores ? `${localDate}T20:00:00.000Z` : null, bam: scores };
}

function lesson(pk: string, weekStart: string, answered: boolean): LessonDelivery {
  const at = `${weekStart}T23:00:00.000Z`;
  return { id: lessonDeliveryId(weekStart, 'stress-1'), pk, participantId: pk, lessonId: 'stress-1', weekStart, sentAt: at, reflectionAt: answered ? at : null, reflection: answered ? `reflexión de ${NAMES.A}` : null };
}

export const FIXTURE: Array<[string, DocBase]> = [
  ['participants', participant('A', 'morning', 'active', '2025-02-01T12:00:00.000Z')],
  ['participants', participant('B', 'morning', 'active', '2025-03-10T15:00:00.000Z')],
  ['participants', participant('C', 'evening', 'paused', '2025-01-15T12:00:00.000Z')],
  ['participants', participant('D', 'evening', 'discharged', '2025-01-15T12:00:00.000Z')],
  ['participants', participant('E', 'evening', 'active', '2025-03-20T12:00:00.000Z')],

  ['checkins', checkIn('A', '2025-03-01')],
  ['checkins', checkIn('A', '2025-03-03')],
  ['checkins', checkIn('A', '2025-03-04')],
  ['checkins', checkIn('A', '2025-03-05')],
  ['checkins', checkIn('A', '2025-03-12')],
  ['checkins', checkIn('A', '2025-03-14', 'in_progress')],
  ['checkins', checkIn('B', '2025-03-10')],
  ['checkins', checkIn('B', '2025-03-11')],
  ['checkins', checkIn('B', '2025-03-15')],
  ['checkins', checkIn('C', '2025-03-04')],
  ['checkins', checkIn('D', '2025-03-16')],

  ['outreachLedger', prompt('A', '2025-03-02')],
  ['outreachLedger', prompt('A', '2025-03-03')],
  ['outreachLedger', prompt('A', '2025-03-03', 'sent', 'followup')],
  ['outreachLedger', prompt('A', '2025-03-04')],
  ['outreachLedger', prompt('A', '2025-03-06')],
  ['outreachLedger', prompt('A', '2025-03-12')],
  ['outreachLedger', prompt('A', '2025-03-13', 'failed')],
  ['outreachLedger', prompt('A', '2025-03-14')],
  ['outreachLedger', prompt('B', '2025-03-10')],
  ['outreachLedger', prompt('B', '2025-03-11')],

  ['flags', flag(1, 'A', 'low', '2025-03-04T15:00:00.000Z', '2025-03-04T15:30:00.000Z')],
  ['flags', flag(2, 'A', 'high', '2025-03-05T16:00:00.000Z', '2025-03-05T16:10:00.000Z')],
  ['flags', flag(3, 'B', 'urgent', '2025-03-11T14:00:00.000Z', '2025-03-11T14:50:00.000Z')],
  ['flags', flag(4, 'B', 'moderate', '2025-03-08T18:00:00.000Z', '2025-03-08T20:00:00.000Z')],
  ['flags', flag(5, 'A', 'high', '2025-03-12T03:00:00.000Z', '2025-03-12T03:45:00.000Z')],
  ['flags', flag(6, 'C', 'urgent', '2025-03-13T23:30:00.000Z', null)],
  ['flags', flag(7, 'unknown:0f0f', 'urgent', '2025-03-14T15:00:00.000Z', '2025-03-14T15:05:00.000Z')],
  ['flags', flag(8, 'A', 'low', '2025-03-17T06:00:00.000Z', '2025-03-17T06:01:00.000Z')],
  ['flags', flag(9, 'A', 'low', '2025-03-03T05:59:00.000Z', '2025-03-03T06:30:00.000Z')],

  ['measures', score('A', 'phq9', '2025-01-20', 18)],
  ['measures', score('A', 'phq9', '2025-03-05', 14)],
  ['measures', score('A', 'phq9', '2025-03-12', 11)],
  ['measures', score('A', 'phq9', '2025-03-20', 5)],
  ['measures', score('B', 'phq9', '2025-03-10', 12)],
  ['measures', score('C', 'phq9', '2025-02-01', 9)],
  ['measures', score('C', 'phq9', '2025-03-04', 12)],
  ['measures', score('D', 'phq9', '2025-02-01', 20)],
  ['measures', score('D', 'phq9', '2025-03-15', null)],
  ['measures', score('A', 'gad7', '2025-02-10', 10)],
  ['measures', score('A', 'gad7', '2025-03-13', 4)],
  ['measures', score('B', 'gad7', '2025-03-10', 8)],
  ['measures', score('B', 'gad7', '2025-03-16', 3)],
  ['measures', score('D', 'gad7', '2025-02-01', 7)],
  ['measures', score('D', 'gad7', '2025-03-06', 9)],
  ['measures', bam('A', '2025-02-20', { use: 9, risk: 20, protective: 1 })],
  ['measures', bam('A', '2025-03-05', { use: 2, risk: 10, protective: 15 })],
  ['measures', bam('C', '2025-03-14', { use: 0, risk: 6, protective: 20 })],
  ['measures', bam('B', '2025-03-16', null)],

  ['lessonDeliveries', lesson('A', '2025-02-24', true)],
  ['lessonDeliveries', lesson('A', '2025-03-03', true)],
  ['lessonDeliveries', lesson('A', '2025-03-10', false)],
  ['lessonDeliveries', lesson('B', '2025-03-10', true)],
  ['lessonDeliveries', lesson('C', '2025-03-03', false)],
];

export async function seedFixture(store: DocumentStore): Promise<void> {
  for (const [collection, doc] of FIXTURE) await store.create(collection, doc);
}
