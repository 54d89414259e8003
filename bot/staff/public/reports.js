import { api, clear, dl, el, failureText, formatDate, language, loaded, notice, t } from './common.js';
import { barChart, lineChart } from './reportCharts.js';

const SEVERITIES = ['urgent', 'high', 'moderate', 'low'];
const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });

const pct = (v) => (v === null ? t('reports.noValue') : percent.format(v));
const num = (v) => (v === null ? t('reports.noValue') : number.format(v));

function rows(id, lines) {
  const body = clear(document.getElementById(`rows-${id}`));
  for (const cells of lines) body.append(el('tr', {}, ...cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))));
}

export async function reportsPage() {
  const form = document.getElementById('report-form');
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'track']) if (form.elements[name].value) params.set(name, form.elements[name].value);
  let r;
  try {
    r = await api('GET', `/api/staff/reports?${params}`);
  } catch (err) {
    loaded(false);
    notice(failureText(err), 'error');
    return;
  }
  render(r);
  loaded(true);
  document.getElementById('report').hidden = false;
}

function render(r) {
  dl(document.getElementById('report-participants'), ['enrolled', 'active', 'paused', 'discharged'].map((k) => [t(`reports.participants.${k}`), num(r.participants[k])]));

  const weeks = [...new Set(r.adherence.map((c) => c.weekStart))];
  const tracks = [...new Set(r.adherence.map((c) => c.track))];
  const cell = (track, week) => r.adherence.find((c) => c.track === track && c.weekStart === week);
  lineChart(document.getElementById('chart-adherence'), {
    id: 'adherence-svg',
    title: t('reports.adherence.chartTitle'),
    desc: `${t('reports.adherence.chartDesc')} ${tracks.map((tr) => `${t(`track.${tr}`)}: ${weeks.map((w) => pct(cell(tr, w).rate)).join(', ')}`).join('; ')}`,
    labels: weeks.map((w) => formatDate(w, true)),
    series: tracks.map((tr) => ({ label: t(`track.${tr}`), values: weeks.map((w) => cell(tr, w).rate), className: `track-${tr}` })),
    max: 1,
    format: (v) => percent.format(v),
  });
  rows('adherence', r.adherence.map((c) => [formatDate(c.weekStart), t(`track.${c.track}`), num(c.expected), num(c.completed), pct(c.rate)]));

  dl(document.getElementById('report-response'), [
    [t('reports.response.sent'), num(r.promptResponse.sent)],
    [t('reports.response.completed'), num(r.promptResponse.completed)],
    [t('reports.response.rate'), pct(r.promptResponse.rate)],
  ]);

  dl(document.getElementById('report-flag-totals'), [
    [t('reports.flags.total'), num(r.flags.total)],
    [t('reports.flags.open'), num(r.flags.open)],
  ]);
  barChart(document.getElementById('chart-flags'), {
    id: 'flags-svg',
    title: t('reports.flags.chartTitle'),
    desc: `${t('reports.flags.chartDesc')} ${SEVERITIES.map((s) => `${t(`severity.${s}`)}: ${r.flags.bySeverity[s]}`).join(', ')}`,
    bars: SEVERITIES.map((s) => ({ label: t(`severity.${s}`), value: r.flags.bySeverity[s], className: `severity-${s}` })),
  });
  rows('flags', SEVERITIES.map((s) => [t(`severity.${s}`), num(r.flags.bySeverity[s])]));
  rows('ack', [
    ['during', r.flags.duringHours],
    ['outside', r.flags.outsideHours],
  ].map(([half, a]) => [t(`reports.flags.${half}`), num(a.acknowledged), num(a.medianMinutes), num(a.p90Minutes)]));

  rows('scores', ['phq9', 'gad7'].map((m) => [t(`reports.scores.${m}`), num(r[m].participants), num(r[m].meanChange), pct(r[m].improvedShare)]));

  const periods = r.bam.map((p) => `${formatDate(p.from, true)} – ${formatDate(p.to, true)}`);
  const scores = ['use', 'risk', 'protective'];
  lineChart(document.getElementById('chart-bam'), {
    id: 'bam-svg',
    title: t('reports.bam.chartTitle'),
    desc: `${t('reports.bam.chartDesc')} ${scores.map((k) => `${t(`reports.bam.${k}`)}: ${r.bam.map((p) => num(p[k])).join(', ')}`).join('; ')}`,
    labels: periods,
    series: scores.map((k) => ({ label: t(`reports.bam.${k}`), values: r.bam.map((p) => p[k]), className: `bam-${k}` })),
    format: (v) => number.format(v),
  });
  rows('bam', r.bam.map((p, i) => [periods[i], num(p.administrations), num(p.use), num(p.risk), num(p.protective)]));

  dl(document.getElementById('report-lessons'), [
    [t('reports.lessons.sent'), num(r.lessons.sent)],
    [t('reports.lessons.completed'), num(r.lessons.completed)],
    [t('reports.lessons.rate'), pct(r.lessons.rate)],
  ]);
}
