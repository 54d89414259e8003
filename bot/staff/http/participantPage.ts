import type { TFunction } from 'i18next';
import { Html, html } from './html';
import type { Viewer } from './viewer';
import { threadSection } from './threadPage';

/**
 * Contact (masked, with an audited reveal), counsellor, the 90-day chart with
 * its table, the weekly screens, and the care-team thread (threadPage.ts).
 */
export function participantProfileSections(t: TFunction, viewer: Viewer): Html {
  return html`<section aria-labelledby="contact-title"><h2 id="contact-title">${t('staff:profile.contact')}</h2>
<p>${t('staff:profile.revealNote')}</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:profile.contact')}">
<table class="data"><caption class="visually-hidden">${t('staff:profile.contact')}</caption><thead><tr>
<th scope="col">${t('staff:profile.colChannel')}</th><th scope="col">${t('staff:profile.colAddress')}</th><th scope="col">${t('staff:profile.colReachable')}</th>
</tr></thead><tbody id="contact-rows"></tbody></table>
</div>
</section>
<section aria-labelledby="counsellor-title"><h2 id="counsellor-title">${t('staff:caseload.counsellor')}</h2>
<p id="counsellor-name"></p>
${
  viewer.role === 'admin'
    ? html`<form id="assign-form">
<p><label for="assign-email">${t('staff:caseload.assign')}</label><select id="assign-email" name="email"><option value="">${t('staff:caseload.nobody')}</option></select></p>
<button type="submit">${t('staff:caseload.assignSave')}</button>
</form>`
    : ''
}
</section>
${threadSection(t)}
<section aria-labelledby="chart-title"><h2 id="chart-title">${t('staff:profile.chart')}</h2>
<figure id="chart" class="chart"></figure>
<details><summary>${t('staff:flag.chartTable')}</summary>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:profile.chart')}">
<table class="data"><caption>${t('staff:profile.chart')}</caption><thead><tr>
<th scope="col">${t('staff:flag.date')}</th><th scope="col">${t('staff:flag.chartMood')}</th><th scope="col">${t('staff:flag.chartCraving')}</th><th scope="col">${t('staff:flag.chartSleep')}</th><th scope="col">${t('staff:flag.chartFlag')}</th><th scope="col">${t('staff:profile.missed')}</th>
</tr></thead><tbody id="chart-rows"></tbody></table>
</div>
</details>
</section>
<section aria-labelledby="screens-title"><h2 id="screens-title">${t('staff:profile.screens')}</h2>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:profile.screens')}">
<table class="data"><caption>${t('staff:profile.screensCaption')}</caption><thead><tr>
<th scope="col">${t('staff:flag.date')}</th><th scope="col">${t('staff:profile.phq2')}</th><th scope="col">${t('staff:profile.gad2')}</th>
</tr></thead><tbody id="screen-rows"></tbody></table>
</div>
</section>`;
}
