import { readFileSync } from 'node:fs';
import { ProgramSession, ProgramSessions, SESSIONS_COLLECTION } from '../../bot/domain/sessions';
import { rescheduleAttendees } from '../../bot/outreach/reschedule';
import { AdminContext, UsageError, parseFlags } from './context';
import { CsvRowError, sessionsFromCsv } from './sessionsCsv';

const USAGE = `usage:
  npm run admin -- sessions import FILE.csv        (columns: see README "Program schedule")
  npm run admin -- sessions list [--json]
  npm run admin -- sessions cancel ID --date YYYY-MM-DD`;

/** `sessions import | list | cancel`: the program schedule, kept by the care team's operator. */
export async function sessionsCommand(ctx: AdminContext, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const repo = new ProgramSessions(ctx.store, ctx.clock);
  if (action === 'import') return importCsv(ctx, repo, rest);
  if (action === 'list') return list(ctx, repo, rest);
  if (action === 'cancel') return cancel(ctx, repo, rest);
  throw new UsageError(USAGE);
}

/** All rows or none: every row is checked first, and a failed write removes the rows written before it. */
async function importCsv(ctx: AdminContext, repo: ProgramSessions, args: string[]): Promise<void> {
  const { positionals } = parseFlags(args, {}, USAGE, true);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`refused: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let sessions: ProgramSession[];
  try {
    sessions = await sessionsFromCsv(text, repo, { timeZone: ctx.config.programTimeZone }, async (id) => (await ctx.participants.get(id)) !== undefined);
  } catch (err) {
    if (err instanceof CsvRowError) throw new UsageError(`refused, nothing imported: ${file} ${err.message}`);
    throw err;
  }
  const written: ProgramSession[] = [];
  try {
    for (const session of sessions) written.push(await ctx.store.create<ProgramSession>(SESSIONS_COLLECTION, session));
  } catch (err) {
    for (const session of written) await ctx.store.delete(SESSIONS_COLLECTION, session.pk, session.id);
    throw err;
  }
  const rescheduled = await rescheduleAttendees(ctx, sessions);
  ctx.out(`imported ${sessions.length} session(s); reminders rescheduled for ${rescheduled} participant(s)`);
}

async function list(ctx: AdminContext, repo: ProgramSessions, args: string[]): Promise<void> {
  const { values } = parseFlags(args, { json: { type: 'boolean', default: false } }, USAGE);
  const sessions = (await repo.list()).map(({ _etag, ...s }) => s);
  if (values.json) {
    ctx.out(JSON.stringify(sessions, null, 2));
    return;
  }
  for (const s of sessions) {
    const who = [s.track, s.participantIds.length ? `${s.participantIds.length} participant(s)` : null].filter(Boolean).join(' + ');
    const repeat = s.recurrence === 'weekly' ? `weekly${s.until ? ` until ${s.until}` : ''}` : 'once';
    ctx.out(`${s.id}  ${s.kind.padEnd(10)} ${s.startLocal}-${s.endLocal} ${s.timeZone}  ${repeat}  ${who}  ${s.title.text ?? s.title.key}`);
  }
}

async function cancel(ctx: AdminContext, repo: ProgramSessions, args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(args, { date: { type: 'string' } }, USAGE, true);
  const id = positionals[0];
  if (!id || !values.date) throw new UsageError(USAGE);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError('refused: --date must be YYYY-MM-DD');
  let session: ProgramSession;
  try {
    session = await repo.cancel(id, values.date);
  } catch (err) {
    throw new UsageError(`refused: ${(err as Error).message}`);
  }
  await rescheduleAttendees(ctx, [session]);
  ctx.out(`cancelled ${id} on ${values.date}`);
}
