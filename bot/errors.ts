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

/**
 * What was wrong with a request's input, as a stable code a client says in its
 * own language (the dashboard: staff.json `app.invalid.*`); the message stays
 * for people reading the API.
 */
export type InputProblem =
  | 'required'
  | 'wrong_type'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_large'
  | 'not_allowed'
  | 'bad_format'
  | 'unknown_field'
  | 'bad_range'
  /** An email that is no active staff account. */
  | 'unknown_staff'
  | 'continuation'
  | 'not_json_object';

/** A 400 `invalid` with its problem, the field it is about (when one is) and the bound it broke (when one did). */
export class InvalidInputError extends AppError {
  constructor(
    readonly problem: InputProblem,
    readonly field: string | null,
    message: string,
    readonly limit?: number,
  ) {
    super('invalid', message);
  }

  override body(): { error: ErrorCode; message?: string; problem: InputProblem; field?: string; limit?: number } {
    return { ...super.body(), problem: this.problem, ...(this.field ? { field: this.field } : {}), ...(this.limit !== undefined ? { limit: this.limit } : {}) };
  }
}

/** A page token that is not one this server handed out. */
export class InvalidContinuationError extends InvalidInputError {
  constructor() {
    super('continuation', 'continuation', 'invalid continuation token');
  }
}
