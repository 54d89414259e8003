import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';

/** Small HTTP pieces the staff routes share: cookies, headers, client address. */

export const SESSION_COOKIE = 'puente_staff';
/** Double-submit token for the sign-in form, which has no session yet (login CSRF). */
export const SIGNIN_COOKIE = 'puente_staff_signin';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

/**
 * Content-Security-Policy of every staff response: scripts and styles only
 * from this origin (no inline script), no framing, forms post here only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** A cookie's value; a value that is not valid percent-encoding counts as a cookie we never set. */
export function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return '';
    }
  }
  return undefined;
}

/** The cookie is Secure everywhere but plain-HTTP localhost (development and tests). */
export function isLocalRequest(req: Request): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
}

export function cookie(req: Request, name: string, value: string, path: string, maxAgeSeconds?: number, sameSite: 'Strict' | 'Lax' = 'Strict'): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${path}`, 'HttpOnly', `SameSite=${sameSite}`];
  if (!isLocalRequest(req)) parts.push('Secure');
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  return parts.join('; ');
}

export function clearCookie(req: Request, name: string, path: string): string {
  return cookie(req, name, '', path, 0);
}

export function applySecurityHeaders(req: Request, res: Response, cache: 'no-store' | 'static'): void {
  res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.header('X-Frame-Options', 'DENY');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('Cross-Origin-Opener-Policy', 'same-origin');
  res.header('Cross-Origin-Resource-Policy', 'same-origin');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (!isLocalRequest(req)) res.header('Strict-Transport-Security', 'max-age=31536000');
  // Health data must not linger in browser or proxy caches; static assets carry none.
  res.header('Cache-Control', cache === 'no-store' ? 'no-store' : 'no-cache');
  if (cache === 'no-store') res.header('Pragma', 'no-cache');
}

/**
 * The caller's address: the socket peer, or behind a trusted proxy the last
 * X-Forwarded-For entry, the one that proxy added. Earlier entries are
 * whatever the client chose to send: taken as the address, a client could be
 * anyone it liked to the audit log and to the sign-in lock.
 */
export function clientIp(req: Request, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').pop()?.trim();
    if (last) return last;
  }
  return req.socket?.remoteAddress ?? null;
}

export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sendHtml(res: Response, status: number, html: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  res.end(html);
}

export function redirect(res: Response, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { Location: location, ...headers });
  res.end();
}

/**
 * A local path to return to after sign-in; anything else becomes /staff:
 * other hosts, `//x`, backslashes, and anything but printable ASCII (a path
 * arrives percent-encoded; CR/LF would split the Location header, U+2028 and
 * other characters beyond Latin-1 make Node refuse to write it at all).
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/|\?|$)[\x21-\x7e]*$/.test(next) && !next.includes('//') && !next.includes('\\') ? next : '/staff';
}

/** Request bodies: JSON objects or urlencoded forms, both parsed by restify's bodyParser. */
export function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export function queryOf(req: Request): Record<string, string | undefined> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(q)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}
