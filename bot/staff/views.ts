import { DateTime } from 'luxon';
import { CheckIn, CheckIns, CHECKINS } from '../domain/checkins';
import { Flag, isUnknownParticipant, Severity } from '../flags/flag';
import { QueueRow } from '../flags/queue';
import { FlagRepository } from '../flags/repository';
import { Participant } from '../domain/participant';
import { Participants } from '../domain/participants';
import { DocumentStore, Stored } from '../store/port';
import { maskContact } from './maskContact';
import { initialsOf, summaryOf, ParticipantSummary } from './participantAdmin';

/**
 * What the dashboard API returns: plain JSON views built from the stored
 * records (no eTags, no store internals). Participant free text (notes,
 * crisis messages) is passed as data; the browser renders it as text.
 */

export const HISTORY_DAYS = 30;

export interface WhoRef {
  displayName: string;
  initials: string;
}

/** Someone not enrolled: the channel their message came on and their address masked (never the whole number). */
export interface SenderRef {
  channel: string;
  masked: string;
}

export interface FlagListItem {
  id: string;
  participantId: string;
  participant: WhoRef | null;
  /** For someone not enrolled: the channel the message came on. */
  senderChannel: string | null;
  sender: SenderRef | null;
  severity: Severity;
  reasons: Flag['reasons'];
  source: Flag['source'];
  status: Flag['status'];
  track: Flag['track'];
  createdAt: string;
  assignee: string | null;
  escalatedAt: string | null;
  /** A safety episode's flag grows with each message: how many, and when the last came. */
  messageCount: number;
  lastMessageAt: string | null;
}

export interface ChartDay {
  date: string;
  mood: number | null;
  craving: number | null;
  sleepHours: number | null;
  /** The highest severity of flags raised that local day. */
  flag: Severity | null;
  /** A day since enrollment, before today, without a completed check-in. */
  missed: boolean;
}

export interface FlagDetail {
  flag: Omit<Flag, 'pk' | 'sender'> & { senderChannel: string | null; sender: SenderRef | null };
  participant: (ParticipantSummary & { initials: string }) | null;
  checkin: Pick<CheckIn, 'localDate' | 'status' | 'answers' | 'screen' | 'finishedAt'> | null;
  history: { from: string; to: string; days: ChartDay[] };
  previousFlags: FlagListItem[];
}

export function listItem(flag: Flag, participant: Pick<Participant, 'displayName'> | undefined): FlagListItem {
  return {
    id: flag.id,
    participantId: flag.participantId,
    participant: participant ? { displayName: participant.displayName, initials: initialsOf(participant.displayName) } : null,
    senderChannel: flag.sender?.channelId ?? null,
    sender: senderRef(flag),
    severity: flag.severity,
    reasons: flag.reasons,
    source: flag.source,
    status: flag.status,
    track: flag.track,
    createdAt: flag.createdAt,
    assignee: flag.assignee,
    escalatedAt: flag.escalatedAt,
    messageCount: flag.messages?.length ?? (flag.message ? 1 : 0),
    lastMessageAt: flag.messages?.at(-1)?.at ?? null,
  };
}

export function senderRef(flag: Pick<Flag, 'sender'>): SenderRef | null {
  return flag.sender ? { channel: flag.sender.channelId, masked: maskContact(flag.sender.userId) } : null;
}

/** Flag rows with each participant's name (one point read per distinct participant). */
export async function listItems(flags: Flag[], participants: Participants): Promise<FlagListItem[]> {
  const byId = await participantsOf(flags, participants);
  return flags.map((f) => listItem(f, byId.get(f.participantId)));
}

/** A queue row: who (participant, or the masked sender of a stranger), their top severity, and their flags, top first. */
export interface QueueRowView {
  participantId: string;
  participant: WhoRef | null;
  sender: SenderRef | null;
  severity: Severity;
  track: Flag['track'];
  flags: FlagListItem[];
}

export async function queueRows(rows: QueueRow[], participants: Participants): Promise<QueueRowView[]> {
  const byId = await participantsOf(rows.map((r) => r.flags[0]), participants);
  return rows.map((r) => {
    const items = r.flags.map((f) => listItem(f, byId.get(r.participantId)));
    const top = items[0];
    return { participantId: r.participantId, participant: top.participant, sender: top.sender, severity: top.severity, track: top.track, flags: items };
  });
}

async function participantsOf(flags: Flag[], participants: Participants): Promise<Map<string, Stored<Participant>>> {
  const ids = [...new Set(flags.map((f) => f.participantId).filter((id) => !isUnknownParticipant(id)))];
  const found = await Promise.all(ids.map((id) => participants.get(id)));
  return new Map(found.filter((p): p is Stored<Participant> => !!p).map((p) => [p.id, p]));
}

export async function flagDetail(
  deps: { store: DocumentStore; flags: FlagRepository; participants: Participants; checkins: CheckIns },
  flag: Stored<Flag>,
  now: Date,
): Promise<FlagDetail> {
  const participant = isUnknownParticipant(flag.participantId) ? undefined : await deps.participants.get(flag.participantId);
  const [checkin, history, allFlags] = await Promise.all([
    flag.checkinId ? deps.store.get<CheckIn>(CHECKINS, flag.participantId, flag.checkinId) : Promise.resolve(undefined),
    participant ? deps.checkins.history(participant.id, participant.timeZone, HISTORY_DAYS) : Promise.resolve([]),
    deps.flags.listForParticipant(flag.participantId),
  ]);
  const { pk: _pk, _etag, sender, ...rest } = flag;
  return {
    flag: { ...rest, senderChannel: sender?.channelId ?? null, sender: senderRef(flag) },
    participant: participant ? { ...summaryOf(participant), initials: initialsOf(participant.displayName) } : null,
    checkin: checkin
      ? { localDate: checkin.localDate, status: checkin.status, answers: checkin.answers, screen: checkin.screen, finishedAt: checkin.finishedAt }
      : null,
    history: chartDays(history, allFlags, participant?.timeZone ?? 'UTC', now, HISTORY_DAYS, participant?.createdAt),
    previousFlags: allFlags.filter((f) => f.id !== flag.id).map((f) => listItem(f, participant)),
  };
}

/** Every local day of the window (empty ones too, so the chart's axis is continuous), oldest first. */
export function chartDays(
  checkins: CheckIn[],
  flags: Flag[],
  timeZone: string,
  now: Date,
  days = HISTORY_DAYS,
  enrolledAt?: string,
): FlagDetail['history'] {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const todayDate = today.toISODate()!;
  const enrolledDate = enrolledAt ? DateTime.fromISO(enrolledAt, { zone: timeZone }).toISODate()! : todayDate;
  const byDate = new Map(checkins.map((c) => [c.localDate, c]));
  const flagByDate = new Map<string, Severity>();
  const rank: Record<Severity, number> = { low: 1, moderate: 2, high: 3, urgent: 4 };
  for (const f of flags) {
    const date = DateTime.fromISO(f.createdAt, { zone: timeZone }).toISODate()!;
    const seen = flagByDate.get(date);
    if (!seen || rank[f.severity] > rank[seen]) flagByDate.set(date, f.severity);
  }
  const out: ChartDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = today.minus({ days: i }).toISODate()!;
    const c = byDate.get(date);
    out.push({
      date,
      mood: c?.answers.mood ?? null,
      craving: c?.answers.craving ?? null,
      sleepHours: c?.answers.sleepHours ?? null,
      flag: flagByDate.get(date) ?? null,
      missed: date >= enrolledDate && date < todayDate && c?.status !== 'complete',
    });
  }
  return { from: out[0].date, to: out[out.length - 1].date, days: out };
}

/** Check-in history rows for the participant page, newest first: every answer (medication and safety too). */
export function historyRows(
  checkins: CheckIn[],
): Array<Pick<CheckIn, 'localDate' | 'status' | 'flagId' | 'answers' | 'screen'> & Pick<CheckIn['answers'], 'mood' | 'craving' | 'sleepHours' | 'use'>> {
  return checkins.map((c) => ({
    localDate: c.localDate,
    status: c.status,
    flagId: c.flagId,
    answers: c.answers,
    screen: c.screen,
    mood: c.answers.mood,
    craving: c.answers.craving,
    sleepHours: c.answers.sleepHours,
    use: c.answers.use,
  }));
}
