import { z } from 'zod';
import { FlagOutcome, isUnknownParticipant, SEVERITIES } from '../../flags/flag';
import { releaseOutreach } from '../../safety/episodeHold';
import { FlagActionError, MAX_NOTE_LENGTH, OUTCOMES } from '../../flags/review';
import { TRACKS } from '../../domain/participant';
import { StaffCore } from '../staffCore';
import { Caseload, CASELOAD_VIEWS } from '../caseload';
import { flagDetail, queueRows } from '../views';
import { Authorized, StaffGuard } from './guard';
import { flagBody, queueBody } from './pages';
import { limitField, param, parse } from './params';
import { bodyOf, queryOf } from './web';

const queueQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved']).default('open'),
  severity: z.enum(SEVERITIES).optional(),
  track: z.enum(TRACKS).optional(),
  /** 'me', 'none' (unassigned) or an email. */
  assignee: z.string().max(254).optional(),
  /** Whose participants: 'mine' (the viewer's caseload), 'none' (nobody's) or 'all'; default Caseload.defaultView. */
  caseload: z.enum(CASELOAD_VIEWS).optional(),
  limit: limitField,
  continuation: z.string().max(4096).optional(),
});

const noteBody = z.object({ text: z.string().trim().min(1).max(MAX_NOTE_LENGTH) });
const resolveBody = z.object({ outcome: z.enum(OUTCOMES as [FlagOutcome, ...FlagOutcome[]]), note: z.string().trim().max(MAX_NOTE_LENGTH).optional() });

function flagParams(a: Authorized): { participantId: string; flagId: string } {
  return { participantId: param(a.req, 'participantId'), flagId: param(a.req, 'flagId') };
}

/** The queue and one flag: pages, and the API that lists, shows, acknowledges, notes, resolves and ends a safety episode. */
export function registerFlagRoutes(guard: StaffGuard, core: StaffCore): void {
  guard.page('/staff', 'queue', false, (a) => ({ title: a.t('staff:queue.title'), body: queueBody(a.t, queryOf(a.req)) }));
  guard.page('/staff/flags/:participantId/:flagId', 'flag', false, (a) => ({
    title: a.t('staff:flag.title'),
    body: flagBody(a.t),
    data: { 'participant-id': param(a.req, 'participantId'), 'flag-id': param(a.req, 'flagId') },
  }));

  guard.api('get', '/api/staff/flags', false, async (a) => {
    const q = parse(queueQuery, queryOf(a.req));
    const assignee = q.assignee === undefined ? undefined : q.assignee === 'me' ? a.viewer.email : q.assignee === 'none' ? null : q.assignee.toLowerCase();
    const view = q.caseload ?? (await core.caseload.defaultView(a.viewer));
    const caseload = Caseload.filterOf(view, a.viewer.email);
    const filter = { status: q.status, severity: q.severity, track: q.track, assignee, caseload };
    const [page, everyone] = await Promise.all([
      core.queue.page(filter, q.limit, q.continuation),
      // Beside "my caseload", how many wait in the whole queue: nobody's urgent flag goes unseen.
      caseload === undefined ? undefined : core.queue.counts({ ...filter, caseload: undefined }),
    ]);
    const items = await queueRows(page.rows, core.participants);
    await a.audit({ action: 'flags.list', recordType: 'flag', detail: { status: q.status, count: items.length, caseload: view } });
    a.res.send(200, { items, caseload: view, counts: page.counts, everyone: everyone ?? page.counts, continuation: page.continuation ?? null });
  });

  guard.api('get', '/api/staff/flags/:participantId/:flagId', false, async (a) => {
    const { participantId, flagId } = flagParams(a);
    const flag = await core.review.get(participantId, flagId);
    if (!flag) throw new FlagActionError('not_found');
    const detail = await flagDetail(core, flag, core.clock());
    await a.audit({ action: 'flag.view', recordType: 'flag', recordId: flag.id, participantId });
    a.res.send(200, detail);
  });

  guard.api('post', '/api/staff/flags/:participantId/:flagId/acknowledge', false, async (a) => {
    const { participantId, flagId } = flagParams(a);
    const { flag, changed } = await core.review.acknowledge(participantId, flagId, a.viewer.email);
    await a.audit({ action: 'flag.acknowledge', recordType: 'flag', recordId: flagId, participantId, detail: { changed } });
    if (changed) await core.flagEvents.emit('changed', flag);
    a.res.send(200, { status: flag.status, assignee: flag.assignee, acknowledgedAt: flag.acknowledgedAt, acknowledgedBy: flag.acknowledgedBy, changed });
  });

  guard.api('post', '/api/staff/flags/:participantId/:flagId/notes', false, async (a) => {
    const { participantId, flagId } = flagParams(a);
    const { text } = parse(noteBody, bodyOf(a.req));
    const { flag } = await core.review.addNote(participantId, flagId, a.viewer.email, text);
    await a.audit({ action: 'flag.note', recordType: 'flag', recordId: flagId, participantId, detail: { notes: flag.notes.length } });
    a.res.send(201, { notes: flag.notes });
  });

  // Ends the person's safety episode at their next message (the episode reads the flag); the flag stays as it is.
  guard.api('post', '/api/staff/flags/:participantId/:flagId/safe-to-resume', false, async (a) => {
    const { participantId, flagId } = flagParams(a);
    const { flag, changed } = await core.review.safeToResume(participantId, flagId, a.viewer.email);
    // Outreach waits no longer.
    if (changed && !isUnknownParticipant(participantId)) await releaseOutreach(core.participants, participantId, flagId);
    await a.audit({ action: 'flag.safe_to_resume', recordType: 'flag', recordId: flagId, participantId, detail: { changed } });
    if (changed) await core.flagEvents.emit('changed', flag);
    a.res.send(200, { safeToResumeAt: flag.safeToResumeAt, safeToResumeBy: flag.safeToResumeBy, changed });
  });

  guard.api('post', '/api/staff/flags/:participantId/:flagId/resolve', false, async (a) => {
    const { participantId, flagId } = flagParams(a);
    const { outcome, note } = parse(resolveBody, bodyOf(a.req));
    const { flag } = await core.review.resolve(participantId, flagId, a.viewer.email, outcome, note || undefined);
    await a.audit({ action: 'flag.resolve', recordType: 'flag', recordId: flagId, participantId, detail: { outcome } });
    await core.flagEvents.emit('changed', flag);
    a.res.send(200, { status: flag.status, outcome: flag.outcome, resolvedAt: flag.resolvedAt, resolvedBy: flag.resolvedBy });
  });
}
