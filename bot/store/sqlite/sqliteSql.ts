import { setImmediate as nextTurn } from 'node:timers/promises';
import { Condition, DocBase, Scalar, Stored } from '../port';

/** The pieces of SQL and the value conversions the SQLite store builds its statements from. */

export type Row = { doc: string; etag: string };

export function fieldExpr(field: string): string {
  return `json_extract(doc, '$.${field}')`;
}

export function condition(c: Condition, expr: string, params: unknown[]): string {
  if (c.op === 'contains') {
    params.push(c.value);
    return `(typeof(${expr}) = 'text' AND instr(${expr}, ?) > 0)`;
  }
  if (c.op === 'in') {
    if (c.value.length === 0) return '0';
    params.push(...c.value.map(bindable));
    return `${expr} IN (${c.value.map(() => '?').join(', ')})`;
  }
  if (c.value === null) {
    if (c.op === '=') return `${expr} IS NULL`;
    if (c.op === '!=') return `${expr} IS NOT NULL`;
    throw new Error(`cannot compare ${c.field} ${c.op} null`);
  }
  params.push(bindable(c.value));
  return `${expr} ${c.op} ?`;
}

/** json_extract yields 1/0 for JSON booleans; SQLite has no boolean bind type. */
export function bindable(v: Scalar): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** The result (or error) of `run`, called now, delivered after the event loop has had a turn. */
export async function afterTurn<R>(run: () => R): Promise<R> {
  let outcome: { ok: true; value: R } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: run() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  await nextTurn();
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export function serialize(doc: DocBase): string {
  const { _etag, ...rest } = doc as DocBase & { _etag?: string };
  return JSON.stringify(rest);
}

export function toStored<T extends DocBase>(row: Row): Stored<T> {
  return { ...(JSON.parse(row.doc) as T), _etag: row.etag };
}
