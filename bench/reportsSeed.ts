/**
 * A program's year of data for the reports benchmark (and its smoke-size run
 * in the test suite): participants, a check-in and a check-in prompt per
 * participant and day, flags, PHQ-9/GAD-7 every 4 weeks, BAM for the
 * substance-use participants, a lesson a week. Deterministic (seeded PRNG),
 * so every run measures the same data. Documents have their real shapes and
 * sizes: what the report reads is what production stores.
 */
import { DateTime } from 'luxon';
import { CheckIn, CHECKINS, checkInId } from '../bot/domain/checkins';
import { Participant, TRACKS } from '../bot/domain/participant';
import { Flag, FLAGS, SEVERITIES, SEVERITY_RANK } from '../bot/flags/flag';
import { LESSON_DELIVERIES, LessonDelivery, lessonDeliveryId } from '../bot/lessons/lessonRecord';
import { MeasureRecord, MEASURES, measureId } from '../bot/measures/measureRecord';
import { LEDGER, LedgerEntry } from '../bot/outreach/ledger';
import { DocBase } from '../bot/store/port';

export interface SeedSize {
  participants: number;
  /** Days of data ending the day before `end`. */
  days: number;
  /** First local date after the data (YYYY-MM-DD). */
  end: string;
}

export interface SeedDoc {
  collection: string;
  doc: DocBase;
}

const ZONE = 'America/Chicago';

/** mulberry32: small, fast and the same on every Node. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every document of the seed, one at a time (a year is ~900,000 documents: never all in memory). */
export function* seedDocuments(size: SeedSize): Generator<SeedDoc> {
  const random = prng(13);
  const first = DateTime.fromISO(size.end, { zone: ZONE }).minus({ days: size.days });
  for (let i = 0; i < size.participants; i++) {
    const id = `p${String(i).padStart(5, '0')}`;
    const enrolled = first.plus({ days: i % 30 });
    const status = i % 20 === 0 ? 'discharged' : i % 20 === 1 ? 'paused' : 'active';
    const participant: Participant = {
      id,
      pk: id,
      displayName: `Participant ${i}`,
      language: i % 2 ? 'es' : 'en',
      timeZone: ZONE,
      track: TRACKS[i % TRACKS.length],
      checkinTime: '19:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
      consent: { given: true, at: enrolled.toUTC().toISO()!, channel: 'sms' },
      optedOutAt: null,
      status,
      addresses: {},
      createdAt: enrolled.toUTC().toISO()!,
      updatedAt: enrolled.toUTC().toISO()!,
    };
    yield { collection: 'participants', doc: participant };
    const substanceUse = i % 3 === 0;
    for (let d = 0; d < size.days; d++) {
      const day = first.plus({ days: d });
      const localDate = day.toISODate()!;
      const at = day.set({ hour: 19, minute: 5 }).toUTC();
      yield { collection: LEDGER, doc: ledgerEntry(id, localDate, at.toISO()!) };
      const complete = random() < 0.85;
      yield { collection: CHECKINS, doc: checkIn(id, localDate, at.toISO()!, complete, random) };
      if (random() < 0.06) yield { collection: FLAGS, doc: flag(id, participant.track, at.plus({ minutes: 9 }), random) };
      if (d % 28 === 0) {
        yield { collection: MEASURES, doc: measure(id, 'phq9', localDate, at.toISO()!, Math.floor(random() * 28)) };
        yield { collection: MEASURES, doc: measure(id, 'gad7', localDate, at.toISO()!, Math.floor(random() * 22)) };
        if (substanceUse) yield { collection: MEASURES, doc: bam(id, localDate, at.toISO()!, random) };
      }
      if (day.weekday === 1) yield { collection: LESSON_DELIVERIES, doc: lesson(id, localDate, at.toISO()!, random() < 0.6) };
    }
  }
}

function ledgerEntry(participantId: string, localDate: string, at: string): LedgerEntry {
  return {
    id: `checkin:${localDate}`,
    pk: participantId,
    participantId,
    kind: 'checkin',
    localDate,
    occurrenceId: null,
    state: 'sent',
    owner: 'bench',
    leaseUntil: at,
    claimedAt: at,
    takeovers: 0,
    fence: 1,
    channelId: 'sms',
    sentAt: at,
    failure: null,
  };
}

function checkIn(participantId: string, localDate: string, at: string, complete: boolean, random: () => number): CheckIn {
  const score = () => Math.floor(random() * 11);
  return {
    id: checkInId(participantId, localDate),
    pk: participantId,
    participantId,
    localDate,
    timeZone: ZONE,
    language: 'en',
    channel: 'sms',
    status: complete ? 'complete' : 'in_progress',
    answers: { mood: score(), craving: score(), use: 'no', sleepHours: 7, medication: 'yes', wishedDead: false, suicidalThoughts: false, note: null },
    asked: ['mood', 'craving', 'use', 'sleepHours', 'medication', 'wishedDead', 'suicidalThoughts', 'note'],
    unreadable: [],
    screen: null,
    startedAt: at,
    updatedAt: at,
    finishedAt: complete ? at : null,
    flagId: null,
    replaced: null,
  };
}

function flag(participantId: string, track: Participant['track'], created: DateTime, random: () => number): Flag {
  const severity = SEVERITIES[Math.floor(random() * SEVERITIES.length)];
  const acknowledged = random() < 0.9 ? created.plus({ minutes: Math.floor(random() * 600) }).toUTC().toISO()! : null;
  const createdAt = created.toUTC().toISO()!;
  return {
    id: `checkin:${participantId}:${createdAt}`,
    pk: participantId,
    participantId,
    checkinId: null,
    source: 'checkin',
    severity,
    severityRank: SEVERITY_RANK[severity],
    reasons: [{ code: 'craving_high', severity, detail: { craving: 9, threshold: 8 } }],
    message: null,
    track,
    sender: null,
    status: acknowledged ? 'acknowledged' : 'open',
    createdAt,
    assignee: null,
    acknowledgedAt: acknowledged,
    acknowledgedBy: acknowledged ? 'bench@clinic.org' : null,
    resolvedAt: null,
    resolvedBy: null,
    outcome: null,
    notes: [],
    escalatedAt: null,
  };
}

function measure(participantId: string, instrument: 'phq9' | 'gad7', localDate: string, at: string, total: number): MeasureRecord {
  const count = instrument === 'phq9' ? 9 : 7;
  const items = Object.fromEntries(Array.from({ length: count }, (_, k) => [`item${k + 1}`, Math.min(3, Math.floor(total / count))]));
  return {
    id: measureId(instrument, localDate),
    pk: participantId,
    participantId,
    instrument,
    source: 'scheduled',
    localDate,
    startedAt: at,
    completedAt: at,
    items,
    total,
    band: null,
    bam: null,
  };
}

function bam(participantId: string, localDate: string, at: string, random: () => number): MeasureRecord {
  return {
    ...measure(participantId, 'phq9', localDate, at, 0),
    id: measureId('bam', localDate),
    instrument: 'bam',
    total: null,
    bam: { use: Math.floor(random() * 10), risk: Math.floor(random() * 24), protective: Math.floor(random() * 24) },
  };
}

function lesson(participantId: string, weekStart: string, at: string, answered: boolean): LessonDelivery {
  return {
    id: lessonDeliveryId(weekStart, 'stress-1'),
    pk: participantId,
    participantId,
    lessonId: 'stress-1',
    weekStart,
    sentAt: at,
    reflectionAt: answered ? at : null,
    reflection: answered ? 'A reflection' : null,
  };
}
