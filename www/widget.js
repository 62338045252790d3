// <nianbao-validator>: paste or drop a 政府信息公开工作年度报告, see what is wrong, where.
//
//   <script type="module" src="widget.js"></script>
//   <nianbao-validator lang="zh"></nianbao-validator>
//
// API: `el.check(input)` (string, File, Blob, ArrayBuffer, Uint8Array) renders the result and
// resolves with it; `el.checkFiles(files)`; a `nianbao-result` event (bubbles, composed) carries
// each result in `detail`. Everything runs in the page: the engine is WebAssembly loaded from
// next to this module, nothing is sent anywhere or stored.

import { init, validate, validateBatch } from './index.js';
import { barChart, stackedChart } from './widget-charts.js';
import { append, figure, h, percent } from './widget-dom.js';
import { strings } from './widget-i18n.js';
import { sheet } from './widget-style.js';
import { cellLabel, renderTables } from './widget-tables.js';

const ACCEPT = '.txt,.md,.htm,.html,.docx';
const SEVERITIES = ['error', 'warning', 'info'];
const ICONS = { error: '✖', warning: '▲', info: 'ℹ' };

let instances = 0;

export class NianbaoValidator extends HTMLElement {
  static get observedAttributes() {
    return ['lang'];
  }

  constructor() {
    super();
    this._uid = `nb${++instances}`;
    this._results = [];
    this._active = 0;
    this._selected = -1;
    this._run = 0;
    this._statusKey = null;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet()];
    this._build();
  }

  connectedCallback() {
    // Start loading the engine early; a failure is reported when a check needs it.
    init().catch(() => {});
  }

  attributeChangedCallback() {
    if (!this._t) return;
    const value = this._text ? this._text.value : '';
    this._build();
    this._text.value = value;
    this._render();
    if (this._statusKey) this._status(...this._statusKey);
  }

  /** The text in the paste area. */
  get value() {
    return this._text.value;
  }

  set value(text) {
    this._text.value = String(text ?? '');
  }

  /** The results shown, in order. */
  get results() {
    return this._results.map((r) => r.result);
  }

  /** Checks one report, renders it and resolves with the result. */
  async check(input, options) {
    if (input === undefined) input = this._text.value;
    const [result] = await this._check([{ input, options }]);
    return result;
  }

  /** Checks several files (one result each, shown as tabs). */
  async checkFiles(files) {
    return this._check([...files].map((input) => ({ input })));
  }

  // ---------------------------------------------------------------- building

  _build() {
    const t = (this._t = strings(this.getAttribute('lang')));
    const id = (name) => `${this._uid}-${name}`;
    const root = this.shadowRoot;
    root.replaceChildren();
    this._text = h('textarea', {
      id: id('text'),
      'aria-labelledby': id('in-h'),
      'aria-describedby': id('in-help'),
      placeholder: t.placeholder,
      spellcheck: 'false',
      autocomplete: 'off',
      rows: 10,
    });
    this._file = h('input', {
      type: 'file',
      multiple: true,
      accept: ACCEPT,
      hidden: true,
      tabindex: '-1',
      'aria-hidden': 'true',
      onchange: () => {
        const files = [...this._file.files];
        this._file.value = '';
        if (files.length) this.checkFiles(files).catch(() => {});
      },
    });
    this._checkButton = h('button', { type: 'button', class: 'btn primary', onclick: () => this._checkPasted() }, t.check);
    this._drop = h('div', { class: 'drop' }, this._text, h('div', { class: 'drop-overlay', 'aria-hidden': 'true' }, t.dropActive));
    this._statusEl = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t.filesTabs, hidden: true });
    this._panel = h('div', { class: 'panel', id: id('panel') });
    this._resultsEl = h(
      'section',
      { class: 'results', 'aria-labelledby': id('res-h'), hidden: true },
      h('h2', { id: id('res-h'), class: 'sr-only' }, t.results),
      this._tabs,
      this._panel,
    );
    const wrapper = h(
      'div',
      { class: 'nb', lang: t === strings('en') ? 'en' : 'zh-CN' },
      h(
        'section',
        { class: 'input', 'aria-labelledby': id('in-h') },
        h('h2', { id: id('in-h') }, t.inputHeading),
        h('p', { id: id('in-help'), class: 'help' }, t.inputHelp),
        this._drop,
        h(
          'div',
          { class: 'actions' },
          this._checkButton,
          h('button', { type: 'button', class: 'btn', onclick: () => this._file.click() }, t.chooseFiles),
          this._file,
          h('span', { class: 'hint' }, t.dropHint),
          h(
            'button',
            {
              type: 'button',
              class: 'btn quiet',
              onclick: () => {
                this._text.value = '';
                this._text.focus();
              },
            },
            t.clear,
          ),
        ),
      ),
      this._statusEl,
      this._resultsEl,
    );
    this._text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this._checkPasted();
      }
    });
    this._wireDrop(wrapper);
    root.appendChild(wrapper);
  }

  _wireDrop(target) {
    let depth = 0;
    const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
    target.addEventListener('dragenter', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      this._drop.classList.add('over');
    });
    target.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    target.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) this._drop.classList.remove('over');
    });
    target.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      this._drop.classList.remove('over');
      const files = [...event.dataTransfer.files];
      if (files.length) this.checkFiles(files).catch(() => {});
    });
  }

  /** Shows (and announces) a status line; `key` names a string of widget-i18n.js. */
  _status(key, ...args) {
    this._statusKey = [key, ...args];
    const value = this._t[key];
    const text = typeof value === 'function' ? value(...args) : value;
    let tone = '';
    if (key === 'done' || key === 'doneFiles') tone = args[args.length - 1].errors ? ' bad' : ' ok';
    else if (key === 'loadFailed') tone = ' bad';
    this._statusEl.className = `status${tone}`;
    this._statusEl.textContent = text;
  }

  // ---------------------------------------------------------------- checking

  _checkPasted() {
    const text = this._text.value;
    if (!text.trim()) {
      this._status('emptyInput');
      this._text.focus();
      return;
    }
    this.check(text).catch(() => {});
  }

  async _check(items) {
    const run = ++this._run;
    this._checkButton.disabled = true;
    this._status('checking');
    try {
      try {
        await init();
      } catch (error) {
        this._status('loadFailed', error && error.message ? error.message : String(error));
        throw error;
      }
      const named = items.map(({ input, options }) => ({
        input,
        options,
        name: (options && options.filename) || (typeof Blob !== 'undefined' && input instanceof Blob && input.name) || null,
      }));
      let out;
      if (named.length > 1) {
        // Checked together, as the CLI does: reports of one body in consecutive years are compared.
        const batch = await validateBatch(named.map(({ input, name }) => (name ? { input, filename: name } : { input })));
        out = batch.results.map((result, i) => ({ result, name: named[i].name }));
      } else {
        out = [];
        for (const { input, options, name } of named) out.push({ result: await validate(input, options), name });
      }
      if (run === this._run) {
        this._results = out;
        this._active = 0;
        this._selected = -1;
        this._render();
        const total = { errors: 0, warnings: 0, infos: 0 };
        for (const { result } of out) for (const key of Object.keys(total)) total[key] += result.summary[key];
        if (out.length === 1) this._status('done', total);
        else this._status('doneFiles', out.length, total);
      }
      for (const { result } of out) {
        this.dispatchEvent(new CustomEvent('nianbao-result', { detail: result, bubbles: true, composed: true }));
      }
      return out.map((o) => o.result);
    } finally {
      if (run === this._run) this._checkButton.disabled = false;
    }
  }

  // ---------------------------------------------------------------- rendering

  _render() {
    const t = this._t;
    this._tabs.replaceChildren();
    this._panel.replaceChildren();
    this._resultsEl.hidden = this._results.length === 0;
    if (!this._results.length) return;
    this._tabs.hidden = this._results.length < 2;
    if (this._results.length > 1) {
      this._results.forEach(({ result, name }, i) => {
        const selected = i === this._active;
        const tab = h(
          'button',
          {
            type: 'button',
            role: 'tab',
            class: 'tab',
            id: `${this._uid}-tab${i}`,
            'aria-selected': String(selected),
            'aria-controls': `${this._uid}-panel`,
            tabindex: selected ? '0' : '-1',
            onclick: () => this._activate(i, true),
            onkeydown: (event) => this._tabKey(event, i),
          },
          h('span', null, name || t.pasted),
          h('span', { class: 'tc' }, result.summary.errors ? `${ICONS.error} ${result.summary.errors}` : '✓'),
        );
        this._tabs.appendChild(tab);
      });
      this._panel.setAttribute('role', 'tabpanel');
      this._panel.setAttribute('aria-labelledby', `${this._uid}-tab${this._active}`);
    } else {
      this._panel.removeAttribute('role');
      this._panel.removeAttribute('aria-labelledby');
    }
    const { result, name } = this._results[this._active];
    this._panel.appendChild(this._renderResult(result, name));
  }

  _activate(index, focus) {
    this._active = index;
    this._selected = -1;
    this._render();
    if (focus) this._tabs.children[index].focus();
  }

  _tabKey(event, i) {
    const n = this._results.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this._activate(to, true);
  }

  _renderResult(result, name) {
    const t = this._t;
    const r = result.report;
    const metaItem = (label, value) => h('div', null, h('dt', null, label), h('dd', null, value));
    const counts = h('ul', { class: 'counts', 'aria-label': t.summary });
    for (const [sev, key] of [['error', 'errors'], ['warning', 'warnings'], ['info', 'infos']]) {
      const n = result.summary[key];
      if (n) counts.appendChild(h('li', { class: `count ${sev}` }, h('span', { 'aria-hidden': 'true' }, ICONS[sev]), t.severityCount(sev, n)));
    }
    if (!counts.children.length) counts.appendChild(h('li', { class: 'count clean' }, h('span', { 'aria-hidden': 'true' }, '✓'), t.clean));
    const head = h(
      'header',
      { class: 'report-head' },
      h('h3', null, r.title || t.untitled),
      h(
        'dl',
        { class: 'meta' },
        name && metaItem(t.inputKind, t.inputName(name, t.kinds[result.input.kind] || result.input.kind)),
        !name && metaItem(t.inputKind, t.kinds[result.input.kind] || result.input.kind),
        metaItem(t.template, t.templateName(result.template)),
        metaItem(t.year, r.year ? String(r.year) : t.unknown),
        metaItem(t.published, r.published || t.unknown),
        (result.links || []).map((link) =>
          metaItem(t.linked, t.linkText(link.relation, link.name, link.relation === 'previous' ? link.years[0] : link.years[1])),
        ),
      ),
      counts,
    );
    this._tablesEl = h('div', { class: 'tables' });
    const tables = renderTables(result, t);
    const tablesSection = h(
      'section',
      { class: 'section', 'aria-labelledby': `${this._uid}-tables-h` },
      h('h3', { class: 'panel-h', id: `${this._uid}-tables-h` }, t.tables),
      tables.length ? this._legend() : h('p', null, t.noTables),
      append(this._tablesEl, tables),
    );
    const main = h('div', { class: 'main' }, tablesSection, this._renderStats(result));
    return h(
      'article',
      { class: 'result' },
      head,
      h('div', { class: 'body' }, this._renderFindings(result), main),
      h('p', { class: 'engine-note' }, `${t.engine}：${result.engine}`),
    );
  }

  _legend() {
    const t = this._t;
    return h(
      'ul',
      { class: 'legend', 'aria-label': t.legend },
      h('li', null, h('span', { class: 'swatch err', 'aria-hidden': 'true' }, '✖'), t.legendError),
      h('li', null, h('span', { class: 'swatch warn', 'aria-hidden': 'true' }, '▲'), t.legendWarning),
      h('li', null, h('span', { class: 'swatch blank', 'aria-hidden': 'true' }, '—'), t.legendBlank),
      h('li', null, h('span', { class: 'swatch mark', 'aria-hidden': 'true' }), t.legendMarked),
    );
  }

  _renderFindings(result) {
    const t = this._t;
    const section = h(
      'section',
      { class: 'findings', 'aria-labelledby': `${this._uid}-f-h` },
      h('h3', { class: 'panel-h', id: `${this._uid}-f-h` }, t.findings),
    );
    if (!result.diagnostics.length) {
      section.appendChild(h('p', { class: 'none' }, t.noFindings));
      return section;
    }
    this._findingButtons = [];
    for (const sev of SEVERITIES) {
      const items = result.diagnostics.map((d, i) => [d, i]).filter(([d]) => d.severity === sev);
      if (!items.length) continue;
      section.appendChild(
        h('h4', { class: `sev-h ${sev}` }, h('span', { 'aria-hidden': 'true' }, ICONS[sev]), t.severityHeading(sev, items.length)),
      );
      const list = h('ul', { class: 'flist' });
      for (const [d, index] of items) {
        const button = h(
          'button',
          {
            type: 'button',
            class: `finding ${sev}`,
            'aria-pressed': 'false',
            'data-index': index,
            'data-rule': d.rule,
            onclick: () => this._select(index),
            onkeydown: (event) => this._findingKey(event, button),
          },
          h(
            'span',
            { class: 'f-head' },
            h('span', { class: 'sev' }, h('span', { 'aria-hidden': 'true' }, `${ICONS[sev]} `), t.severityOne[sev]),
            h('code', { class: 'rule' }, d.rule),
            d.line ? h('span', { class: 'loc' }, t.line(d.line)) : null,
          ),
          h('span', { class: 'f-msg' }, d.message),
          d.source ? h('span', { class: 'f-src' }, d.source.replace(/\t/g, '  ')) : null,
          d.fix
            ? h('span', { class: 'f-fix' }, `${t.fix}：`, t.fixText(d.fix.cell, cellLabel(d.fix.cell, result.template), figure(d.fix.value)))
            : null,
          d.cells.length ? h('span', { class: 'f-cells' }, t.cellsNamed(d.cells.length)) : null,
        );
        this._findingButtons.push(button);
        list.appendChild(h('li', null, button));
      }
      section.appendChild(list);
    }
    return section;
  }

  _findingKey(event, button) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const list = this._findingButtons || [];
    const at = list.indexOf(button);
    const next = list[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  /** Marks the cells a finding names and scrolls the first into view. */
  _select(index) {
    const { result } = this._results[this._active];
    const toggleOff = this._selected === index;
    this._selected = toggleOff ? -1 : index;
    for (const button of this._findingButtons || []) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.index) === this._selected));
    }
    for (const cell of this._panel.querySelectorAll('td.marked')) cell.classList.remove('marked');
    if (toggleOff) return;
    const d = result.diagnostics[index];
    const cells = [];
    for (const id of d.cells) {
      for (const cell of this._panel.querySelectorAll(`td[data-cell="${CSS.escape(id)}"]`)) {
        cell.classList.add('marked');
        cells.push(cell);
      }
    }
    if (cells.length) cells[0].scrollIntoView({ block: 'center', inline: 'nearest' });
    this._status('marked', cells.length);
  }

  _renderStats(result) {
    const t = this._t;
    const st = result.stats;
    if (!result.template) return null;
    const fig = (key, value) => h('div', { class: 'fig' }, h('dt', null, t.figures[key]), h('dd', null, value));
    const n = (key) => figure(st[key]);
    const figs = h(
      'dl',
      { class: 'figs' },
      fig('received', n('received')),
      fig('carried', n('carried')),
      fig('handled', n('handled')),
      fig('carried_forward', n('carried_forward')),
      fig('disclosure_rate', percent(st.disclosure_rate)),
      fig('natural_share', percent(st.natural_share)),
      fig('review_total', n('review_total')),
      fig('review_correction_rate', percent(st.review_correction_rate)),
      fig('suit_total', n('suit_total')),
      fig('suit_correction_rate', percent(st.suit_correction_rate)),
      st.license_decisions !== null && fig('license_decisions', n('license_decisions')),
      st.penalty_decisions !== null && fig('penalty_decisions', n('penalty_decisions')),
      st.coercion_decisions !== null && fig('coercion_decisions', n('coercion_decisions')),
      st.fees_amount !== null && fig('fees_amount', n('fees_amount')),
    );
    const box = (title, chart) => h('figure', { class: 'chart-box' }, h('figcaption', { 'aria-hidden': 'true' }, title), chart);
    const outcomes = Object.entries(t.outcomes).map(([key, label]) => ({ label, value: st.outcomes[key] }));
    const applicants = Object.entries(t.applicants).map(([key, label]) => ({ label, value: st.applicants[key] }));
    const reviewKeys = Object.keys(t.reviewColumns);
    const groups = Object.entries(t.reviewGroups).map(([g, label]) => ({
      label,
      parts: reviewKeys.map((c) => {
        const v = result.cells[`t4.${g}.${c}`];
        return v === undefined ? null : v;
      }),
    }));
    return h(
      'section',
      { class: 'section stats', 'aria-labelledby': `${this._uid}-s-h` },
      h('h3', { class: 'panel-h', id: `${this._uid}-s-h` }, t.stats),
      h('h4', { class: 'sr-only' }, t.keyFigures),
      figs,
      h(
        'div',
        { class: 'charts' },
        box(t.outcomesChart, barChart(`${this._uid}-out`, t.outcomesChart, outcomes, t)),
        box(t.applicantsChart, barChart(`${this._uid}-app`, t.applicantsChart, applicants, t)),
        box(t.reviewChart, stackedChart(`${this._uid}-rev`, t.reviewChart, groups, Object.values(t.reviewColumns), t)),
      ),
    );
  }
}

if (!customElements.get('nianbao-validator')) customElements.define('nianbao-validator', NianbaoValidator);

