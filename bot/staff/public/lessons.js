import { api, clear, dataOf, el, failureText, loaded, notice, t } from './common.js';

/** The weekly lesson plan (admins): the table from the API, the assign form and a Remove button per week. */
export async function lessonsPage() {
  const form = document.getElementById('lesson-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { assignment } = await api('POST', '/api/staff/lessons', dataOf(form));
      notice(t('lessons.saved', { lesson: titleOf(assignment.lessonId), week: assignment.weekStart }));
      await load();
    } catch (err) {
      notice(failureText(err), 'error');
    }
  });
  await load();
}

let library = [];

function titleOf(lessonId) {
  return library.find((l) => l.id === lessonId)?.title ?? lessonId;
}

async function load() {
  let data;
  try {
    data = await api('GET', '/api/staff/lessons');
  } catch {
    loaded(false);
    return;
  }
  library = data.library;
  const rows = clear(document.getElementById('lesson-rows'));
  for (const a of data.assignments) {
    const remove = el('button', { type: 'button', 'aria-label': `${t('lessons.remove')} ${t(`track.${a.track}`)} ${a.weekStart}` }, t('lessons.remove'));
    remove.addEventListener('click', async () => {
      try {
        await api('DELETE', `/api/staff/lessons/${encodeURIComponent(a.track)}/${encodeURIComponent(a.weekStart)}`);
        notice(t('lessons.removed', { week: a.weekStart }));
        await load();
      } catch (err) {
        notice(failureText(err), 'error');
      }
    });
    rows.append(
      el(
        'tr',
        { 'data-track': a.track, 'data-week': a.weekStart },
        el('td', {}, t(`track.${a.track}`)),
        el('td', {}, a.weekStart),
        el('td', {}, titleOf(a.lessonId)),
        el('td', {}, a.assignedBy),
        el('td', {}, remove),
      ),
    );
  }
  loaded(true, data.assignments.length === 0 ? 'lessons.empty' : undefined);
}
