// The text view: the report's lines as the engine read them (`lines()`: pasted text as given, the
// extracted text of HTML, DOCX and PDF), numbered as every finding's `line` is. Lines that carry
// findings are marked by severity (colour, an icon and a border pattern); a finding selected in
// the list marks its line and the words its message quotes (“…”) in a <mark> made by splitting
// the line's text node. Report text only ever goes in as text nodes.
//
// Long reports are built in chunks of CHUNK lines: up to EAGER_LINES all at once, beyond that a
// chunk is filled when it comes near the visible part of the scroll box (IntersectionObserver),
// an empty chunk holding the height its lines would take.

import { h, srOnly } from './widget-dom.js';

const CHUNK = 200;
const EAGER_LINES = 3000;
const ICONS = { error: '✖', warning: '▲', info: 'ℹ' };
const RANK = { error: 0, warning: 1, info: 2 };
/** Lines before and after a finding's line a quote may run over (PDF text wraps sentences). */
const BEFORE = 1;
const AFTER = 3;

const SPACE = /\s/u;

/** Full-width ASCII (０-９, Ａ-Ｚ, ％, （…) as half-width: one UTF-16 unit for one. */
function fold(ch) {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
}

/**
 * The quotes of a message, in order: each top-level “…” (quotes inside a quote stay in it), then
 * any innermost “…” not already among them (for a message whose quotes do not pair up).
 */
export function quotesOf(message) {
  const out = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '“') {
      if (depth++ === 0) start = i + 1;
    } else if (c === '”' && depth > 0 && --depth === 0) {
      out.push(message.slice(start, i));
    }
  }
  for (const m of message.matchAll(/“([^“”]+)”/g)) if (!out.includes(m[1])) out.push(m[1]);
  return out.filter((q) => q.trim());
}

/**
 * Where `quote` stands in the text around line `line` (1-based) of `lines`, comparing without
 * white space and with full-width letters and digits as half-width: a quote of a sentence that
 * PDF text wrapped runs on into the next line. The match must take in line `line`. Returns the
 * pieces `[{ line, start, end }]` (UTF-16 offsets into each line, white space inside a piece
 * included), or null.
 */
export function locateQuote(lines, line, quote) {
  let wanted = '';
  for (const ch of quote) if (!SPACE.test(ch)) wanted += fold(ch);
  if (!wanted) return null;
  let text = '';
  const at = []; // for each UTF-16 unit of `text`: [line, start, end] in that line
  const first = Math.max(1, line - BEFORE);
  const last = Math.min(lines.length, line + AFTER);
  for (let n = first; n <= last; n++) {
    const source = lines[n - 1];
    let i = 0;
    for (const ch of source) {
      if (!SPACE.test(ch)) {
        const f = fold(ch);
        text += f;
        for (let k = 0; k < f.length; k++) at.push([n, i, i + ch.length]);
      }
      i += ch.length;
    }
  }
  for (let from = text.indexOf(wanted); from !== -1; from = text.indexOf(wanted, from + 1)) {
    const pieces = new Map();
    for (let k = from; k < from + wanted.length; k++) {
      const [n, start, end] = at[k];
      const piece = pieces.get(n);
      if (piece) piece.end = Math.max(piece.end, end);
      else pieces.set(n, { line: n, start, end });
    }
    if (pieces.has(line)) return [...pieces.values()];
  }
  return null;
}

/** The first quote of `message` found at `line`: `{ quote, pieces }`, or null. */
export function findQuote(lines, line, message) {
  for (const quote of quotesOf(message)) {
    const pieces = locateQuote(lines, line, quote);
    if (pieces) return { quote, pieces };
  }
  return null;
}

/** For each line carrying findings: `{ severity (the worst), count, rules }`. */
function flagsOf(result) {
  const flags = new Map();
  for (const d of result.diagnostics) {
    if (!d.line) continue;
    const flag = flags.get(d.line) || { severity: d.severity, count: 0, rules: [] };
    if (RANK[d.severity] < RANK[flag.severity]) flag.severity = d.severity;
    flag.count++;
    if (!flag.rules.includes(d.rule)) flag.rules.push(d.rule);
    flags.set(d.line, flag);
  }
  return flags;
}

export class TextView {
  /** `lines`: the engine's lines; `result`: its result (for the lines to flag); `t`: strings. */
  constructor({ lines, result, t, id, copied = [] }) {
    this.lines = lines;
    // Sentences carried over from last year's report (`desk.copied[].passages`), by line.
    this.copied = new Map();
    for (const p of copied) this.copied.set(p.line, [...(this.copied.get(p.line) || []), p.text]);
    this.t = t;
    this.flags = flagsOf(result);
    this.current = null; // { rows: [row], line }
    this.observer = null;
    this.chunks = [];
    const digits = String(Math.max(1, lines.length)).length;
    this.box = h('div', {
      class: `textview d${Math.min(digits, 6)}${lines.length > EAGER_LINES ? ' big' : ''}`,
      id,
      role: 'region',
      tabindex: '0',
      'aria-label': t.textRegion(lines.length),
    });
    for (let start = 1; start <= lines.length; start += CHUNK) {
      const chunk = h('div', { class: 'chunk pending' });
      chunk.dataset.start = String(start);
      this.chunks.push(chunk);
      this.box.appendChild(chunk);
    }
    if (lines.length <= EAGER_LINES) {
      for (const chunk of this.chunks) this._fill(chunk);
    } else if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) if (entry.isIntersecting) this._fill(entry.target);
        },
        { root: this.box, rootMargin: '1500px 0px' },
      );
      for (const chunk of this.chunks) this.observer.observe(chunk);
    } else {
      for (const chunk of this.chunks) this._fill(chunk);
    }
    this.el = this.box;
  }

  _fill(chunk) {
    if (!chunk.classList.contains('pending')) return;
    chunk.classList.remove('pending');
    this.observer?.unobserve(chunk);
    const start = Number(chunk.dataset.start);
    const end = Math.min(this.lines.length, start + CHUNK - 1);
    const rows = [];
    for (let n = start; n <= end; n++) rows.push(this._row(n));
    chunk.append(...rows);
  }

  _row(n) {
    const flag = this.flags.get(n);
    const t = this.t;
    const row = h('div', { class: flag ? `tl f-${flag.severity}` : 'tl' });
    row.dataset.line = String(n);
    if (flag) {
      row.title = t.lineTitle(n, flag.rules.join('、'));
      row.append(h('span', { class: 'ic', 'aria-hidden': 'true' }, ICONS[flag.severity]), srOnly(t.lineFlag(flag.severity, flag.count)));
    } else {
      row.append(h('span', { class: 'ic', 'aria-hidden': 'true' }));
    }
    row.append(h('span', { class: 'ln' }, String(n)), this._text(h('span', { class: 'tx' }), n));
    return row;
  }

  /** Fills `span` with line `n`, the sentences copied from last year in `<mark class="copied">`. */
  _text(span, n) {
    const line = this.lines[n - 1];
    const pieces = (this.copied.get(n) || []).map((text) => [line.indexOf(text), text.length]).filter(([at]) => at >= 0);
    pieces.sort((a, b) => a[0] - b[0]);
    let from = 0;
    span.replaceChildren();
    for (const [at, length] of pieces) {
      if (at < from) continue;
      span.append(line.slice(from, at), h('mark', { class: 'copied', title: this.t.copiedMark }, line.slice(at, at + length)));
      from = at + length;
    }
    span.append(line.slice(from));
    return span;
  }

  /** The row of a 1-based line (its chunk filled first), or null. */
  row(n) {
    if (n < 1 || n > this.lines.length) return null;
    const chunk = this.chunks[Math.floor((n - 1) / CHUNK)];
    this._fill(chunk);
    return chunk.children[(n - 1) % CHUNK] || null;
  }

  /** Removes the marks of the selected finding. */
  clear() {
    if (!this.current) return;
    for (const row of this.current.rows) {
      row.classList.remove('cur');
      row.removeAttribute('aria-current');
      // Back to the line as it was (with its copied sentences marked).
      this._text(row.querySelector('.tx'), Number(row.dataset.line));
    }
    this.current = null;
  }

  /**
   * Marks line `line` for a finding with `message`: the line, and the words the message quotes
   * when they stand at that line. Returns `{ line, quoted }` (`quoted`: the quote marked, or
   * null), or null when the line is not in the text.
   */
  mark(line, message) {
    this.clear();
    const row = this.row(line);
    if (!row) return null;
    const found = findQuote(this.lines, line, message || '');
    const rows = [row];
    if (found) {
      for (const piece of found.pieces) {
        const r = this.row(piece.line);
        if (r !== row) rows.push(r);
        markText(r.querySelector('.tx'), piece.start, piece.end);
      }
    }
    for (const r of rows) {
      r.classList.add('cur');
      r.setAttribute('aria-current', 'true');
    }
    this.current = { rows, line };
    return { line, quoted: found ? found.quote : null };
  }

  /**
   * Scrolls the box to the marked line (centred), and, with `page`, the page as little as it
   * takes to show `page` (an element holding the box, such as the view with its tabs) or, when
   * that is taller than the window, the box.
   */
  reveal({ page = null } = {}) {
    if (!this.current) return;
    const row = this.current.rows[0];
    const box = this.box;
    if (!box.isConnected || !box.offsetParent) return;
    const r = row.getBoundingClientRect();
    const top = box.getBoundingClientRect().top + box.clientTop;
    box.scrollTop = Math.max(0, box.scrollTop + r.top - top - (box.clientHeight - r.height) / 2);
    if (!page) return;
    const fits = page.getBoundingClientRect().height <= window.innerHeight;
    (fits ? page : box).scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  disconnect() {
    this.observer?.disconnect();
    this.observer = null;
  }
}

/**
 * Wraps characters [start, end) of the text in `el` (a single text node) in a <mark>, by splitting
 * the text node: no markup is ever parsed.
 */
function markText(el, start, end) {
  // One text node (a line's copied-sentence marks give way to the finding's while it is chosen).
  el.textContent = el.textContent;
  const node = el.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE || end <= start) return;
  const middle = start > 0 ? node.splitText(start) : node;
  if (end - start < middle.length) middle.splitText(end - start);
  const mark = document.createElement('mark');
  middle.replaceWith(mark);
  mark.appendChild(middle);
}
