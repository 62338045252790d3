// Tables 二, 三 and 四 as the official grids, drawn from the engine's layout of the result's
// template (`templateLayout`: the template data, no copy of it here) with the figures of
// `result.cells` in them. Rows a report leaves out (a template deviation) are not drawn; cells
// the layout does not hold (a row standing for several) follow the table's rows.

import { figure, h, srOnly } from './widget-dom.js';
import { gridRows } from './widget-grid.js';
import { templateLayoutSync, templatesSync } from './index.js';

const layouts = new Map();

/** The engine's layout of a template, asked for once. */
function layoutOf(template) {
  if (!layouts.has(template)) layouts.set(template, templateLayoutSync(template));
  return layouts.get(template);
}

/** The layout rows holding a cell id, in the result's template first, then in the others. */
function rowHolding(id, template) {
  const order = [template, ...templatesSync().filter((other) => other !== template)].filter(Boolean);
  for (const name of order) {
    for (const table of layoutOf(name).tables) {
      const row = table.rows.find((cells) => cells.some((c) => c.cell === id));
      if (row) return row;
    }
  }
  return null;
}

/** A reader's name for a cell: `表三“（一）予以公开”行“自然人”列` (the id when no template has it). */
export function cellLabel(id, template) {
  return rowHolding(id, template)?.find((c) => c.cell === id).name ?? id;
}

/**
 * How each cell is shown: `states.get(id)` → { severity: 'error'|'warning'|'blank', rules: [...],
 * fix }. Built from the findings: the worst severity naming a cell wins; a cell named only by
 * `cell-blank` is marked as blank, not as a warning.
 */
export function cellStates(result) {
  const states = new Map();
  const rank = { error: 0, warning: 1, blank: 2, info: 3 };
  for (const d of result.diagnostics) {
    const severity = d.rule === 'cell-blank' ? 'blank' : d.severity;
    for (const id of d.cells) {
      const state = states.get(id) || { severity, rules: [], fix: null };
      if (rank[severity] < rank[state.severity]) state.severity = severity;
      if (!state.rules.includes(d.rule)) state.rules.push(d.rule);
      states.set(id, state);
    }
    if (d.fix) {
      const state = states.get(d.fix.cell) || { severity: d.severity, rules: [d.rule], fix: null };
      state.fix = d.fix.value;
      states.set(d.fix.cell, state);
    }
  }
  return states;
}

function valueCell(id, result, states, t, title, spans = {}) {
  const value = result.cells[id];
  const state = states.get(id);
  const classes = ['v'];
  const parts = [];
  if (value === null || value === undefined) classes.push('blank');
  if (state && (state.severity === 'error' || state.severity === 'warning')) {
    classes.push(state.severity === 'error' ? 'err' : 'warn');
    parts.push(h('span', { class: 'ic', 'aria-hidden': 'true' }, state.severity === 'error' ? '✖' : '▲'));
    parts.push(srOnly(`${state.severity === 'error' ? t.cellError : t.cellWarning}：`));
  }
  parts.push(h('span', { class: 'num' }, figure(value)));
  if (state && state.fix !== null && state.fix !== undefined) {
    parts.push(h('span', { class: 'fix' }, h('span', { 'aria-hidden': 'true' }, '→ '), srOnly(`${t.fix} `), figure(state.fix)));
  }
  const hint = state ? `${title}（${id}）：${state.rules.join('、')}` : `${title}（${id}）`;
  return h('td', { ...spans, class: classes.join(' '), 'data-cell': id, title: hint }, parts);
}

function wrap(caption, table, t) {
  return h(
    'div',
    { class: 'grid-wrap', role: 'region', tabindex: '0', 'aria-label': t.tableScroll(caption) },
    table,
  );
}

/** One table of the layout with the result's figures; `null` when the report has none of it. */
function resultTable(table, result, states, t) {
  const ids = Object.keys(result.cells).filter((id) => id.startsWith(`${table.id}.`));
  if (!ids.length) return null;
  const keep = (r) => {
    const figures = table.rows[r].filter((c) => c.cell);
    return !figures.length || figures.some((c) => c.cell in result.cells);
  };
  const body = gridRows(table, {
    keep,
    figureCell: (cell, { spans }) => valueCell(cell.cell, result, states, t, cell.name, spans),
  });
  const known = new Set(table.rows.flat().map((c) => c.cell));
  const extra = new Map(); // row label → its cells, for the cells the layout does not hold
  for (const id of ids.filter((id) => !known.has(id))) {
    const label = rowHolding(id, result.template)?.findLast((c) => c.text)?.text ?? id.slice(0, id.lastIndexOf('.'));
    if (!extra.has(label)) extra.set(label, []);
    extra.get(label).push(valueCell(id, result, states, t, cellLabel(id, result.template)));
  }
  for (const [label, cells] of extra) {
    const colspan = Math.max(1, table.width - cells.length);
    body.push(h('tr', { class: 'extra' }, h('th', { colspan: colspan > 1 ? colspan : null, scope: 'row', class: 'lbl c0' }, label), cells));
  }
  const caption = `${table.name}　${t[table.id]}`;
  return wrap(caption, h('table', { class: `grid ${table.id}`, 'data-table': table.id }, h('caption', null, caption), h('tbody', null, body)), t);
}

/** The three tables for a result (nothing when no template matched). */
export function renderTables(result, t) {
  if (!result.template) return [];
  const states = cellStates(result);
  return layoutOf(result.template)
    .tables.map((table) => resultTable(table, result, states, t))
    .filter(Boolean);
}
