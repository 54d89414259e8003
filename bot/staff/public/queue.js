import { agoElement, api, clear, el, flagHref, loaded, pager, reasonText, severityBadge, startRelativeClock, t, timeElement, whoText } from './common.js';

const SEVERITIES = ['urgent', 'high', 'moderate', 'low'];

export async function queuePage() {
  const params = new URLSearchParams(location.search);
  let data;
  try {
    data = await api('GET', `/api/staff/flags?${params}`);
  } catch {
    loaded(false);
    return;
  }
  // The API says which view it chose when none was asked for ("my caseload" for a clinician with one).
  const caseload = document.getElementById('f-caseload');
  if (caseload) caseload.value = data.caseload;
  params.set('caseload', data.caseload);
  renderCounts(data.counts, params);
  renderEveryone(data);
  const rows = clear(document.getElementById('queue-rows'));
  for (const item of data.items) rows.append(row(item));
  loaded(true, data.items.length === 0 ? 'queue.empty' : undefined);
  pager(data.continuation);
  startRelativeClock();
}

function renderCounts(counts, params) {
  const list = clear(document.getElementById('counts'));
  for (const severity of SEVERITIES) {
    const filter = new URLSearchParams(params);
    filter.set('severity', severity);
    filter.delete('continuation');
    list.append(
      el('li', { class: `count severity-${severity}` }, el('a', { href: `/staff?${filter}` }, `${t(`severity.${severity}`)}: `, el('strong', {}, String(counts[severity])))),
    );
  }
}

/** Beside a caseload, the whole queue's size: an urgent flag of someone else's participant is never out of sight. */
function renderEveryone(data) {
  const line = document.getElementById('everyone');
  if (!line) return;
  const total = SEVERITIES.reduce((sum, s) => sum + data.everyone[s], 0);
  line.hidden = data.caseload === 'all';
  line.textContent = t('caseload.everyone', { total, urgent: data.everyone.urgent });
}

/** One participant: their top flag's severity, who, and each of their flags with its reasons and how long ago. */
function row(item) {
  const top = item.flags[0];
  const severity = el('td', {}, severityBadge(item.severity));
  if (item.flags.some((f) => f.escalatedAt)) severity.append(' ', el('span', { class: 'tag escalated' }, t('queue.escalated')));
  return el(
    'tr',
    { 'data-flag-id': top.id, 'data-participant-id': item.participantId },
    severity,
    el('td', {}, el('a', { href: flagHref(item.participantId, top.id) }, whoText(item))),
    el('td', {}, el('ul', { class: 'row-flags' }, item.flags.map(flagLine))),
    el('td', {}, agoElement(top.createdAt)),
    el('td', {}, t(`status.${top.status}`)),
    el('td', {}, top.assignee || t('app.empty')),
    el('td', {}, item.track ? t(`track.${item.track}`) : t('track.none')),
  );
}

function flagLine(flag) {
  return el(
    'li',
    {},
    el('a', { href: flagHref(flag.participantId, flag.id) }, severityBadge(flag.severity), ' ', agoElement(flag.createdAt)),
    ' ',
    flag.reasons.map(reasonText).join('; '),
    ...episodeNote(flag),
  );
}

/** A flag that kept hearing from the person (a safety episode): how many messages, and the last one's time. */
function episodeNote(item) {
  if (item.messageCount < 2) return [];
  return [el('br'), el('strong', {}, t('queue.messages', { count: item.messageCount })), ' ', timeElement(item.lastMessageAt)];
}
