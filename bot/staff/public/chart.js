// Days of check-ins (30 on a flag, 90 on a participant) as an inline SVG: three
// small panels (mood 0-10, craving 0-10, sleep 0-12+ h) over one day axis, days
// with a flag marked above, missed check-ins marked in a row below.
// role="img" with a <title> and <desc>; the same numbers are in a table below.
import { formatDate, t } from './common.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const PANEL = 80;
const GAP = 26;
const LEFT = 110;
const RIGHT = 12;
const TOP = 24;

const SERIES = [
  { key: 'mood', label: 'flag.chartMood', max: 10, className: 'series-mood', marker: 'circle' },
  { key: 'craving', label: 'flag.chartCraving', max: 10, className: 'series-craving', marker: 'square' },
  { key: 'sleepHours', label: 'flag.chartSleep', max: 12, className: 'series-sleep', marker: 'diamond' },
];

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const MISSED_ROW = 18;

export function renderChart(figure, history, titleKey = 'flag.chart') {
  const days = history.days;
  const height = TOP + SERIES.length * (PANEL + GAP) + 10 + MISSED_ROW;
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-labelledby': 'chart-svg-title chart-svg-desc',
    class: 'chart-svg',
    focusable: 'false',
  });
  root.append(svg('title', { id: 'chart-svg-title' }, `${t(titleKey)}: ${formatDate(history.from)} – ${formatDate(history.to)}`));
  const answered = days.filter((d) => d.mood !== null || d.craving !== null || d.sleepHours !== null).length;
  const flagged = days.filter((d) => d.flag).length;
  const missed = days.filter((d) => d.missed).length;
  root.append(
    svg('desc', { id: 'chart-svg-desc' }, `${t('flag.chartDesc')} (${answered}/${days.length}, ${t('flag.chartFlag')}: ${flagged}, ${t('profile.chartMissed')}: ${missed})`),
  );

  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, days.length - 1);
  const x = (i) => LEFT + i * step;

  // Flag markers span every panel.
  days.forEach((day, i) => {
    if (!day.flag) return;
    const group = svg('g', { class: `flag-mark severity-${day.flag}` });
    group.append(svg('title', {}, `${formatDate(day.date)}: ${t('flag.chartFlag')} ${t(`severity.${day.flag}`)}`));
    group.append(svg('line', { x1: x(i), x2: x(i), y1: TOP - 6, y2: height - 10, class: 'flag-line' }));
    group.append(svg('path', { d: `M${x(i) - 6},${TOP - 16} L${x(i) + 6},${TOP - 16} L${x(i)},${TOP - 6} Z`, class: 'flag-triangle' }));
    root.append(group);
  });

  SERIES.forEach((series, p) => {
    const top = TOP + p * (PANEL + GAP);
    const y = (v) => top + PANEL - (Math.min(v, series.max) / series.max) * PANEL;
    const panel = svg('g', { class: `panel ${series.className}` });
    panel.append(svg('text', { x: 4, y: top + PANEL / 2, class: 'panel-label' }, t(series.label)));
    for (const tick of [0, series.max / 2, series.max]) {
      panel.append(svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(tick), y2: y(tick), class: 'grid' }));
      panel.append(svg('text', { x: LEFT - 6, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, String(tick)));
    }
    // A line through answered days; a gap where a day has no answer.
    let d = '';
    let pen = false;
    days.forEach((day, i) => {
      const v = day[series.key];
      if (v === null || v === undefined) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    if (d) panel.append(svg('path', { d: d.trim(), class: 'series-line' }));
    days.forEach((day, i) => {
      const v = day[series.key];
      if (v === null || v === undefined) return;
      const point = marker(series.marker, x(i), y(v));
      point.setAttribute('class', 'point');
      point.append(svg('title', {}, `${formatDate(day.date)}: ${t(series.label)} ${v}`));
      panel.append(point);
    });
    root.append(panel);
  });

  // Day labels on the last panel's axis: every 5 days on a month, every 15 on a quarter.
  const axisY = TOP + SERIES.length * (PANEL + GAP) - GAP + 16;
  const every = days.length > 45 ? 15 : 5;
  days.forEach((day, i) => {
    if (i % every !== 0 && i !== days.length - 1) return;
    root.append(svg('text', { x: x(i), y: axisY, class: 'tick', 'text-anchor': 'middle' }, formatDate(day.date, true)));
  });

  // Missed check-ins: a hollow mark per day, in their own row under the axis.
  const missedY = axisY + MISSED_ROW - 4;
  root.append(svg('text', { x: 4, y: missedY + 4, class: 'panel-label' }, t('profile.chartMissed')));
  days.forEach((day, i) => {
    if (!day.missed) return;
    const mark = svg('rect', { x: x(i) - 3, y: missedY - 3, width: 6, height: 6, class: 'missed-mark' });
    mark.append(svg('title', {}, `${formatDate(day.date)}: ${t('profile.missed')}`));
    root.append(mark);
  });

  figure.replaceChildren(root);
}

function marker(kind, cx, cy) {
  if (kind === 'square') return svg('rect', { x: cx - 3.5, y: cy - 3.5, width: 7, height: 7 });
  if (kind === 'diamond') return svg('path', { d: `M${cx},${cy - 5} L${cx + 5},${cy} L${cx},${cy + 5} L${cx - 5},${cy} Z` });
  return svg('circle', { cx, cy, r: 3.5 });
}
