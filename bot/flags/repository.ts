import { DocChange, updateDocument, UpdateResult } from '../store/etagUpdate';
import { Condition, DocumentStore, Page, Stored } from '../store/port';
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

  private async openUrgent(where: Condition[], limit: number): Promise<Stored<Flag>[]> {
    const page = await this.store.query<Flag>(FLAGS, {
      where: [{ field: 'status', op: '=', value: 'open' }, { field: 'severityRank', op: '=', value: SEVERITY_RANK.urgent }, ...where],
      limit,
    });
    return page.items;
  }
}
