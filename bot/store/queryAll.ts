import { DocBase, DocumentStore, Query, Stored } from './port';

/** Every match of a query, read a page (`query.limit`) at a time through continuation tokens. */
export async function* queryEach<T extends DocBase>(store: DocumentStore, collection: string, query: Query): AsyncGenerator<Stored<T>> {
  let continuation: string | undefined;
  do {
    const page = await store.query<T>(collection, { ...query, continuation });
    yield* page.items;
    continuation = page.continuation;
  } while (continuation);
}

export async function queryAll<T extends DocBase>(store: DocumentStore, collection: string, query: Query): Promise<Stored<T>[]> {
  const out: Stored<T>[] = [];
  for await (const item of queryEach<T>(store, collection, query)) out.push(item);
  return out;
}
