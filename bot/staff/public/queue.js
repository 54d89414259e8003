import { api, clear, el, flagHref, loaded, pager, reasonText, severityBadge, t, timeElement, whoText } from './common.js';

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
  renderCounts(data.counts, params);
  const rows = clear(document.getElementById('queue-rows'));
  for (const item of data.items) rows.append(row(item));
  loaded(true, data.items.length === 0 ? 'queue.empty' : undefined);
  pager(data.continuation);
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

function row(item) {
  const severity = el('td', {}, severityBadge(item.severity));
  if (item.escalatedAt) severity.append(' ', el('span', { class: 'tag escalated' }, t('queue.escalated')));
  return el(
    'tr',
    { 'data-flag-id': item.id },
    severity,
    el('td', {}, el('a', { href: flagHref(item.participantId, item.id) }, whoText(item))),
    el('td', {}, item.reasons.map(reasonText).join('; '), ...episodeNote(item)),
    el('td', {}, timeElement(item.createdAt)),
    el('td', {}, t(`status.${item.status}`)),
    el('td', {}, item.assignee || t('app.empty')),
    el('td', {}, item.track ? t(`track.${item.track}`) : t('track.none')),
  );
}

/** A flag that kept hearing from the person (a safety episode): how many messages, and the last one's time. */
function episodeNote(item) {
  if (item.messageCount < 2) return [];
  return [el('br'), el('strong', {}, t('queue.messages', { count: item.messageCount })), ' ', timeElement(item.lastMessageAt)];
}
