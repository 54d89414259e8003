import type { CompositePath, SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { CollectionSpec, Condition, Query } from '../port';
import { assertFieldName } from '../queryFields';

/**
 * Translates port queries into Cosmos SQL with the same meaning as the SQLite
 * adapter, and plans the composite indexes those queries need.
 *
 * Written for the subset both real Cosmos DB and @vercel/cosmosdb-server run:
 * no OFFSET/LIMIT, DISTINCT or GROUP BY (paging uses continuation tokens), and
 * the partition key condition always sits in the WHERE clause because the test
 * server ignores the partitionKey request option.
 */

type Dir = 'asc' | 'desc';
interface OrderKey {
  field: string;
  dir: Dir;
}

/** Ties are broken by (pk, id) ascending, exactly like the SQLite adapter. */
const TIE_BREAKERS = ['pk', 'id'];

/** Property reference in bracket form, so fields named like keywords (`value`, `order`) work. */
function ref(field: string): string {
  return `c["${assertFieldName(field)}"]`;
}

/** A query's own sort keys, then the tie-breakers it does not already sort on. */
function withTieBreakers(keys: OrderKey[]): OrderKey[] {
  const sorted = new Set(keys.map((k) => k.field));
  return keys.concat(TIE_BREAKERS.filter((f) => !sorted.has(f)).map((field) => ({ field, dir: 'asc' as const })));
}

/**
 * The ORDER BY Cosmos can serve for `orderBy`. Multi-field ORDER BY needs a
 * composite index matching it path for path and direction for direction.
 * - A declared index (any directions) gets the tie-breakers: the order is
 *   exactly the SQLite adapter's.
 * - An undeclared single field is served by the default range index, without
 *   tie-breakers: equal values come back in an unspecified order.
 * - Several undeclared fields cannot be served at all.
 */
export function servedOrder(spec: CollectionSpec, orderBy: NonNullable<Query['orderBy']>): OrderKey[] {
  const keys = orderBy.map((o): OrderKey => ({ field: assertFieldName(o.field), dir: o.dir ?? 'asc' }));
  const fields = keys.map((k) => k.field);
  if (spec.indexes.some((index) => index.join(',') === fields.join(','))) return withTieBreakers(keys);
  if (keys.length === 1) return keys;
  throw new Error(`collection ${spec.name}: orderBy ${JSON.stringify(fields)} is not a declared index; add it to collections.ts`);
}

/**
 * Composite indexes for a collection: for every declared index (field list),
 * one per combination of directions, each followed by the tie-breakers.
 * A query may therefore order by any declared field list in any directions
 * (see servedOrder).
 * Each composite index adds write cost, so declare only what is sorted on.
 */
export function compositeIndexes(spec: CollectionSpec): CompositePath[][] {
  const result: CompositePath[][] = [];
  for (const fields of spec.indexes) {
    for (let mask = 0; mask < 2 ** fields.length; mask++) {
      const keys = fields.map((field, i): OrderKey => ({ field, dir: (mask >> i) & 1 ? 'desc' : 'asc' }));
      result.push(withTieBreakers(keys).map(compositePath));
    }
  }
  return result;
}

/** Identity of a composite index, to compare what a container has with what it needs. */
export function compositeKey(paths: CompositePath[]): string {
  return paths.map((p) => `${p.path} ${p.order ?? 'ascending'}`).join(',');
}

function compositePath(key: OrderKey): CompositePath {
  return { path: `/${key.field}`, order: key.dir === 'desc' ? 'descending' : 'ascending' };
}

/** `VALUE {"a": c["a"], …}`: object keys are quoted, so fields named like keywords (`value`) need no alias. */
export function projection(fields: readonly string[]): string {
  return `VALUE {${fields.map((f) => `"${assertFieldName(f)}": ${ref(f)}`).join(', ')}}`;
}

/** `SELECT <projection> FROM c WHERE …` with parameters; ordered when given the collection's spec. */
export function buildSql(projection: string, query: Query, orderFor?: CollectionSpec): SqlQuerySpec {
  const parameters: SqlParameter[] = [];
  const param = (value: SqlParameter['value']): string => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const clauses: string[] = [];
  if (query.pk !== undefined) clauses.push(`${ref('pk')} = ${param(query.pk)}`);
  for (const c of query.where ?? []) clauses.push(condition(c, param));

  let sql = `SELECT ${projection} FROM c`;
  if (clauses.length) sql += ` WHERE ${clauses.join(' AND ')}`;
  if (orderFor && query.orderBy?.length) {
    sql += ` ORDER BY ${servedOrder(orderFor, query.orderBy)
      .map((k) => `${ref(k.field)} ${k.dir === 'desc' ? 'DESC' : 'ASC'}`)
      .join(', ')}`;
  }
  return { query: sql, parameters };
}

/**
 * SQL semantics, as SQLite has them: a missing field and null are the same
 * ("= null" matches both), and no comparison with a value matches null.
 */
function condition(c: Condition, param: (v: SqlParameter['value']) => string): string {
  const f = ref(c.field);
  if (c.op === 'contains') return `(IS_STRING(${f}) AND CONTAINS(${f}, ${param(c.value)}))`;
  if (c.op === 'in') {
    // SQL `x IN (…, NULL)` never matches a null x; Cosmos would, so nulls are dropped.
    const values = c.value.filter((v) => v !== null);
    return values.length ? `${f} IN (${values.map((v) => param(v)).join(', ')})` : 'false';
  }
  if (c.value === null) {
    if (c.op === '=') return `(NOT IS_DEFINED(${f}) OR IS_NULL(${f}))`;
    if (c.op === '!=') return `(IS_DEFINED(${f}) AND NOT IS_NULL(${f}))`;
    throw new Error(`cannot compare ${c.field} ${c.op} null`);
  }
  // Cosmos finds null != 'x' true; SQL (and the SQLite adapter) does not.
  if (c.op === '!=') return `(NOT IS_NULL(${f}) AND ${f} != ${param(c.value)})`;
  return `${f} ${c.op} ${param(c.value)}`;
}
