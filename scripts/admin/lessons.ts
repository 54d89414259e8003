import { TRACKS } from '../../bot/domain/participant';
import { AppError } from '../../bot/errors';
import { createI18n } from '../../bot/i18n';
import { assignmentKey, LessonAssignments, parseAssignment, parseOrRefuse } from '../../bot/lessons/assignments';
import { LessonLibrary } from '../../bot/lessons/library';
import { rescheduleTrack } from '../../bot/outreach/reschedule';
import { AuditLog } from '../../bot/staff/audit';
import { AdminContext, UsageError, parseFlags } from './context';

const USAGE = `usage:
  npm run admin -- lessons library [--json]                                  (the lessons in locales/*/lessons.json)
  npm run admin -- lessons assign --track ${TRACKS.join('|')} --week YYYY-MM-DD --lesson ID   (the week's Monday)
  npm run admin -- lessons unassign --track ${TRACKS.join('|')} --week YYYY-MM-DD
  npm run admin -- lessons list [--json]`;

/** `lessons library | assign | unassign | list`: each track's weekly lesson plan. Changes are audited (channel 'cli'). */
export async function lessonsCommand(ctx: AdminContext, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const library = new LessonLibrary(createI18n(ctx.config.defaultLanguage));
  const assignments = new LessonAssignments(ctx.store);
  try {
    if (action === 'library') return showLibrary(ctx, library, rest);
    if (action === 'assign') return await assign(ctx, library, assignments, rest);
    if (action === 'unassign') return await unassign(ctx, assignments, rest);
    if (action === 'list') return await list(ctx, assignments, rest);
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid') throw new UsageError(`refused: ${err.message}`);
    throw err;
  }
  throw new UsageError(USAGE);
}

function showLibrary(ctx: AdminContext, library: LessonLibrary, args: string[]): void {
  const { values } = parseFlags(args, { json: { type: 'boolean', default: false } }, USAGE);
  const t = createI18n(ctx.config.defaultLanguage).getFixedT(ctx.config.defaultLanguage);
  const lessons = library.list().map((l) => ({ id: l.id, topic: l.topic, title: t(l.titleKey), messages: l.messageKeys.length }));
  if (values.json) return ctx.out(JSON.stringify(lessons, null, 2));
  for (const l of lessons) ctx.out(`${l.id.padEnd(16)} ${l.topic.padEnd(22)} ${l.title}`);
}

async function assign(ctx: AdminContext, library: LessonLibrary, assignments: LessonAssignments, args: string[]): Promise<void> {
  const { values } = parseFlags(args, { track: { type: 'string' }, week: { type: 'string' }, lesson: { type: 'string' } }, USAGE);
  if (!values.track || !values.week || !values.lesson) throw new UsageError(USAGE);
  const valid = parseAssignment({ track: values.track, weekStart: values.week, lessonId: values.lesson }, library);
  const saved = await assignments.assign(valid, 'cli', ctx.clock());
  const rescheduled = await rescheduleTrack(ctx, valid.track);
  await audit(ctx, 'lessons.assign', `${saved.track}:${saved.weekStart}`, { lessonId: saved.lessonId });
  ctx.out(`assigned ${saved.lessonId} to ${saved.track} for the week of ${saved.weekStart}; ${rescheduled} participant(s) rescheduled`);
}

async function unassign(ctx: AdminContext, assignments: LessonAssignments, args: string[]): Promise<void> {
  const { values } = parseFlags(args, { track: { type: 'string' }, week: { type: 'string' } }, USAGE);
  const { track, weekStart } = parseOrRefuse(assignmentKey, { track: values.track, weekStart: values.week });
  if (!(await assignments.remove(track, weekStart))) throw new UsageError(`refused: ${track} has no lesson in the week of ${weekStart}`);
  await rescheduleTrack(ctx, track);
  await audit(ctx, 'lessons.unassign', `${track}:${weekStart}`, null);
  ctx.out(`removed the lesson of ${track} for the week of ${weekStart}`);
}

async function list(ctx: AdminContext, assignments: LessonAssignments, args: string[]): Promise<void> {
  const { values } = parseFlags(args, { json: { type: 'boolean', default: false } }, USAGE);
  const all = (await assignments.list()).map(({ _etag, pk: _pk, id: _id, ...a }) => a);
  if (values.json) return ctx.out(JSON.stringify(all, null, 2));
  for (const a of all) ctx.out(`${a.track.padEnd(10)} ${a.weekStart}  ${a.lessonId}`);
}

async function audit(ctx: AdminContext, action: 'lessons.assign' | 'lessons.unassign', recordId: string, detail: { lessonId: string } | null) {
  await new AuditLog(ctx.store, ctx.clock).record({ action, actor: null, actorRole: 'operator', channel: 'cli', recordType: 'lessonAssignment', recordId, detail });
}
