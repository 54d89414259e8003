import { z } from 'zod';
import { AppError } from '../errors';
import { invalidInput } from '../inputProblem';
import { Participant, ParticipantStatus, TRACKS, Track } from '../domain/participant';
import { participantFieldsSchema } from '../domain/participantInput';
import { Participants } from '../domain/participants';
import { Stored } from '../store/port';

/** Called after a participant's schedule-relevant fields or status change (the outreach engine re-plans). */
export type RescheduleHook = (participantId: string) => Promise<void>;

export interface ParticipantSummary {
  id: string;
  displayName: string;
  language: Participant['language'];
  timeZone: string;
  track: Track;
  checkinTime: string;
  screenWeekday: number;
  status: ParticipantStatus;
  optedOut: boolean;
  consent: boolean;
  channels: string[];
  /** The assigned counsellor's staff id; null = nobody. */
  assignedStaffId: string | null;
  createdAt: string;
  updatedAt: string;
}


export class ParticipantActionError extends AppError {
  constructor(
    readonly reason: 'not_found' | 'invalid_state',
    message: string,
  ) {
    super(reason, message);
  }
}

const STATUS_CHANGES = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  discharge: { from: ['active', 'paused'], to: 'discharged' },
} as const satisfies Record<string, { from: ParticipantStatus[]; to: ParticipantStatus }>;
export type StatusChange = keyof typeof STATUS_CHANGES;
export const STATUS_CHANGE_NAMES = Object.keys(STATUS_CHANGES) as StatusChange[];

export const participantFilterSchema = z.object({
  q: z.string().trim().max(80).optional(),
  status: z.enum(['active', 'paused', 'discharged']).optional(),
  track: z.enum(TRACKS).optional(),
  /** Whose participants: 'mine' (the viewer's caseload), 'none' (nobody's) or 'all'; default Caseload.defaultView. */
  caseload: z.enum(['mine', 'none', 'all']).optional(),
});

/**
 * The care team's participant records: enroll, edit the
 * schedule fields, pause / resume / discharge. Validation is the same schema
 * the operator CLI uses (bot/domain/participantInput.ts).
 */
export class ParticipantAdmin {
  constructor(
    private readonly participants: Participants,
    private readonly quietHours: { start: string; end: string },
    private readonly enrollmentCodeDays: number,
    private readonly reschedule: RescheduleHook | undefined,
  ) {}

  async get(id: string): Promise<Stored<Participant> | undefined> {
    return this.participants.get(id);
  }

  /** Creates the record and its one-time enrollment code (shown to staff once, never stored in the clear elsewhere). */
  async enroll(input: unknown): Promise<{ participant: ParticipantSummary; enrollmentCode: string; expiresInDays: number }> {
    const parsed = participantFieldsSchema(this.quietHours).safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error, input);
    const created = await this.participants.add({ ...parsed.data, reminders: { enabled: true, leadMinutes: 60 } });
    const enrollmentCode = await this.participants.issueEnrollmentCode(created.id, this.enrollmentCodeDays);
    await this.reschedule?.(created.id);
    return { participant: summaryOf(created), enrollmentCode, expiresInDays: this.enrollmentCodeDays };
  }

  /** A fresh enrollment code (lost code, new phone). */
  async newCode(id: string): Promise<{ enrollmentCode: string; expiresInDays: number }> {
    const p = await this.participants.get(id);
    if (!p) throw new ParticipantActionError('not_found', 'no such participant');
    if (p.status === 'discharged') throw new ParticipantActionError('invalid_state', 'participant is discharged');
    return { enrollmentCode: await this.participants.issueEnrollmentCode(id, this.enrollmentCodeDays), expiresInDays: this.enrollmentCodeDays };
  }

  /** Edits language, time zone, track, check-in time or screen weekday; returns the changed field names. */
  async update(id: string, input: unknown): Promise<{ participant: ParticipantSummary; changed: string[] }> {
    const schema = participantFieldsSchema(this.quietHours)
      .pick({ language: true, timeZone: true, track: true, checkinTime: true, screenWeekday: true })
      .partial()
      .strict();
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error, input);
    const current = await this.participants.get(id);
    if (!current) throw new ParticipantActionError('not_found', 'no such participant');
    const changes = Object.entries(parsed.data).filter(([k, v]) => v !== undefined && current[k as keyof Participant] !== v);
    if (changes.length === 0) return { participant: summaryOf(current), changed: [] };
    const updated = await this.participants.update(id, (p) => Object.assign(p, Object.fromEntries(changes)));
    await this.reschedule?.(id);
    return { participant: summaryOf(updated), changed: changes.map(([k]) => k) };
  }

  async changeStatus(id: string, change: StatusChange): Promise<ParticipantSummary> {
    const rule = STATUS_CHANGES[change];
    const current = await this.participants.get(id);
    if (!current) throw new ParticipantActionError('not_found', 'no such participant');
    if (!(rule.from as readonly ParticipantStatus[]).includes(current.status)) {
      throw new ParticipantActionError('invalid_state', `cannot ${change} a participant who is ${current.status}`);
    }
    const updated = await this.participants.update(id, (p) => {
      if (!(rule.from as readonly ParticipantStatus[]).includes(p.status)) {
        throw new ParticipantActionError('invalid_state', `cannot ${change} a participant who is ${p.status}`);
      }
      p.status = rule.to;
    });
    await this.reschedule?.(id);
    return summaryOf(updated);
  }
}

export function summaryOf(p: Participant): ParticipantSummary {
  return {
    id: p.id,
    displayName: p.displayName,
    language: p.language,
    timeZone: p.timeZone,
    track: p.track,
    checkinTime: p.checkinTime,
    screenWeekday: p.screenWeekday,
    status: p.status,
    optedOut: p.optedOutAt !== null,
    consent: p.consent.given,
    channels: Object.keys(p.addresses).sort(),
    assignedStaffId: p.assignedStaffId ?? null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function initialsOf(displayName: string): string {
  return displayName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((part) => Array.from(part)[0].toLocaleUpperCase())
    .join('');
}
