import { z } from 'zod';
import { InvalidContinuationError } from '../../errors';
import { ParticipantActionError, participantFilterSchema, STATUS_CHANGE_NAMES, StatusChange, summaryOf } from '../participantAdmin';
import { StaffCore } from '../staffCore';
import { participantListItems } from '../participantList';
import { participantDetail } from '../participantView';
import { Caseload } from '../caseload';
import { StaffGuard } from './guard';
import { participantBody, participantsBody } from './pages';
import { pageQuery, param, parse } from './params';
import { bodyOf, queryOf } from './web';

const statusBody = z.object({ action: z.enum(STATUS_CHANGE_NAMES as [StatusChange, ...StatusChange[]]) });
const revealBody = z.object({ channel: z.string().min(1).max(40) });
const assignBody = z.object({ email: z.string().trim().toLowerCase().email().max(254).nullable() });

/** A store continuation token the client garbled is its mistake (400), not ours. */
async function storePage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof Error && /continuation/i.test(err.message)) throw new InvalidContinuationError();
    throw err;
  }
}

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

  // Filtered, searched and paged in the store's query (participant.searchName); the rows' figures per page.
  guard.api('get', '/api/staff/participants', false, async (a) => {
    const query = queryOf(a.req);
    const filter = parse(participantFilterSchema, query);
    const { limit, continuation } = parse(pageQuery, query);
    const view = filter.caseload ?? (await core.caseload.defaultView(a.viewer));
    const assignedStaffId = Caseload.filterOf(view, a.viewer.email);
    const page = await storePage(() => core.participants.search({ text: filter.q, status: filter.status, track: filter.track, assignedStaffId }, limit, continuation));
    const items = await participantListItems(core, page.items, core.clock());
    await a.audit({ action: 'participants.list', recordType: 'participant', detail: { count: items.length, searched: Boolean(filter.q), caseload: view } });
    a.res.send(200, { items, caseload: view, continuation: page.continuation ?? null });
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
    const detail = await participantDetail(core, participant, core.clock());
    await a.audit({ action: 'participant.view', recordType: 'participant', recordId: id, participantId: id });
    a.res.send(200, detail);
  });

  // The whole phone number (or channel user id) of one channel: a separate call, so each look is its own audit event.
  guard.api('post', '/api/staff/participants/:id/contact/reveal', false, async (a) => {
    const id = param(a.req, 'id');
    const { channel } = parse(revealBody, bodyOf(a.req));
    const participant = await core.participantAdmin.get(id);
    if (!participant) throw new ParticipantActionError('not_found', 'no such participant');
    const address = participant.addresses[channel];
    if (!address) throw new ParticipantActionError('not_found', 'no address on that channel');
    await a.audit({ action: 'participant.contact_reveal', recordType: 'participant', recordId: id, participantId: id, detail: { channel } });
    a.res.send(200, { channel, value: address.userId });
  });

  // Admins assign the counsellor: { email } or { email: null } for nobody.
  guard.api('put', '/api/staff/participants/:id/counsellor', true, async (a) => {
    const id = param(a.req, 'id');
    const { email } = parse(assignBody, bodyOf(a.req));
    const { participant, staff, changed } = await core.caseload.assign(id, email);
    await a.audit({ action: 'participant.assign', recordType: 'participant', recordId: id, participantId: id, detail: { staffId: staff?.id ?? null, changed } });
    a.res.send(200, { participant: summaryOf(participant), counsellor: staff?.email ?? null, changed });
  });

  // The counsellors an admin can choose from.
  guard.api('get', '/api/staff/counsellors', true, async (a) => {
    const accounts = await core.accounts.list();
    a.res.send(200, { items: accounts.filter((s) => !s.disabledAt).map((s) => ({ id: s.id, email: s.email, role: s.role })) });
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
    const { action } = parse(statusBody, bodyOf(a.req));
    const participant = await core.participantAdmin.changeStatus(id, action);
    await a.audit({ action: `participant.${action}`, recordType: 'participant', recordId: id, participantId: id });
    a.res.send(200, { participant });
  });
}
