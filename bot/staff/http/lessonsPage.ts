import type { TFunction } from 'i18next';
import { TRACKS } from '../../domain/participant';
import { Lesson } from '../../lessons/library';
import { html, Html } from './html';

/**
 * The weekly lesson plan (admins): a form to give a track's week a lesson
 * from the library, and the plan as a table whose rows lessons.js fills from
 * the API. The library's titles are in the staff member's language.
 */
export function lessonsBody(t: TFunction, library: Lesson[]): Html {
  return html`<p>${t('staff:lessons.intro')}</p>
<section aria-labelledby="assign-title"><h2 id="assign-title">${t('staff:lessons.assign')}</h2>
<form id="lesson-form">
<p><label for="l-track">${t('staff:lessons.track')}</label>
<select id="l-track" name="track" required>${TRACKS.map((track) => html`<option value="${track}">${t(`staff:track.${track}`)}</option>`)}</select></p>
<p><label for="l-week">${t('staff:lessons.week')}</label><input id="l-week" name="weekStart" type="date" required aria-describedby="l-week-hint">
<span id="l-week-hint" class="hint">${t('staff:lessons.weekHint')}</span></p>
<p><label for="l-lesson">${t('staff:lessons.lesson')}</label>
<select id="l-lesson" name="lessonId" required>${library.map(
    (l) => html`<option value="${l.id}">${t(l.titleKey)} (${t(`lessons:topic.${l.topic}`)})</option>`,
  )}</select></p>
<button type="submit">${t('staff:lessons.save')}</button>
</form>
</section>
<p id="load-status" class="load-status">${t('staff:app.loading')}</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:lessons.caption')}">
<table class="data"><caption>${t('staff:lessons.caption')}</caption><thead><tr>
<th scope="col">${t('staff:lessons.colTrack')}</th><th scope="col">${t('staff:lessons.colWeek')}</th><th scope="col">${t('staff:lessons.colLesson')}</th>
<th scope="col">${t('staff:lessons.colBy')}</th><th scope="col">${t('staff:lessons.colRemove')}</th>
</tr></thead><tbody id="lesson-rows"></tbody></table>
</div>`;
}
