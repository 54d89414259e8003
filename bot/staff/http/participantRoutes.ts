import { z } from 'zod';
import { AppError } from '../../errors';
import { encodeOffsetToken } from '../../store/queryFields';
import { ParticipantActionError, participantFilterSchema, STATUS_CHANGE_NAMES, StatusChange, summaryOf } from '../participantAdmin';
import { StaffCore } from '../staffCore';
import { historyRows, HISTORY_DAYS, listItems } from '../views';
import { StaffGuard } from './guard';
import { participantBody, participantsBody } from './pages';
import { decodeOffset, pageQuery, param, parse } from './params';
import { bodyOf, queryOf } from './web';

const statusBody = z.object({ action: z.enum(STATUS_CHANGE_NAMES as [StatusChange, ...StatusChange[]]) });

/** The participant list and one participant: pages, and the API to view, enroll, edit, re-code and change status (admins). */
export function registerParticipantRoutes(guard: StaffGuard, core: StaffCore): void {
  guard.page('/staff/participants', 'participants', false, (a) => ({
    title: a.t('staff:participants.title'),
    body: participantsBody(a.t, a.viewer, queryOf(a.req), { timeZone: core.config.programTimeZone }),
  }));
  guard.page('/staff/participants/:id', 'participant', false, (a) => ({
    title: a.t('staff:participant.title'),
    body: participantBody(a.t, a.viewer),
    data: { 'participant-id': param(a.req, 'id') },
  }));

  guard.api('get', '/api/staff/participants', false, async (a) => {
    const query = queryOf(a.req);
    const filter = parse(participantFilterSchema, query);
    const { limit, continuation } = parse(pageQuery, query);
    const all = await core.participantAdmin.list(filter);
    const offset = decodeOffset(continuation);
    const items = all.slice(offset, offset + limit);
    await a.audit({ action: 'participants.list', recordType: 'participant', detail: { count: items.length, searched: Boolean(filter.q) } });
    a.res.send(200, { items, total: all.length, continuation: offset + limit < all.length ? encodeOffsetToken(offset + limit) : null });
  });

  guard.api('post', '/api/staff/participants', true, async (a) => {
    const result = await core.participantAdmin.enroll(bodyOf(a.req));
    await a.audit({ action: 'participant.enroll', recordType: 'participant', recordId: result.participant.id, participantId: result.participant.id });
    a.res.send(201, result);
  });

  guard.api('get', '/api/staff/participants/:id', false, async (a) => {
    const id = param(a.req, 'id');
    const participant = await core.participantAdmin.get(id);
    if (!participant) throw new ParticipantActionError('not_found', 'no such participant');
    const [checkins, flags] = await Promise.all([core.checkins.history(id, participant.timeZone, HISTORY_DAYS), core.flags.listForParticipant(id)]);
    await a.audit({ action: 'participant.view', recordType: 'participant', recordId: id, participantId: id });
    a.res.send(200, { participant: summaryOf(participant), checkins: historyRows(checkins), flags: await listItems(flags, core.participants) });
  });

  guard.api('patch', '/api/staff/participants/:id', true, async (a) => {
    const id = param(a.req, 'id');
    const { participant, changed } = await core.participantAdmin.update(id, bodyOf(a.req));
    await a.audit({ action: 'participant.update', recordType: 'participant', recordId: id, participantId: id, detail: { fields: changed.join(' ') } });
    a.res.send(200, { participant, changed });
  });

  guard.api('post', '/api/staff/participants/:id/enrollment-code', true, async (a) => {
    const id = param(a.req, 'id');
    const result = await core.participantAdmin.newCode(id);
    await a.audit({ action: 'participant.code', recordType: 'participant', recordId: id, participantId: id });
    a.res.send(201, result);
  });

  guard.api('post', '/api/staff/participants/:id/status', true, async (a) => {
    const id = param(a.req, 'id');
    const parsed = statusBody.safeParse(bodyOf(a.req));
    if (!parsed.success) throw new AppError('invalid', `action must be one of ${STATUS_CHANGE_NAMES.join(', ')}`);
    const participant = await core.participantAdmin.changeStatus(id, parsed.data.action);
    await a.audit({ action: `participant.${parsed.data.action}`, recordType: 'participant', recordId: id, participantId: id });
    a.res.send(200, { participant });
  });
}
