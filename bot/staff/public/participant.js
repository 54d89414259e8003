import { answerText, api, channelText, clear, dataOf, dl, el, failureText, formatDate, loadRecord, notice, renderFlagRows, t, timeElement } from './common.js';
import { renderChart } from './chart.js';
import { measureSettingsSection } from './measureSettings.js';
import { showCode } from './participants.js';
import { safetyPlanSection } from './safetyPlan.js';
import { threadSection } from './thread.js';

const id = document.getElementById('main').dataset.participantId;
const base = `/api/staff/participants/${encodeURIComponent(id)}`;

export async function participantPage() {
  bindAdmin();
  bindAssign();
  await load();
  await Promise.all([safetyPlanSection(base), threadSection(id), measureSettingsSection(base)]);
}

function load() {
  return loadRecord(base, render, 'participant');
}

function render({ participant: p, contact, history, screens, checkins, flags }) {
  document.querySelector('h1').textContent = p.displayName;
  dl(document.getElementById('participant-details'), [
    [t('participants.status'), t(`participantStatus.${p.status}`)],
    [t('participants.language'), t(`languageName.${p.language}`)],
    [t('participants.timeZone'), p.timeZone],
    [t('participants.track'), t(`track.${p.track}`)],
    [t('participants.checkinTime'), p.checkinTime],
    [t('participants.screenWeekday'), t(`weekday.${p.screenWeekday}`)],
    [t('participant.channels'), p.channels.map(channelText).join(', ') || t('app.empty')],
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

  renderContact(contact);
  renderCounsellor(p);
  renderHistory(history);
  renderScreens(screens);
  renderAnswers(checkins);
  renderFlagRows(document.getElementById('previous-rows'), flags);
}

function renderContact(contact) {
  const rows = clear(document.getElementById('contact-rows'));
  if (contact.length === 0) rows.append(el('tr', {}, el('td', { colspan: 3 }, t('profile.noContact'))));
  for (const c of contact) {
    const address = el('span', { class: 'contact-address' }, c.masked);
    const reveal = el('button', { type: 'button' }, t('profile.reveal'));
    // A separate call for each look: the server records who saw the number, and when.
    reveal.addEventListener('click', async () => {
      try {
        const shown = await api('POST', `${base}/contact/reveal`, { channel: c.channel });
        address.textContent = shown.value;
        reveal.remove();
      } catch (err) {
        notice(failureText(err), 'error');
      }
    });
    rows.append(el('tr', {}, el('th', { scope: 'row' }, channelText(c.channel)), el('td', {}, address, ' ', reveal), el('td', {}, c.reachable ? t('app.yes') : t('app.no'))));
  }
}

function renderCounsellor(p) {
  document.getElementById('counsellor-name').textContent = p.counsellor || t('caseload.nobody');
  const select = document.getElementById('assign-email');
  if (select) select.dataset.current = p.counsellor || '';
  if (select && select.options.length > 1) select.value = p.counsellor || '';
}

function renderHistory(history) {
  const figure = document.getElementById('chart');
  if (history.days.some((d) => d.mood !== null || d.craving !== null || d.sleepHours !== null || d.flag || d.missed)) renderChart(figure, history, 'profile.chart');
  else clear(figure).append(el('p', {}, t('flag.chartEmpty')));
  const rows = clear(document.getElementById('chart-rows'));
  const cell = (v) => el('td', {}, v === null ? t('app.empty') : String(v));
  for (const day of history.days) {
    rows.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, formatDate(day.date)),
        cell(day.mood),
        cell(day.craving),
        cell(day.sleepHours),
        el('td', {}, day.flag ? t(`severity.${day.flag}`) : t('app.empty')),
        el('td', {}, day.missed ? t('profile.missed') : t('app.empty')),
      ),
    );
  }
}

function renderScreens(screens) {
  const rows = clear(document.getElementById('screen-rows'));
  if (screens.length === 0) rows.append(el('tr', {}, el('td', { colspan: 3 }, t('profile.screensEmpty'))));
  const score = (v) => el('td', {}, v === null ? t('answer.unanswered') : v >= 3 ? el('strong', {}, String(v)) : String(v));
  for (const s of screens) rows.append(el('tr', {}, el('th', { scope: 'row' }, formatDate(s.localDate)), score(s.phq2), score(s.gad2)));
}

/** Every answer of every check-in, medication and the two safety questions included. */
function renderAnswers(checkins) {
  const rows = clear(document.getElementById('history-rows'));
  if (checkins.length === 0) rows.append(el('tr', {}, el('td', { colspan: 11 }, t('participant.historyEmpty'))));
  for (const c of checkins) {
    const a = c.answers;
    const cell = (v) => el('td', {}, answerText(v));
    rows.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, formatDate(c.localDate)),
        el('td', {}, t(`profile.checkinStatus.${c.status}`)),
        cell(a.mood),
        cell(a.craving),
        cell(a.use),
        cell(a.sleepHours),
        cell(a.medication),
        cell(a.wishedDead),
        cell(a.suicidalThoughts),
        el('td', { class: 'participant-text' }, a.note === null ? t('app.empty') : a.note),
        el('td', {}, c.flagId ? t('app.yes') : t('app.empty')),
      ),
    );
  }
}

/** Admins: the counsellor list to choose from, and saving the choice. */
async function bindAssign() {
  const form = document.getElementById('assign-form');
  if (!form) return;
  const select = document.getElementById('assign-email');
  try {
    const { items } = await api('GET', '/api/staff/counsellors');
    for (const s of items) select.append(el('option', { value: s.email }, s.email));
    select.value = select.dataset.current || '';
  } catch (err) {
    notice(failureText(err), 'error');
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('PUT', `${base}/counsellor`, { email: select.value || null });
      notice(t('caseload.assigned'));
      await load();
    } catch (err) {
      notice(failureText(err), 'error');
    }
  });
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
