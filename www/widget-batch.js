// The summary table of a batch: one row per report (name, body, year, template, errors,
// warnings, applications received and handled, disclosure and correction rates), sortable by
// any column (click or Enter/Space on its heading; `aria-sort` tells which), each report's name
// a button that opens its full result.

import { figure, h, percent } from './widget-dom.js';

/** Columns: key, how to read the value, how to show it, whether it is a figure. */
export const COLUMNS = [
  ['name', (e) => e.name, String, false],
  ['body', (e) => e.result.report.body, (v) => v ?? '—', false],
  ['year', (e) => e.result.report.year, (v) => (v === null ? '—' : String(v)), true],
  ['template', (e) => e.result.template, (v, t) => (v ? t.templateShort(v) : t.templateNone), false],
  ['errors', (e) => e.result.summary.errors, String, true],
  ['warnings', (e) => e.result.summary.warnings, String, true],
  ['received', (e) => e.result.stats.received ?? null, figure, true],
  ['handled', (e) => e.result.stats.handled ?? null, figure, true],
  ['disclosure_rate', (e) => e.result.stats.disclosure_rate ?? null, percent, true],
  ['review_correction_rate', (e) => e.result.stats.review_correction_rate ?? null, percent, true],
  ['suit_correction_rate', (e) => e.result.stats.suit_correction_rate ?? null, percent, true],
];

const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN', { numeric: true }) : null;

/** `entries` in the order of `sort` (`{ key, dir: 'ascending'|'descending'|'none' }`; `none`: as checked); blanks last. */
export function sorted(entries, sort) {
  const column = COLUMNS.find(([key]) => key === sort.key);
  if (!column || sort.dir === 'none') return entries.slice();
  const [, value, , numeric] = column;
  const sign = sort.dir === 'descending' ? -1 : 1;
  return entries
    .map((entry, order) => ({ entry, order, v: value(entry) }))
    .sort((a, b) => {
      const blankA = a.v === null || a.v === undefined;
      const blankB = b.v === null || b.v === undefined;
      if (blankA || blankB) return blankA === blankB ? a.order - b.order : blankA ? 1 : -1;
      const d = numeric ? a.v - b.v : collator ? collator.compare(String(a.v), String(b.v)) : String(a.v) < String(b.v) ? -1 : String(a.v) > String(b.v) ? 1 : 0;
      return d ? sign * d : a.order - b.order;
    })
    .map((x) => x.entry);
}

/**
 * The table. `entries`: `[{ index, name, result }]`; `sort`: the current order; `onSort(key)`;
 * `onOpen(index)`; `active`: the index of the report shown below the table (or -1).
 */
export function summaryTable({ entries, sort, onSort, onOpen, active, t, uid }) {
  const head = h(
    'tr',
    null,
    COLUMNS.map(([key, , , numeric]) => {
      const current = sort.key === key ? sort.dir : 'none';
      const arrow = current === 'ascending' ? '▲' : current === 'descending' ? '▼' : '↕';
      return h(
        'th',
        { scope: 'col', 'aria-sort': current, class: numeric ? 'n' : null, 'data-key': key },
        h(
          'button',
          { type: 'button', class: 'sort', onclick: () => onSort(key) },
          t.columns[key],
          h('span', { class: 'arrow', 'aria-hidden': 'true' }, arrow),
        ),
      );
    }),
  );
  const rows = sorted(entries, sort).map((entry) => {
    const { index, result } = entry;
    const cells = COLUMNS.map(([key, value, show, numeric], c) => {
      const text = show(value(entry), t);
      if (c === 0) {
        return h(
          'th',
          { scope: 'row', class: 'rn' },
          h(
            'button',
            {
              type: 'button',
              class: 'open',
              'aria-controls': `${uid}-detail`,
              'aria-expanded': String(index === active),
              onclick: () => onOpen(index),
            },
            text,
          ),
        );
      }
      return h('td', { class: [numeric ? 'n' : '', key === 'errors' && result.summary.errors ? 'bad' : ''].join(' ').trim() || null, 'data-key': key }, text);
    });
    return h('tr', { 'data-index': index, class: result.summary.errors ? 'has-errors' : null, 'aria-current': index === active ? 'true' : null }, cells);
  });
  return h(
    'div',
    { class: 'grid-wrap summary-wrap', role: 'region', tabindex: '0', 'aria-labelledby': `${uid}-sum-h` },
    h(
      'table',
      { class: 'summary', id: `${uid}-summary` },
      h('caption', { class: 'sr-only' }, t.summaryCaption(entries.length)),
      h('thead', null, head),
      h('tbody', null, rows),
    ),
  );
}
