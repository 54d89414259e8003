// Shared helpers of the dashboard pages. Everything from the API is put into
// the page as text (textContent / createTextNode), never parsed as markup.

const messages = JSON.parse(document.getElementById('puente-i18n')?.textContent || '{}');
const body = document.body;
export const language = body.dataset.lang || 'en';
export const timeZone = body.dataset.timeZone || 'UTC';
export const role = body.dataset.role || 'clinician';
const csrfToken = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') || '';

/** A label from the `staff` namespace; `{{name}}` placeholders filled from vars. */
export function t(key, vars = {}) {
  const value = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), messages);
  if (typeof value !== 'string') return key;
  return value.replace(/\{\{(\w+)\}\}/g, (_, name) => (name in vars ? String(vars[name]) : ''));
}

export function has(key) {
  return t(key) !== key;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.message || body.error)) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** JSON call with the session cookie and the CSRF header; a lost session goes back to sign-in. */
export async function api(method, path, payload, extraHeaders = {}) {
  const headers = { Accept: 'application/json', 'X-CSRF-Token': csrfToken, ...extraHeaders };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  if (res.status === 401) {
    location.assign(`/staff/sign-in?expired=1&next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, null);
  }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** createElement with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const locale = language === 'es' ? 'es-US' : 'en-US';
const timeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });

export function formatTime(iso) {
  return iso ? timeFormat.format(new Date(iso)) : t('app.empty');
}

/** A local calendar date 'YYYY-MM-DD' (no zone shift). */
export function formatDate(localDate, short = false) {
  const d = new Date(`${localDate}T00:00:00Z`);
  return (short ? shortDate : dateFormat).format(d);
}

export function timeElement(iso) {
  return el('time', { datetime: iso }, formatTime(iso));
}

export function severityBadge(severity) {
  return el('span', { class: `severity severity-${severity}` }, t(`severity.${severity}`));
}

/** Reasons whose `kind` is the kind of danger (suicide, overdose, …), said in words beside the reason. */
const DANGER_CODES = new Set(['crisis_language', 'possible_risk', 'risk_confirmed']);

/** A detail value in words: yes/no and codes through the locale, numbers and dates as they are. */
function detailValue(value) {
  if (typeof value === 'number') return String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (has(`detailValue.${value}`)) return t(`detailValue.${value}`);
  if (has(`channelName.${value}`)) return t(`channelName.${value}`);
  return has(`answer.value.${value}`) ? t(`answer.value.${value}`) : String(value);
}

/** One reason in the dashboard's language: its label, the kind of danger, its values. Never a rule id. */
export function reasonText(reason) {
  const code = has(`reason.${reason.code}`) ? t(`reason.${reason.code}`) : reason.code;
  const danger = DANGER_CODES.has(reason.code);
  const kind = danger ? reason.detail?.kind : undefined;
  const label = kind ? t('reasonWithKind', { reason: code, kind: has(`kind.${kind}`) ? t(`kind.${kind}`) : t('kind.unknown') }) : code;
  const detail = reason.detail
    ? Object.entries(reason.detail)
        // The detector's rule id, and a danger kind already said in the label.
        .filter(([k]) => k !== 'rule' && !(danger && k === 'kind'))
        .map(([k, v]) => `${has(`detail.${k}`) ? t(`detail.${k}`) : has(`answer.${k}`) ? t(`answer.${k}`) : k}: ${detailValue(v)}`)
        .join(', ')
    : '';
  return detail ? `${label} (${detail})` : label;
}

export function channelText(channel) {
  return has(`channelName.${channel}`) ? t(`channelName.${channel}`) : channel;
}

/** Who a flag is about: the participant's name, or a stranger's channel and masked address. */
export function whoText(item) {
  if (item.participant) return item.participant.displayName;
  if (item.sender) return t('stranger', { channel: channelText(item.sender.channel), masked: item.sender.masked });
  return t('app.unknownSender', { channel: item.senderChannel ? channelText(item.senderChannel) : t('app.empty') });
}

const serverOffset = (Date.parse(body.dataset.now || '') || Date.now()) - Date.now();
const relativeFormat = new Intl.RelativeTimeFormat(language === 'es' ? 'es-US' : 'en-US', { numeric: 'auto' });
const UNITS = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** "14 minutes ago" / "hace 14 minutos", counted from the server's clock. */
export function relativeTime(iso) {
  const seconds = Math.round((Date.parse(iso) - (Date.now() + serverOffset)) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat.format(0, 'minute');
}

/** A <time> that says how long ago, with the exact time as its title; kept current by startRelativeClock. */
export function agoElement(iso) {
  return el('time', { datetime: iso, title: formatTime(iso), 'data-relative': iso }, relativeTime(iso));
}

let ticking = false;
/** Every relative time on the page moves on by itself: no reload needed. */
export function startRelativeClock(everyMs = 30_000) {
  if (ticking) return;
  ticking = true;
  setInterval(() => {
    for (const node of document.querySelectorAll('[data-relative]')) node.textContent = relativeTime(node.dataset.relative);
  }, everyMs);
}

export function flagHref(participantId, flagId) {
  return `/staff/flags/${encodeURIComponent(participantId)}/${encodeURIComponent(flagId)}`;
}

/** Announces the outcome of an action in the page's live region. */
export function notice(text, kind = 'info') {
  const region = document.getElementById('notice');
  if (!region) return;
  region.className = `notice ${kind === 'error' ? 'error' : ''}`.trim();
  region.textContent = text;
}

export function failureText(err) {
  if (err instanceof ApiError && err.status === 403 && err.body?.error !== 'csrf') return t('app.forbidden');
  if (err instanceof ApiError && err.status === 404) return t('app.notFound');
  const code = err instanceof ApiError ? err.body?.error : undefined;
  if (code === 'invalid') return invalidText(err.body);
  if (code && has(`app.errorCode.${code}`)) return t(`app.errorCode.${code}`);
  return t('app.failed', { reason: err.message });
}

/** A refused input in the page's language, from the API's stable problem code (never its English message). */
function invalidText({ problem, field, limit }) {
  const text = has(`app.invalid.${problem}`) ? t(`app.invalid.${problem}`, { limit }) : t('app.invalid.other');
  return field && has(`app.field.${field}`) ? t('app.invalidField', { field: t(`app.field.${field}`), problem: text }) : text;
}

export function loaded(ok, emptyKey) {
  const status = document.getElementById('load-status');
  if (!status) return;
  if (!ok) {
    status.textContent = t('app.loadFailed');
    status.classList.add('error');
    return;
  }
  if (emptyKey) status.textContent = t(emptyKey);
  else status.hidden = true;
}

/** A table body of flags (when, severity, reasons, status), each linking to its page. */
export function renderFlagRows(tbody, flags) {
  const rows = clear(tbody);
  if (flags.length === 0) rows.append(el('tr', {}, el('td', { colspan: 4 }, t('flag.noPrevious'))));
  for (const f of flags) {
    rows.append(
      el(
        'tr',
        {},
        el('td', {}, el('a', { href: flagHref(f.participantId, f.id) }, timeElement(f.createdAt))),
        el('td', {}, severityBadge(f.severity)),
        el('td', {}, f.reasons.map(reasonText).join('; ')),
        el('td', {}, t(`status.${f.status}`)),
      ),
    );
  }
}

/** Loads one record's page: renders it and shows its section, or says why it could not. */
export async function loadRecord(path, render, sectionId) {
  let data;
  try {
    data = await api('GET', path);
  } catch (err) {
    loaded(false);
    notice(failureText(err), 'error');
    return;
  }
  render(data);
  loaded(true);
  document.getElementById(sectionId).hidden = false;
}

/** The "next page" / "first page" links carry the continuation token in the URL. */
export function pager(continuation) {
  const next = document.getElementById('page-next');
  const first = document.getElementById('page-first');
  const params = new URLSearchParams(location.search);
  if (next) {
    if (continuation) {
      params.set('continuation', continuation);
      next.href = `${location.pathname}?${params}`;
      next.hidden = false;
    } else next.hidden = true;
  }
  if (first) {
    const here = new URLSearchParams(location.search);
    if (here.has('continuation')) {
      here.delete('continuation');
      first.href = `${location.pathname}?${here}`;
      first.hidden = false;
    }
  }
}

export function dataOf(form) {
  const out = {};
  for (const [name, value] of new FormData(form).entries()) out[name] = typeof value === 'string' ? value : '';
  return out;
}

export function answerText(value) {
  if (value === null || value === undefined) return t('answer.unanswered');
  if (value === true) return t('app.yes');
  if (value === false) return t('app.no');
  if (typeof value === 'string' && has(`answer.value.${value}`)) return t(`answer.value.${value}`);
  return String(value);
}

export function dl(target, pairs) {
  clear(target);
  for (const [term, value] of pairs) {
    if (value === undefined) continue;
    target.append(el('dt', {}, term), el('dd', {}, value));
  }
}
