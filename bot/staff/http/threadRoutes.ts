import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors';
import { MAX_MESSAGE_LENGTH, StaffAuthor } from '../../careTeam/staffMessages';
import { ThreadMessage } from '../../careTeam/threadMessage';
import { Stored } from '../../store/port';
import { displayNameOf } from '../staffAccounts';
import { StaffCore } from '../staffCore';
import { Authorized, StaffGuard } from './guard';
import { pageQuery, param, parse } from './params';
import { bodyOf, queryOf } from './web';

const textBody = z.object({ text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) });
const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\w.:-]{1,200}$/;

/** A thread message as the API shows it: without the store's partition key and eTag. */
function withoutStoreFields({ _etag: _e, pk: _pk, ...message }: Stored<ThreadMessage>): Omit<ThreadMessage, 'pk'> {
  return message;
}

/** The signed-in staff member as the author of a message. */
export function authorOf(a: Authorized): StaffAuthor {
  const { account } = a.who;
  return { id: account.id, email: account.email, name: displayNameOf(account) };
}

/**
 * What makes a retried POST the same message: the client's Idempotency-Key
 * (the dashboard sends one per message written), else the same text from the
 * same account within the same minute.
 */
function requestKey(a: Authorized, text: string, now: Date): string {
  const header = a.req.headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && KEY.test(key)) return `key:${key}`;
  const minute = now.toISOString().slice(0, 16);
  return `text:${minute}:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * A participant's thread with the care team: read it (newest last, a token
 * for what follows), write to the participant, size a message as it is
 * typed, end the conversation. Every view and message is audited (ids and
 * counts, never text).
 */
export function registerThreadRoutes(guard: StaffGuard, core: StaffCore): void {
  const { careTeam } = core;

  guard.api('get', '/api/staff/participants/:id/messages', false, async (a) => {
    const id = param(a.req, 'id');
    const { limit, continuation } = parse(pageQuery, queryOf(a.req));
    const participant = await core.participants.get(id);
    if (!participant) throw new AppError('not_found', 'no such participant');
    const [page, handoff] = await Promise.all([careTeam.thread.page(id, limit, continuation), careTeam.handoffOf(id)]);
    // A poll that brings nothing new is not a new view of the thread.
    if (!continuation || page.items.length) await a.audit({ action: 'thread.view', recordType: 'thread', recordId: id, participantId: id, detail: { count: page.items.length } });
    a.res.send(200, {
      items: page.items.map(withoutStoreFields),
      continuation: page.continuation,
      more: page.more,
      handoff: handoff ? { openedAt: handoff.openedAt, openedBy: handoff.openedBy, lastMessageAt: handoff.lastMessageAt } : null,
      optedOut: Boolean(participant.optedOutAt),
    });
  });

  guard.api('post', '/api/staff/participants/:id/messages/size', false, async (a) => {
    const id = param(a.req, 'id');
    const { text } = parse(textBody, bodyOf(a.req));
    a.res.send(200, await careTeam.messages.size(id, authorOf(a), text));
  });

  guard.api('post', '/api/staff/participants/:id/messages', false, async (a) => {
    const id = param(a.req, 'id');
    const { text } = parse(textBody, bodyOf(a.req));
    const { message, repeated } = await careTeam.messages.send(id, authorOf(a), text, requestKey(a, text, core.clock()));
    if (!repeated) {
      await a.audit({ action: 'thread.send', recordType: 'thread', recordId: message.id, participantId: id, detail: { channel: message.channelId, delivery: message.delivery } });
    }
    a.res.send(201, { message: withoutStoreFields(message), repeated });
  });

  guard.api('post', '/api/staff/participants/:id/handoff/end', false, async (a) => {
    const id = param(a.req, 'id');
    const ended = await careTeam.messages.endHandoff(id);
    await a.audit({ action: 'handoff.end', recordType: 'thread', recordId: id, participantId: id, detail: { ended } });
    a.res.send(200, { ended });
  });
}
