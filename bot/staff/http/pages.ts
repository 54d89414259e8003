import type { TFunction } from 'i18next';
import { TRACKS } from '../../domain/participant';
import { COMMON_ZONES, otherZones } from '../../domain/timeZones';
import { SEVERITIES } from '../../flags/flag';
import { LANGUAGES, Language } from '../../i18n';
import { AUDIT_ACTIONS } from '../audit';
import { OUTCOMES } from '../../flags/review';
import { Html, html, jsonData } from './html';
import { participantProfileSections } from './participantPage';
import { safetyPlanSection } from './safetyPlanPage';
import { measureSettingsSection } from './measureSettingsPage';
import { threadSection } from './threadPage';
import { Viewer } from './viewer';
import { CSRF_FIELD } from './web';

/**
 * The dashboard's HTML: page skeletons with their headings, labels and forms
 * in the staff member's language. The data in them is filled in by
 * /staff/assets/staff.js from the JSON API, as text (never as markup), so
 * these pages carry no participant data themselves.
 */

export type PageName = 'queue' | 'flag' | 'participants' | 'participant' | 'audit' | 'reports' | 'lessons' | 'error';


export interface BannerFlag {
  participantId: string;
  id: string;
  createdAt: string;
}

export interface ShellInput {
  t: TFunction;
  viewer: Viewer;
  page: PageName;
  title: string;
  body: Html;
  /** Where the language form returns to. */
  path: string;
  timeZone: string;
  /** The server's "now": relative times ("14 minutes ago") count from it, not from the browser's clock. */
  now: string;
  banner: { flags: BannerFlag[]; minutes: number };
  /** Extra data-* attributes on <main> (ids of the record shown). */
  data?: Record<string, string>;
  /** The whole `staff` namespace: the client's labels. */
  messages: unknown;
}

export function flagPath(participantId: string, flagId: string): string {
  return `/staff/flags/${encodeURIComponent(participantId)}/${encodeURIComponent(flagId)}`;
}

export function renderShell(input: ShellInput): string {
  const { t, viewer } = input;
  const nav: Array<[PageName, string, string]> = [
    ['queue', '/staff', t('staff:nav.queue')],
    ['participants', '/staff/participants', t('staff:nav.participants')],
    ...(viewer.role === 'admin'
      ? [['audit', '/staff/audit', t('staff:nav.audit')] as [PageName, string, string], ['reports', '/staff/reports', t('staff:nav.reports')] as [PageName, string, string], ['lessons', '/staff/lessons', t('staff:nav.lessons')] as [PageName, string, string]]
      : []),
  ];
  const current = input.page === 'flag' ? 'queue' : input.page === 'participant' ? 'participants' : input.page;
  const dataAttrs = Object.entries(input.data ?? {}).map(([k, v]) => html` data-${k}="${v}"`);
  const doc = html`<!doctype html>
<html lang="${viewer.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${viewer.csrfToken}">
<title>${input.title} · ${t('staff:app.title')}</title>
<link rel="stylesheet" href="/staff/assets/staff.css">
<link rel="icon" href="data:,">
<script type="module" src="/staff/assets/staff.js"></script>
</head>
<body data-page="${input.page}" data-lang="${viewer.language}" data-time-zone="${input.timeZone}" data-now="${input.now}" data-role="${viewer.role}" data-email="${viewer.email}">
<a class="skip-link" href="#main">${t('staff:app.skip')}</a>
<header class="top">
<p class="brand"><a href="/staff">${t('staff:app.title')}</a></p>
<nav aria-label="${t('staff:app.navLabel')}"><ul>
${nav.map(([name, href, label]) => html`<li><a href="${href}"${name === current ? html` aria-current="page"` : ''}>${label}</a></li>`)}
</ul></nav>
<div class="account">
<p>${t('staff:app.signedInAs', { email: viewer.email, role: t(`staff:role.${viewer.role}`) })}</p>
<form method="post" action="/staff/language" class="inline">
<input type="hidden" name="${CSRF_FIELD}" value="${viewer.csrfToken}">
<input type="hidden" name="next" value="${input.path}">
<label for="dashboard-language">${t('staff:app.language')}</label>
<select id="dashboard-language" name="language">${LANGUAGES.map((l) => option(l, t(`staff:languageName.${l}`), viewer.language))}</select>
<button type="submit">${t('staff:app.switchLanguage')}</button>
</form>
<form method="post" action="/staff/sign-out" class="inline">
<input type="hidden" name="${CSRF_FIELD}" value="${viewer.csrfToken}">
<button type="submit">${t('staff:app.signOut')}</button>
</form>
</div>
</header>
${renderBanner(t, input.banner)}
<main id="main" tabindex="-1"${dataAttrs}>
<h1>${input.title}</h1>
<div id="notice" role="status" aria-live="polite" class="notice"></div>
${input.body}
</main>
<script type="application/json" id="puente-i18n">${jsonData(input.messages)}</script>
</body>
</html>
`;
  return doc.value;
}

/** Escalated urgent flags, on every page until each is acknowledged. */
function renderBanner(t: TFunction, banner: ShellInput['banner']): Html {
  if (banner.flags.length === 0) return html``;
  return html`<section class="banner" aria-labelledby="banner-title">
<h2 id="banner-title">${t('staff:banner.title')}</h2>
<p>${t('staff:banner.body', { minutes: banner.minutes })}</p>
<ul>${banner.flags.map(
    (f) => html`<li><a href="${flagPath(f.participantId, f.id)}"><span class="local-time" data-time="${f.createdAt}">${f.createdAt}</span> · ${t('staff:flag.open')}</a></li>`,
  )}</ul>
</section>`;
}

export function renderSignIn(input: {
  t: TFunction;
  language: Language;
  csrf: string;
  next: string;
  email?: string;
  message?: { kind: 'error' | 'info'; text: string };
  /** Where "Sign in with Microsoft" starts (STAFF_OIDC_* set). */
  microsoftHref?: string;
  /** False: no password form (STAFF_PASSWORD_SIGNIN=false). */
  passwordForm: boolean;
}): string {
  const { t } = input;
  const message = input.message;
  return html`<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('staff:signIn.title')} · ${t('staff:app.title')}</title>
<link rel="stylesheet" href="/staff/assets/staff.css">
<link rel="icon" href="data:,">
</head>
<body class="sign-in">
<main id="main">
<h1>${t('staff:signIn.title')}</h1>
<p>${t('staff:signIn.intro')}</p>
${
  message
    ? html`<div class="${message.kind === 'error' ? 'error' : 'notice'}" role="${message.kind === 'error' ? 'alert' : 'status'}">${message.text}</div>`
    : ''
}
${input.microsoftHref ? html`<p><a class="button" id="sign-in-microsoft" href="${input.microsoftHref}">${t('staff:signIn.microsoft')}</a></p>` : ''}
${
  input.passwordForm
    ? html`${input.microsoftHref ? html`<p>${t('staff:signIn.orPassword')}</p>` : ''}
<form method="post" action="/staff/sign-in">
<input type="hidden" name="${CSRF_FIELD}" value="${input.csrf}">
<input type="hidden" name="next" value="${input.next}">
<input type="hidden" name="lang" value="${input.language}">
<p><label for="email">${t('staff:signIn.email')}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${input.email ?? ''}"></p>
<p><label for="password">${t('staff:signIn.password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">${t('staff:signIn.submit')}</button></p>
</form>`
    : ''
}
<p class="languages">${LANGUAGES.map((l) => html`<a href="/staff/sign-in?lang=${l}" lang="${l}" hreflang="${l}">${t(`staff:languageName.${l}`)}</a> `)}</p>
</main>
</body>
</html>
`.value;
}

export function queueBody(t: TFunction, query: Record<string, string | undefined>): Html {
  return html`<section aria-labelledby="counts-title">
<h2 id="counts-title">${t('staff:queue.countsLabel')}</h2>
<ul id="counts" class="counts"></ul>
<p id="everyone" hidden></p>
</section>
<form id="queue-filters" method="get" action="/staff" class="filters">
<fieldset><legend>${t('staff:queue.filters')}</legend>
${select('f-status', 'status', t('staff:queue.status'), (['open', 'acknowledged', 'resolved'] as const).map((s) => [s, t(`staff:status.${s}`)]), query.status ?? 'open')}
${select('f-severity', 'severity', t('staff:queue.severity'), [['', t('staff:queue.any')], ...[...SEVERITIES].reverse().map((s) => [s, t(`staff:severity.${s}`)] as [string, string])], query.severity ?? '')}
${select('f-track', 'track', t('staff:queue.track'), [['', t('staff:queue.any')], ...TRACKS.map((s) => [s, t(`staff:track.${s}`)] as [string, string])], query.track ?? '')}
${select('f-assignee', 'assignee', t('staff:queue.assignee'), [['', t('staff:queue.any')], ['me', t('staff:queue.me')], ['none', t('staff:queue.unassigned')]], query.assignee ?? '')}
${caseloadSelect(t, 'f-caseload', query.caseload)}
<button type="submit">${t('staff:queue.apply')}</button>
</fieldset>
</form>
<p id="load-status" class="load-status">${t('staff:app.loading')}</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:queueRow.caption')}">
<table id="queue-table" class="data">
<caption>${t('staff:queueRow.caption')}</caption>
<thead><tr>
<th scope="col">${t('staff:queue.colSeverity')}</th>
<th scope="col">${t('staff:queue.colParticipant')}</th>
<th scope="col">${t('staff:queueRow.colFlags')}</th>
<th scope="col">${t('staff:queue.colRaised')}</th>
<th scope="col">${t('staff:queue.colStatus')}</th>
<th scope="col">${t('staff:queue.colAssignee')}</th>
<th scope="col">${t('staff:queue.colTrack')}</th>
</tr></thead>
<tbody id="queue-rows"></tbody>
</table>
</div>
<p class="pager"><a id="page-first" hidden>${t('staff:app.firstPage')}</a> <a id="page-next" hidden>${t('staff:app.nextPage')}</a></p>`;
}

export function flagBody(t: TFunction): Html {
  return html`<p id="load-status" class="load-status">${t('staff:app.loading')}</p>
<div id="flag" hidden>
<section aria-labelledby="summary-title"><h2 id="summary-title">${t('staff:flag.summary')}</h2><dl id="flag-summary" class="facts"></dl></section>
<section aria-labelledby="reasons-title"><h2 id="reasons-title">${t('staff:flag.reasons')}</h2><ul id="flag-reasons"></ul></section>
<section id="message-section" aria-labelledby="message-title" hidden><h2 id="message-title">${t('staff:flag.message')}</h2><blockquote id="flag-message" class="participant-text"></blockquote></section>
<section id="messages-section" aria-labelledby="messages-title" hidden><h2 id="messages-title">${t('staff:flag.messages')}</h2><ol id="flag-messages" class="notes"></ol></section>
${threadSection(t)}
<section aria-labelledby="answers-title"><h2 id="answers-title">${t('staff:flag.answers')}</h2><dl id="flag-answers" class="facts"></dl></section>
<section aria-labelledby="chart-title"><h2 id="chart-title">${t('staff:flag.chart')}</h2>
<figure id="chart" class="chart"></figure>
<details><summary>${t('staff:flag.chartTable')}</summary>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:flag.chart')}">
<table class="data"><caption>${t('staff:flag.chart')}</caption><thead><tr>
<th scope="col">${t('staff:flag.date')}</th><th scope="col">${t('staff:flag.chartMood')}</th><th scope="col">${t('staff:flag.chartCraving')}</th><th scope="col">${t('staff:flag.chartSleep')}</th><th scope="col">${t('staff:flag.chartFlag')}</th>
</tr></thead><tbody id="chart-rows"></tbody></table>
</div>
</details>
</section>
<section aria-labelledby="actions-title"><h2 id="actions-title">${t('staff:flag.actions')}</h2>
<p id="resolved-note" hidden>${t('staff:flag.alreadyResolved')}</p>
<p><button type="button" id="ack-button">${t('staff:flag.acknowledge')}</button></p>
<p id="resume-action" hidden><button type="button" id="resume-button" aria-describedby="resume-help">${t('staff:flag.safeToResume')}</button> <span id="resume-help">${t('staff:flag.safeToResumeHelp')}</span></p>
<form id="resolve-form">
<fieldset><legend>${t('staff:flag.resolve')}</legend>
${select('resolve-outcome', 'outcome', t('staff:flag.resolveOutcome'), OUTCOMES.map((o) => [o, t(`staff:outcome.${o}`)]), 'contacted')}
<p><label for="resolve-note">${t('staff:flag.resolveNote')}</label><textarea id="resolve-note" name="note" rows="2" maxlength="2000"></textarea></p>
<button type="submit">${t('staff:flag.resolveSubmit')}</button>
</fieldset>
</form>
</section>
<section aria-labelledby="notes-title"><h2 id="notes-title">${t('staff:flag.notes')}</h2>
<ol id="flag-notes" class="notes"></ol>
<form id="note-form">
<p><label for="note-text">${t('staff:flag.addNote')}</label><textarea id="note-text" name="text" rows="3" maxlength="2000" required></textarea></p>
<button type="submit">${t('staff:flag.saveNote')}</button>
</form>
</section>
<section aria-labelledby="previous-title"><h2 id="previous-title">${t('staff:flag.previous')}</h2>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:flag.previous')}">
<table class="data"><caption class="visually-hidden">${t('staff:flag.previous')}</caption><thead><tr>
<th scope="col">${t('staff:queue.colRaised')}</th><th scope="col">${t('staff:queue.colSeverity')}</th><th scope="col">${t('staff:queue.colReasons')}</th><th scope="col">${t('staff:queue.colStatus')}</th>
</tr></thead><tbody id="previous-rows"></tbody></table>
</div>
</section>
</div>`;
}

export function participantsBody(t: TFunction, viewer: Viewer, query: Record<string, string | undefined>, defaults: { timeZone: string }): Html {
  const statuses = (['active', 'paused', 'discharged'] as const).map((s) => [s, t(`staff:participantStatus.${s}`)] as [string, string]);
  return html`<form id="participant-search" method="get" action="/staff/participants" class="filters">
<fieldset><legend>${t('staff:participants.search')}</legend>
<p><label for="q">${t('staff:list.searchLabel')}</label><input id="q" name="q" type="search" maxlength="80" value="${query.q ?? ''}"></p>
${caseloadSelect(t, 'p-caseload', query.caseload)}
${select('p-status', 'status', t('staff:participants.status'), [['', t('staff:participants.any')], ...statuses], query.status ?? '')}
${select('p-track', 'track', t('staff:participants.track'), [['', t('staff:participants.any')], ...TRACKS.map((s) => [s, t(`staff:track.${s}`)] as [string, string])], query.track ?? '')}
<button type="submit">${t('staff:participants.search')}</button>
</fieldset>
</form>
<p id="load-status" class="load-status">${t('staff:app.loading')}</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:participants.caption')}">
<table class="data"><caption>${t('staff:participants.caption')}</caption><thead><tr>
<th scope="col">${t('staff:participants.colName')}</th><th scope="col">${t('staff:list.colOpenFlags')}</th><th scope="col">${t('staff:list.colLastCheckin')}</th>
<th scope="col">${t('staff:list.colAdherence')}</th><th scope="col">${t('staff:list.colCounsellor')}</th><th scope="col">${t('staff:participants.colStatus')}</th>
<th scope="col">${t('staff:participants.colTrack')}</th><th scope="col">${t('staff:participants.colLanguage')}</th><th scope="col">${t('staff:participants.colChannels')}</th>
</tr></thead><tbody id="participant-rows"></tbody></table>
</div>
<p class="pager"><a id="page-first" hidden>${t('staff:app.firstPage')}</a> <a id="page-next" hidden>${t('staff:app.nextPage')}</a></p>
${
  viewer.role === 'admin'
    ? html`<section aria-labelledby="enroll-title"><h2 id="enroll-title">${t('staff:participants.enroll')}</h2>
<form id="enroll-form">
${participantFields(t, { timeZone: defaults.timeZone, checkinTime: '18:00', screenWeekday: '1', language: viewer.language, track: 'evening' }, true)}
<button type="submit">${t('staff:participants.enrollSubmit')}</button>
</form>
<div id="enroll-result" role="status" aria-live="polite"></div>
</section>`
    : html`<p>${t('staff:participants.adminOnly')}</p>`
}`;
}

export function participantBody(t: TFunction, viewer: Viewer): Html {
  return html`<p id="load-status" class="load-status">${t('staff:app.loading')}</p>
<div id="participant" hidden>
<section aria-labelledby="details-title"><h2 id="details-title">${t('staff:participant.details')}</h2><dl id="participant-details" class="facts"></dl></section>
${participantProfileSections(t, viewer)}
${safetyPlanSection(t)}
${measureSettingsSection(t)}
${
  viewer.role === 'admin'
    ? html`<section aria-labelledby="edit-title"><h2 id="edit-title">${t('staff:participant.edit')}</h2>
<form id="edit-form">
${participantFields(t, {}, false)}
<button type="submit">${t('staff:participant.save')}</button>
</form></section>
<section aria-labelledby="status-title"><h2 id="status-title">${t('staff:participant.statusActions')}</h2>
<p id="status-actions" class="buttons">
<button type="button" data-action="pause">${t('staff:participant.pause')}</button>
<button type="button" data-action="resume">${t('staff:participant.resume')}</button>
<button type="button" data-action="discharge" data-confirm="${t('staff:participant.confirmDischarge')}">${t('staff:participant.discharge')}</button>
<button type="button" id="code-button">${t('staff:participant.newCode')}</button>
</p>
<div id="code-result" role="status" aria-live="polite"></div>
</section>`
    : html`<p>${t('staff:participants.adminOnly')}</p>`
}
<section aria-labelledby="history-title"><h2 id="history-title">${t('staff:participant.history')}</h2>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:participant.history')}">
<table class="data"><caption class="visually-hidden">${t('staff:participant.history')}</caption><thead><tr>
<th scope="col">${t('staff:participant.colDate')}</th><th scope="col">${t('staff:profile.status')}</th><th scope="col">${t('staff:participant.colMood')}</th><th scope="col">${t('staff:participant.colCraving')}</th>
<th scope="col">${t('staff:participant.colUse')}</th><th scope="col">${t('staff:participant.colSleep')}</th><th scope="col">${t('staff:answer.medication')}</th>
<th scope="col">${t('staff:answer.wishedDead')}</th><th scope="col">${t('staff:answer.suicidalThoughts')}</th><th scope="col">${t('staff:answer.note')}</th><th scope="col">${t('staff:participant.colFlag')}</th>
</tr></thead><tbody id="history-rows"></tbody></table>
</div>
</section>
<section aria-labelledby="pflags-title"><h2 id="pflags-title">${t('staff:participant.flags')}</h2>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:participant.flags')}">
<table class="data"><caption class="visually-hidden">${t('staff:participant.flags')}</caption><thead><tr>
<th scope="col">${t('staff:queue.colRaised')}</th><th scope="col">${t('staff:queue.colSeverity')}</th><th scope="col">${t('staff:queue.colReasons')}</th><th scope="col">${t('staff:queue.colStatus')}</th>
</tr></thead><tbody id="previous-rows"></tbody></table>
</div>
</section>
</div>`;
}

/** Whose participants a list shows; the API answers which view it used, and the page selects it. */
function caseloadSelect(t: TFunction, id: string, selected: string | undefined): Html {
  return select(id, 'caseload', t('staff:caseload.label'), (['mine', 'all', 'none'] as const).map((v) => [v, t(`staff:caseload.${v}`)]), selected ?? '');
}

export function auditBody(t: TFunction, range: { from: string; to: string; action?: string }): Html {
  const exportQuery = new URLSearchParams({ from: range.from, to: range.to, ...(range.action ? { action: range.action } : {}) });
  return html`<form id="audit-form" method="get" action="/staff/audit" class="filters">
<fieldset><legend>${t('staff:audit.range')}</legend>
<p><label for="a-from">${t('staff:audit.from')}</label><input id="a-from" name="from" type="date" required value="${range.from}"></p>
<p><label for="a-to">${t('staff:audit.to')}</label><input id="a-to" name="to" type="date" required value="${range.to}"></p>
${select('a-action', 'action', t('staff:audit.action'), [['', t('staff:audit.any')], ...AUDIT_ACTIONS.map((a) => [a, a] as [string, string])], range.action ?? '')}
<button type="submit">${t('staff:audit.show')}</button>
</fieldset>
</form>
<p><a id="audit-export" href="/api/staff/audit/export?${exportQuery.toString()}" download>${t('staff:audit.export')}</a></p>
<p id="load-status" class="load-status">${t('staff:app.loading')}</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="${t('staff:audit.caption')}">
<table class="data"><caption>${t('staff:audit.caption')}</caption><thead><tr>
<th scope="col">${t('staff:audit.colAt')}</th><th scope="col">${t('staff:audit.colActor')}</th><th scope="col">${t('staff:audit.colAction')}</th>
<th scope="col">${t('staff:audit.colRecord')}</th><th scope="col">${t('staff:audit.colIp')}</th><th scope="col">${t('staff:audit.colChannel')}</th>
</tr></thead><tbody id="audit-rows"></tbody></table>
</div>
<p class="pager"><a id="page-first" hidden>${t('staff:app.firstPage')}</a> <a id="page-next" hidden>${t('staff:app.nextPage')}</a></p>`;
}

export function errorBody(t: TFunction, message: string): Html {
  return html`<p>${message}</p><p><a href="/staff">${t('staff:error.back')}</a></p>`;
}

/** Enrollment and edit share the fields; the name only when enrolling. */
function participantFields(t: TFunction, values: Record<string, string>, withName: boolean): Html {
  return html`${withName ? html`<p><label for="pf-name">${t('staff:participants.name')}</label><input id="pf-name" name="displayName" required maxlength="80" autocomplete="off"></p>` : ''}
${select('pf-language', 'language', t('staff:participants.language'), LANGUAGES.map((l) => [l, t(`staff:languageName.${l}`)]), values.language ?? '')}
${timeZoneSelect(t, values.timeZone ?? '')}
${select('pf-track', 'track', t('staff:participants.track'), TRACKS.map((s) => [s, t(`staff:track.${s}`)]), values.track ?? '')}
<p><label for="pf-checkin">${t('staff:participants.checkinTime')}</label><input id="pf-checkin" name="checkinTime" type="time" required value="${values.checkinTime ?? ''}"></p>
${select('pf-weekday', 'screenWeekday', t('staff:participants.screenWeekday'), ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, t(`staff:weekday.${d}`)]), values.screenWeekday ?? '')}`;
}

/**
 * The time zone as a list, not a text box: the US zones first (by the names
 * participants know them by), then every IANA zone. A zone outside the list
 * (an older alias kept on a record) is listed too, so it is never lost.
 */
function timeZoneSelect(t: TFunction, selected: string): Html {
  const common = COMMON_ZONES.map(({ key, zone }) => [zone, `${t(`settings:timeZone.zone.${key}`)} (${zone})`] as [string, string]);
  const others = otherZones().map((zone) => [zone, zone] as [string, string]);
  const known = selected === '' || [...common, ...others].some(([zone]) => zone === selected);
  return html`<p><label for="pf-tz">${t('staff:participants.timeZone')}</label>
<select id="pf-tz" name="timeZone" required>
${known ? '' : option(selected, selected, selected)}<optgroup label="${t('staff:participants.zonesCommon')}">${common.map(([v, text]) => option(v, text, selected))}</optgroup>
<optgroup label="${t('staff:participants.zonesAll')}">${others.map(([v, text]) => option(v, text, selected))}</optgroup>
</select></p>`;
}

function select(id: string, name: string, label: string, options: Array<[string, string]>, selected: string): Html {
  return html`<p><label for="${id}">${label}</label>
<select id="${id}" name="${name}">${options.map(([value, text]) => option(value, text, selected))}</select></p>`;
}

function option(value: string, text: string, selected: string): Html {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${text}</option>`;
}
