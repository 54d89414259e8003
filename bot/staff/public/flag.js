import {
  answerText,
  api,
  clear,
  dataOf,
  dl,
  el,
  failureText,
  formatDate,
  formatTime,
  loadRecord,
  notice,
  reasonText,
  renderFlagRows,
  severityBadge,
  t,
  timeElement,
  whoText,
} from './common.js';
import { renderChart } from './chart.js';
import { threadSection } from './thread.js';

const main = document.getElementById('main');
const participantId = main.dataset.participantId;
const flagId = main.dataset.flagId;
const base = `/api/staff/flags/${encodeURIComponent(participantId)}/${encodeURIComponent(flagId)}`;

export async function flagPage() {
  bindActions();
  await Promise.all([load(), threadSection(participantId)]);
}

function load() {
  return loadRecord(base, render, 'flag');
}

function byLine(at, who) {
  return el('span', {}, t('flag.by', { time: formatTime(at), who: who === 'system' ? t('flag.system') : who || t('app.empty') }));
}

function render({ flag, participant, checkin, history, previousFlags }) {
  document.querySelector('h1').textContent = `${t('flag.title')}: ${participant ? participant.displayName : whoText({ participant: null, senderChannel: flag.senderChannel })}`;
  const who = participant
    ? el('a', { href: `/staff/participants/${encodeURIComponent(participant.id)}` }, participant.displayName)
    : whoText({ participant: null, senderChannel: flag.senderChannel });
  dl(document.getElementById('flag-summary'), [
    [t('flag.participant'), who],
    [t('flag.severity'), severityBadge(flag.severity)],
    [t('flag.status'), t(`status.${flag.status}`)],
    [t('flag.source'), t(`source.${flag.source}`)],
    [t('flag.raised'), timeElement(flag.createdAt)],
    [t('flag.assignee'), flag.assignee || t('app.empty')],
    [t('flag.acknowledged'), flag.acknowledgedAt ? byLine(flag.acknowledgedAt, flag.acknowledgedBy) : undefined],
    [t('flag.resolved'), flag.resolvedAt ? byLine(flag.resolvedAt, flag.resolvedBy) : undefined],
    [t('flag.outcome'), flag.outcome ? t(`outcome.${flag.outcome}`) : undefined],
    [t('flag.escalated'), flag.escalatedAt ? timeElement(flag.escalatedAt) : undefined],
    [t('flag.resumedBy'), flag.safeToResumeAt ? byLine(flag.safeToResumeAt, flag.safeToResumeBy) : undefined],
  ]);

  const reasons = clear(document.getElementById('flag-reasons'));
  for (const reason of flag.reasons) reasons.append(el('li', {}, severityBadge(reason.severity), ' ', reasonText(reason)));

  // A safety episode's flag lists every message with its time; an older flag has its one message.
  const messages = flag.messages || [];
  document.getElementById('message-section').hidden = !flag.message || messages.length > 0;
  document.getElementById('flag-message').textContent = flag.message || '';
  document.getElementById('messages-section').hidden = messages.length === 0;
  const list = clear(document.getElementById('flag-messages'));
  for (const message of messages) {
    list.append(el('li', {}, el('p', { class: 'note-meta' }, timeElement(message.at)), el('p', { class: 'participant-text' }, message.text)));
  }

  const answers = document.getElementById('flag-answers');
  if (checkin) {
    const a = checkin.answers;
    dl(answers, [
      [t('flag.date'), formatDate(checkin.localDate)],
      ...['mood', 'craving', 'use', 'sleepHours', 'medication', 'wishedDead', 'suicidalThoughts'].map((k) => [t(`answer.${k}`), answerText(a[k])]),
      [t('answer.note'), a.note ? el('span', { class: 'participant-text' }, a.note) : answerText(null)],
      ...(checkin.screen ? [[t('answer.phq2'), String(checkin.screen.phq2)], [t('answer.gad2'), String(checkin.screen.gad2)]] : []),
    ]);
  } else {
    clear(answers).append(el('dt', {}, t('flag.answers')), el('dd', {}, t('flag.noCheckin')));
  }

  const figure = document.getElementById('chart');
  if (history.days.some((d) => d.mood !== null || d.craving !== null || d.sleepHours !== null || d.flag)) renderChart(figure, history);
  else clear(figure).append(el('p', {}, t('flag.chartEmpty')));
  const chartRows = clear(document.getElementById('chart-rows'));
  for (const day of history.days) {
    const cell = (v) => el('td', {}, v === null ? t('app.empty') : String(v));
    chartRows.append(
      el('tr', {}, el('th', { scope: 'row' }, formatDate(day.date)), cell(day.mood), cell(day.craving), cell(day.sleepHours), el('td', {}, day.flag ? t(`severity.${day.flag}`) : t('app.empty'))),
    );
  }

  const notes = clear(document.getElementById('flag-notes'));
  if (flag.notes.length === 0) notes.append(el('li', { class: 'empty' }, t('flag.noNotes')));
  for (const note of flag.notes) {
    notes.append(el('li', {}, el('p', { class: 'note-meta' }, byLine(note.at, note.by)), el('p', { class: 'participant-text' }, note.text)));
  }

  renderFlagRows(document.getElementById('previous-rows'), previousFlags);

  const resolved = flag.status === 'resolved';
  document.getElementById('ack-button').hidden = flag.status !== 'open';
  document.getElementById('resume-action').hidden = !isEpisodeFlag(flag) || Boolean(flag.safeToResumeAt);
  document.getElementById('resolve-form').hidden = resolved;
  document.getElementById('resolved-note').hidden = !resolved;
}

/** Reasons that open a safety episode: its flag can be marked safe to resume. */
const EPISODE_REASONS = new Set(['crisis_language', 'risk_confirmed', 'says_not_safe', 'safety_yes']);

function isEpisodeFlag(flag) {
  return flag.reasons.some((r) => EPISODE_REASONS.has(r.code));
}

function bindActions() {
  const act = async (run) => {
    try {
      await run();
      notice(t('app.saved'));
      await load();
    } catch (err) {
      notice(failureText(err), 'error');
    }
  };
  document.getElementById('ack-button').addEventListener('click', () => act(() => api('POST', `${base}/acknowledge`, {})));
  document.getElementById('resume-button').addEventListener('click', () => act(() => api('POST', `${base}/safe-to-resume`, {})));
  const noteForm = document.getElementById('note-form');
  noteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const { text } = dataOf(noteForm);
    act(async () => {
      await api('POST', `${base}/notes`, { text });
      noteForm.reset();
    });
  });
  const resolveForm = document.getElementById('resolve-form');
  resolveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const { outcome, note } = dataOf(resolveForm);
    act(() => api('POST', `${base}/resolve`, note ? { outcome, note } : { outcome }));
  });
}
