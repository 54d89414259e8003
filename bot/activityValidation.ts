import { z } from 'zod';

/**
 * The shape of an inbound activity, field by field, after the Bot Framework
 * schema (botframework-schema's Activity). Channels send these types; a value
 * of another type (a number for `locale`, an object for `text`, a string for
 * `from`) is a client error, answered 400 before a turn runs, instead of a
 * turn that throws half-way or the SDK's own parser failing with a 500.
 * Unknown fields pass through untouched; a JSON null counts as absent.
 */
const text = (max: number) => z.string().max(max);
const id = text(1024);
const opt = <T extends z.ZodTypeAny>(schema: T) =>
  schema
    .nullish()
    .transform((v) => v ?? undefined);

const channelAccount = z.looseObject({
  id: opt(id),
  name: opt(text(1024)),
  aadObjectId: opt(id),
  role: opt(text(64)),
});

const conversationAccount = z.looseObject({
  id: id.min(1),
  name: opt(text(1024)),
  isGroup: opt(z.boolean()),
  conversationType: opt(text(64)),
  tenantId: opt(id),
  aadObjectId: opt(id),
  role: opt(text(64)),
});

const attachment = z.looseObject({
  contentType: text(256),
  contentUrl: opt(text(4096)),
  content: z.unknown().optional(),
  name: opt(text(1024)),
  thumbnailUrl: opt(text(4096)),
});

const entity = z.looseObject({ type: text(256) });
const jsonObject = z.record(z.string(), z.unknown());
const reaction = z.looseObject({ type: text(64) });

const activitySchema = z.looseObject({
  type: text(64).min(1),
  id: opt(id),
  timestamp: opt(text(64)),
  localTimestamp: opt(text(64)),
  localTimezone: opt(text(128)),
  serviceUrl: text(2048).min(1),
  channelId: text(64).min(1),
  from: channelAccount.extend({ id: id.min(1) }),
  conversation: conversationAccount,
  recipient: opt(channelAccount),
  textFormat: opt(text(32)),
  attachmentLayout: opt(text(32)),
  membersAdded: opt(z.array(channelAccount).max(256)),
  membersRemoved: opt(z.array(channelAccount).max(256)),
  reactionsAdded: opt(z.array(reaction).max(64)),
  reactionsRemoved: opt(z.array(reaction).max(64)),
  topicName: opt(text(1024)),
  historyDisclosed: opt(z.boolean()),
  locale: opt(text(64)),
  text: opt(text(10_000)),
  speak: opt(text(10_000)),
  inputHint: opt(text(32)),
  summary: opt(text(10_000)),
  suggestedActions: opt(jsonObject),
  attachments: opt(z.array(attachment).max(64)),
  entities: opt(z.array(entity).max(64)),
  channelData: opt(jsonObject),
  action: opt(text(64)),
  replyToId: opt(id),
  label: opt(text(1024)),
  valueType: opt(text(256)),
  value: z.unknown().optional(),
  name: opt(text(1024)),
  relatesTo: opt(jsonObject),
  code: opt(text(64)),
  expiration: opt(text(64)),
  importance: opt(text(32)),
  deliveryMode: opt(text(32)),
  listenFor: opt(z.array(text(1024)).max(64)),
  textHighlights: opt(z.array(jsonObject).max(64)),
  semanticAction: opt(jsonObject),
  callerId: opt(text(1024)),
});

export type InboundActivity = z.output<typeof activitySchema>;

export type ActivityCheck = { ok: true; activity: InboundActivity } | { ok: false; problem: string };

/** The activity with nulls dropped, or a short reason naming the first bad field. */
export function checkActivity(body: unknown): ActivityCheck {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problem: 'body must be a JSON activity object' };
  }
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `activity.${issue.path.join('.')} is missing or invalid` };
}
