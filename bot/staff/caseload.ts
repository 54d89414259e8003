import { Participant } from '../domain/participant';
import { Participants } from '../domain/participants';
import { InvalidInputError } from '../errors';
import { FlagRepository } from '../flags/repository';
import { Stored } from '../store/port';
import { ParticipantActionError } from './participantAdmin';
import { StaffAccount, StaffAccounts, staffId } from './staffAccounts';

export const CASELOAD_VIEWS = ['mine', 'none', 'all'] as const;
export type CaseloadView = (typeof CASELOAD_VIEWS)[number];

export interface Assignment {
  participant: Stored<Participant>;
  /** The counsellor now assigned; null = nobody. */
  staff: Stored<StaffAccount> | null;
  changed: boolean;
}

/**
 * Who looks after whom: a participant's assigned counsellor (an admin's
 * decision, from the dashboard or the admin CLI). The participant's flags
 * carry the same staff id, so "my caseload" is a filter in the query of both
 * the participant list and the queue.
 */
export class Caseload {
  constructor(
    private readonly participants: Participants,
    private readonly flags: FlagRepository,
    private readonly accounts: StaffAccounts,
  ) {}

  /** Assigns the counsellor with this email (an active account), or nobody for null. */
  async assign(participantId: string, email: string | null): Promise<Assignment> {
    const staff = email === null ? null : await this.accounts.byEmail(email);
    if (email !== null && (!staff || staff.disabledAt)) throw new InvalidInputError('unknown_staff', 'email', 'no active staff account with that email');
    const current = await this.participants.get(participantId);
    if (!current) throw new ParticipantActionError('not_found', 'no such participant');
    const id = staff ? staffId(staff.email) : null;
    const changed = (current.assignedStaffId ?? null) !== id;
    const participant = changed ? await this.participants.update(participantId, (p) => void (p.assignedStaffId = id)) : current;
    // Also when unchanged: a flag raised while an earlier assignment was being written catches up.
    await this.flags.setAssignedStaff(participantId, id);
    return { participant, staff: staff ?? null, changed };
  }

  /**
   * The view a list opens with when none is asked for: a clinician with
   * participants assigned sees their caseload; anyone else (admins, a
   * clinician nobody was assigned to yet) sees everyone, so no flag goes unseen.
   */
  async defaultView(viewer: { email: string; role: string }): Promise<CaseloadView> {
    if (viewer.role !== 'clinician') return 'all';
    const page = await this.participants.search({ assignedStaffId: staffId(viewer.email) }, 1);
    return page.items.length > 0 ? 'mine' : 'all';
  }

  /** The staff id a view filters on: undefined = everyone, null = participants nobody is assigned. */
  static filterOf(view: CaseloadView, viewerEmail: string): string | null | undefined {
    return view === 'mine' ? staffId(viewerEmail) : view === 'none' ? null : undefined;
  }

  /** The email of each staff id (a point read per distinct id); unknown ids are left out. */
  async emails(ids: Array<string | null | undefined>): Promise<Map<string, string>> {
    const distinct = [...new Set(ids.filter((id): id is string => !!id))];
    const found = await Promise.all(distinct.map((id) => this.accounts.get(id)));
    return new Map(found.filter((a): a is Stored<StaffAccount> => !!a).map((a) => [a.id, a.email]));
  }
}
