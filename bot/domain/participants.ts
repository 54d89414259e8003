import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import { updateDocument } from '../store/etagUpdate';
import { Condition, ConflictError, DocBase, DocumentStore, isWriteConflict, Page, Stored } from '../store/port';
import { ChannelAddress, Participant, ParticipantStatus, Track } from './participant';
import { queryAll } from '../store/queryAll';
import { searchKey } from './searchKey';
import { ENROLLMENT_CODE_PATTERN, randomEnrollmentCode } from './enrollmentCode';

/** Who a channel user is: channel user id → participant. pk = id (point reads). */
interface ChannelLink extends DocBase {
  participantId: string;
  channelId: string;
  linkedAt: string;
}

/** A one-time code that links a channel user to a participant record. pk = id = code. */
interface EnrollmentCode extends DocBase {
  participantId: string;
  expiresAt: string;
  usedAt: string | null;
}

export type NewParticipant = Omit<
  Participant,
  'id' | 'pk' | 'createdAt' | 'updatedAt' | 'addresses' | 'consent' | 'optedOutAt' | 'status' | 'searchName' | 'assignedStaffId'
> &
  Partial<Pick<Participant, 'status' | 'assignedStaffId'>>;


export function linkId(channelId: string, userId: string): string {
  return createHash('sha256').update(`${channelId}:${userId}`).digest('hex');
}

export interface ParticipantSearch {
  text?: string;
  status?: ParticipantStatus;
  track?: Track;
  assignedStaffId?: string | null;
}

/** Participant records, their channel links and enrollment codes. */
export class Participants {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Stored<Participant> | undefined> {
    return this.store.get<Participant>('participants', id, id);
  }

  async add(input: NewParticipant): Promise<Stored<Participant>> {
    const now = this.clock().toISOString();
    const id = randomUUID();
    return this.store.create<Participant>('participants', {
      ...input,
      id,
      pk: id,
      searchName: searchKey(input.displayName),
      assignedStaffId: input.assignedStaffId ?? null,
      status: input.status ?? 'active',
      consent: { given: false, at: null, channel: null },
      optedOutAt: null,
      addresses: {},
      createdAt: now,
      updatedAt: now,
    });
  }

  /**
   * One page of participants in search-key order: `text` is matched (a
   * substring of the search key, so case and accents do not matter) and the
   * other filters applied in the store's query; `assignedStaffId` null = nobody's.
   */
  async search(filter: ParticipantSearch, limit: number, continuation?: string): Promise<Page<Participant>> {
    const where: Condition[] = [];
    if (filter.assignedStaffId !== undefined) where.push({ field: 'assignedStaffId', op: '=', value: filter.assignedStaffId });
    if (filter.status) where.push({ field: 'status', op: '=', value: filter.status });
    if (filter.track) where.push({ field: 'track', op: '=', value: filter.track });
    const key = filter.text ? searchKey(filter.text) : '';
    if (key) where.push({ field: 'searchName', op: 'contains', value: key });
    const orderBy = filter.assignedStaffId !== undefined ? [{ field: 'assignedStaffId' }, { field: 'searchName' }] : [{ field: 'searchName' }];
    return this.store.query<Participant>('participants', { where, orderBy, limit, continuation });
  }

  async list(): Promise<Stored<Participant>[]> {
    return queryAll<Participant>(this.store, 'participants', { orderBy: [{ field: 'createdAt' }], limit: 500 });
  }

  /**
   * Read-modify-write with the record's eTag: on a concurrent change the update
   * is applied again to the fresh record, never over it.
   */
  async update(id: string, change: (p: Participant) => void): Promise<Stored<Participant>> {
    const result = await updateDocument<Participant>(this.store, 'participants', id, id, (next) => {
      change(next);
      next.searchName = searchKey(next.displayName);
      next.updatedAt = this.clock().toISOString();
      return next;
    });
    if (!result) throw new Error(`participant ${id} not found`);
    return result.doc;
  }

  /** Records written before the search key existed get it (idempotent; run at start-up). Returns how many. */
  async backfillSearchNames(): Promise<number> {
    // Always the first page: each update takes its record out of the match.
    let n = 0;
    for (;;) {
      const { items } = await this.store.query<Participant>('participants', { where: [{ field: 'searchName', op: '=', value: null }], limit: 200 });
      if (items.length === 0) return n;
      for (const p of items) await this.update(p.id, () => undefined);
      n += items.length;
    }
  }

  async findByChannelUser(channelId: string, userId: string): Promise<Stored<Participant> | undefined> {
    const id = linkId(channelId, userId);
    const link = await this.store.get<ChannelLink>('links', id, id);
    return link ? this.get(link.participantId) : undefined;
  }

  /** Issues a fresh one-time code for a participant (valid `days` days). */
  async issueEnrollmentCode(participantId: string, days: number): Promise<string> {
    for (;;) {
      const code = randomEnrollmentCode();
      const expiresAt = new Date(this.clock().getTime() + days * 86_400_000).toISOString();
      try {
        await this.store.create<EnrollmentCode>('enrollment', { id: code, pk: code, participantId, expiresAt, usedAt: null });
        return code;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
  }

  /**
   * Spends a code: returns the participant it belongs to, or undefined when the
   * code is unknown, expired or used. The eTag makes a code work exactly once.
   */
  async redeemEnrollmentCode(code: string): Promise<Stored<Participant> | undefined> {
    const normalized = code.trim().toUpperCase();
    if (!ENROLLMENT_CODE_PATTERN.test(normalized)) return undefined;
    const entry = await this.store.get<EnrollmentCode>('enrollment', normalized, normalized);
    const now = this.clock();
    if (!entry || entry.usedAt || new Date(entry.expiresAt) <= now) return undefined;
    const { _etag, ...spent } = entry;
    try {
      await this.store.replace<EnrollmentCode>('enrollment', { ...spent, usedAt: now.toISOString() }, _etag);
    } catch (err) {
      if (isWriteConflict(err)) return undefined;
      throw err;
    }
    return this.get(entry.participantId);
  }

  /** Links a channel user to a participant and records where to reach them. */
  async link(participantId: string, address: Omit<ChannelAddress, 'reachable' | 'linkedAt'>): Promise<Stored<Participant>> {
    const now = this.clock().toISOString();
    const id = linkId(address.channelId, address.userId);
    await this.store.upsert<ChannelLink>('links', { id, pk: id, participantId, channelId: address.channelId, linkedAt: now });
    return this.update(participantId, (p) => {
      p.addresses[address.channelId] = { ...address, reachable: true, linkedAt: now };
    });
  }

  /** Removes a participant, its links and its codes' target (playground "start over", tests). */
  async remove(participantId: string): Promise<void> {
    const p = await this.get(participantId);
    if (!p) return;
    for (const a of Object.values(p.addresses)) {
      const id = linkId(a.channelId, a.userId);
      await this.store.delete('links', id, id);
    }
    await this.store.delete('participants', participantId, participantId);
  }
}
