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

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'puente' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

/** For tests and scripts that must not print. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
