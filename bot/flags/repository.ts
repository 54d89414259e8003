import { DocChange, updateDocument, UpdateResult } from '../store/etagUpdate';
import { Condition, DocumentStore, Page, Scalar, Stored } from '../store/port';
import { queryAll } from '../store/queryAll';
import { Flag, FLAGS, SEVERITY_RANK } from './flag';

/**
 * The one door to the flags collection: every read and write of a flag goes
 * through here, so the queries below are all the indexes have to serve
 * (status, severityRank, createdAt) and (participantId, createdAt).
 */
export class FlagRepository {
  constructor(private readonly store: DocumentStore) {}

  async get(participantId: string, id: string): Promise<Stored<Flag> | undefined> {
    return this.store.get<Flag>(FLAGS, participantId, id);
  }

  /** Conditional insert: ConflictError when the flag exists. */
  async create(flag: Flag): Promise<Stored<Flag>> {
    return this.store.create<Flag>(FLAGS, flag);
  }

  /** Read, change, write with the eTag, re-applied on a conflict; undefined when the flag does not exist and `create` is not given. */
  async update(participantId: string, id: string, change: DocChange<Flag>, create: () => Flag): Promise<UpdateResult<Flag>>;
  async update(participantId: string, id: string, change: DocChange<Flag>): Promise<UpdateResult<Flag> | undefined>;
  async update(participantId: string, id: string, change: DocChange<Flag>, create?: () => Flag): Promise<UpdateResult<Flag> | undefined> {
    return updateDocument<Flag>(this.store, FLAGS, participantId, id, change, { create });
  }

  /** A participant's flags, newest first (one partition); every one of them without `limit`. */
  async listForParticipant(participantId: string, limit?: number): Promise<Stored<Flag>[]> {
    const page = await this.store.query<Flag>(FLAGS, {
      pk: participantId,
      where: [{ field: 'participantId', op: '=', value: participantId }],
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit,
    });
    return page.items;
  }

  /**
   * Flags of one status and severity matching `where`, oldest first: with status
   * and severityRank fixed by equality that is one range of the queue index.
   */
  async oldestFirst(where: Condition[], limit: number, continuation?: string): Promise<Page<Flag>> {
    return this.store.query<Flag>(FLAGS, {
      where,
      orderBy: [{ field: 'status' }, { field: 'severityRank' }, { field: 'createdAt' }],
      limit,
      continuation,
    });
  }

  async count(where: Condition[]): Promise<number> {
    return this.store.count(FLAGS, { where });
  }

  /** Flags matching `where` per severityRank (4 … 1), in one grouped count. */
  async countBySeverity(where: Condition[]): Promise<Map<Scalar, number>> {
    return this.store.countBy(FLAGS, { where }, 'severityRank', [4, 3, 2, 1]);
  }

  /** How many of a participant's flags are open (one partition): the list's marker. */
  async openCount(participantId: string): Promise<number> {
    return this.store.count(FLAGS, {
      pk: participantId,
      where: [
        { field: 'participantId', op: '=', value: participantId },
        { field: 'status', op: '=', value: 'open' },
      ],
    });
  }

  /** One participant's flags matching `where` (one partition, unordered): a queue row. */
  async ofParticipant(participantId: string, where: Condition[]): Promise<Stored<Flag>[]> {
    return queryAll<Flag>(this.store, FLAGS, {
      pk: participantId,
      where: [{ field: 'participantId', op: '=', value: participantId }, ...where],
      limit: 100,
    });
  }

  /** Every flag of a participant whose record is removed (playground "start over"). */
  async deleteForParticipant(participantId: string): Promise<number> {
    const flags = await this.ofParticipant(participantId, []);
    for (const f of flags) await this.store.delete(FLAGS, f.pk, f.id);
    return flags.length;
  }

  /** A new counsellor for a participant: their flags follow, so "my caseload" filters in the query. */
  async setAssignedStaff(participantId: string, staffId: string | null): Promise<void> {
    for (const f of await this.ofParticipant(participantId, [])) {
      await this.update(participantId, f.id, (flag) => ((flag.assignedStaffId ?? null) === staffId ? undefined : { ...flag, assignedStaffId: staffId }));
    }
  }

  /** Open urgent flags already escalated: the banner on every dashboard page. */
  async escalated(limit: number): Promise<Stored<Flag>[]> {
    return this.openUrgent([{ field: 'escalatedAt', op: '!=', value: null }], limit);
  }

  /** Open urgent flags raised at or before `cutoff` and not escalated yet. */
  async overdue(cutoff: string, limit: number): Promise<Stored<Flag>[]> {
    return this.openUrgent(
      [
        { field: 'escalatedAt', op: '=', value: null },
        { field: 'createdAt', op: '<=', value: cutoff },
      ],
      limit,
    );
  }

  /** Flags whose Teams alerts are due at `now` (bot/flags/alertOutbox.ts), soonest first. */
  async alertsDue(now: string, limit: number): Promise<Stored<Flag>[]> {
    const page = await this.store.query<Flag>(FLAGS, { where: [{ field: 'alertDueAt', op: '<=', value: now }], orderBy: [{ field: 'alertDueAt' }], limit });
    return page.items;
  }

  /** How many flags have Teams alerts pending, and how many of those failed their last attempt. */
  async alertFigures(): Promise<{ pending: number; failing: number }> {
    const [pending, failing] = await Promise.all([
      this.store.count(FLAGS, { where: [{ field: 'alertDueAt', op: '!=', value: null }] }),
      this.store.count(FLAGS, { where: [{ field: 'alertFailing', op: '=', value: true }] }),
    ]);
    return { pending, failing };
  }

  private async openUrgent(where: Condition[], limit: number): Promise<Stored<Flag>[]> {
    const page = await this.store.query<Flag>(FLAGS, {
      where: [{ field: 'status', op: '=', value: 'open' }, { field: 'severityRank', op: '=', value: SEVERITY_RANK.urgent }, ...where],
      limit,
    });
    return page.items;
  }
}
