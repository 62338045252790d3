// Tables 二, 三 and 四 as the official grids. The rows and columns shown are those of the cells
// the engine returns (`result.cells`), labelled from the small tables below (FORMAT.md); a
// cell id not listed here is still shown, under its id.

import { figure, h, srOnly } from './widget-dom.js';

const T2 = {
  2021: [
    {
      title: '第二十条第（一）项',
      columns: [['issued', '本年制发件数'], ['repealed', '本年废止件数'], ['in_force', '现行有效件数']],
      rows: [['rules', '规章'], ['normative', '行政规范性文件']],
    },
    { title: '第二十条第（五）项', columns: [['decisions', '本年处理决定数量']], rows: [['license', '行政许可']] },
    {
      title: '第二十条第（六）项',
      columns: [['decisions', '本年处理决定数量']],
      rows: [['penalty', '行政处罚'], ['coercion', '行政强制']],
    },
    { title: '第二十条第（八）项', columns: [['amount', '本年收费金额（单位：万元）']], rows: [['fees', '行政事业性收费']] },
  ],
  2019: [
    {
      title: '第二十条第（一）项',
      columns: [['made', '本年新制作数量'], ['published', '本年新公开数量'], ['total_public', '对外公开总数量']],
      rows: [['rules', '规章'], ['normative', '规范性文件']],
    },
    {
      title: '第二十条第（五）项',
      columns: [['prev_items', '上一年项目数量'], ['change', '本年增/减'], ['decisions', '处理决定数量']],
      rows: [['license', '行政许可'], ['other_services', '其他对外管理服务事项']],
    },
    {
      title: '第二十条第（六）项',
      columns: [['prev_items', '上一年项目数量'], ['change', '本年增/减'], ['decisions', '处理决定数量']],
      rows: [['penalty', '行政处罚'], ['coercion', '行政强制']],
    },
    {
      title: '第二十条第（八）项',
      columns: [['prev_items', '上一年项目数量'], ['change', '本年增/减']],
      rows: [['fees', '行政事业性收费']],
    },
    {
      title: '第二十条第（九）项',
      columns: [['items', '采购项目数量'], ['amount', '采购总金额']],
      rows: [['procurement', '政府集中采购']],
    },
  ],
};

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';
const OTHER = '（六）其他处理';

/** Table 三 rows: id and label path (outer group first). Both templates; absent rows are skipped. */
const T3_ROWS = [
  ['new', ['一、本年新收政府信息公开申请数量']],
  ['carried', ['二、上年结转政府信息公开申请数量']],
  ['granted', [RESULTS, '（一）予以公开']],
  ['partial', [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']],
  ['denied.secret', [RESULTS, DENIED, '1.属于国家秘密']],
  ['denied.law', [RESULTS, DENIED, '2.其他法律行政法规禁止公开']],
  ['denied.safety', [RESULTS, DENIED, '3.危及“三安全一稳定”']],
  ['denied.third_party', [RESULTS, DENIED, '4.保护第三方合法权益']],
  ['denied.internal', [RESULTS, DENIED, '5.属于三类内部事务信息']],
  ['denied.process', [RESULTS, DENIED, '6.属于四类过程性信息']],
  ['denied.enforcement', [RESULTS, DENIED, '7.属于行政执法案卷']],
  ['denied.query', [RESULTS, DENIED, '8.属于行政查询事项']],
  ['unable.not_held', [RESULTS, UNABLE, '1.本机关不掌握相关政府信息']],
  ['unable.needs_making', [RESULTS, UNABLE, '2.没有现成信息需要另行制作']],
  ['unable.unclear', [RESULTS, UNABLE, '3.补正后申请内容仍不明确']],
  ['rejected.petition', [RESULTS, REJECTED, '1.信访举报投诉类申请']],
  ['rejected.duplicate', [RESULTS, REJECTED, '2.重复申请']],
  ['rejected.publication', [RESULTS, REJECTED, '3.要求提供公开出版物']],
  ['rejected.excessive', [RESULTS, REJECTED, '4.无正当理由大量反复申请']],
  ['rejected.confirm', [RESULTS, REJECTED, '5.要求行政机关确认或重新出具已获取信息']],
  ['other', [RESULTS, OTHER]],
  ['other.no_correction', [RESULTS, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']],
  ['other.unpaid_fee', [RESULTS, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']],
  ['other.other', [RESULTS, OTHER, '3.其他']],
  ['results_total', [RESULTS, '（七）总计']],
  ['carried_forward', ['四、结转下年度继续办理']],
];

const T3_COLUMNS = [
  ['natural', '自然人'],
  ['commercial', '商业企业'],
  ['research', '科研机构'],
  ['nonprofit', '社会公益组织'],
  ['legal', '法律服务机构'],
  ['other_org', '其他'],
  ['total', '总计'],
];

const T4_GROUPS = [
  ['review', '行政复议'],
  ['suit_direct', '行政诉讼 · 未经复议直接起诉'],
  ['suit_after_review', '行政诉讼 · 复议后起诉'],
];
const T4_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

const TABLE_NAMES = { t2: '表二', t3: '表三', t4: '表四' };

/** A reader's name for a cell: `表三 （一）予以公开 · 自然人`. */
export function cellLabel(id, template) {
  const [table, ...rest] = id.split('.');
  const name = TABLE_NAMES[table] || table;
  if (table === 't3') {
    const column = rest.pop();
    const row = T3_ROWS.find(([rid]) => rid === rest.join('.'));
    const col = T3_COLUMNS.find(([cid]) => cid === column);
    if (row && col) return `${name} ${row[1].slice(1).join(' ') || row[1][0]} · ${col[1]}`;
  } else if (table === 't4') {
    const group = T4_GROUPS.find(([g]) => g === rest[0]);
    const col = T4_COLUMNS.find(([c]) => c === rest[1]);
    if (group && col) return `${name} ${group[1]} · ${col[1]}`;
  } else if (table === 't2') {
    for (const block of T2[template] || T2[2021]) {
      const row = block.rows.find(([r]) => r === rest[0]);
      const col = block.columns.find(([c]) => c === rest[1]);
      if (row && col) return `${name} ${row[1]} · ${col[1]}`;
    }
  }
  return `${name} ${rest.join('.')}`;
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

function valueCell(id, result, states, t, title) {
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
  return h('td', { class: classes.join(' '), 'data-cell': id, title: hint }, parts);
}

function wrap(name, caption, table, t) {
  return h(
    'div',
    { class: 'grid-wrap', role: 'region', tabindex: '0', 'aria-label': t.tableScroll(caption) },
    table,
  );
}

/** Table 二: one block per 第二十条 item, each with its own header row. */
function table2(result, states, t) {
  const ids = Object.keys(result.cells).filter((id) => id.startsWith('t2.'));
  if (!ids.length) return null;
  const blocks = (T2[result.template] || T2[2021]).map((block) => ({
    ...block,
    rows: block.rows.filter(([r]) => block.columns.some(([c]) => `t2.${r}.${c}` in result.cells)),
  }));
  const known = new Set(blocks.flatMap((b) => b.rows.flatMap(([r]) => b.columns.map(([c]) => `t2.${r}.${c}`))));
  const extra = ids.filter((id) => !known.has(id));
  if (extra.length) blocks.push({ title: '', columns: [['', '']], rows: extra.map((id) => [id, id]), raw: true });
  const width = Math.max(...blocks.map((b) => b.columns.length)) + 1;
  const body = [];
  for (const block of blocks) {
    if (!block.rows.length) continue;
    if (block.title) body.push(h('tr', { class: 'group' }, h('th', { colspan: width, scope: 'colgroup' }, block.title)));
    if (!block.raw) {
      body.push(
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, '信息内容'),
          block.columns.map(([, label], i) =>
            h('th', { scope: 'col', colspan: i === block.columns.length - 1 ? width - block.columns.length : 1 }, label),
          ),
        ),
      );
    }
    for (const [row, label] of block.rows) {
      const cells = block.raw
        ? [valueCell(row, result, states, t, row)]
        : block.columns.map(([col, colLabel]) => valueCell(`t2.${row}.${col}`, result, states, t, `${label} · ${colLabel}`));
      const last = cells[cells.length - 1];
      const used = cells.length + 1;
      if (used < width) last.setAttribute('colspan', String(width - used + 1));
      body.push(h('tr', null, h('th', { scope: 'row', class: 'rl' }, label), cells));
    }
  }
  const caption = `${TABLE_NAMES.t2}　${t.t2}`;
  return wrap('t2', caption, h('table', { class: 'grid t2', 'data-table': 't2' }, h('caption', null, caption), h('tbody', null, body)), t);
}

/** Table 三: three label columns (the nested groups), seven applicant columns. */
function table3(result, states, t) {
  const present = new Set(
    Object.keys(result.cells)
      .filter((id) => id.startsWith('t3.'))
      .map((id) => id.slice(3, id.lastIndexOf('.'))),
  );
  if (!present.size) return null;
  const rows = T3_ROWS.filter(([id]) => present.has(id));
  for (const id of present) if (!T3_ROWS.some(([r]) => r === id)) rows.push([id, [id]]);
  const columns = T3_COLUMNS.filter(([c]) => rows.some(([r]) => `t3.${r}.${c}` in result.cells));
  const head = h(
    'thead',
    null,
    h(
      'tr',
      null,
      h('th', { colspan: 3, rowspan: 3, class: 'note' }, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
      h('th', { colspan: columns.length, scope: 'colgroup' }, '申请人情况'),
    ),
    h(
      'tr',
      null,
      columns.some(([c]) => c === 'natural') && h('th', { rowspan: 2, scope: 'col' }, '自然人'),
      h('th', { colspan: columns.filter(([c]) => c !== 'natural' && c !== 'total').length, scope: 'colgroup' }, '法人或其他组织'),
      columns.some(([c]) => c === 'total') && h('th', { rowspan: 2, scope: 'col' }, '总计'),
    ),
    h(
      'tr',
      null,
      columns.filter(([c]) => c !== 'natural' && c !== 'total').map(([, label]) => h('th', { scope: 'col' }, label)),
    ),
  );
  const body = rows.map(([id, path], index) => {
    const labels = [];
    for (let level = 0; level < path.length; level++) {
      const last = level === path.length - 1;
      if (!last) {
        const prefix = path.slice(0, level + 1).join('/');
        const prev = rows[index - 1];
        if (prev && prev[1].slice(0, level + 1).join('/') === prefix && prev[1].length > level + 1) continue;
        let span = 0;
        while (rows[index + span] && rows[index + span][1].length > level + 1 && rows[index + span][1].slice(0, level + 1).join('/') === prefix) span++;
        labels.push(h('th', { rowspan: span, scope: 'rowgroup', class: 'rg' }, path[level]));
      } else {
        labels.push(h('th', { colspan: 3 - level, scope: 'row', class: 'rl' }, path[level]));
      }
    }
    const title = path.slice(1).join(' ') || path[0];
    return h(
      'tr',
      { 'data-row': id },
      labels,
      columns.map(([c, label]) => valueCell(`t3.${id}.${c}`, result, states, t, `${title} · ${label}`)),
    );
  });
  const caption = `${TABLE_NAMES.t3}　${t.t3}`;
  return wrap('t3', caption, h('table', { class: 'grid t3', 'data-table': 't3' }, h('caption', null, caption), head, h('tbody', null, body)), t);
}

/** Table 四: one data row of fifteen cells under two header levels. */
function table4(result, states, t) {
  const groups = T4_GROUPS.filter(([g]) => T4_COLUMNS.some(([c]) => `t4.${g}.${c}` in result.cells));
  if (!groups.length) return null;
  const review = groups.find(([g]) => g === 'review');
  const suits = groups.filter(([g]) => g !== 'review');
  const head = h(
    'thead',
    null,
    h(
      'tr',
      null,
      review && h('th', { colspan: T4_COLUMNS.length, scope: 'colgroup' }, '行政复议'),
      suits.length && h('th', { colspan: T4_COLUMNS.length * suits.length, scope: 'colgroup' }, '行政诉讼'),
    ),
    h(
      'tr',
      null,
      review && T4_COLUMNS.map(([, label]) => h('th', { rowspan: 2, scope: 'col' }, label)),
      suits.map(([, label]) => h('th', { colspan: T4_COLUMNS.length, scope: 'colgroup' }, label.split(' · ')[1])),
    ),
    h('tr', null, suits.map(() => T4_COLUMNS.map(([, label]) => h('th', { scope: 'col' }, label)))),
  );
  const row = h(
    'tr',
    null,
    groups.map(([g, gl]) => T4_COLUMNS.map(([c, cl]) => valueCell(`t4.${g}.${c}`, result, states, t, `${gl} · ${cl}`))),
  );
  const caption = `${TABLE_NAMES.t4}　${t.t4}`;
  return wrap('t4', caption, h('table', { class: 'grid t4', 'data-table': 't4' }, h('caption', null, caption), head, h('tbody', null, row)), t);
}

/** The three tables for a result (nothing when no template matched). */
export function renderTables(result, t) {
  const states = cellStates(result);
  return [table2(result, states, t), table3(result, states, t), table4(result, states, t)].filter(Boolean);
}
