import type { TFunction } from 'i18next';
import { html, Html } from './html';

/**
 * The participant's measure settings (measureSettings.js fills and saves
 * them): the weekly stepped screen or a full PHQ-9/GAD-7 every N weeks, and
 * the substance-use program with its BAM every N weeks. A blank number of
 * weeks is the program's default, which the hints name once loaded.
 */
export function measureSettingsSection(t: TFunction): Html {
  return html`<section aria-labelledby="measures-title" id="measure-settings"><h2 id="measures-title">${t('staff:measures.title')}</h2>
<p id="measures-summary" role="status" aria-live="polite"></p>
<form id="measures-form">
<fieldset><legend>${t('staff:measures.scheduleLegend')}</legend>
<p><input type="radio" id="measures-stepped" name="schedule" value="stepped"> <label for="measures-stepped">${t('staff:measures.stepped')}</label></p>
<p><input type="radio" id="measures-full" name="schedule" value="full"> <label for="measures-full">${t('staff:measures.full')}</label></p>
<p><label for="measures-full-every">${t('staff:measures.fullEvery')}</label>
<input type="number" id="measures-full-every" name="fullEvery" min="1" max="52" step="1" inputmode="numeric" aria-describedby="measures-full-hint">
<span id="measures-full-hint" class="hint"></span></p>
</fieldset>
<fieldset><legend>${t('staff:measures.substanceLegend')}</legend>
<p><input type="checkbox" id="measures-substance" name="substanceUse" value="yes"> <label for="measures-substance">${t('staff:measures.substanceUse')}</label></p>
<p><label for="measures-bam-every">${t('staff:measures.bamEvery')}</label>
<input type="number" id="measures-bam-every" name="bamEvery" min="1" max="52" step="1" inputmode="numeric" aria-describedby="measures-bam-hint">
<span id="measures-bam-hint" class="hint"></span></p>
</fieldset>
<button type="submit">${t('staff:measures.save')}</button>
</form>
</section>`;
}
