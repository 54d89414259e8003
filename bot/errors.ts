/**
 * Every error Puente answers a request with on purpose, by code, and the one
 * mapping to an HTTP status. The code is what clients branch on; the message
 * is for people and never holds participant data.
 */
export const ERROR_STATUS = {
  invalid: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  resolved: 409,
  invalid_state: 409,
  /** A message for someone who said STOP. */
  opted_out: 409,
  /** A message for someone with no channel that reaches them (never linked, blocked the bot, discharged). */
  unreachable: 409,
  /** A write based on a version that is no longer the newest (an eTag that changed): read again, then write. */
  stale: 412,
  too_large: 413,
  /** A participant message longer than the SMS budget (2 segments). */
  too_long: 422,
  unsupported_media_type: 415,
  locked: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message = '',
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The JSON body of the answer: the code, and the message when there is one. */
  body(): { error: ErrorCode; message?: string } {
    return this.message ? { error: this.code, message: this.message } : { error: this.code };
  }
}

/** A page token that is not one this server handed out. */
export class InvalidContinuationError extends AppError {
  constructor() {
    super('invalid', 'invalid continuation token');
  }
}
