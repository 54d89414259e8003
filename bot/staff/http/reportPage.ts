import type { TFunction } from 'i18next';
import { TRACKS } from '../../domain/participant';
import { html, Html } from './html';

/**
 * The Program page (admins): the period form, the CSV link, and one section
 * per figure. Each chart (reportCharts.js) is an SVG with a title and a
 * description that takes keyboard focus; the same numbers are in the table
 * under it, which is what a screen reader or a printout reads. reports.js
 * fills both from /api/staff/reports.
 */
export function reportBody(t: TFunction, range: { from: string; to: string; track?: string }): Html {
  const query = new URLSearchParams({ from: range.from, to: range.to, ...(range.track ? { track: range.track } : {}) });
  const k = (key: string) => t(`staff:reports.${key}`);
  return html`<p>${k('intro')}</p>
<form id="report-form" method="get" action="/staff/reports" class="filters">
<fieldset><legend>${k('range')}</legend>
<p><label for="r-from">${k('from')}</label><input id="r-from" name="from" type="date" required value="${range.from}"></p>
<p><label for="r-to">${k('to')}</label><input id="r-to" name="to" type="date" required value="${range.to}"></p>
<p><label for="r-track">${k('track')}</label><select id="r-track" name="track">
<option value=""${range.track ? '' : html` selected`}>${k('allTracks')}</option>
${TRACKS.map((tr) => html`<option value="${tr}"${range.track === tr ? html` selected` : ''}>${t(`staff:track.${tr}`)}</option>`)}
</select></p>
<button type="submit">${k('show')}</button>
</fieldset>
</form>
<p><a id="report-export" href="/api/staff/reports.csv?${query.toString()}" download>${k('export')}</a></p>
<p id="load-status" class="load-status">${t('staff:app.loading')}</p>
<div id="report" hidden>
<section aria-labelledby="rp-participants"><h2 id="rp-participants">${k('participants.title')}</h2><dl id="report-participants" class="facts"></dl></section>
<section aria-labelledby="rp-adherence"><h2 id="rp-adherence">${k('adherence.title')}</h2>
<figure id="chart-adherence" class="chart"></figure>
${table('adherence', k('adherence.caption'), [k('adherence.week'), k('adherence.track'), k('adherence.expected'), k('adherence.completed'), k('adherence.rate')])}
<p class="note">${k('adherence.note')}</p>
</section>
<section aria-labelledby="rp-response"><h2 id="rp-response">${k('response.title')}</h2><dl id="report-response" class="facts"></dl></section>
<section aria-labelledby="rp-flags"><h2 id="rp-flags">${k('flags.title')}</h2>
<dl id="report-flag-totals" class="facts"></dl>
<figure id="chart-flags" class="chart"></figure>
${table('flags', k('flags.caption'), [k('flags.severity'), k('flags.count')])}
${table('ack', k('flags.ackCaption'), [k('flags.when'), k('flags.acknowledged'), k('flags.median'), k('flags.p90')])}
</section>
<section aria-labelledby="rp-scores"><h2 id="rp-scores">${k('scores.title')}</h2>
${table('scores', k('scores.caption'), [k('scores.measure'), k('scores.participants'), k('scores.meanChange'), k('scores.improved')])}
<p class="note">${k('scores.note')}</p>
</section>
<section aria-labelledby="rp-bam"><h2 id="rp-bam">${k('bam.title')}</h2>
<figure id="chart-bam" class="chart"></figure>
${table('bam', k('bam.caption'), [k('bam.period'), k('bam.administrations'), k('bam.use'), k('bam.risk'), k('bam.protective')])}
</section>
<section aria-labelledby="rp-lessons"><h2 id="rp-lessons">${k('lessons.title')}</h2><dl id="report-lessons" class="facts"></dl></section>
</div>`;
}

function table(id: string, caption: string, columns: string[]): Html {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-label="${caption}">
<table class="data" id="table-${id}"><caption>${caption}</caption><thead><tr>
${columns.map((c) => html`<th scope="col">${c}</th>`)}
</tr></thead><tbody id="rows-${id}"></tbody></table>
</div>`;
}
