import type { TFunction } from 'i18next';
import { isContactSection, SECTIONS } from '../../safetyPlan/sections';
import { html, Html } from './html';

/**
 * The safety plan on the participant's page: the open suggestions from the
 * participant, the plan form (one fieldset per part: a textarea of lines, or
 * rows of name and phone that safetyPlan.js adds), and the versions. Every
 * clinician may edit it. safetyPlan.js fills it from the API.
 */
export function safetyPlanSection(t: TFunction): Html {
  return html`<section aria-labelledby="plan-title" id="safety-plan"><h2 id="plan-title">${t('staff:safetyPlan.title')}</h2>
<p>${t('staff:safetyPlan.intro')}</p>
<p id="plan-meta"></p>
<h3 id="plan-suggestions-title">${t('staff:safetyPlan.suggestions')}</h3>
<ul id="plan-suggestions" class="suggestions" aria-labelledby="plan-suggestions-title"></ul>
<form id="plan-form">
${SECTIONS.map((s) =>
  isContactSection(s)
    ? html`<fieldset><legend>${t(`staff:safetyPlan.section.${s}`)}</legend>
<ul class="contacts" data-contacts="${s}"></ul>
<button type="button" data-add-contact="${s}">${t('staff:safetyPlan.addPerson')}</button>
</fieldset>`
    : html`<fieldset><legend>${t(`staff:safetyPlan.section.${s}`)}</legend>
<label for="plan-${s}">${t('staff:safetyPlan.onePerLine')}</label>
<textarea id="plan-${s}" name="${s}" rows="3" maxlength="2600"></textarea>
</fieldset>`,
)}
<button type="submit">${t('staff:safetyPlan.save')}</button>
</form>
<h3 id="plan-versions-title">${t('staff:safetyPlan.versions')}</h3>
<ul id="plan-versions" aria-labelledby="plan-versions-title"></ul>
</section>`;
}
