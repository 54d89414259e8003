import { z } from 'zod';
import { Track, TRACKS } from '../domain/participant';
import { AppError } from '../errors';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { queryAll } from '../store/queryAll';
import { LessonLibrary } from './library';
import { isWeekStart } from './lessonWeek';

export const LESSON_ASSIGNMENTS = 'lessonAssignments';

/**
 * Which lesson a track's participants get in one week. pk = track (a track's
 * plan is one partition, read in week order); id = weekStart, so a week holds
 * one lesson per track and assigning again replaces it.
 */
export interface LessonAssignment extends DocBase {
  track: Track;
  /** Monday of the week (YYYY-MM-DD). */
  weekStart: string;
  lessonId: string;
  /** Staff email, or 'cli' for the operator command. */
  assignedBy: string;
  assignedAt: string;
}

export const assignmentInput = z.object({
  track: z.enum(TRACKS),
  weekStart: z.string().refine(isWeekStart, 'must be the Monday of the week, YYYY-MM-DD'),
  lessonId: z.string().min(1).max(80),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const assignmentKey = assignmentInput.pick({ track: true, weekStart: true });

/** The first problem with `schema` over `input`, named by its field, as AppError 'invalid' (a 400; a refusal in the CLI). */
export function parseOrRefuse<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('invalid', `${issue.path.join('.') || 'input'}: ${issue.message}`);
}

/** A week's assignment from the dashboard or the CLI: its shape, a Monday, and a lesson the library has. */
export function parseAssignment(input: unknown, library: LessonLibrary): AssignmentInput {
  const valid = parseOrRefuse(assignmentInput, input);
  if (!library.get(valid.lessonId)) throw new AppError('invalid', `lessonId: the library has no lesson "${valid.lessonId}"`);
  return valid;
}

/** The weekly plan of each track. */
export class LessonAssignments {
  constructor(private readonly store: DocumentStore) {}

  /** Stores one week's lesson, replacing that week's earlier choice (the last staff member's choice stands). */
  async assign(valid: AssignmentInput, assignedBy: string, at: Date): Promise<Stored<LessonAssignment>> {
    const { track, weekStart, lessonId } = valid;
    return this.store.upsert<LessonAssignment>(LESSON_ASSIGNMENTS, {
      id: weekStart,
      pk: track,
      track,
      weekStart,
      lessonId,
      assignedBy,
      assignedAt: at.toISOString(),
    });
  }

  /** Removes a week's lesson; false when there was none. */
  async remove(track: Track, weekStart: string): Promise<boolean> {
    if (!(await this.get(track, weekStart))) return false;
    await this.store.delete(LESSON_ASSIGNMENTS, track, weekStart);
    return true;
  }

  async get(track: Track, weekStart: string): Promise<Stored<LessonAssignment> | undefined> {
    return this.store.get<LessonAssignment>(LESSON_ASSIGNMENTS, track, weekStart);
  }

  /** Every assignment, by track then week (the dashboard and the CLI list). */
  async list(): Promise<Stored<LessonAssignment>[]> {
    const all = await queryAll<LessonAssignment>(this.store, LESSON_ASSIGNMENTS, { orderBy: [{ field: 'weekStart' }], limit: 200 });
    return all.sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track) || a.weekStart.localeCompare(b.weekStart));
  }

  /** A track's assignments from the week starting `weekStart` on, in week order: one partition. */
  async from(track: Track, weekStart: string, limit = 8): Promise<Stored<LessonAssignment>[]> {
    const page = await this.store.query<LessonAssignment>(LESSON_ASSIGNMENTS, {
      pk: track,
      // The pk repeated as a condition: the Cosmos emulator does not scope queries to a partition.
      where: [
        { field: 'track', op: '=', value: track },
        { field: 'weekStart', op: '>=', value: weekStart },
      ],
      orderBy: [{ field: 'weekStart' }],
      limit,
    });
    return page.items;
  }
}
