import type { Next, Request, Response } from 'restify';
import { AppError } from './errors';

export const MAX_BODY_BYTES = 256 * 1024;

/** The only bodies any route takes: JSON (Bot Framework, the APIs) and HTML form posts (staff pages). */
type BodyKind = 'json' | 'form';

/**
 * Request bodies, in place of restify's bodyParser, which hands
 * multipart/form-data and application/octet-stream to formidable (files in
 * the temp folder, no size limit) and enforces its limit on a chunked body
 * only once it has ended. The gate runs before routing, so on every path,
 * known or not: a body that is not JSON or a urlencoded form without content
 * coding is refused (415), and so is a declared length over the limit (413),
 * before a byte is read. The parser then counts what arrives and answers 413
 * the moment the limit is crossed. Bodies are kept in memory only.
 */
export function bodyGate(maxBytes = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: Next): void => {
    if (!hasBody(req)) return next();
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (!kindOf(req) || encoding !== 'identity') return refuse(res, new AppError('unsupported_media_type', 'send JSON or a form, without content coding'), next);
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return refuse(res, tooLarge(maxBytes), next);
    next();
  };
}

/** The `use` half: reads a body the gate let through, counting as it goes, and parses it into req.body. */
export function bodyParser(maxBytes = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: Next): void => {
    const kind = hasBody(req) ? kindOf(req) : undefined;
    if (!kind) return next();
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      req.removeListener('data', onData);
      if (err) return next(false);
      parseInto(req, kind, Buffer.concat(chunks).toString('utf8'), res, next);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        finished = true;
        req.removeListener('data', onData);
        refuse(res, tooLarge(maxBytes), next);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish());
    req.once('error', (err) => finish(err));
    req.once('aborted', () => finish(new Error('aborted')));
  };
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function kindOf(req: Request): BodyKind | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

function parseInto(req: Request, kind: BodyKind, text: string, res: Response, next: Next): void {
  if (kind === 'form') {
    // Flat string fields, last one wins: no nested objects or arrays out of `a[b]=c`.
    req.body = Object.fromEntries(new URLSearchParams(text));
    return next();
  }
  if (text.trim() === '') {
    req.body = undefined;
    return next();
  }
  try {
    req.body = JSON.parse(text) as unknown;
  } catch {
    return refuse(res, new AppError('invalid', 'malformed JSON'), next);
  }
  next();
}

/**
 * Answers and closes the connection: a body that was not read (or not read to
 * its end) must not be drained on a kept-alive socket.
 */
function refuse(res: Response, error: AppError, next: Next): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => res.socket?.destroy());
  res.send(error.status, error.body());
  next(false);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('too_large', `the body may hold at most ${maxBytes / 1024} KB`);
}
