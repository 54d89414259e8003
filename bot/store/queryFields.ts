/** Helpers both adapters share to keep queries safe and pages opaque. */

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Field and collection names are interpolated into SQL: allow identifiers only. */
export function assertFieldName(name: string): string {
  if (!FIELD.test(name)) throw new Error(`invalid field name: ${JSON.stringify(name)}`);
  return name;
}

export function encodeOffsetToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeOffsetToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const o = (JSON.parse(Buffer.from(token, 'base64url').toString()) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error below
  }
  throw new Error('invalid continuation token');
}

/** A page size must be a positive integer: 0 would page forever, fractions break the offset token. */
export function assertPageSize(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid page size: ${limit}`);
  return limit;
}
