// Charts of the Program page as inline SVG. Each chart is one focusable image
// (tabindex 0, role="img", named by its <title> and described by its <desc>,
// which also spells out the numbers); every mark carries a <title> tooltip.
// The table under each chart holds the same numbers.

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 48;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 36;

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(id, title, desc) {
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', tabindex: 0, class: 'chart-svg', 'aria-labelledby': `${id}-title ${id}-desc` });
  root.append(svg('title', { id: `${id}-title` }, title), svg('desc', { id: `${id}-desc` }, desc));
  return root;
}

function axis(root, max, format) {
  const y = (v) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / max);
  for (const tick of [0, max / 2, max]) {
    root.append(svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(tick), y2: y(tick), class: 'grid' }));
    root.append(svg('text', { x: LEFT - 6, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, format(tick)));
  }
  return y;
}

/** Bars: [{ label, value, className }]. */
export function barChart(figure, { id, title, desc, bars, format = String }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const root = frame(id, title, desc);
  const y = axis(root, max, format);
  const band = (WIDTH - LEFT - RIGHT) / Math.max(1, bars.length);
  bars.forEach((b, i) => {
    const x = LEFT + i * band + band * 0.2;
    const rect = svg('rect', { x, y: y(b.value), width: band * 0.6, height: y(0) - y(b.value), class: `bar ${b.className || ''}` });
    rect.append(svg('title', {}, `${b.label}: ${format(b.value)}`));
    root.append(rect, svg('text', { x: x + band * 0.3, y: HEIGHT - BOTTOM + 16, class: 'tick', 'text-anchor': 'middle' }, b.label));
  });
  figure.replaceChildren(root);
}

/** Lines over shared x labels: series [{ label, values: (number|null)[], className }]; a null leaves a gap. */
export function lineChart(figure, { id, title, desc, labels, series, max, format = String }) {
  const top = max ?? Math.max(1, ...series.flatMap((s) => s.values.filter((v) => v !== null)));
  const root = frame(id, title, desc);
  const y = axis(root, top, format);
  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, labels.length - 1);
  const x = (i) => LEFT + (labels.length === 1 ? (WIDTH - LEFT - RIGHT) / 2 : i * step);
  series.forEach((s, k) => {
    const group = svg('g', { class: `series ${s.className || `series-${k}`}` });
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
      const point = svg('circle', { cx: x(i), cy: y(v), r: 3.5, class: 'point' });
      point.append(svg('title', {}, `${s.label}, ${labels[i]}: ${format(v)}`));
      group.append(point);
    });
    if (d) group.prepend(svg('path', { d: d.trim(), class: 'series-line' }));
    root.append(group);
  });
  const every = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((label, i) => {
    if (i % every === 0 || i === labels.length - 1) root.append(svg('text', { x: x(i), y: HEIGHT - BOTTOM + 16, class: 'tick', 'text-anchor': 'middle' }, label));
  });
  // A key, so the lines are told apart by name and not by colour alone.
  series.forEach((s, k) => {
    const kx = LEFT + k * 150;
    root.append(svg('line', { x1: kx, x2: kx + 18, y1: HEIGHT - 8, y2: HEIGHT - 8, class: `key series-line ${s.className || `series-${k}`}` }));
    root.append(svg('text', { x: kx + 24, y: HEIGHT - 4, class: 'tick' }, s.label));
  });
  figure.replaceChildren(root);
}
