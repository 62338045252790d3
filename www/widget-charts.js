// SVG charts for the statistics panel. Every series has a pattern as well as a colour, so the
// charts read in greyscale and in print; every bar carries its figure as text.

import { figure, s } from './widget-dom.js';

const FILLS = ['#1d4e89', '#4a7fc1', '#8fb3dc', '#b08d2a', '#6b7785', '#4f7f57'];

/** Pattern `i` (0–5): solid, diagonal, dots, cross-hatch, horizontal, vertical. */
function pattern(id, i) {
  const bg = s('rect', { class: i % 6 === 0 ? 'pat-bg pat-solid' : 'pat-bg', width: 8, height: 8, fill: FILLS[i % FILLS.length] });
  const line = (attrs) => s('path', { class: 'pat-line', ...attrs });
  const marks = [
    [],
    [line({ d: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4' })],
    [s('circle', { class: 'pat-dot', cx: 2, cy: 2, r: 1.3 }), s('circle', { class: 'pat-dot', cx: 6, cy: 6, r: 1.3 })],
    [line({ d: 'M0,0 l8,8 M8,0 l-8,8' })],
    [line({ d: 'M0,2 h8 M0,6 h8' })],
    [line({ d: 'M2,0 v8 M6,0 v8' })],
  ][i % 6];
  return s('pattern', { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, bg, marks);
}

function frame(id, title, height, children) {
  const titleId = `${id}-title`;
  return s(
    'svg',
    { class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-labelledby': titleId, 'data-chart': id },
    s('title', { id: titleId }, title),
    children,
  );
}

const WIDTH = 480;
const LABEL_W = 128;
const BAR_W = 270;
const ROW_H = 30;

/**
 * A horizontal bar chart: one bar per item, its figure after it; `items` = [{ label, value }].
 * The bars share one scale (the largest value).
 */
export function barChart(id, title, items, t) {
  const max = Math.max(0, ...items.map((i) => i.value || 0));
  const defs = s('defs', null, items.map((_, i) => pattern(`${id}-p${i}`, i)));
  const rows = items.map((item, i) => {
    const y = 8 + i * ROW_H;
    const w = max > 0 && item.value ? Math.max(2, (item.value / max) * BAR_W) : 0;
    return s(
      'g',
      { class: 'bar' },
      s('text', { x: LABEL_W - 10, y: y + 17, 'text-anchor': 'end', class: 'lbl' }, item.label),
      s('rect', { x: LABEL_W, y: y + 3, width: BAR_W, height: 20, class: 'track' }),
      w > 0 && s('rect', { x: LABEL_W, y: y + 3, width: w.toFixed(1), height: 20, fill: `url(#${id}-p${i})`, class: 'fill' }),
      s('text', { x: LABEL_W + w + 6, y: y + 17, class: 'val' }, item.value === null || item.value === undefined ? t.noData : figure(item.value)),
    );
  });
  return frame(id, title, 16 + items.length * ROW_H, [defs, rows]);
}

/**
 * A stacked bar per group (`groups` = [{ label, parts: [values], total }]) with a legend of
 * `keys` (labels of the parts).
 */
export function stackedChart(id, title, groups, keys, t) {
  const max = Math.max(0, ...groups.map((g) => g.parts.reduce((a, b) => a + (b || 0), 0)));
  const defs = s('defs', null, keys.map((_, i) => pattern(`${id}-p${i}`, i)));
  const rows = groups.map((group, gi) => {
    const y = 8 + gi * ROW_H;
    let x = LABEL_W;
    const segments = [];
    group.parts.forEach((value, i) => {
      if (!value || max <= 0) return;
      const w = (value / max) * BAR_W;
      segments.push(
        s(
          'rect',
          { x: x.toFixed(1), y: y + 3, width: Math.max(1, w).toFixed(1), height: 20, fill: `url(#${id}-p${i})`, class: 'fill' },
          s('title', null, `${keys[i]} ${figure(value)}`),
        ),
      );
      x += w;
    });
    const sum = group.parts.every((v) => v === null || v === undefined) ? null : group.parts.reduce((a, b) => a + (b || 0), 0);
    return s(
      'g',
      { class: 'bar' },
      s('text', { x: LABEL_W - 10, y: y + 17, 'text-anchor': 'end', class: 'lbl' }, group.label),
      s('rect', { x: LABEL_W, y: y + 3, width: BAR_W, height: 20, class: 'track' }),
      segments,
      s('text', { x: x + 6, y: y + 17, class: 'val' }, sum === null ? t.noData : t.chartTotal(figure(sum))),
    );
  });
  const legendY = 16 + groups.length * ROW_H;
  const legend = s(
    'g',
    { class: 'legend' },
    keys.map((key, i) => {
      const x = 16 + i * Math.floor((WIDTH - 16) / keys.length);
      return s(
        'g',
        null,
        s('rect', { x, y: legendY, width: 14, height: 14, fill: `url(#${id}-p${i})`, class: 'fill' }),
        s('text', { x: x + 19, y: legendY + 12, class: 'lgd' }, key),
      );
    }),
  );
  return frame(id, title, legendY + 26, [defs, rows, legend]);
}
