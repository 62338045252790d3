// <nianbao-validator>: paste or drop a 政府信息公开工作年度报告, see what is wrong, where.
//
//   <script type="module" src="widget.js"></script>
//   <nianbao-validator lang="zh"></nianbao-validator>
//
// API: `el.check(input)` (string, File, Blob, ArrayBuffer, Uint8Array; a PDF too) renders the
// result and resolves with it; `el.checkFiles(files)` checks many (folders' files, .zip archives
// unpacked) as one batch, shown as a sortable summary table; a `nianbao-result` event (bubbles,
// composed) carries each result in `detail`. A report is shown as its tables (表格) or as its text
// (原文: the lines the engine read, numbered as the findings cite them); a finding marks its cells
// in one and its line, with the words it quotes, in the other. Everything runs in the page: the engine is
// WebAssembly loaded from next to this module and runs in module workers (on the main thread
// where no worker can start); PDFs are read by pdf.js, loaded from next to it on the first PDF.
// Nothing is sent anywhere or stored; exports are downloads made in the page.

import { cellsCsv, findingsCsv, init, lines as readLines, reportExtensionsSync, resultsJson } from './index.js';
import { summaryTable } from './widget-batch.js';
import { deskOpener, deskView } from './widget-desk.js';
import { barChart, stackedChart } from './widget-charts.js';
import { append, figure, h, percent } from './widget-dom.js';
import { chosenFiles, droppedFiles, gatherReports } from './widget-files.js';
import { strings } from './widget-i18n.js';
import { run as runChecks } from './widget-run.js';
import { sheet } from './widget-style.js';
import { cellLabel, renderTables } from './widget-tables.js';
import { TextView } from './widget-text.js';
import { AuthorForm } from './widget-author.js';
import { authorSheet } from './widget-author-style.js';

const ACCEPT = '.txt,.md,.htm,.html,.shtml,.xhtml,.docx,.pdf,.zip';
const SEVERITIES = ['error', 'warning', 'info'];
const ICONS = { error: '✖', warning: '▲', info: 'ℹ' };
/**
 * Rules whose findings are about the report's words (their line is a sentence they quote): a
 * click shows them in the text view even though they name cells. Other findings with cells keep
 * the tables in front (their line is then marked in the text view too).
 */
const TEXT_FIRST = new Set(['text-table-mismatch', 'fee-statement']);
/** Rules whose failures one suspect cell can explain (R1–R4). */
const ARITHMETIC = new Set(['t3-balance', 't3-results-sum', 't3-row-total', 't4-total']);

/**
 * One mistake, one item: the arithmetic findings a `suspect-cell` finding explains (they name
 * its cell) are shown inside it, not again on their own. Returns finding index → the indexes
 * it explains, and the set of indexes explained.
 */
function explanations(diagnostics) {
  const explains = new Map();
  const explained = new Set();
  diagnostics.forEach((d, i) => {
    if (d.rule !== 'suspect-cell' || !d.fix) return;
    const broken = [];
    diagnostics.forEach((other, j) => {
      if (ARITHMETIC.has(other.rule) && !explained.has(j) && other.cells.includes(d.fix.cell)) broken.push(j);
    });
    broken.forEach((j) => explained.add(j));
    explains.set(i, broken);
  });
  return { explains, explained };
}

let instances = 0;

export class NianbaoValidator extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'mode'];
  }

  constructor() {
    super();
    this._uid = `nb${++instances}`;
    this._results = [];
    this._links = [];
    this._active = 0;
    this._selected = -1;
    this._view = 'tables'; // the view of a report in front: 'tables' or 'text'
    this._detail = 0; // counts renderings of the detail panel (a text read late is dropped)
    this._textView = null;
    this._textCache = null; // { entry, lines }: the lines of the report shown
    this._sort = { key: 'name', dir: 'none' };
    this._run = 0;
    this._statusKey = null;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet()];
    this._build();
  }

  connectedCallback() {
    // Start loading the engine early; a failure is reported when a check needs it. (The
    // authoring form starts the module it needs itself.)
    if (this.getAttribute('mode') !== 'author') init().catch(() => {});
  }

  attributeChangedCallback() {
    if (!this._t) return;
    const focused = this.isConnected && document.activeElement === this;
    if (this.getAttribute('mode') === 'author') {
      this._build();
      // Switched from the checking view by its button: keep the keyboard in the widget.
      if (focused) this._author.ready.then(() => this._author.focus());
      return;
    }
    const value = this._text ? this._text.value : '';
    this._build();
    this._text.value = value;
    this._render();
    if (this._statusKey) this._status(...this._statusKey);
    if (focused) this._text.focus();
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
    const filename = options && typeof options.filename === 'string' ? options.filename : undefined;
    const [result] = await this._check([{ input, filename }], { single: true });
    return result;
  }

  /**
   * Checks several files as one batch (a .zip is unpacked; files that are not reports are
   * skipped) and shows the summary table. Resolves with the results, in order.
   */
  async checkFiles(files) {
    return this._checkFiles([...files].map((file) => ({ file, path: file.name || '-' })));
  }

  // ---------------------------------------------------------------- building

  _build() {
    const t = (this._t = strings(this.getAttribute('lang')));
    const id = (name) => `${this._uid}-${name}`;
    const root = this.shadowRoot;
    root.replaceChildren();
    if (this.getAttribute('mode') === 'author') {
      // The authoring form (www/widget-author.js): kept across rebuilds, so its draft survives.
      root.adoptedStyleSheets = [sheet(), authorSheet()];
      this._author ??= new AuthorForm(this, this.getAttribute('lang'));
      this._author.setLanguage(this.getAttribute('lang'));
      root.appendChild(this._author.element);
      return;
    }
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
        const files = chosenFiles(this._file.files);
        this._file.value = '';
        if (files.length) this._checkFiles(files).catch(() => {});
      },
    });
    this._folder = h('input', {
      type: 'file',
      multiple: true,
      webkitdirectory: true,
      hidden: true,
      tabindex: '-1',
      'aria-hidden': 'true',
      onchange: () => {
        const files = chosenFiles(this._folder.files);
        this._folder.value = '';
        if (files.length) this._checkFiles(files).catch(() => {});
      },
    });
    this._checkButton = h('button', { type: 'button', class: 'btn primary', onclick: () => this._checkPasted() }, t.check);
    this._drop = h('div', { class: 'drop' }, this._text, h('div', { class: 'drop-overlay', 'aria-hidden': 'true' }, t.dropActive));
    this._statusEl = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._progressBar = h('progress', { max: 1, value: 0, 'aria-labelledby': id('prog-l') });
    this._progressLabel = h('span', { id: id('prog-l'), class: 'progress-label' });
    this._progressEl = h('div', { class: 'progress', hidden: true }, this._progressBar, this._progressLabel);
    this._summaryEl = h('section', { class: 'batch', 'aria-labelledby': id('sum-h'), hidden: true });
    this._toolbar = h('div', { class: 'toolbar', role: 'group', 'aria-label': t.exports });
    this._panel = h('div', { class: 'panel', id: id('detail'), tabindex: '-1' });
    this._resultsEl = h(
      'section',
      { class: 'results', 'aria-labelledby': id('res-h'), hidden: true },
      h('h2', { id: id('res-h'), class: 'sr-only' }, t.results),
      this._toolbar,
      this._summaryEl,
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
          h('button', { type: 'button', class: 'btn', onclick: () => this._folder.click() }, t.chooseFolder),
          this._file,
          this._folder,
          h('span', { class: 'hint' }, t.dropHint),
          h('button', { type: 'button', class: 'btn quiet', 'data-mode': 'author', onclick: () => this.setAttribute('mode', 'author') }, t.authorMode),
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
      this._progressEl,
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
      // Folders are walked while the drop's data is still readable (only during this event).
      const found = droppedFiles(event.dataTransfer);
      found.then((files) => (files.length ? this._checkFiles(files) : null)).catch(() => {});
    });
  }

  /** Shows (and announces) a status line; `key` names a string of widget-i18n.js. */
  _status(key, ...args) {
    this._statusKey = [key, ...args];
    const value = this._t[key];
    const text = typeof value === 'function' ? value(...args) : value;
    let tone = '';
    if (key === 'done' || key === 'doneFiles') tone = args[args.length - 1].errors ? ' bad' : ' ok';
    else if (key === 'loadFailed' || key === 'noReports') tone = ' bad';
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

  async _checkFiles(files) {
    try {
      await init();
    } catch (error) {
      this._status('loadFailed', error && error.message ? error.message : String(error));
      throw error;
    }
    const { items, skipped } = await gatherReports(files, reportExtensionsSync());
    if (!items.length) {
      this._status('noReports', skipped);
      return [];
    }
    // One report is shown as one result, as a pasted one is; several as a batch.
    return this._check(items, { single: items.length === 1, skipped });
  }

  /** Checks `items` (`[{ input, filename?, unreadable? }]`), renders, resolves with the results. */
  async _check(items, { single, skipped = 0 }) {
    const run = ++this._run;
    this._checkButton.disabled = true;
    this._status('checking');
    this._progressEl.hidden = single;
    if (!single) this._progress(0, items.length);
    try {
      try {
        await init();
      } catch (error) {
        this._status('loadFailed', error && error.message ? error.message : String(error));
        throw error;
      }
      const out = await runChecks(items, {
        // A file refused before the engine (a zip bomb) goes the batch way, which carries its message.
        single: single && !items[0].unreadable,
        onProgress: ({ done, total }) => {
          if (run === this._run) this._progress(done, total);
        },
      });
      const entries = out.results.map((result, i) => ({
        index: i,
        result,
        name: items[i].filename ?? result.input.name ?? null,
        // What the text view reads: the input, or the text the engine read in its place (a PDF's).
        input: items[i].input,
        filename: items[i].filename,
        text: (out.texts && out.texts[i]) ?? null,
      }));
      if (run === this._run) {
        if (!single) this._progress(items.length, items.length);
        this._results = entries;
        this._textCache = null;
        this._links = out.links || [];
        // The supervisor's view (www/widget-desk.js): the engine's desk and documents, made when
        // the view is opened (`_openDesk`) from the same inputs, a PDF's text in its place.
        this._deskItems = single ? null : items.map((item, i) => ({ ...item, input: entries[i].text ?? item.input }));
        this._desk = null;
        this._documents = null;
        this._deskOpening = null;
        this._batch = !single;
        this._active = single ? 0 : -1;
        this._selected = -1;
        this._sort = { key: 'name', dir: 'none' };
        this._render();
        const total = { errors: 0, warnings: 0, infos: 0 };
        for (const { result } of entries) for (const key of Object.keys(total)) total[key] += result.summary[key];
        if (single && !skipped) this._status('done', total);
        else this._status('doneFiles', entries.length, total, skipped);
      }
      for (const { result } of entries) {
        this.dispatchEvent(new CustomEvent('nianbao-result', { detail: result, bubbles: true, composed: true }));
      }
      return entries.map((o) => o.result);
    } finally {
      if (run === this._run) this._checkButton.disabled = false;
    }
  }

  _progress(done, total) {
    this._progressBar.max = Math.max(1, total);
    this._progressBar.value = done;
    this._progressLabel.textContent = this._t.progress(done, total);
  }

  // ---------------------------------------------------------------- rendering

  _render() {
    this._resultsEl.hidden = this._results.length === 0;
    this._renderToolbar();
    this._renderSummary();
    this._renderDetail();
  }

  _renderToolbar() {
    const t = this._t;
    this._toolbar.replaceChildren();
    if (!this._results.length) return;
    const button = (label, onclick, name) => h('button', { type: 'button', class: 'btn small', 'data-export': name, onclick }, label);
    const scope = this._results.length > 1 ? t.exportAll(this._results.length) : '';
    append(this._toolbar, [
      h('span', { class: 'toolbar-label' }, `${t.exports}${scope}：`),
      button(t.exportCells, () => this._export('cells'), 'cells'),
      button(t.exportFindings, () => this._export('findings'), 'findings'),
      button(t.exportJson, () => this._export('json'), 'json'),
      button(t.print, () => window.print(), 'print'),
    ]);
  }

  _renderSummary() {
    const t = this._t;
    this._summaryEl.replaceChildren();
    this._deskEl?.remove();
    this._summaryEl.hidden = !this._batch;
    if (!this._batch) return;
    this._summaryEl.append(
      h('h3', { class: 'panel-h', id: `${this._uid}-sum-h` }, t.summaryHeading(this._results.length)),
      h('p', { class: 'help' }, t.summaryHelp),
      summaryTable({
        entries: this._results,
        sort: this._sort,
        active: this._active,
        t,
        uid: this._uid,
        onSort: (key) => this._sortBy(key),
        onOpen: (index) => this._open(index),
      }),
    );
    this._renderDesk();
  }

  /** The supervisor's view, next to the summary (not inside it: its rows are the reports'). */
  _renderDesk() {
    this._deskEl?.remove();
    if (!this._batch) return;
    const common = { lang: this.getAttribute('lang'), uid: this._uid };
    this._deskEl = this._desk
      ? deskView({
          ...common,
          desk: this._desk,
          documents: this._documents,
          entries: this._results,
          onOpen: (index) => this._open(index),
          download: (filename, data, type) => this._download(filename, data, type),
        })
      : deskOpener({ ...common, open: () => this._openDeskOnce() });
    this._summaryEl.after(this._deskEl);
  }

  /** `_openDesk`, one pass however often the view is drawn again (a sort) while it is made; again after a failure. */
  _openDeskOnce() {
    this._deskOpening ??= this._openDesk().catch((error) => {
      this._deskOpening = null;
      throw error;
    });
    return this._deskOpening;
  }

  /**
   * Has the engine's full module make the batch's desk and documents, then shows them. Resolves
   * to false when there is no desk to show (an input made the engine trap).
   */
  async _openDesk() {
    const run = this._run;
    const out = await runChecks(this._deskItems, { desk: true });
    if (run !== this._run) return true;
    if (!out.desk) return false;
    this._desk = out.desk;
    this._documents = out.documents || null;
    this._renderDesk();
    this._deskEl.querySelector('h3').focus();
    // The text view marks the sentences carried over from last year: draw it again.
    if (this._view === 'text') this._renderDetail();
    return true;
  }

  _renderDetail() {
    this._detail++;
    this._selected = -1;
    this._textView?.disconnect();
    this._textView = null;
    this._textBuilding = null;
    this._viewTabs = null;
    this._panel.replaceChildren();
    if (this._active < 0 || !this._results[this._active]) return;
    const { result, name } = this._results[this._active];
    this._panel.appendChild(this._renderResult(result, name));
    if (this._view === 'text') this._showView('text');
  }

  _sortBy(key) {
    const dir = this._sort.key === key && this._sort.dir === 'ascending' ? 'descending' : 'ascending';
    this._sort = { key, dir };
    this._renderSummary();
    const button = this._summaryEl.querySelector(`th[data-key="${key}"] button`);
    if (button) button.focus();
  }

  /** Shows a report of the batch below the table and moves focus to it. */
  _open(index) {
    this._active = index;
    this._selected = -1;
    for (const row of this._summaryEl.querySelectorAll('tbody tr')) {
      const on = Number(row.dataset.index) === index;
      if (on) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
      row.querySelector('button.open').setAttribute('aria-expanded', String(on));
    }
    this._renderDetail();
    this._panel.scrollIntoView({ block: 'start' });
    this._panel.focus({ preventScroll: true });
  }

  _export(kind) {
    const list = this._results.map(({ name, result }, i) => ({ name: name || `${this._t.pasted}${this._results.length > 1 ? i + 1 : ''}`, result }));
    const base = list.length === 1 ? list[0].name.replace(/^.*\//, '').replace(/\.[^.]*$/, '') : this._t.batchFile;
    if (kind === 'cells') this._download(`${base}-${this._t.cellsFile}.csv`, cellsCsv(list), 'text/csv;charset=utf-8');
    else if (kind === 'findings') this._download(`${base}-${this._t.findingsFile}.csv`, findingsCsv(list), 'text/csv;charset=utf-8');
    else this._download(`${base}.json`, resultsJson(list.map((e) => e.result), this._batch ? this._links : undefined), 'application/json');
  }

  /** A download made in the page (text or bytes): a Blob, an object URL, a click on an `<a download>`. */
  _download(filename, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: filename, hidden: true });
    this.shadowRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
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
        name && metaItem(t.inputKind, t.inputName(name, /\.pdf$/i.test(name) ? t.kinds.pdf : t.kinds[result.input.kind] || result.input.kind)),
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
    const main = h(
      'div',
      { class: 'main' },
      this._renderViews(tables.length ? [this._legend(), append(this._tablesEl, tables)] : [h('p', null, t.noTables)]),
      this._renderStats(result),
    );
    return h(
      'article',
      { class: 'result' },
      head,
      h('div', { class: 'body' }, this._renderFindings(result), main),
      h('p', { class: 'engine-note' }, `${t.engine}：${result.engine}`),
    );
  }

  /**
   * The two views of a report, as tabs: 表格 (the tables) and 原文 (the text, built when first
   * shown). Arrow keys, Home and End move between the tabs (automatic activation).
   */
  _renderViews(tablesContent) {
    const t = this._t;
    const id = (name) => `${this._uid}-${name}`;
    const views = [
      ['tables', t.viewTables],
      ['text', t.viewText],
    ];
    const tabs = views.map(([key, label]) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: 'tab',
          id: id(`tab-${key}`),
          'aria-controls': id(`view-${key}`),
          'aria-selected': String(key === 'tables'),
          tabindex: key === 'tables' ? '0' : '-1',
          'data-view': key,
          onclick: () => this._showView(key, { user: true }),
          onkeydown: (event) => this._tabKey(event, key),
        },
        label,
      ),
    );
    this._textPanel = h(
      'div',
      { class: 'view view-text', role: 'tabpanel', id: id('view-text'), 'aria-labelledby': id('tab-text'), hidden: true },
      this._textLegend(),
      h('p', { class: 'help', id: id('text-help') }, t.textHelp),
      h('p', { class: 'text-status' }, t.textLoading),
    );
    this._tablesPanel = h(
      'div',
      { class: 'view view-tables', role: 'tabpanel', id: id('view-tables'), 'aria-labelledby': id('tab-tables') },
      tablesContent,
    );
    this._viewTabs = tabs;
    return h(
      'section',
      { class: 'section views', 'aria-labelledby': id('views-h') },
      h('h3', { class: 'sr-only', id: id('views-h') }, t.views),
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': t.views }, tabs),
      this._tablesPanel,
      this._textPanel,
    );
  }

  _tabKey(event, key) {
    const keys = ['tables', 'text'];
    let next = null;
    const at = keys.indexOf(key);
    if (event.key === 'ArrowRight') next = keys[(at + 1) % keys.length];
    else if (event.key === 'ArrowLeft') next = keys[(at + keys.length - 1) % keys.length];
    else if (event.key === 'Home') next = keys[0];
    else if (event.key === 'End') next = keys[keys.length - 1];
    if (!next) return;
    event.preventDefault();
    this._showView(next, { user: true });
    this._viewTabs.find((tab) => tab.dataset.view === next).focus();
  }

  /**
   * Brings a view to the front. `user`: chosen with its tab (the view then scrolls to what is
   * marked in it, without moving the page). Resolves with the text view when `key` is 'text'.
   */
  _showView(key, { user = false } = {}) {
    if (!this._viewTabs) return Promise.resolve(null);
    this._view = key;
    for (const tab of this._viewTabs) {
      const on = tab.dataset.view === key;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    this._tablesPanel.hidden = key !== 'tables';
    this._textPanel.hidden = key !== 'text';
    if (key === 'tables') {
      const cell = user && this._tablesPanel.querySelector('td.marked');
      if (cell) cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return Promise.resolve(null);
    }
    return this._ensureText().then((view) => {
      if (view && user) view.reveal();
      return view;
    });
  }

  /** The text view of the report shown, built on first use (its lines read by the engine). */
  _ensureText() {
    this._textBuilding ??= this._buildText();
    return this._textBuilding;
  }

  async _buildText() {
    const detail = this._detail;
    const entry = this._results[this._active];
    if (!entry) return null;
    let lines;
    if (this._textCache && this._textCache.entry === entry) {
      lines = this._textCache.lines;
    } else {
      lines = await this._readLines(entry);
      this._textCache = { entry, lines };
    }
    if (detail !== this._detail) return null;
    const t = this._t;
    const status = this._textPanel.querySelector('.text-status');
    if (!lines.length) {
      status.textContent = t.textNone;
      return null;
    }
    const copied = this._desk?.copied.find((c) => c.report === entry.index)?.passages ?? [];
    const view = new TextView({ lines, result: entry.result, t, id: `${this._uid}-text`, copied });
    view.box.setAttribute('aria-describedby', `${this._uid}-text-help`);
    status.replaceWith(view.el);
    this._textView = view;
    // A finding selected before the text was read: mark it now.
    const d = this._selected >= 0 ? entry.result.diagnostics[this._selected] : null;
    if (d && d.line) view.mark(d.line, d.message);
    return view;
  }

  async _readLines(entry) {
    // A PDF that gave no text (a scan, a damaged file, or no pdf.js here) was never read.
    if (entry.text === null && entry.result.diagnostics.some((d) => d.rule === 'input-unreadable')) return [];
    const input = entry.text ?? entry.input;
    try {
      return await readLines(input, entry.filename === undefined ? undefined : { filename: entry.filename });
    } catch {
      return [];
    }
  }

  _textLegend() {
    const t = this._t;
    return h(
      'ul',
      { class: 'legend', 'aria-label': t.legend },
      h('li', null, h('span', { class: 'swatch line-err', 'aria-hidden': 'true' }, '✖'), t.legendLineError),
      h('li', null, h('span', { class: 'swatch line-warn', 'aria-hidden': 'true' }, '▲'), t.legendLineWarning),
      h('li', null, h('span', { class: 'swatch line-info', 'aria-hidden': 'true' }, 'ℹ'), t.legendLineInfo),
      h('li', null, h('mark', { class: 'swatch quote', 'aria-hidden': 'true' }, t.quoteSample), t.legendQuote),
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
    const { explains, explained } = explanations(result.diagnostics);
    for (const sev of SEVERITIES) {
      const items = result.diagnostics.map((d, i) => [d, i]).filter(([d, i]) => d.severity === sev && !explained.has(i));
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
          explains.get(index)?.length
            ? h(
                'span',
                { class: 'f-broken' },
                h('span', null, t.brokenBy),
                ...explains.get(index).map((j) => h('span', { class: 'f-broken-one' }, result.diagnostics[j].message)),
              )
            : null,
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

  /**
   * Selects a finding: marks the cells it names in the tables and its line (with the words it
   * quotes) in the text view, and shows the view that says more: the text for a finding about
   * the report's words or one that names no cell, else the tables.
   */
  _select(index) {
    const { result } = this._results[this._active];
    const toggleOff = this._selected === index;
    this._selected = toggleOff ? -1 : index;
    for (const button of this._findingButtons || []) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.index) === this._selected));
    }
    for (const cell of this._panel.querySelectorAll('td.marked')) cell.classList.remove('marked');
    this._textView?.clear();
    if (toggleOff) return Promise.resolve();
    const d = result.diagnostics[index];
    const cells = [];
    for (const id of d.cells) {
      for (const cell of this._panel.querySelectorAll(`td[data-cell="${CSS.escape(id)}"]`)) {
        cell.classList.add('marked');
        cells.push(cell);
      }
    }
    const textFirst = Boolean(d.line) && (!cells.length || TEXT_FIRST.has(d.rule));
    if (!textFirst) {
      if (cells.length && this._view !== 'tables') this._showView('tables');
      if (cells.length) cells[0].scrollIntoView({ block: 'center', inline: 'nearest' });
      this._status('marked', cells.length, d.line);
      // The line is marked in the text view too (when it has been read), for a look there.
      if (d.line && this._textView) this._textView.mark(d.line, d.message);
      return Promise.resolve();
    }
    const detail = this._detail;
    return this._showView('text').then((view) => {
      if (detail !== this._detail || this._selected !== index) return;
      const marked = view && view.mark(d.line, d.message);
      if (!marked) {
        this._status('marked', cells.length);
        return;
      }
      view.reveal({ page: this._textPanel.closest('.views') });
      this._status('markedText', d.line, Boolean(marked.quoted), cells.length);
    });
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

