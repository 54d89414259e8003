import { answerText, api, clear, dataOf, dl, el, failureText, formatDate, loadRecord, notice, renderFlagRows, t, timeElement } from './common.js';
import { showCode } from './participants.js';
import { safetyPlanSection } from './safetyPlan.js';
import { threadSection } from './thread.js';

const id = document.getElementById('main').dataset.participantId;
const base = `/api/staff/participants/${encodeURIComponent(id)}`;

export async function participantPage() {
  bindAdmin();
  await load();
  await Promise.all([safetyPlanSection(base), threadSection(id)]);
}

function load() {
  return loadRecord(base, render, 'participant');
}

function render({ participant: p, checkins, flags }) {
  document.querySelector('h1').textContent = p.displayName;
  dl(document.getElementById('participant-details'), [
    [t('participants.status'), t(`participantStatus.${p.status}`)],
    [t('participants.language'), t(`languageName.${p.language}`)],
    [t('participants.timeZone'), p.timeZone],
    [t('participants.track'), t(`track.${p.track}`)],
    [t('participants.checkinTime'), p.checkinTime],
    [t('participants.screenWeekday'), t(`weekday.${p.screenWeekday}`)],
    [t('participant.channels'), p.channels.join(', ') || t('app.empty')],
    [t('participant.consent'), p.consent ? t('app.yes') : t('app.no')],
    [t('participant.optedOut'), p.optedOut ? t('app.yes') : t('app.no')],
    [t('participant.enrolled'), timeElement(p.createdAt)],
  ]);

  const form = document.getElementById('edit-form');
  if (form) {
    // A zone kept on the record under an older alias is not in the list: offer it, so saving keeps it.
    const zones = form.elements.timeZone;
    if (![...zones.options].some((o) => o.value === p.timeZone)) zones.prepend(el('option', { value: p.timeZone }, p.timeZone));
    for (const name of ['language', 'timeZone', 'track', 'checkinTime', 'screenWeekday']) form.elements[name].value = String(p[name]);
  }
  const actions = document.getElementById('status-actions');
  if (actions) {
    const allowed = { pause: p.status === 'active', resume: p.status === 'paused', discharge: p.status !== 'discharged' };
    for (const button of actions.querySelectorAll('button[data-action]')) button.hidden = !allowed[button.dataset.action];
    document.getElementById('code-button').hidden = p.status === 'discharged';
  }

  const rows = clear(document.getElementById('history-rows'));
  if (checkins.length === 0) rows.append(el('tr', {}, el('td', { colspan: 6 }, t('participant.historyEmpty'))));
  for (const c of checkins) {
    const value = (v) => el('td', {}, v === null ? t('app.empty') : String(v));
    rows.append(
      el('tr', {}, el('th', { scope: 'row' }, formatDate(c.localDate)), value(c.mood), value(c.craving), value(c.sleepHours), el('td', {}, answerText(c.use)), el('td', {}, c.flagId ? t('app.yes') : t('app.empty'))),
    );
  }

  renderFlagRows(document.getElementById('previous-rows'), flags);
}

function bindAdmin() {
  const run = async (call) => {
    try {
      await call();
      notice(t('app.saved'));
      await load();
    } catch (err) {
      notice(failureText(err), 'error');
    }
  };
  const form = document.getElementById('edit-form');
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = dataOf(form);
    run(() => api('PATCH', base, { ...input, screenWeekday: Number(input.screenWeekday) }));
  });
  for (const button of document.querySelectorAll('#status-actions button[data-action]')) {
    button.addEventListener('click', () => {
      if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
      run(() => api('POST', `${base}/status`, { action: button.dataset.action }));
    });
  }
  document.getElementById('code-button')?.addEventListener('click', async () => {
    try {
      const result = await api('POST', `${base}/enrollment-code`, {});
      showCode(document.getElementById('code-result'), document.querySelector('h1').textContent, result.enrollmentCode, result.expiresInDays);
    } catch (err) {
      notice(failureText(err), 'error');
    }
  });
}
