import { DocBase, DocumentStore, isWriteConflict, Stored } from './port';

/** How often a read–change–write is tried before the document counts as too busy. */
export const UPDATE_ATTEMPTS = 5;

/**
 * A pure change of one document: the current version (without its eTag, a
 * shallow copy the change may edit), returning the version to write,
 * undefined when nothing needs writing, or null to delete the document.
 */
export type DocChange<T extends DocBase> = (current: T) => T | undefined | null;

export interface UpdateOptions<T extends DocBase> {
  /** When the document is missing: the document to create (conditionally: a racing create retries the change). */
  create?: () => T;
  attempts?: number;
}

export interface UpdateResult<T extends DocBase> {
  doc: Stored<T>;
  /** False when the change asked for no write (doc is the version read). */
  changed: boolean;
  /** True when the change deleted the document (doc is the version it deleted). */
  deleted: boolean;
  /** True when the document was missing and `create` made it. */
  created: boolean;
}

/**
 * Read, apply `change`, write (or delete) with the eTag read; when someone else wrote in
 * between, read again and re-apply, so no concurrent change is lost. Resolves
 * undefined when the document is missing and there is no `create`.
 */
export async function updateDocument<T extends DocBase>(
  store: DocumentStore,
  collection: string,
  pk: string,
  id: string,
  change: DocChange<T>,
  options: UpdateOptions<T> & { create: () => T },
): Promise<UpdateResult<T>>;
export async function updateDocument<T extends DocBase>(
  store: DocumentStore,
  collection: string,
  pk: string,
  id: string,
  change: DocChange<T>,
  options?: UpdateOptions<T>,
): Promise<UpdateResult<T> | undefined>;
export async function updateDocument<T extends DocBase>(
  store: DocumentStore,
  collection: string,
  pk: string,
  id: string,
  change: DocChange<T>,
  options: UpdateOptions<T> = {},
): Promise<UpdateResult<T> | undefined> {
  const attempts = options.attempts ?? UPDATE_ATTEMPTS;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await store.get<T>(collection, pk, id);
    try {
      if (!current) {
        if (!options.create) return undefined;
        return { doc: await store.create<T>(collection, options.create()), changed: true, created: true, deleted: false };
      }
      const { _etag, ...copy } = current;
      const next = change(copy as unknown as T);
      if (next === undefined) return { doc: current, changed: false, created: false, deleted: false };
      if (next === null) {
        await store.delete(collection, pk, id, _etag);
        return { doc: current, changed: true, created: false, deleted: true };
      }
      return { doc: await store.replace<T>(collection, next, _etag), changed: true, created: false, deleted: false };
    } catch (err) {
      if (!isWriteConflict(err)) throw err;
    }
  }
  throw new Error(`${collection}/${id} kept changing for ${attempts} attempts`);
}
