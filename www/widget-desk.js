// The supervisor's view of a batch: the body × year matrix, the ranking (sortable) with the
// distribution of scores, one body's figures over the years, the sections copied from last
// year, and the documents the engine wrote (审查意见 per report, 汇总分析) as downloads. Every
// figure comes from the engine's `desk`; report text goes in as text only. The desk is made by
// the engine's full module, loaded when the view is first opened (`deskOpener`).

import { barChart } from './widget-charts.js';
import { figure, h } from './widget-dom.js';
import { deskStrings } from './widget-desk-i18n.js';

/** The formats offered, in the order of the buttons: [key, file extension, MIME type]. */
const FORMATS = [
  ['docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['md', 'md', 'text/markdown;charset=utf-8'],
  ['html', 'html', 'text/html;charset=utf-8'],
];

/** The formats the engine is asked for (`documents` option of a batch). */
export const DESK_DOCUMENTS = FORMATS.map(([key]) => key);

/**
 * The view before it is opened: its heading, what it holds, and the button that opens it
 * (`open()`: a promise of whether the view could be made; the wait and any failure are said).
 */
export function deskOpener({ open, lang, uid }) {
  const t = deskStrings(lang);
  const status = h('p', { class: 'help', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn', 'data-desk': 'open' }, t.open);
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = t.opening;
    const fail = (why) => {
      button.disabled = false;
      status.textContent = t.failed(why);
    };
    open().then(
      (made) => made || fail(t.noDesk),
      (error) => fail(error && error.message ? error.message : String(error)),
    );
  });
  return h(
    'section',
    { class: 'desk', 'aria-labelledby': `${uid}-desk-h` },
    h('h3', { class: 'panel-h', id: `${uid}-desk-h` }, t.heading),
    h('p', { class: 'help' }, t.closedHelp),
    h('p', null, button),
    status,
  );
}

/**
 * The view. `desk`, `documents`: from the batch result; `entries`: `[{ index, name, result }]`;
 * `onOpen(index)`; `download(filename, data, type)`; `lang`, `uid`.
 */
export function deskView({ desk, documents, entries, onOpen, download, lang, uid }) {
  const t = deskStrings(lang);
  const nameOf = (i) => entries[i]?.name || `#${i + 1}`;
  const section = h('section', { class: 'desk', 'aria-labelledby': `${uid}-desk-h` });
  section.append(h('h3', { class: 'panel-h', id: `${uid}-desk-h`, tabindex: '-1' }, t.heading), h('p', { class: 'help' }, t.help));
  section.append(matrix(desk, t), ranking(desk, entries, nameOf, onOpen, documents, download, t, uid));
  section.append(trend(desk, t, uid), copiedList(desk, nameOf, onOpen, t));
  if (documents) section.append(analysisButtons(documents, t.analysis, download));
  return section;
}

function matrix(desk, t) {
  const head = h('tr', null, h('th', { scope: 'col' }, t.body), desk.years.map((y) => h('th', { scope: 'col', class: 'n' }, String(y))));
  const rows = desk.bodies.map((body) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, body.names.join(' / ')),
      desk.years.map((year) => {
        const found = body.years.find((y) => y.year === year);
        const text = found ? (found.reports.length > 1 ? t.twice(found.reports.length) : t.present) : body.missing_years.includes(year) ? t.missing : '';
        return h('td', { class: found ? (found.reports.length > 1 ? 'dup' : 'ok') : text ? 'gap' : null }, text);
      }),
    ),
  );
  return h('div', { class: 'desk-part' }, h('h4', null, t.matrix), h('table', { class: 'matrix' }, h('thead', null, head), h('tbody', null, rows)));
}

function ranking(desk, entries, nameOf, onOpen, documents, download, t, uid) {
  const scores = new Map(desk.scores.map((s) => [s.report, s.score]));
  const rankOf = new Map(desk.ranking.map((report, n) => [report, n + 1]));
  const rows = desk.ranking.map((report) => ({
    report,
    rank: rankOf.get(report),
    name: nameOf(report),
    body: entries[report]?.result.report.body ?? '—',
    year: entries[report]?.result.report.year ?? null,
    score: scores.get(report),
  }));
  const columns = [
    ['rank', t.rank, true],
    ['name', t.report, false],
    ['body', t.body, false],
    ['year', t.year, true],
    ['score', t.score, true],
  ];
  let sort = { key: 'rank', dir: 'ascending' };
  const table = h('table', { class: 'ranking', 'data-desk': 'ranking' });
  const render = () => {
    const sign = sort.dir === 'descending' ? -1 : 1;
    const numeric = columns.find(([key]) => key === sort.key)[2];
    const ordered = rows.slice().sort((a, b) => {
      const d = numeric ? (a[sort.key] ?? -1) - (b[sort.key] ?? -1) : String(a[sort.key]).localeCompare(String(b[sort.key]), 'zh-CN');
      return sign * d || a.rank - b.rank;
    });
    const head = h(
      'tr',
      null,
      columns.map(([key, label, isNumber]) => {
        const current = sort.key === key ? sort.dir : 'none';
        const onclick = () => {
          sort = { key, dir: sort.key === key && sort.dir === 'ascending' ? 'descending' : 'ascending' };
          render();
        };
        return h('th', { scope: 'col', 'aria-sort': current, class: isNumber ? 'n' : null, 'data-key': key }, h('button', { type: 'button', class: 'sort', onclick }, label));
      }),
      documents ? h('th', { scope: 'col' }, t.letter) : null,
    );
    const body = ordered.map((row) =>
      h(
        'tr',
        { 'data-index': String(row.report) },
        h('td', { class: 'n' }, String(row.rank)),
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'open', onclick: () => onOpen(row.report) }, row.name)),
        h('td', null, row.body),
        h('td', { class: 'n' }, row.year === null ? '—' : String(row.year)),
        h('td', { class: 'n' }, figure(row.score)),
        documents ? h('td', null, letterButtons(documents, row.report, row.name, download, t)) : null,
      ),
    );
    table.replaceChildren(h('thead', null, head), h('tbody', null, body));
  };
  render();
  const buckets = desk.distribution.map((value, b) => ({ label: b === 9 ? '90–100' : `${b * 10}–${b * 10 + 9}`, value }));
  const chart = barChart(`${uid}-dist`, t.distribution, buckets, { noData: '—' });
  return h('div', { class: 'desk-part' }, h('h4', null, t.ranking), table, chart);
}

function letterButtons(documents, report, name, download, t) {
  const base = `${name.replace(/^.*\//, '').replace(/\.[^.]*$/, '')}-${t.letter}`;
  return FORMATS.filter(([key]) => documents[key]).map(([key, ext, type]) =>
    h('button', { type: 'button', class: 'btn small', 'data-letter': key, onclick: () => download(`${base}.${ext}`, documents[key].letters[report], type) }, ext.toUpperCase()),
  );
}

function analysisButtons(documents, label, download) {
  return h(
    'p',
    { class: 'desk-downloads' },
    `${label}：`,
    FORMATS.filter(([key]) => documents[key]).map(([key, ext, type]) =>
      h('button', { type: 'button', class: 'btn small', 'data-analysis': key, onclick: () => download(`${label}.${ext}`, documents[key].analysis, type) }, ext.toUpperCase()),
    ),
  );
}

function trend(desk, t, uid) {
  const part = h('div', { class: 'desk-part' }, h('h4', null, t.trend));
  const series = desk.series.map((s, i) => ({ s, body: desk.bodies[i] })).filter(({ s }) => s.points.length > 1);
  if (!series.length) return part;
  const out = h('div', { class: 'desk-trend' });
  const show = (n) => {
    const { s, body } = series[n];
    const items = s.points.map((p) => ({ label: String(p.year), value: p.figures.received }));
    out.replaceChildren(barChart(`${uid}-trend`, `${body.name} ${t.received}`, items, { noData: '—' }));
  };
  const select = h(
    'select',
    { 'aria-label': t.chooseBody, onchange: (event) => show(Number(event.target.value)) },
    series.map(({ body }, n) => h('option', { value: String(n) }, body.name)),
  );
  show(0);
  part.append(select, out);
  return part;
}

function copiedList(desk, nameOf, onOpen, t) {
  const items = [];
  for (const c of desk.copied) {
    for (const s of c.sections) {
      if ((s.number === 1 || s.number === 5) && s.sentences >= 2 && s.share >= 0.5) {
        items.push(h('li', null, h('button', { type: 'button', class: 'open', onclick: () => onOpen(c.report) }, t.copiedItem(nameOf(c.report), t.sections[s.number], s.copied, s.sentences, nameOf(c.previous)))));
      }
    }
  }
  return h('div', { class: 'desk-part' }, h('h4', null, t.copied), items.length ? h('ul', { class: 'desk-copied' }, items) : h('p', null, t.noCopied));
}
