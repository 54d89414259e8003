import { DateTime } from 'luxon';
import { Clock } from '../clock';
import { Language } from '../i18n';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { queryAll } from '../store/queryAll';

export const CHECKINS = 'checkins';

export const USE_ANSWERS = ['yes', 'no', 'prefer_not'] as const;
export type UseAnswer = (typeof USE_ANSWERS)[number];

export const MEDICATION_ANSWERS = ['yes', 'no', 'not_prescribed'] as const;
export type MedicationAnswer = (typeof MEDICATION_ANSWERS)[number];

/** The daily items in the order CONTENT.md asks them. */
export const CHECKIN_ITEMS = ['mood', 'craving', 'use', 'sleepHours', 'medication', 'wishedDead', 'suicidalThoughts', 'note'] as const;
export type CheckInItem = (typeof CHECKIN_ITEMS)[number];

/** Every answer of one check-in; null until answered, or when skipped or unreadable. */
export interface CheckInAnswers {
  /** 0 (worst) – 10. */
  mood: number | null;
  /** 0 (none) – 10. */
  craving: number | null;
  /** Use since the last check-in. */
  use: UseAnswer | null;
  /** Hours slept last night, 0–24 in halves. */
  sleepHours: number | null;
  medication: MedicationAnswer | null;
  /** C-SSRS screener Q1 since the last check-in: wished to be dead or not wake up. */
  wishedDead: boolean | null;
  /** C-SSRS screener Q2 since the last check-in: thoughts of killing oneself. */
  suicidalThoughts: boolean | null;
  /** Free text for the care team (health data: never logged). */
  note: string | null;
}

/** PHQ-2 (littleInterest, feelingDown) and GAD-2 (nervous, cannotStopWorrying) item scores 0–3; null = unreadable. */
export interface ScreenItems {
  littleInterest: number | null;
  feelingDown: number | null;
  nervous: number | null;
  cannotStopWorrying: number | null;
}

/** Scores 0–6; null when one of the scale's two items could not be read (a health score is never guessed). */
export interface WeeklyScreen {
  phq2: number | null;
  gad2: number | null;
  items: ScreenItems;
}

export function scoreWeeklyScreen(items: ScreenItems): WeeklyScreen {
  const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  return { phq2: sum(items.littleInterest, items.feelingDown), gad2: sum(items.nervous, items.cannotStopWorrying), items };
}

export type CheckInStatus = 'in_progress' | 'complete';

/** The finished version an update replaced, so an abandoned update loses nothing. */
export interface ReplacedCheckIn {
  answers: CheckInAnswers;
  screen: WeeklyScreen | null;
  finishedAt: string | null;
}

/**
 * One participant's check-in of one local day. pk = participantId (history is
 * one partition), id = `${participantId}:${localDate}` so a day has one record
 * and every write of it is an idempotent upsert.
 */
export interface CheckIn extends DocBase {
  participantId: string;
  /** YYYY-MM-DD in the participant's time zone when the check-in started. */
  localDate: string;
  timeZone: string;
  language: Language;
  channel: string;
  status: CheckInStatus;
  answers: CheckInAnswers;
  /** Items already asked (answered, skipped or unreadable): a resumed check-in asks the rest. */
  asked: CheckInItem[];
  /** Items whose two replies could not be read. */
  unreadable: CheckInItem[];
  /** Weekly PHQ-2/GAD-2, present on the participant's screen day. */
  screen: WeeklyScreen | null;
  startedAt: string;
  /** Last answer saved: how old a half-done check-in is. */
  updatedAt: string;
  finishedAt: string | null;
  /** The flag this check-in raised, if any. */
  flagId: string | null;
  replaced: ReplacedCheckIn | null;
}

export function emptyAnswers(): CheckInAnswers {
  return { mood: null, craving: null, use: null, sleepHours: null, medication: null, wishedDead: null, suicidalThoughts: null, note: null };
}

export function checkInId(participantId: string, localDate: string): string {
  return `${participantId}:${localDate}`;
}

/** The participant's calendar date at `at`. */
export function localDateOf(at: Date, timeZone: string): string {
  const date = DateTime.fromJSDate(at, { zone: timeZone }).toISODate();
  if (!date) throw new Error(`invalid time zone ${timeZone}`);
  return date;
}

/** ISO weekday (1 = Monday … 7 = Sunday) at `at` in the participant's zone. */
export function localWeekdayOf(at: Date, timeZone: string): number {
  return DateTime.fromJSDate(at, { zone: timeZone }).weekday;
}

/** The next item to ask, or undefined when every daily item was asked. */
export function nextItem(checkIn: Pick<CheckIn, 'asked'>): CheckInItem | undefined {
  return CHECKIN_ITEMS.find((item) => !checkIn.asked.includes(item));
}

/** Check-in records. Every write is an upsert of the whole day record: re-run turns write the same thing. */
export class CheckIns {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async get(participantId: string, localDate: string): Promise<Stored<CheckIn> | undefined> {
    return this.store.get<CheckIn>(CHECKINS, participantId, checkInId(participantId, localDate));
  }

  /** Today's record in the participant's time zone, if one was started. */
  async today(participantId: string, timeZone: string): Promise<Stored<CheckIn> | undefined> {
    return this.get(participantId, localDateOf(this.clock(), timeZone));
  }

  /** A fresh record for today (not stored until saved). */
  start(input: { participantId: string; timeZone: string; language: Language; channel: string; localDate?: string }): CheckIn {
    const now = this.clock();
    const localDate = input.localDate ?? localDateOf(now, input.timeZone);
    return {
      id: checkInId(input.participantId, localDate),
      pk: input.participantId,
      participantId: input.participantId,
      localDate,
      timeZone: input.timeZone,
      language: input.language,
      channel: input.channel,
      status: 'in_progress',
      answers: emptyAnswers(),
      asked: [],
      unreadable: [],
      screen: null,
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      finishedAt: null,
      flagId: null,
      replaced: null,
    };
  }

  async save(checkIn: CheckIn): Promise<Stored<CheckIn>> {
    const { _etag, ...doc } = checkIn as Stored<CheckIn>;
    return this.store.upsert<CheckIn>(CHECKINS, doc);
  }

  /**
   * The participant's check-ins of the last `days` local days (today included),
   * newest first. The participantId condition repeats the partition key because
   * the Cosmos emulator does not scope queries to a partition.
   */
  async history(participantId: string, timeZone: string, days: number): Promise<Stored<CheckIn>[]> {
    const today = DateTime.fromJSDate(this.clock(), { zone: timeZone });
    const from = today.minus({ days: Math.max(0, days - 1) }).toISODate()!;
    return queryAll<CheckIn>(this.store, CHECKINS, {
      pk: participantId,
      where: [
        { field: 'participantId', op: '=', value: participantId },
        { field: 'localDate', op: '>=', value: from },
      ],
      orderBy: [{ field: 'localDate', dir: 'desc' }],
      limit: 100,
    });
  }
}
