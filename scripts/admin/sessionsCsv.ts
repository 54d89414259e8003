import { ZodError } from 'zod';
import { NewSession, ProgramSession, ProgramSessions } from '../../bot/domain/sessions';

/**
 * The program schedule as CSV (RFC 4180: comma-separated, fields with commas,
 * quotes or line breaks in double quotes, "" for a quote). One session per
 * row; the first line names the columns, in any order:
 *
 *   id          optional; letters, digits, - and _ (generated when blank)
 *   title       free text shown to staff…
 *   title_key   …or a locale key; one of the two is required
 *   kind        group | individual | family
 *   start       first meeting, local: 2026-12-01 09:00 (or 2026-12-01T09:00)
 *   end         local end time: 10:30
 *   time_zone   IANA zone; blank = PROGRAM_TIMEZONE
 *   recurrence  none | weekly (blank = none)
 *   until       last date of a weekly session, YYYY-MM-DD (optional)
 *   track       morning | afternoon | evening (optional)
 *   participants  participant ids separated by ';' (optional; track or participants required)
 *   location    optional
 *   link        optional URL
 *   cancelled   dates without a meeting, separated by ';' (optional)
 */
export const CSV_COLUMNS = [
  'id',
  'title',
  'title_key',
  'kind',
  'start',
  'end',
  'time_zone',
  'recurrence',
  'until',
  'track',
  'participants',
  'location',
  'link',
  'cancelled',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['kind', 'start', 'end'];

/** A refusal naming the line of the file it is about. */
export class CsvRowError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

export interface CsvRecord {
  /** 1-based line of the file the record starts on. */
  line: number;
  fields: string[];
}

/** Splits CSV text into records, keeping the line each starts on. Blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvRowError(recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

const list = (v: string) =>
  v
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/**
 * Reads and validates every row; throws CsvRowError for the first bad one
 * before anything is written. Returns the sessions ready to store.
 */
export async function sessionsFromCsv(
  text: string,
  repo: ProgramSessions,
  defaults: { timeZone: string },
  participantExists: (id: string) => Promise<boolean>,
): Promise<ProgramSession[]> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CsvRowError(1, 'the file is empty');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) throw new CsvRowError(header.line, `unknown column(s) ${unknown.join(', ')}; columns are ${CSV_COLUMNS.join(',')}`);
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (missing.length) throw new CsvRowError(header.line, `missing column(s) ${missing.join(', ')}`);
  if (rows.length === 0) throw new CsvRowError(header.line + 1, 'no sessions after the header');

  const sessions: ProgramSession[] = [];
  const ids = new Map<string, number>();
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      throw new CsvRowError(row.line, `${row.fields.length} fields, the header has ${names.length}`);
    }
    const get = (column: Column) => {
      const index = names.indexOf(column);
      return index < 0 ? '' : row.fields[index].trim();
    };
    const input: NewSession = {
      id: orNull(get('id')) ?? undefined,
      title: { key: orNull(get('title_key')), text: orNull(get('title')) },
      kind: get('kind') as NewSession['kind'],
      startLocal: get('start').replace(' ', 'T'),
      endLocal: get('end'),
      timeZone: orNull(get('time_zone')) ?? defaults.timeZone,
      location: orNull(get('location')),
      link: orNull(get('link')),
      track: orNull(get('track')) as NewSession['track'],
      participantIds: list(get('participants')),
      recurrence: (orNull(get('recurrence')) ?? 'none') as NewSession['recurrence'],
      until: orNull(get('until')),
      cancelledDates: list(get('cancelled')),
    };
    let session: ProgramSession;
    try {
      session = repo.prepare(input);
    } catch (err) {
      if (err instanceof ZodError) {
        const issue = err.issues[0];
        throw new CsvRowError(row.line, `${issue.path.join('.') || 'row'} ${issue.message}`);
      }
      throw err;
    }
    const seen = ids.get(session.id);
    if (seen) throw new CsvRowError(row.line, `id ${session.id} is also on line ${seen}`);
    ids.set(session.id, row.line);
    if (await repo.get(session.id)) throw new CsvRowError(row.line, `a session with id ${session.id} already exists`);
    for (const participantId of session.participantIds) {
      if (!(await participantExists(participantId))) throw new CsvRowError(row.line, `no participant ${participantId}`);
    }
    sessions.push(session);
  }
  return sessions;
}
