import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../clock';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, Stored } from '../store/port';

export const STAFF_SESSIONS = 'staffSessions';

/**
 * A signed-in dashboard session. The browser holds a random token; the store
 * holds only its SHA-256 (pk = id), so a copy of the store signs no one in.
 */
export interface StaffSession extends DocBase {
  staffId: string;
  /** Synchronizer token every state-changing request must carry. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  /** lastSeenAt + idle timeout: past it the session is over. */
  expiresAt: string;
}

/** lastSeenAt is rewritten at most this often, so reading pages is not one write per request. */
const TOUCH_EVERY_MS = 30_000;

export class StaffSessions {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly idleMinutes: number,
  ) {}

  async start(staffId: string): Promise<{ token: string; session: Stored<StaffSession> }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const id = sessionId(token);
    const session = await this.store.create<StaffSession>(STAFF_SESSIONS, {
      id,
      pk: id,
      staffId,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: this.expiry(now),
    });
    return { token, session };
  }

  /** The live session for a token, its idle clock restarted; an expired one is removed. */
  async resume(token: string): Promise<Stored<StaffSession> | undefined> {
    const id = sessionId(token);
    const now = this.clock();
    const expired = (session: StaffSession) => new Date(session.expiresAt) <= now;
    // A parallel request of the same browser may touch it first: the retry then reads a fresh session and writes nothing.
    const touched = await updateDocument<StaffSession>(this.store, STAFF_SESSIONS, id, id, (session) =>
      expired(session) || now.getTime() - new Date(session.lastSeenAt).getTime() < TOUCH_EVERY_MS
        ? undefined
        : { ...session, lastSeenAt: now.toISOString(), expiresAt: this.expiry(now) },
    );
    if (!touched) return undefined;
    if (expired(touched.doc)) {
      await this.store.delete(STAFF_SESSIONS, id, id);
      return undefined;
    }
    return touched.doc;
  }

  async end(token: string): Promise<void> {
    const id = sessionId(token);
    await this.store.delete(STAFF_SESSIONS, id, id);
  }

  /** Ends every session of an account (disabled, role changed). */
  async endAllFor(staffId: string): Promise<void> {
    const { items } = await this.store.query<StaffSession>(STAFF_SESSIONS, { where: [{ field: 'staffId', op: '=', value: staffId }] });
    for (const s of items) await this.store.delete(STAFF_SESSIONS, s.pk, s.id);
  }

  /** Removes expired sessions (the periodic tick); returns how many. */
  async sweep(): Promise<number> {
    const { items } = await this.store.query<StaffSession>(STAFF_SESSIONS, {
      where: [{ field: 'expiresAt', op: '<=', value: this.clock().toISOString() }],
      limit: 200,
    });
    for (const s of items) await this.store.delete(STAFF_SESSIONS, s.pk, s.id);
    return items.length;
  }

  private expiry(now: Date): string {
    return new Date(now.getTime() + this.idleMinutes * 60_000).toISOString();
  }
}

function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
