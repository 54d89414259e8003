import { TRACKS } from '../../domain/participant';
import { AppError } from '../../errors';
import { assignmentKey, parseAssignment, parseOrRefuse } from '../../lessons/assignments';
import { rescheduleTrack } from '../../outreach/reschedule';
import { StaffCore } from '../staffCore';
import { StaffGuard } from './guard';
import { lessonsBody } from './lessonsPage';
import { param } from './params';
import { bodyOf } from './web';

/**
 * Each track's weekly lessons (admins): the page, the plan with the library,
 * assigning a week's lesson and removing it. Every change reschedules the
 * track's participants at once and is audited; bad input is a 400 that
 * changes nothing.
 */
export function registerLessonRoutes(guard: StaffGuard, core: StaffCore): void {
  const { lessons } = core;

  guard.page('/staff/lessons', 'lessons', true, (a) => ({ title: a.t('staff:lessons.title'), body: lessonsBody(a.t, lessons.library.list()) }));

  guard.api('get', '/api/staff/lessons', true, async (a) => {
    const assignments = await lessons.assignments.list();
    await a.audit({ action: 'lessons.view', recordType: 'lessonAssignment', detail: { count: assignments.length } });
    a.res.send(200, {
      tracks: TRACKS,
      lessonWeekdays: core.config.outreach.lessonWeekdays,
      library: lessons.library.list().map((l) => ({ id: l.id, topic: l.topic, title: a.t(l.titleKey), messages: l.messageKeys.length })),
      assignments: assignments.map(({ _etag, pk: _pk, id: _id, ...rest }) => rest),
    });
  });

  guard.api('post', '/api/staff/lessons', true, async (a) => {
    const { _csrf: _c, ...input } = bodyOf(a.req);
    const valid = parseAssignment(input, lessons.library);
    const saved = await lessons.assignments.assign(valid, a.viewer.email, core.clock());
    const rescheduled = await rescheduleTrack(core, valid.track);
    await a.audit({ action: 'lessons.assign', recordType: 'lessonAssignment', recordId: `${saved.track}:${saved.weekStart}`, detail: { lessonId: saved.lessonId, rescheduled } });
    const { _etag, pk: _pk, id: _id, ...assignment } = saved;
    a.res.send(200, { assignment, rescheduled });
  });

  guard.api('del', '/api/staff/lessons/:track/:weekStart', true, async (a) => {
    const { track, weekStart } = parseOrRefuse(assignmentKey, { track: param(a.req, 'track'), weekStart: param(a.req, 'weekStart') });
    if (!(await lessons.assignments.remove(track, weekStart))) throw new AppError('not_found', 'that week has no lesson for the track');
    const rescheduled = await rescheduleTrack(core, track);
    await a.audit({ action: 'lessons.unassign', recordType: 'lessonAssignment', recordId: `${track}:${weekStart}`, detail: { rescheduled } });
    a.res.send(200, { removed: true, rescheduled });
  });
}
