import { CollectionSpec, DocBase } from './port';

/** The fields of a collection its queries filter or sort on: its indexed and searched fields. */
export function indexedFields(spec: CollectionSpec): Set<string> {
  return new Set([...spec.indexes.flat(), ...(spec.search ?? [])].filter((f) => f !== 'pk' && f !== 'id'));
}

/**
 * Indexed and searched fields hold a string, a number or null, or are absent. The embedded store keeps each
 * as a column of what SQLite's json_extract yields, and answers projections from those columns without
 * opening the document: a boolean there would read back as 1 or 0, an object as its JSON text. So a write
 * putting one there is a programming error, refused by both adapters alike before anything is written.
 */
export function assertIndexedScalars(collection: string, fields: ReadonlySet<string>, doc: DocBase): void {
  for (const field of fields) {
    const value = (doc as unknown as Record<string, unknown>)[field];
    // A Date is written as its ISO string.
    if (value === undefined || value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || value instanceof Date) continue;
    throw new Error(`${collection}.${field} is indexed and must hold a string, a number or null, not ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
}
