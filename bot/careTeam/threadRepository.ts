import { createHash } from 'node:crypto';
import { InvalidContinuationError } from '../errors';
import { updateDocument } from '../store/etagUpdate';
import { ConflictError, DocBase, DocumentStore, Stored } from '../store/port';
import { DeliveryResult, THREAD_MESSAGES, ThreadMessage } from './threadMessage';

/** The claims that make a staff message go out once however often its POST is retried. */
export const THREAD_SENDS = 'threadSends';

/**
 * A staff message's claim, pk = participantId, id = the message's key
 * (sha256 of staff id : request key): whoever creates it sends the message; a
 * retry finds the message by the same key.
 */
export interface ThreadSend extends DocBase {
  createdAt: string;
}

export interface ThreadPage {
  /** Oldest first: the newest message is last. */
  items: Stored<ThreadMessage>[];
  /** Pass back to read what follows: the rest of the thread, or (on its last page) messages that arrive later. */
  continuation: string;
  /** True when more messages were already there than this page held. */
  more: boolean;
}

/** A message as it is handed to the thread: its place (the id) is the thread's to give. */
export type NewThreadMessage = Omit<ThreadMessage, 'id' | 'pk' | 'key'>;

/** The key of a message: a hash, as what it is made of (a conversation id) may hold a phone number. */
export function threadKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Digits of a place: ids compare as strings in the order of their places. */
const PLACE = /^\d{12}$/;

function placeId(place: number): string {
  return String(place).padStart(12, '0');
}

/** Before place 1. */
const BEGINNING = placeId(0);

/** Writers that reach for the same place at once: each conflict is one more message ahead of ours. */
const APPEND_ATTEMPTS = 50;

/**
 * The one door to the threadMessages and threadSends collections. A thread is
 * one partition (pk = participantId) of messages whose ids are their places
 * 1, 2, 3, … in order of arrival, within one millisecond too. A place is taken
 * by a conditional create only after the place before it was seen stored, so
 * no reader sees a place while an earlier one is still to come: the keyset
 * token (the last id read) is exact, and the last page's token keeps working
 * as "anything newer?".
 */
export class ThreadRepository {
  constructor(private readonly store: DocumentStore) {}

  /**
   * Stores a message in the next place; a message of that key already stored
   * is returned as it is (a re-run turn, a retried send), `created` false.
   */
  async add(message: NewThreadMessage, key: string): Promise<{ doc: Stored<ThreadMessage>; created: boolean }> {
    const { participantId } = message;
    // The last place before the key: a twin stored in between is found by the key, or met at the next place.
    let place = (await this.lastPlace(participantId)) + 1;
    const twin = await this.byKey(participantId, key);
    if (twin) return { doc: twin, created: false };
    for (let attempt = 1; ; attempt++) {
      try {
        const doc = await this.store.create<ThreadMessage>(THREAD_MESSAGES, { ...message, id: placeId(place), pk: participantId, key });
        return { doc, created: true };
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= APPEND_ATTEMPTS) throw err;
        const taken = await this.get(participantId, placeId(place));
        if (taken?.key === key) return { doc: taken, created: false };
        place++;
      }
    }
  }

  async get(participantId: string, id: string): Promise<Stored<ThreadMessage> | undefined> {
    return this.store.get<ThreadMessage>(THREAD_MESSAGES, participantId, id);
  }

  async byKey(participantId: string, key: string): Promise<Stored<ThreadMessage> | undefined> {
    const page = await this.store.query<ThreadMessage>(THREAD_MESSAGES, { pk: participantId, where: [{ field: 'key', op: '=', value: key }], limit: 1 });
    return page.items[0];
  }

  /** Records what the channel did with a message to the participant. */
  async setDelivery(participantId: string, id: string, delivery: DeliveryResult): Promise<Stored<ThreadMessage> | undefined> {
    const result = await updateDocument<ThreadMessage>(this.store, THREAD_MESSAGES, participantId, id, (m) => (m.delivery === delivery ? undefined : { ...m, delivery }));
    return result?.doc;
  }

  /** Claims the sending of the staff message of `key`: true for the first caller, false for a retry. */
  async claimSend(participantId: string, key: string, at: string): Promise<boolean> {
    try {
      await this.store.create<ThreadSend>(THREAD_SENDS, { id: key, pk: participantId, createdAt: at });
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  /** A page of the thread, oldest first, starting after `continuation` (from the beginning without one). */
  async page(participantId: string, limit: number, continuation?: string): Promise<ThreadPage> {
    const after = continuation === undefined ? BEGINNING : decodeCursor(continuation);
    const page = await this.store.query<ThreadMessage>(THREAD_MESSAGES, {
      pk: participantId,
      where: [{ field: 'id', op: '>', value: after }],
      orderBy: [{ field: 'id', dir: 'asc' }],
      // One more than asked: whether more follow is known, not guessed.
      limit: limit + 1,
    });
    const items = page.items.slice(0, limit);
    return { items, more: page.items.length > limit, continuation: encodeCursor(items.at(-1)?.id ?? after) };
  }

  private async lastPlace(participantId: string): Promise<number> {
    const page = await this.store.query<ThreadMessage>(THREAD_MESSAGES, { pk: participantId, orderBy: [{ field: 'id', dir: 'desc' }], limit: 1 });
    return page.items.length ? Number(page.items[0].id) : 0;
  }
}

function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ after: id })).toString('base64url');
}

function decodeCursor(token: string): string {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString()) as { after?: unknown };
    if (typeof value.after === 'string' && PLACE.test(value.after)) return value.after;
  } catch {
    // fall through to the error below
  }
  throw new InvalidContinuationError();
}
