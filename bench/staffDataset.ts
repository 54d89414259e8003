import { CheckIn, emptyAnswers } from '../bot/domain/checkins';
import { Participant, TRACKS } from '../bot/domain/participant';
import { searchKey } from '../bot/domain/searchKey';
import { THREAD_MESSAGES, ThreadMessage } from '../bot/careTeam/threadMessage';
import { Flag, Severity, SEVERITY_RANK } from '../bot/flags/flag';
import { staffId } from '../bot/staff/staffAccounts';
import { DocBase } from '../bot/store/port';

/** The staff benchmark's data set: deterministic, so every run measures the same program. */

export const BENCH_NOW = '2025-06-01T15:00:00.000Z';
const DAY = 86_400_000;

export interface Sizes {
  participants: number;
  flags: number;
  openFlags: number;
  checkins: number;
  threadMessages: number;
}

/** 100,000 participants at scale 1; every other count follows from it. */
export function sizesAt(scale: number): Sizes {
  const participants = Math.max(50, Math.round(100_000 * scale));
  return { participants, flags: participants, openFlags: Math.round(participants * 0.4), checkins: participants * 10, threadMessages: participants * 5 };
}

export const COUNSELLORS = Array.from({ length: 100 }, (_, k) => `counsellor${k}@clinic.org`);
const COUNSELLOR_IDS = COUNSELLORS.map(staffId);

const FIRST = ['María', 'José', 'Ana', 'Luis', 'Rosa', 'Jesús', 'Sofía', 'Andrés', 'Lucía', 'Ramón', 'Zoe', 'Ben', 'Ángela', 'Iván', 'Mónica', 'Raúl'];
const LAST = ['Núñez', 'García', 'Pérez', 'López', 'Martínez', 'Díaz', 'Ruiz', 'Quinn', 'Smith', 'Gómez', 'Hernández', 'Peña', 'Ibáñez', 'Castro', 'Jones', 'Ortiz'];
// 5 % urgent, 25 % high, 40 % moderate, 30 % low.
const SEVERITY_MIX: Severity[] = ['urgent', ...Array<Severity>(5).fill('high'), ...Array<Severity>(8).fill('moderate'), ...Array<Severity>(6).fill('low')];

function participant(i: number): Participant {
  const displayName = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const createdAt = new Date(Date.parse(BENCH_NOW) - (120 - (i % 60)) * DAY).toISOString();
  return {
    id: `p${i}`,
    pk: `p${i}`,
    displayName,
    searchName: searchKey(displayName),
    assignedStaffId: COUNSELLOR_IDS[i % COUNSELLOR_IDS.length],
    language: i % 2 ? 'es' : 'en',
    timeZone: 'America/Chicago',
    track: TRACKS[i % TRACKS.length],
    checkinTime: '19:00',
    screenWeekday: 1,
    reminders: { enabled: true, leadMinutes: 60 },
    consent: { given: true, at: createdAt, channel: 'sms' },
    optedOutAt: null,
    status: 'active',
    addresses: {
      sms: { channelId: 'sms', serviceUrl: 'https://sms.example', conversationId: `c${i}`, userId: `+1555${String(i).padStart(7, '0')}`, botId: 'bot', reachable: true, linkedAt: createdAt },
    },
    createdAt,
    updatedAt: createdAt,
  };
}

function flag(i: number, participants: number): Flag {
  const severity = SEVERITY_MIX[i % SEVERITY_MIX.length];
  const open = i % 5 < 2;
  const p = i % participants;
  const createdAt = new Date(Date.parse(BENCH_NOW) - ((i * 37) % (90 * 24 * 60)) * 60_000).toISOString();
  return {
    id: `checkin:p${p}:${i}`,
    pk: `p${p}`,
    participantId: `p${p}`,
    checkinId: null,
    source: 'checkin',
    severity,
    severityRank: SEVERITY_RANK[severity],
    reasons: [{ code: 'craving_high', severity, detail: { craving: 9, threshold: 8 } }],
    message: null,
    track: TRACKS[p % TRACKS.length],
    assignedStaffId: COUNSELLOR_IDS[p % COUNSELLOR_IDS.length],
    sender: null,
    status: open ? 'open' : 'resolved',
    createdAt,
    assignee: open ? null : COUNSELLORS[0],
    acknowledgedAt: open ? null : createdAt,
    acknowledgedBy: open ? null : COUNSELLORS[0],
    resolvedAt: open ? null : createdAt,
    resolvedBy: open ? null : COUNSELLORS[0],
    outcome: open ? null : 'contacted',
    notes: [],
    escalatedAt: null,
  };
}

function checkin(p: number, k: number): CheckIn {
  const localDate = new Date(Date.parse(BENCH_NOW) - (1 + ((p * 7 + k * 9) % 90)) * DAY).toISOString().slice(0, 10);
  const at = `${localDate}T23:00:00.000Z`;
  return {
    id: `p${p}:${localDate}`,
    pk: `p${p}`,
    participantId: `p${p}`,
    localDate,
    timeZone: 'America/Chicago',
    language: 'en',
    channel: 'sms',
    status: 'complete',
    answers: { ...emptyAnswers(), mood: (p + k) % 11, craving: (p * k) % 11, use: 'no', sleepHours: 4 + (k % 5), medication: 'yes', wishedDead: false, suicidalThoughts: false },
    asked: [],
    unreadable: [],
    screen: k % 7 === 0 ? { phq2: k % 7, gad2: k % 5, items: { littleInterest: 1, feelingDown: 1, nervous: 1, cannotStopWorrying: 1 } } : null,
    startedAt: at,
    updatedAt: at,
    finishedAt: at,
    flagId: null,
    replaced: null,
  };
}

function message(p: number, k: number): ThreadMessage {
  const at = new Date(Date.parse(BENCH_NOW) - (k + 1) * 3_600_000 - p * 1000).toISOString();
  return {
    id: `${at}:${k}`,
    pk: `p${p}`,
    participantId: `p${p}`,
    direction: k % 2 ? 'fromParticipant' : 'toParticipant',
    at,
    text: 'How are you doing today?',
    channelId: 'sms',
    staffId: k % 2 ? null : COUNSELLOR_IDS[p % COUNSELLOR_IDS.length],
    staffName: k % 2 ? null : 'Counsellor',
    delivery: k % 2 ? null : 'sent',
    activityId: null,
  };
}

const BATCH = 10_000;

/** The document the seed writes last: when a file holds it, it holds the whole set. */
export function lastDocument(sizes: Sizes): { collection: string; pk: string; id: string } {
  const n = sizes.threadMessages - 1;
  const m = message(n % sizes.participants, Math.floor(n / sizes.participants));
  return { collection: THREAD_MESSAGES, pk: m.pk, id: m.id };
}

/** Every document of the set, in batches of one collection (a batch is one transaction on SQLite). */
export function* staffDataset(sizes: Sizes): Generator<{ collection: string; docs: DocBase[] }> {
  function* batched(collection: string, count: number, make: (n: number) => DocBase) {
    for (let start = 0; start < count; start += BATCH) {
      const docs: DocBase[] = [];
      for (let n = start; n < Math.min(count, start + BATCH); n++) docs.push(make(n));
      yield { collection, docs };
    }
  }
  yield* batched('participants', sizes.participants, participant);
  yield* batched('flags', sizes.flags, (i) => flag(i, sizes.participants));
  yield* batched('checkins', sizes.checkins, (n) => checkin(n % sizes.participants, Math.floor(n / sizes.participants)));
  yield* batched(THREAD_MESSAGES, sizes.threadMessages, (n) => message(n % sizes.participants, Math.floor(n / sizes.participants)));
}


