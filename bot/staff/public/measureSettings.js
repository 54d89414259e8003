// The participant's questionnaire settings on their page: the weekly stepped
// screen or the full PHQ-9/GAD-7 every N weeks, and the substance-use program
// with its BAM every N weeks. A blank number of weeks is the program default.
import { api, failureText, notice, t } from './common.js';

let path = '';

export async function measureSettingsSection(participantBase) {
  path = `${participantBase}/measure-settings`;
  const form = document.getElementById('measures-form');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      render(await api('PUT', path, bodyOf(form)));
      notice(t('measures.saved'));
    } catch (err) {
      notice(failureText(err), 'error');
    }
  });
  form.elements.schedule.forEach((radio) => radio.addEventListener('change', () => syncEnabled(form)));
  form.elements.substanceUse.addEventListener('change', () => syncEnabled(form));
  try {
    render(await api('GET', path));
  } catch (err) {
    notice(failureText(err), 'error');
  }
}

/** Blank weeks = 'default'; the number field of a choice not taken is not sent as a choice. */
function bodyOf(form) {
  const weeks = (input) => (input.value.trim() === '' ? 'default' : Number(input.value));
  const full = form.elements.schedule.value === 'full';
  return {
    substanceUse: form.elements.substanceUse.checked,
    fullEvery: full ? weeks(form.elements.fullEvery) : 'off',
    bamEvery: weeks(form.elements.bamEvery),
  };
}

function render(s) {
  const form = document.getElementById('measures-form');
  form.elements.schedule.value = s.fullMeasures ? 'full' : 'stepped';
  form.elements.fullEvery.value = s.fullEveryWeeks === null ? '' : String(s.fullEveryWeeks);
  form.elements.substanceUse.checked = s.substanceUse;
  form.elements.bamEvery.value = s.bamEveryWeeks === null ? '' : String(s.bamEveryWeeks);
  document.getElementById('measures-full-hint').textContent = t('measures.defaultHint', { weeks: s.defaults.fullEveryWeeks });
  document.getElementById('measures-bam-hint').textContent = t('measures.defaultHint', { weeks: s.defaults.bamEveryWeeks });
  const { fullEveryWeeks, bamEveryWeeks } = s.effective;
  const schedule = fullEveryWeeks === null ? t('measures.summaryStepped') : t('measures.summaryFull', { weeks: fullEveryWeeks });
  const bam = s.substanceUse ? t('measures.summaryBam', { weeks: bamEveryWeeks }) : t('measures.summaryNoBam');
  document.getElementById('measures-summary').textContent = `${schedule} ${bam}`;
  syncEnabled(form);
}

/** A number of weeks only counts with its choice: the other field is disabled, not hidden. */
function syncEnabled(form) {
  form.elements.fullEvery.disabled = form.elements.schedule.value !== 'full';
  form.elements.bamEvery.disabled = !form.elements.substanceUse.checked;
}
