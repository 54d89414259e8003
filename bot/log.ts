import pino, { Logger, DestinationStream } from 'pino';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear. Puente logs ids, never message
 * text, names or phone numbers; this list is the safety net behind that rule
 * (a test logs a record full of such fields and checks none reach the output).
 */
export const REDACTED_PATHS = [
  'text',
  '*.text',
  'message',
  '*.message',
  'note',
  '*.note',
  'name',
  '*.name',
  'displayName',
  '*.displayName',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'password',
  '*.password',
  'from.name',
  'recipient.name',
  'activity.text',
  'activity.from',
  'activity.recipient',
  'activity.value',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
];

/** What a log line says about an error: its type and code. Never the message: it may quote what a user wrote. */
export interface ErrFields {
  type: string;
  code?: string | number;
}

/** pino's serializer for the `err` field of every line: `log.error({ err }, '…')` records errFields(err). */
export function errFields(err: unknown): ErrFields {
  if (!(err instanceof Error)) return { type: typeof err === 'string' ? 'Error' : typeof err };
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? { type: err.name, code } : { type: err.name };
}

/** Where an unexpected error was thrown: stack frames without the first line (which carries the message). */
export function stackFrames(err: unknown, depth = 5): string | undefined {
  return err instanceof Error ? err.stack?.split('\n').slice(1, depth + 1).join('\n') : undefined;
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'puente' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: errFields },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** For tests and scripts that must not print. */
export function silentLogger(): Logger {
  return pino({ level: 'silent', serializers: { err: errFields } });
}
