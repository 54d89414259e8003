import { api, channelText, clear, dataOf, el, failureText, formatDate, loaded, pager, t } from './common.js';

export async function participantsPage() {
  bindEnroll();
  await load();
}

async function load() {
  const params = new URLSearchParams(location.search);
  let data;
  try {
    data = await api('GET', `/api/staff/participants?${params}`);
  } catch {
    loaded(false);
    return;
  }
  const caseload = document.getElementById('p-caseload');
  if (caseload) caseload.value = data.caseload;
  const rows = clear(document.getElementById('participant-rows'));
  for (const p of data.items) rows.append(row(p));
  loaded(true, data.items.length === 0 ? 'participants.empty' : undefined);
  pager(data.continuation);
}

function row(p) {
  const adherence = p.adherence.percent === null ? t('app.empty') : t('list.adherence', p.adherence);
  const flags = p.openFlags > 0 ? el('strong', { class: 'tag open-flags' }, t('list.openFlags', { count: p.openFlags })) : t('list.noFlags');
  return el(
    'tr',
    {},
    el('td', {}, el('a', { href: `/staff/participants/${encodeURIComponent(p.id)}` }, p.displayName)),
    el('td', {}, flags),
    el('td', {}, p.lastCheckin ? formatDate(p.lastCheckin) : t('list.never')),
    el('td', {}, adherence),
    el('td', {}, p.counsellor || t('caseload.nobody')),
    el('td', {}, t(`participantStatus.${p.status}`)),
    el('td', {}, t(`track.${p.track}`)),
    el('td', {}, t(`languageName.${p.language}`)),
    el('td', {}, p.channels.map(channelText).join(', ') || t('app.empty')),
  );
}

function bindEnroll() {
  const form = document.getElementById('enroll-form');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = dataOf(form);
    // The last person's code must not stay on screen beside a new attempt: it could be handed to the wrong person.
    const result = clear(document.getElementById('enroll-result'));
    try {
      const enrolled = await api('POST', '/api/staff/participants', { ...input, screenWeekday: Number(input.screenWeekday) });
      showCode(result, enrolled.participant.displayName, enrolled.enrollmentCode, enrolled.expiresInDays);
      form.reset();
      await load();
    } catch (err) {
      // Said beside the button, where a phone's screen is: the page notice sits far above the form.
      result.append(el('p', { class: 'error' }, failureText(err)));
    }
  });
}

/** The one-time code, shown once in a live region. */
export function showCode(region, name, code, days) {
  clear(region).append(
    el('h3', {}, t('participants.codeTitle')),
    el('p', { class: 'code' }, el('strong', { id: 'enrollment-code' }, code)),
    el('p', {}, t('participants.codeShownOnce', { name, days })),
  );
}
