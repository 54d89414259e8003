import type { Storage, StoreItems } from 'botbuilder';
import { stateKeyId } from './keys';
import { DocumentStore } from './port';

/** The collection bot state lives in (registered in collections.ts). */
export const STATE_COLLECTION = 'botstate';

/** One state key's document: partitioned by its own id, so every read is a point read. */
interface StateDoc {
  id: string;
  pk: string;
  /** The original key, kept for operators; never used to look the document up. */
  key: string;
  state: Record<string, unknown>;
}

export interface StateSnapshot<T> {
  state: T;
  eTag: string;
}

/**
 * Bot Framework `Storage` over a DocumentStore, with real optimistic
 * concurrency and deterministic ids (see keys.ts).
 *
 * botbuilder contract for `write`: a change whose `eTag` is absent or `'*'`
 * overwrites; any other `eTag` must equal the stored one, else the write fails
 * with PreconditionFailedError (`code === 'PreconditionFailed'`) and nothing
 * changes. A specific eTag for a key that no longer exists also fails: the
 * state it was read from is gone, and re-creating it would resurrect a delete.
 *
 * The turn pipeline uses `readOne`/`writeOne` directly (one read and one
 * write per turn); `read`/`write`/`delete` serve botbuilder components.
 */
export class DocumentStateStorage implements Storage {
  constructor(private readonly store: DocumentStore) {}

  async readOne<T extends object = Record<string, unknown>>(key: string): Promise<StateSnapshot<T> | undefined> {
    const id = stateKeyId(key);
    const doc = await this.store.get<StateDoc>(STATE_COLLECTION, id, id);
    return doc ? { state: doc.state as T, eTag: doc._etag } : undefined;
  }

  /**
   * Saves `state` under `key` and returns the new eTag.
   * `etag`: `null` creates only (ConflictError when the key exists); `'*'`
   * overwrites unconditionally; anything else replaces only that version
   * (PreconditionFailedError otherwise).
   */
  async writeOne(key: string, state: object, etag: string | null): Promise<string> {
    const id = stateKeyId(key);
    const doc: StateDoc = { id, pk: id, key, state: withoutETag(state) };
    if (etag === null) return (await this.store.create(STATE_COLLECTION, doc))._etag;
    if (etag === '*') return (await this.store.upsert(STATE_COLLECTION, doc))._etag;
    return (await this.store.replace(STATE_COLLECTION, doc, etag))._etag;
  }

  async deleteOne(key: string): Promise<void> {
    const id = stateKeyId(key);
    await this.store.delete(STATE_COLLECTION, id, id);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found = await Promise.all(keys.map(async (key) => [key, await this.readOne(key)] as const));
    const items: StoreItems = {};
    for (const [key, snapshot] of found) {
      if (snapshot) items[key] = { ...snapshot.state, eTag: snapshot.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, item]) => {
        const etag = (item as { eTag?: unknown } | undefined)?.eTag;
        return this.writeOne(key, (item as object | undefined) ?? {}, typeof etag === 'string' && etag !== '' ? etag : '*');
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.deleteOne(key)));
  }
}

/** The eTag travels beside the state, never inside it. */
function withoutETag(state: object): Record<string, unknown> {
  const { eTag: _eTag, ...rest } = state as Record<string, unknown>;
  return rest;
}
