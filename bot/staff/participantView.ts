import { Participant } from '../domain/participant';
import { Stored } from '../store/port';
import { maskContact } from './maskContact';
import { ParticipantSummary, summaryOf } from './participantAdmin';
import { StaffCore } from './staffCore';
import { chartDays, ChartDay, FlagListItem, historyRows, listItems } from './views';

/** The participant page shows this many days: about a program's length. */
export const PARTICIPANT_DAYS = 90;

/** How to reach the person on one channel; the whole address only through the audited reveal. */
export interface ContactView {
  channel: string;
  masked: string;
  reachable: boolean;
}

export interface ParticipantDetail {
  participant: ParticipantSummary & { counsellor: string | null };
  contact: ContactView[];
  history: { from: string; to: string; days: ChartDay[] };
  /** Weekly PHQ-2 / GAD-2, oldest first. */
  screens: Array<{ localDate: string; phq2: number | null; gad2: number | null }>;
  checkins: ReturnType<typeof historyRows>;
  flags: FlagListItem[];
}

/** Everything the participant page shows, from one partition read each of check-ins and flags. */
export async function participantDetail(core: StaffCore, p: Stored<Participant>, now: Date): Promise<ParticipantDetail> {
  const [checkins, flags, emails] = await Promise.all([
    core.checkins.history(p.id, p.timeZone, PARTICIPANT_DAYS),
    core.flags.listForParticipant(p.id),
    core.caseload.emails([p.assignedStaffId]),
  ]);
  return {
    participant: { ...summaryOf(p), counsellor: p.assignedStaffId ? (emails.get(p.assignedStaffId) ?? null) : null },
    contact: contactsOf(p),
    history: chartDays(checkins, flags, p.timeZone, now, PARTICIPANT_DAYS, p.createdAt),
    screens: checkins
      .filter((c) => c.screen)
      .map((c) => ({ localDate: c.localDate, phq2: c.screen!.phq2, gad2: c.screen!.gad2 }))
      .reverse(),
    checkins: historyRows(checkins),
    flags: await listItems(flags, core.participants),
  };
}

export function contactsOf(p: Participant): ContactView[] {
  return Object.values(p.addresses)
    .sort((a, b) => a.channelId.localeCompare(b.channelId))
    .map((a) => ({ channel: a.channelId, masked: maskContact(a.userId), reachable: a.reachable }));
}
