import { z } from 'zod';

/**
 * The fields Puente needs before it lets an activity into a turn. Bot Framework
 * channels always send them; a request without them is a client error (400),
 * not a turn that fails half-way.
 */
const activitySchema = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  text: z.string().max(10_000).optional(),
});

/** undefined when the body can be processed; otherwise a short reason. */
export function activityProblem(body: unknown): string | undefined {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return 'body must be a JSON activity object';
  }
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `activity.${issue.path.join('.')} is missing or invalid`;
}
