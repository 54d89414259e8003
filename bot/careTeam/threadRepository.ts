import { createHash } from 'node:crypto';
import { InvalidContinuationError } from '../errors';
import { updateDocument } from '../store/etagUpdate';
import { ConflictError, DocBase, DocumentStore, Stored } from '../store/port';
import { DeliveryResult, THREAD_MESSAGES, ThreadMessage } from './threadMessage';

/** The claims that make a staff message go out once however often its POST is retried. */
export const THREAD_SENDS = 'threadSends';

/**
 * A staff message's claim, pk = participantId, id = sha256(staff id : request
 * key): whoever creates it sends the message; a retry finds it and answers
 * with the message it names.
 */
export interface ThreadSend extends DocBase {
  messageId: string;
  createdAt: string;
}

/** Where a thread page ends: the next page (or the next poll) starts after it. */
interface Cursor {
  at: string;
  id: string;
}

export interface ThreadPage {
  /** Oldest first: the newest message is last. */
  items: Stored<ThreadMessage>[];
  /** Pass back to read what follows: the rest of the thread, or (on its last page) messages that arrive later. */
  continuation: string;
  /** True when more messages were already there than this page held. */
  more: boolean;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `${at}:${suffix}`: ids sort like the thread (bot/careTeam/threadMessage.ts). */
export function threadMessageId(at: string, key: string): string {
  return `${at}:${hash(key).slice(0, 16)}`;
}

/**
 * The one door to the threadMessages and threadSends collections. A thread is
 * one partition (pk = participantId) read by `at`, paged with keyset tokens
 * (the last message's at and id), so a page costs the same however long the
 * thread and the last page's token keeps working as "anything newer?".
 */
export class ThreadRepository {
  constructor(private readonly store: DocumentStore) {}

  /** Stores a message; a message with that id already stored is returned as it is (a re-run turn), `created` false. */
  async add(message: ThreadMessage): Promise<{ doc: Stored<ThreadMessage>; created: boolean }> {
    try {
      return { doc: await this.store.create<ThreadMessage>(THREAD_MESSAGES, message), created: true };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const existing = await this.get(message.participantId, message.id);
      if (!existing) throw err;
      return { doc: existing, created: false };
    }
  }

  async get(participantId: string, id: string): Promise<Stored<ThreadMessage> | undefined> {
    return this.store.get<ThreadMessage>(THREAD_MESSAGES, participantId, id);
  }

  /** Records what the channel did with a message to the participant. */
  async setDelivery(participantId: string, id: string, delivery: DeliveryResult): Promise<Stored<ThreadMessage> | undefined> {
    const result = await updateDocument<ThreadMessage>(this.store, THREAD_MESSAGES, participantId, id, (m) => (m.delivery === delivery ? undefined : { ...m, delivery }));
    return result?.doc;
  }

  /**
   * Claims the sending of one staff message: true for the first caller, false
   * (with the message id the first caller chose) for a retry.
   */
  async claimSend(participantId: string, staffId: string, requestKey: string, messageId: string, at: string): Promise<{ first: boolean; messageId: string }> {
    const id = hash(`${staffId}:${requestKey}`);
    try {
      await this.store.create<ThreadSend>(THREAD_SENDS, { id, pk: participantId, messageId, createdAt: at });
      return { first: true, messageId };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const claim = await this.store.get<ThreadSend>(THREAD_SENDS, participantId, id);
      if (!claim) throw err;
      return { first: false, messageId: claim.messageId };
    }
  }

  /** A page of the thread, oldest first, starting after `continuation` (from the beginning without one). */
  async page(participantId: string, limit: number, continuation?: string): Promise<ThreadPage> {
    const after = continuation ? decodeCursor(continuation) : undefined;
    // `>=` then dropping what the cursor already covered: messages of the same millisecond are not skipped.
    const page = await this.store.query<ThreadMessage>(THREAD_MESSAGES, {
      pk: participantId,
      where: [{ field: 'participantId', op: '=', value: participantId }, ...(after ? [{ field: 'at', op: '>=' as const, value: after.at }] : [])],
      orderBy: [{ field: 'at', dir: 'asc' }],
      limit: limit + 1 + (after ? SAME_INSTANT_SLACK : 0),
    });
    const fresh = page.items.filter((m) => !after || m.at > after.at || (m.at === after.at && m.id > after.id)).sort(byThreadOrder);
    const items = fresh.slice(0, limit);
    const last = items.at(-1);
    return { items, more: fresh.length > limit, continuation: last ? encodeCursor({ at: last.at, id: last.id }) : (continuation ?? encodeCursor(BEGINNING)) };
  }
}

/** Messages of one millisecond a page may have to step over (several staff and the participant at once). */
const SAME_INSTANT_SLACK = 8;
const BEGINNING: Cursor = { at: '', id: '' };

function byThreadOrder(a: ThreadMessage, b: ThreadMessage): number {
  return a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at);
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString()) as Partial<Cursor>;
    if (typeof value.at === 'string' && typeof value.id === 'string' && value.at.length <= 40 && value.id.length <= 200) return { at: value.at, id: value.id };
  } catch {
    // fall through to the error below
  }
  throw new InvalidContinuationError();
}
