// The authoring form (`<nianbao-validator mode="author">`): tables 二, 三 and 四 of the official
// layout as an editable grid, checked by the engine at every keystroke (`validateCells`, on the
// cells directly). Faulty cells are marked, the findings listed beside the tables and announced;
// where one value would make every equation hold, the form offers it (the author accepts it with
// a click; nothing is filled in silently). A report or last year's report can be imported; the
// tables are published as HTML, DOCX, TSV and JSON. The draft lives in this page's memory only,
// unless the author downloads it.

import { init, initFull, templateLayoutSync, templatesSync, toSortedJson, validate, validateCellsSync } from './index.js';
import { draftJson, parseDraft, publicationDocx, publicationHtml, tsv } from './widget-author-export.js';
import { authorStrings } from './widget-author-i18n.js';
import { figure, h } from './widget-dom.js';
import { gridRows } from './widget-grid.js';

const ICONS = { error: '✖', warning: '▲', info: 'ℹ' };
const BLANKS = new Set(['-', '—', '——', '–', '―', '/', '\\', '无', '空', '--']);
const IMPORT_ACCEPT = '.txt,.md,.htm,.html,.shtml,.xhtml,.docx,.pdf';

/** What a cell shows once typed: full-width digits and signs folded, thousands commas and spaces dropped, dashes blank. */
export function normalise(text) {
  const folded = String(text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .trim();
  if (BLANKS.has(folded)) return '';
  return /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(folded) ? folded.replace(/,/g, '') : folded;
}

/** Splits pasted text (Excel, WPS, Word: TAB between cells, a line per row) into rows of cells. */
export function parseRange(text) {
  const rows = String(text).replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return rows.map((row) => row.split('\t').map((cell) => cell.replace(/^"(.*)"$/s, '$1')));
}

/** The entries of `cells` whose id is a cell of `template` (a draft may hold others). */
function onlyCellsOf(template, cells) {
  const ids = new Set(templateLayoutSync(template).tables.flatMap((t) => t.rows.flat().map((c) => c.cell).filter(Boolean)));
  return Object.fromEntries(Object.entries(cells).filter(([id]) => ids.has(id)));
}

/** A row label or header copied along with the figures: text with a letter, not a blank mark. */
function isLabel(text) {
  const t = normalise(text);
  return t !== '' && /\p{L}/u.test(t) && !/^[+-]?[\d.]/.test(t);
}

/**
 * The figures of a pasted range copied with its labels (from Word, Excel or WPS): each row's
 * leading labels (and the empty cells merged labels leave) are dropped, and rows of labels only
 * (headers) are skipped, so a whole table copied from last year's document pastes at its first figure.
 */
export function figuresOnly(rows) {
  const out = [];
  for (const row of rows) {
    let start = 0;
    while (start < row.length && (isLabel(row[start]) || row[start].trim() === '')) start++;
    const labelled = row.slice(0, start).some(isLabel);
    if (labelled && start === row.length) continue;
    out.push(labelled ? row.slice(start) : row);
  }
  return out;
}

export class AuthorForm {
  /** `host`: the custom element (its `_renderStats` draws the statistics); `lang`: zh or en. */
  constructor(host, lang) {
    this.host = host;
    this.lang = lang;
    this.t = authorStrings(lang);
    this.values = {};
    this.previous = null; // last year's tables: { template, cells (id → number|null), name, year }
    this.undoStack = [];
    this.redoStack = [];
    this.result = null;
    this.findingsKey = '';
    this.announceTimer = 0;
    this.element = h('div', { class: 'nb author', lang: lang === 'en' ? 'en' : 'zh-CN' });
    // The form's check is in the engine's full module, loaded when the form is first shown; the
    // template layouts are in the core.
    this.ready = Promise.all([init(), initFull()]).then(() => {
      this.templates = templatesSync();
      const wanted = host.getAttribute('template');
      this.template = this.templates.includes(wanted) ? wanted : this.templates[this.templates.length - 1];
      this.build();
    });
  }

  /** The widget's `lang` changed: the form is drawn again in that language, its draft kept. */
  setLanguage(lang) {
    if (lang === this.lang) return;
    this.lang = lang;
    this.t = authorStrings(lang);
    this.element.setAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
    this.findingsKey = '';
    if (this.layout) this.build();
  }

  // ------------------------------------------------------------------------------ building

  build() {
    const t = this.t;
    const uid = this.host._uid;
    this.layout = templateLayoutSync(this.template);
    this.inputs = new Map();
    this.nav = []; // data rows of every table, top to bottom: [{ id, from, to }] by grid column
    this.live = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.statusEl = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.findingsEl = h('section', { class: 'author-findings', 'aria-labelledby': `${uid}-af-h` });
    this.statsEl = h('div', { class: 'author-stats' });
    const fileInput = (accept, onFile) => {
      const input = h('input', { type: 'file', accept, hidden: true, tabindex: '-1', 'aria-hidden': 'true' });
      input.addEventListener('change', () => {
        const [file] = input.files;
        input.value = '';
        if (file) onFile(file);
      });
      return input;
    };
    const importFile = fileInput(IMPORT_ACCEPT, (file) => this.importReport(file, { previous: false }));
    const previousFile = fileInput(IMPORT_ACCEPT, (file) => this.importReport(file, { previous: true }));
    const draftFile = fileInput('.json,application/json', (file) => this.openDraft(file));
    const pasteArea = h('textarea', { rows: 4, 'aria-label': t.pasteReport, spellcheck: 'false' });
    const button = (label, onclick, extra = {}) => h('button', { type: 'button', class: 'btn', onclick, ...extra }, label);
    const templateSelect = h(
      'select',
      { id: `${uid}-tpl`, onchange: (event) => this.switchTemplate(event.target.value) },
      this.templates.map((id) => h('option', { value: id, selected: id === this.template }, t.template(id))),
    );
    const tables = this.layout.tables.map((table) => this.buildTable(table));
    this.element.replaceChildren(
      h(
        'section',
        { class: 'author-head', 'aria-labelledby': `${uid}-ah` },
        h('h2', { id: `${uid}-ah`, tabindex: '-1' }, t.heading),
        h('p', { class: 'help' }, t.help),
        h(
          'div',
          { class: 'actions', role: 'group', 'aria-label': t.start },
          h('label', { for: `${uid}-tpl` }, t.templateLabel),
          templateSelect,
          button(t.importReport, () => importFile.click()),
          button(t.importPrevious, () => previousFile.click()),
          button(t.openDraft, () => draftFile.click()),
          button(t.back, () => this.host.removeAttribute('mode'), { class: 'btn quiet', 'data-mode': 'check' }),
          importFile,
          previousFile,
          draftFile,
        ),
        h(
          'details',
          { class: 'paste-report' },
          h('summary', null, t.pasteReport),
          pasteArea,
          h(
            'div',
            { class: 'actions' },
            button(t.importPasted, () => this.importReport(pasteArea.value, { previous: false })),
            button(t.importPastedPrevious, () => this.importReport(pasteArea.value, { previous: true })),
          ),
        ),
        h(
          'div',
          { class: 'actions', role: 'group', 'aria-label': t.exports },
          button(t.undo, () => this.undo(), { 'aria-keyshortcuts': 'Control+Z' }),
          button(t.redo, () => this.redo(), { 'aria-keyshortcuts': 'Control+Y' }),
          button(t.exportHtml, () => this.download('html')),
          button(t.exportDocx, () => this.download('docx')),
          button(t.exportTsv, () => this.download('tsv')),
          button(t.exportJson, () => this.download('json')),
          button(t.saveDraft, () => this.download('draft')),
          button(t.clearAll, () => this.clearAll()),
        ),
        this.statusEl,
        this.live,
      ),
      h('div', { class: 'author-body' }, h('div', { class: 'author-tables' }, tables), h('div', { class: 'author-side' }, this.findingsEl, this.statsEl)),
    );
    this.refresh({ announce: false });
  }

  /** One table: labels as headers, an input per figure named by its row and column. */
  buildTable(table) {
    const t = this.t;
    const navRows = []; // per grid row: its inputs and the grid columns they cover
    const body = gridRows(table, {
      figureCell: (cell, { spans, row, col }) => {
        const id = cell.cell;
        const prevId = `${this.host._uid}-p-${id}`;
        const input = h('input', {
          type: 'text',
          inputmode: 'decimal',
          autocomplete: 'off',
          spellcheck: 'false',
          'aria-label': cell.name,
          'aria-describedby': prevId,
          'data-cell': id,
          value: this.values[id] ?? '',
        });
        this.wireInput(input, id);
        this.inputs.set(id, input);
        (navRows[row] ??= []).push({ id, from: col, to: col + cell.colspan });
        const previous = this.previous && id in this.previous.cells ? figure(this.previous.cells[id]) : '';
        return h(
          'td',
          { ...spans, class: 'v', 'data-cell': id },
          input,
          h('span', { class: 'prev', id: prevId, hidden: previous === '' }, previous === '' ? '' : t.previousFigure(previous)),
        );
      },
    });
    for (const navRow of navRows) if (navRow) this.nav.push(navRow);
    return h(
      'div',
      { class: 'grid-wrap author-grid', role: 'region', tabindex: '-1', 'aria-label': table.heading },
      h('table', { class: `grid ${table.id}`, 'data-table': table.id }, h('caption', null, table.heading), h('tbody', null, body)),
    );
  }

  // ------------------------------------------------------------------------------ editing

  wireInput(input, id) {
    let before = null; // the value when focus arrived (Escape restores it)
    let editing = false; // F2 or a click into the text: arrows move the caret, not the cursor
    input.addEventListener('focus', () => {
      before = this.values[id] ?? '';
      editing = false;
      input.select();
    });
    input.addEventListener('dblclick', () => {
      editing = true;
    });
    input.addEventListener('input', () => this.set(id, input.value));
    input.addEventListener('change', () => this.commit(id));
    input.addEventListener('blur', () => this.commit(id));
    input.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      this.paste(id, figuresOnly(parseRange(text)));
    });
    input.addEventListener('keydown', (event) => {
      const key = event.key;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && (key === 'z' || key === 'Z')) {
        event.preventDefault();
        if (event.shiftKey) this.redo();
        else this.undo();
        return;
      }
      if (mod && (key === 'y' || key === 'Y')) {
        event.preventDefault();
        this.redo();
        return;
      }
      if (key === 'F2') {
        editing = true;
        input.setSelectionRange(input.value.length, input.value.length);
        return;
      }
      if (key === 'Escape') {
        this.set(id, before);
        input.value = before;
        input.select();
        editing = false;
        return;
      }
      if (key === 'Enter') {
        event.preventDefault();
        this.commit(id);
        this.move(id, event.shiftKey ? -1 : 1, 0);
        return;
      }
      const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (key in moves && !(editing && (key === 'ArrowLeft' || key === 'ArrowRight')) && !event.altKey && !mod) {
        event.preventDefault();
        this.move(id, ...moves[key]);
        return;
      }
      if ((key === 'Delete' || key === 'Backspace') && !editing && input.selectionStart === 0 && input.selectionEnd === input.value.length) {
        event.preventDefault();
        input.value = '';
        this.set(id, '');
      }
    });
  }

  /** The value typed so far (checked live); the undo step is taken when the cell is left. */
  set(id, text) {
    if (!this.pending || this.pending.id !== id) this.pending = { id, before: this.values[id] ?? '' };
    this.values[id] = text;
    this.refresh();
  }

  /** The cell is left: its text is shown normalised and becomes one undo step. */
  commit(id) {
    const input = this.inputs.get(id);
    const typed = this.values[id] ?? '';
    const shown = normalise(typed);
    this.values[id] = shown;
    if (input && input.value !== shown) input.value = shown;
    if (this.pending && this.pending.id === id) {
      if (this.pending.before !== shown) this.record([{ id, before: this.pending.before, after: shown }]);
      this.pending = null;
    }
    // What was typed was checked as it was typed; only a normalised text needs a new check.
    if (shown !== typed) this.refresh();
  }

  record(changes) {
    this.undoStack.push(changes);
    this.redoStack = [];
  }

  /** Sets many cells at once (paste, import, an accepted value): one undo step. */
  apply(changes, { record = true } = {}) {
    const real = changes.filter((c) => (this.values[c.id] ?? '') !== c.after);
    for (const c of real) {
      this.values[c.id] = c.after;
      const input = this.inputs.get(c.id);
      if (input) input.value = c.after;
    }
    if (record && real.length) this.record(real.map((c) => ({ ...c, before: c.before ?? '' })));
    this.refresh();
    return real.length;
  }

  change(id, after) {
    return { id, before: this.values[id] ?? '', after };
  }

  undo() {
    if (this.pending) this.commit(this.pending.id);
    const step = this.undoStack.pop();
    if (!step) return;
    this.redoStack.push(step);
    this.apply(step.map((c) => ({ id: c.id, after: c.before })), { record: false });
    this.focusCell(step[0].id);
    this.say(this.t.undone);
  }

  redo() {
    const step = this.redoStack.pop();
    if (!step) return;
    this.undoStack.push(step);
    this.apply(step.map((c) => ({ id: c.id, after: c.after })), { record: false });
    this.focusCell(step[0].id);
    this.say(this.t.redone);
  }

  /** Pastes a range at `id`: rows down, cells right, over every table's data rows; what falls outside is dropped. */
  paste(id, rows) {
    const [r0, c0] = this.position(id);
    const changes = [];
    rows.forEach((cells, dr) => {
      const row = this.nav[r0 + dr];
      if (!row) return;
      cells.forEach((text, dc) => {
        const target = row[c0 + dc];
        if (target) changes.push(this.change(target.id, normalise(text)));
      });
    });
    if (this.pending) this.commit(this.pending.id);
    const n = this.apply(changes);
    this.say(this.t.pasted(n));
  }

  position(id) {
    for (let r = 0; r < this.nav.length; r++) {
      const c = this.nav[r].findIndex((cell) => cell.id === id);
      if (c >= 0) return [r, c];
    }
    return [0, 0];
  }

  /** Moves the cursor: rows through every table, columns within the row (the nearest grid column up and down). */
  move(id, dr, dc) {
    const [r, c] = this.position(id);
    let target;
    if (dr) {
      const row = this.nav[Math.max(0, Math.min(this.nav.length - 1, r + dr))];
      const from = this.nav[r][c].from;
      target = row.find((cell) => cell.from <= from && from < cell.to) || row[Math.min(c, row.length - 1)];
    } else {
      const row = this.nav[r];
      target = row[Math.max(0, Math.min(row.length - 1, c + dc))];
    }
    this.focusCell(target.id);
  }

  /** Moves the keyboard to the form's heading (after the switch from the checking view). */
  focus() {
    this.element.querySelector('h2').focus();
  }

  focusCell(id) {
    const input = this.inputs.get(id);
    if (input) {
      input.focus();
      input.select();
    }
  }

  // ------------------------------------------------------------------------------ checking

  /** Checks the cells as they stand, marks the faulty ones and lists the findings; returns the result. */
  refresh({ announce = true } = {}) {
    const result = validateCellsSync(this.template, this.values, this.previous);
    this.result = result;
    const states = new Map();
    for (const d of result.diagnostics) {
      // Blanks are listed, not marked: in a form being filled most cells are blank for a while.
      if (d.rule === 'cell-blank') continue;
      for (const id of d.cells) if (!states.has(id) || d.severity === 'error') states.set(id, d.severity);
    }
    for (const [id, input] of this.inputs) {
      const state = states.get(id);
      const cell = input.parentElement;
      cell.classList.toggle('err', state === 'error');
      cell.classList.toggle('warn', state === 'warning');
      if (state === 'error') input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    const key = JSON.stringify(result.diagnostics);
    if (key !== this.findingsKey) {
      this.findingsKey = key;
      this.renderFindings(result);
      if (announce) this.announce(result);
    }
    this.renderStats(result);
    this.host.dispatchEvent(new CustomEvent('nianbao-author', { detail: result, bubbles: true, composed: true }));
    return result;
  }

  /** Findings are announced once typing pauses, so a screen reader is not flooded. */
  announce(result) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const first = result.diagnostics.find((d) => d.severity === 'error') || result.diagnostics[0];
      this.live.textContent = this.t.summary(result.summary) + (first ? `：${first.message}` : '');
    }, 600);
  }

  renderFindings(result) {
    const t = this.t;
    const uid = this.host._uid;
    const items = result.diagnostics.map((d) => {
      const fix = d.fix;
      return h(
        'li',
        { class: `afinding ${d.severity}`, 'data-rule': d.rule },
        h(
          'button',
          { type: 'button', class: 'goto', onclick: () => d.cells.length && this.focusCell(d.cells[0]) },
          h('span', { 'aria-hidden': 'true' }, `${ICONS[d.severity]} `),
          h('code', { class: 'rule' }, d.rule),
          ' ',
          d.message,
        ),
        fix
          ? h(
              'button',
              { type: 'button', class: 'btn accept', 'data-fix': fix.cell, onclick: () => this.accept(fix) },
              t.accept(figure(fix.value), this.inputs.get(fix.cell)?.getAttribute('aria-label') || fix.cell),
            )
          : null,
      );
    });
    this.findingsEl.replaceChildren(
      h('h3', { id: `${uid}-af-h`, class: 'panel-h' }, t.findings, ' ', h('span', { class: 'count' }, t.summary(result.summary))),
      items.length ? h('ul', { class: 'alist' }, items) : h('p', { class: 'none' }, t.noFindings),
    );
  }

  /** The author accepts a proposed value: it is typed in for them, as one undo step. */
  accept(fix) {
    if (this.pending) this.commit(this.pending.id);
    this.apply([this.change(fix.cell, figure(fix.value))]);
    this.focusCell(fix.cell);
    this.say(this.t.accepted(figure(fix.value)));
  }

  renderStats(result) {
    cancelAnimationFrame(this.statsFrame);
    // The charts follow in the next frame: the findings are what a keystroke must update at once.
    this.statsFrame = requestAnimationFrame(() => this.statsEl.replaceChildren(this.host._renderStats(result) || ''));
  }

  say(text) {
    this.statusEl.textContent = text;
  }

  // ------------------------------------------------------------------------------ in and out

  async switchTemplate(id) {
    if (id === this.template || !this.templates.includes(id)) return;
    this.template = id;
    this.values = onlyCellsOf(id, this.values);
    this.undoStack = [];
    this.redoStack = [];
    this.findingsKey = '';
    this.build();
    this.say(this.t.switched(this.t.template(id)));
  }

  /** Reads a report through the engine's readers; fills the form with its cells, or keeps them as last year's. */
  async importReport(input, { previous }) {
    const t = this.t;
    if (typeof input === 'string' && !input.trim()) {
      this.say(t.nothingToImport);
      return;
    }
    this.say(t.importing);
    let result;
    try {
      result = await validate(input, typeof input === 'string' ? {} : { filename: input.name });
    } catch (error) {
      this.say(t.importFailed(error && error.message ? error.message : String(error)));
      return;
    }
    if (!result.template) {
      this.say(t.noTables);
      return;
    }
    if (previous) return this.usePrevious(result, typeof input === 'string' ? '' : input.name);
    if (result.template !== this.template) await this.switchTemplate(result.template);
    const changes = Object.entries(result.cells).map(([id, v]) => this.change(id, v === null ? '' : figure(v)));
    this.apply(changes);
    const missing = Object.values(result.cells).filter((v) => v === null).length;
    this.say(t.imported(Object.keys(result.cells).length - missing, missing, result.report.title || input.name || ''));
  }

  /** Last year's cells: shown beside each cell, and what carries over is filled in where still blank. */
  usePrevious(result, filename) {
    const year = result.report.year;
    this.previous = { template: result.template, cells: result.cells, name: result.report.title || filename || this.t.lastYear, year };
    const carries = [];
    for (const [id, v] of Object.entries(result.cells)) {
      if (!id.startsWith('t3.carried_forward.') || v === null) continue;
      carries.push([id.replace('carried_forward', 'carried'), v]);
    }
    for (const [id, v] of Object.entries(result.cells)) {
      if (v === null) continue;
      // Table 二 stocks, as a starting point the year's figures then move (a stock left
      // unchanged while documents were issued or repealed gets a carry-chain note):
      // 现行有效件数 (2021), 对外公开总数量 (2019) ...
      if (id.endsWith('.in_force') || id.endsWith('.total_public')) carries.push([id, v]);
      // ... and in 2019, this year's 上一年项目数量 is last year's plus its 本年增/减.
      if (id.endsWith('.prev_items')) carries.push([id, v + (result.cells[id.replace('prev_items', 'change')] ?? 0)]);
    }
    const changes = carries
      .filter(([id]) => this.inputs.has(id) && (this.values[id] ?? '') === '')
      .map(([id, v]) => this.change(id, figure(v)));
    this.build();
    const n = this.apply(changes);
    this.say(this.t.previousImported(year, n));
  }

  async openDraft(file) {
    try {
      const draft = parseDraft(await file.text(), this.templates);
      this.template = draft.template;
      this.values = onlyCellsOf(draft.template, draft.values);
      this.previous = draft.previous && { ...draft.previous, cells: onlyCellsOf(draft.previous.template, draft.previous.cells) };
      this.undoStack = [];
      this.redoStack = [];
      this.findingsKey = '';
      this.build();
      this.say(this.t.draftOpened);
    } catch (error) {
      this.say(this.t.notDraft);
    }
  }

  clearAll() {
    this.apply(Object.keys(this.values).map((id) => this.change(id, '')));
    this.say(this.t.cleared);
  }

  /** The tables or the draft as a file, made in the page. */
  download(kind) {
    if (this.pending) this.commit(this.pending.id);
    const typed = Object.fromEntries([...this.inputs.keys()].map((id) => [id, normalise(this.values[id] ?? '')]));
    const name = this.t.fileName;
    const files = {
      html: () => [`${name}.html`, `<meta charset="utf-8">\n${publicationHtml(this.layout, typed)}`, 'text/html;charset=utf-8'],
      docx: () => [`${name}.docx`, publicationDocx(this.layout, typed), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      tsv: () => [`${name}.tsv`, tsv(this.layout, typed), 'text/tab-separated-values;charset=utf-8'],
      json: () => [`${name}.json`, toSortedJson({ template: this.template, cells: this.result.cells }), 'application/json'],
      draft: () => [`${name}-草稿.json`, draftJson({ template: this.template, values: typed, previous: this.previous }), 'application/json'],
    };
    const [filename, data, type] = files[kind]();
    const url = URL.createObjectURL(new Blob([data], { type }));
    const link = h('a', { href: url, download: filename, hidden: true });
    this.element.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    this.say(this.t.downloaded(filename));
  }
}
