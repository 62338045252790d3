// The engine wrapper shared by every entry point (browser, Node, the offline page).
//
// It owns the WebAssembly instances, starts each on first use, and keeps one bad input from
// poisoning the next: wasm32-unknown-unknown aborts on a Rust panic (a trap), which leaves the
// instance in an unknown state. A call that traps therefore starts a fresh instance from the
// compiled module already in memory (no new download) and answers with an `input-unreadable`
// finding instead of throwing.
//
// Two modules: the core (`nianbao_bg.wasm`: checking reports, alone or as a batch), which every
// surface loads, and the full module (`nianbao_full_bg.wasm`: the same engine with the
// supervisor's desk — a batch's `desk`, weights, documents — and the authoring form's entry
// points), loaded only when one of those is first asked for.

import * as coreGlue from './glue.js';
import * as fullGlue from './glue-full.js';
import { toSortedJson } from './json.js';
import { configurePdf, isPdf, MESSAGES, pdfToText, PdfUnreadable } from './pdf.js';

/** One module: its glue, the call that starts it, where its bytes come from, whether it is started. */
function engineModule(glue, starter) {
  return { glue, starter, loadAsync: null, loadSync: null, ready: false, starting: null };
}
const core = engineModule(coreGlue, 'init');
const full = engineModule(fullGlue, 'initFull');

let workerUrl = null; // the widget's module worker, where one may run

/**
 * Entry points say where each .wasm comes from (`load`, `loadSync` for the core; `loadFull`,
 * `loadFullSync` for the full module), where pdf.js is (`pdf`: the URL of the pdfjs/ folder, or
 * null where PDFs cannot be read) and the widget's worker (`worker`: its URL, or null where none
 * may run, as in the offline page).
 */
export function configure(options) {
  core.loadAsync = options.load || null;
  core.loadSync = options.loadSync || null;
  full.loadAsync = options.loadFull || null;
  full.loadSync = options.loadFullSync || null;
  configurePdf(options.pdf || null);
  workerUrl = options.worker || null;
}

/** What this environment offers: `{ worker }` (the worker's URL or null). */
export function environment() {
  return { worker: workerUrl };
}

function start(module, source) {
  if (module.ready) return Promise.resolve(api);
  if (!module.starting) {
    module.starting = (async () => {
      let from = source;
      if (from === undefined) {
        if (!module.loadAsync) throw new Error(`nianbao: no way to load the WebAssembly module; pass it to ${module.starter}()`);
        from = await module.loadAsync();
      }
      await module.glue.default({ module_or_path: from });
      module.ready = true;
      return api;
    })();
    module.starting.catch(() => {
      module.starting = null;
    });
  }
  return module.starting;
}

/**
 * Starts the engine's core (idempotent). `source` overrides where the wasm comes from: a
 * `WebAssembly.Module`, bytes, a `Response`, or a URL. Resolves to the synchronous API.
 */
export function init(source) {
  return start(core, source);
}

/**
 * Starts the full module (idempotent; `source` as for `init`), which the synchronous calls of
 * the desk (a batch with `desk`, `weights`, `summary` or `documents`) and of the authoring form
 * (`validateCellsSync`) need in a browser. In Node it
 * starts itself; the asynchronous calls start it when they need it. The other calls stay with
 * the core (`init`).
 */
export function initFull(source) {
  return start(full, source);
}

function ensureReady(module = core) {
  if (module.ready) return;
  if (module.loadSync) {
    module.glue.initSync({ module: module.loadSync() });
    module.ready = true;
    return;
  }
  throw new Error(`nianbao: the engine is not started; await ${module.starter}() before the synchronous calls`);
}

/**
 * A trap (Rust panic, `unreachable`, out of memory), a wasm stack overflow, or a panic the
 * binding caught (only where unwinding exists).
 */
function isTrap(error) {
  return (
    error instanceof WebAssembly.RuntimeError ||
    error instanceof RangeError ||
    (error instanceof Error && error.message.startsWith('nianbao: internal error'))
  );
}

/** Runs `call` on `module`; on a trap, restarts its instance and returns `recover(error)`. */
function guarded(call, recover, module = core) {
  try {
    return call(module.glue);
  } catch (error) {
    if (!isTrap(error)) throw error;
    module.glue.__wbg_reset_state();
    return recover(error);
  }
}

function engineOptions(options) {
  const out = {};
  if (options && typeof options.filename === 'string') out.filename = options.filename;
  if (options && typeof options.name === 'string') out.name = options.name;
  if (options && options.colour) out.colour = true;
  return out;
}

function isBytes(input) {
  return input instanceof Uint8Array || input instanceof ArrayBuffer || ArrayBuffer.isView(input);
}

function checkInput(input) {
  if (typeof input === 'string' || isBytes(input)) return input;
  throw new TypeError('nianbao: input must be a string, Uint8Array or ArrayBuffer (await validate() also takes a Blob or File)');
}

function guessKind(input, filename) {
  const ext = (filename || '').toLowerCase().split('.').pop();
  if (ext === 'docx') return 'docx';
  if (['htm', 'html', 'xhtml', 'shtml'].includes(ext)) return 'html';
  if (isBytes(input)) {
    const b = input instanceof Uint8Array ? input : new Uint8Array(input.buffer || input, input.byteOffset || 0, Math.min(4, input.byteLength));
    if (b[0] === 0x50 && b[1] === 0x4b) return 'docx';
    return 'text';
  }
  return /^\s*</.test(input) ? 'html' : 'text';
}

/**
 * The result for an input the engine could not finish: the same shape as any other result
 * (taken from the fresh instance), with one `input-unreadable` error.
 */
function trapResult(input, options, error) {
  const opts = engineOptions(options);
  let result;
  try {
    result = core.glue.validate('', opts);
  } catch {
    result = {
      engine: 'nianbao',
      input: { kind: 'text', chars: 0 },
      template: null,
      report: { title: null, year: null, published: null, body: null, period_year: null },
      sections: [],
      cells: {},
      diagnostics: [],
      stats: {},
      summary: { errors: 0, warnings: 0, infos: 0 },
    };
  }
  result.input = { ...result.input, kind: guessKind(input, opts.filename), chars: 0 };
  result.template = null;
  result.report = { title: null, year: null, published: null, body: null, period_year: null };
  result.sections = [];
  result.cells = {};
  const reason = error && error.message ? error.message : String(error);
  result.diagnostics = [
    {
      rule: 'input-unreadable',
      severity: 'error',
      message: `检查引擎在处理此输入时异常终止（${reason}），未作检查；引擎已重新启动。请将此文件反馈给维护者`,
      cells: [],
      line: null,
      source: null,
    },
  ];
  result.summary = { errors: 1, warnings: 0, infos: 0 };
  return result;
}

/** The human text for a result the engine could not render (see `trapResult`). */
function trapHuman(result, name) {
  const d = result.diagnostics[0];
  return (
    `${name} — （无标题）（模板：未识别）\n` +
    `  error[${d.rule}] ${name}\n    ${d.message}\n` +
    '  统计：新收 —，上年结转 —，办结 —，结转下年 —，公开率 —，复议 —（纠错率 —），诉讼 —（纠错率 —）\n' +
    '  1 个错误，0 个警告，0 条提示\n\n'
  );
}

/** Checks one report synchronously (after `init()`; in Node it starts the engine itself). */
export function validateSync(input, options) {
  ensureReady();
  checkInput(input);
  return guarded(
    (glue) => glue.validate(input, engineOptions(options)),
    (error) => trapResult(input, options, error),
  );
}

/** The text `nianbao check --format human` prints for this input. */
export function humanSync(input, options) {
  ensureReady();
  checkInput(input);
  const opts = engineOptions(options);
  return guarded(
    (glue) => glue.human(input, opts),
    (error) => trapHuman(trapResult(input, options, error), opts.name || opts.filename || '-'),
  );
}

/**
 * The report's text as the engine reads it, one string per line: line `n` of every finding is
 * `lines[n - 1]` (for HTML and DOCX, the extracted text). Read exactly as `validateSync` reads the
 * same input and options; an input that cannot be read gives `[]`.
 */
export function linesSync(input, options) {
  ensureReady();
  checkInput(input);
  return guarded(
    (glue) => glue.lines(input, engineOptions(options)),
    () => [],
  );
}

export function rulesSync() {
  ensureReady();
  return core.glue.rules();
}

export function rulesTextSync() {
  ensureReady();
  return core.glue.rulesText();
}

export function limitsSync() {
  ensureReady();
  return core.glue.limits();
}

export function engineSync() {
  ensureReady();
  return core.glue.engine();
}

/** Cell id → text, as the engine takes cells: a number written out, `null`/`undefined` blank. */
function typedCells(cells) {
  const typed = {};
  for (const [id, value] of Object.entries(cells || {})) typed[id] = value === null || value === undefined ? '' : String(value);
  return typed;
}

/**
 * Checks tables filled in by hand (the authoring form) without a document: `template` is
 * "2019" or "2021", `cells` maps cell ids to what was typed (a string; a number is written out,
 * `null`/`undefined` is blank). The table rules and the statistics, in the usual result shape
 * with `input.kind` "cells". `previous` (optional): last year's `{ template, cells, name, year }`
 * (cells as a result's `cells`), compared as `carry-chain` compares two reports. Throws on an
 * unknown template or cell id.
 */
export function validateCellsSync(template, cells, previous) {
  ensureReady(full);
  const last = previous ? { template: String(previous.template), cells: typedCells(previous.cells), name: String(previous.name ?? ''), year: previous.year ?? undefined } : undefined;
  return full.glue.validateCells(String(template), typedCells(cells), last);
}

/** The template ids, oldest first: ["2019", "2021"]. */
export function templatesSync() {
  ensureReady();
  return coreGlue.templates();
}

/** The official layout of a template's tables 二, 三, 四: headings and grid rows with spans. */
export function templateLayoutSync(id) {
  ensureReady();
  return coreGlue.templateLayout(String(id));
}

function batchItem(item) {
  const entry = item !== null && typeof item === 'object' && 'input' in item ? item : { input: item };
  checkInput(entry.input);
  const out = { input: entry.input };
  if (typeof entry.filename === 'string') out.filename = entry.filename;
  return out;
}

/** Whether a batch asks for the desk: `desk`, or what is made from it (`weights`, `summary`, `documents`). */
function wantsDesk(options) {
  return Boolean(options && (options.desk || typeof options.weights === 'string' || typeof options.summary === 'string' || Array.isArray(options.documents)));
}

/**
 * Checks several reports together, as the CLI does for several files: reports of one body in
 * consecutive years are compared (`carry-chain`). `items`: `[{ input, filename? }]`. Returns
 * `{ results, links }`; with `options.human`, also `human` (each result's text); with the desk
 * asked for (`wantsDesk`), also `desk` and the documents, from the full module.
 */
export function validateBatchSync(items, options) {
  const module = wantsDesk(options) ? full : core;
  ensureReady(module);
  const list = [...items].map(batchItem);
  const opts = batchOptions(options);
  return guarded(
    (glue) => glue.validateBatch(list, opts),
    () => {
      // One input made the engine trap: check each alone, so the others still get a result.
      const named = list.map((item) => ({ ...item, filename: item.filename ?? '-' }));
      const out = { results: named.map((item) => validateSync(item.input, { filename: item.filename })), links: [] };
      if (opts.human) {
        out.human = named.map((item) => humanSync(item.input, { filename: item.filename, colour: opts.colour }));
      }
      if (opts.table) out.table = tableOf(named, out.results);
      return out;
    },
    module,
  );
}

function batchOptions(options) {
  const out = {
    human: Boolean(options && options.human),
    colour: Boolean(options && options.colour),
    table: Boolean(options && options.table),
  };
  // The desk's documents and weights (see BatchOptions in index.d.ts).
  for (const key of ['summary', 'weights']) {
    if (options && typeof options[key] === 'string') out[key] = options[key];
  }
  if (options && Array.isArray(options.documents)) out.documents = options.documents;
  return out;
}

/**
 * The summary table after a trap (each report then checked alone): the engine renders it for the
 * same inputs, the ones that trapped replaced by an empty input (an unreadable row, as their
 * results are).
 */
function tableOf(named, results) {
  const rows = named.map((item, i) => (results[i].diagnostics.some((d) => d.rule === 'input-unreadable' && d.message.includes('异常终止')) ? { input: '', filename: item.filename } : item));
  return guarded(
    (glue) => glue.validateBatch(rows, { table: true }).table,
    () => '',
  );
}

/**
 * A batch checked one report at a time, for progress: `add(input, filename)` checks one
 * report (alone), `finish(options)` links reports of one body across years and returns what
 * `validateBatchSync` returns for the same inputs. `options` (optional): those `finish` will
 * get, so that a batch that wants the desk is checked in the full module from the start (asked
 * for only at `finish`, the batch is checked again there). An input that makes the engine trap
 * falls back to `validateBatchSync` (each report alone) for the whole batch.
 */
export function openBatch(options) {
  const module = wantsDesk(options) ? full : core;
  ensureReady(module);
  const list = [];
  let session = new module.glue.BatchSession();
  return {
    get size() {
      return list.length;
    },
    add(input, filename) {
      checkInput(input);
      const item = { input };
      if (typeof filename === 'string') item.filename = filename;
      list.push(item);
      if (!session) return list.length;
      try {
        session.add(input, item.filename);
      } catch (error) {
        if (!isTrap(error)) throw error;
        module.glue.__wbg_reset_state();
        session = null;
      }
      return list.length;
    },
    finish(options) {
      const opts = batchOptions(options);
      if (session && (module === full || !wantsDesk(options))) {
        const open = session;
        session = null;
        try {
          return open.finish(opts);
        } catch (error) {
          if (!isTrap(error)) throw error;
          module.glue.__wbg_reset_state();
        }
      }
      session?.free();
      session = null;
      return validateBatchSync(list, options);
    },
  };
}

/**
 * The result for an input the engine never saw (a scanned or damaged PDF): the shape of any
 * result (the engine's own for an empty input), with one `input-unreadable` error carrying
 * `message`. `human` (optional): the engine's text for that empty input, to carry the message too.
 */
export function unreadableResult(result, message, human) {
  const empty = result.diagnostics.find((d) => d.rule === 'input-unreadable');
  const out = {
    ...result,
    diagnostics: [{ rule: 'input-unreadable', severity: 'error', message, cells: [], line: null, source: null }],
    summary: { errors: 1, warnings: 0, infos: 0 },
  };
  if (human === undefined) return out;
  return [out, empty ? human.split(empty.message).join(message) : human];
}

export function usageSync() {
  ensureReady();
  return core.glue.usage();
}

export function reportExtensionsSync() {
  ensureReady();
  return core.glue.reportExtensions();
}

/** Starts what a batch with these options needs: the core, and the full module for the desk. */
export async function initBatch(options) {
  await init();
  if (wantsDesk(options)) await initFull();
}

export async function validateBatch(items, options) {
  await initBatch(options);
  const list = [];
  const failures = new Map();
  for (const item of items) {
    const ready = await prepareInput(item);
    if (ready.unreadable) failures.set(list.length, ready.unreadable);
    list.push(ready.filename === undefined ? { input: ready.input } : { input: ready.input, filename: ready.filename });
  }
  const out = validateBatchSync(list, options);
  for (const [i, message] of failures) {
    if (out.human) [out.results[i], out.human[i]] = unreadableResult(out.results[i], message, out.human[i]);
    else out.results[i] = unreadableResult(out.results[i], message);
  }
  return out;
}

function isBlob(input) {
  return typeof Blob !== 'undefined' && input instanceof Blob;
}

function asBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return input;
}

/**
 * One input made ready for the engine: `{ input, filename, unreadable, pdf }` (an item may
 * come with `unreadable` already set: it is then not read). `unreadable` is
 * the message for a PDF that gives no text (the engine then gets an empty input in its place);
 * `pdf` is `{ pages, ms }` for a PDF read.
 */
export async function prepareInput(item) {
  const entry = item !== null && typeof item === 'object' && 'input' in item ? item : { input: item };
  let { input, filename } = entry;
  const max = limitsSync().max_input_bytes;
  if (isBlob(input)) {
    if (filename === undefined && typeof input.name === 'string' && input.name) filename = input.name;
    // A file past the limit is refused by the engine; reading more than that is pointless.
    input = new Uint8Array(await input.slice(0, max + 1).arrayBuffer());
  }
  input = asBytes(input);
  const out = { input, filename, unreadable: null, pdf: null };
  if (typeof entry.unreadable === 'string') {
    // Refused before the engine (an archive that is a zip bomb, say): its message stands.
    out.input = '';
    out.unreadable = entry.unreadable;
    return out;
  }
  if (typeof input !== 'string' && isPdf(input, filename) && input.length <= max) {
    const started = Date.now();
    try {
      const read = await pdfToText(input);
      out.input = read.text;
      out.pdf = { pages: read.pages, ms: Date.now() - started };
    } catch (error) {
      out.input = '';
      out.unreadable = error instanceof PdfUnreadable ? error.message : MESSAGES.failed((error && error.message) || String(error));
    }
  }
  return out;
}

/** Checks one report: a string, bytes, or a `Blob`/`File` (its name is the filename); a PDF's text. */
export async function validate(input, options) {
  await init();
  const ready = await prepareInput({ input, filename: options && options.filename });
  const result = validateSync(ready.input, { ...options, filename: ready.filename });
  return ready.unreadable ? unreadableResult(result, ready.unreadable) : result;
}

/** `[result, human text]` for one report (a PDF too). */
export async function checkWithHuman(input, options) {
  await init();
  const ready = await prepareInput({ input, filename: options && options.filename });
  const opts = { ...options, filename: ready.filename };
  const result = validateSync(ready.input, opts);
  const text = humanSync(ready.input, opts);
  return ready.unreadable ? unreadableResult(result, ready.unreadable, text) : [result, text];
}

export async function human(input, options) {
  return (await checkWithHuman(input, options))[1];
}

/** The lines `validate` numbers for this input (a `Blob`/`File`, a PDF's text layer too). */
export async function lines(input, options) {
  await init();
  const ready = await prepareInput({ input, filename: options && options.filename });
  if (ready.unreadable) return [];
  return linesSync(ready.input, { filename: ready.filename });
}

export async function rules() {
  await init();
  return rulesSync();
}

export async function rulesText() {
  await init();
  return rulesTextSync();
}

export async function limits() {
  await init();
  return limitsSync();
}

export async function engine() {
  await init();
  return engineSync();
}

export async function validateCells(template, cells, previous) {
  await initFull();
  return validateCellsSync(template, cells, previous);
}

export async function templates() {
  await init();
  return templatesSync();
}

export async function templateLayout(id) {
  await init();
  return templateLayoutSync(id);
}

/**
 * Test-only: makes the engine trap the way a bug would (`kind`: "panic" or "trap") and returns
 * what a caller gets then. Not part of the API: index.js and node.js do not export it (the
 * package's `exports` map reaches no other module), so only the tests, importing this module
 * by its path, call it.
 */
export function __trapForTests(kind, options) {
  ensureReady();
  return guarded(
    (glue) => glue.__trap_for_tests(kind === 'panic' ? 'panic' : 'trap'),
    (error) => trapResult('', options, error),
  );
}

const api = Object.freeze({
  validate: validateSync,
  validateBatch: validateBatchSync,
  human: humanSync,
  lines: linesSync,
  rules: rulesSync,
  rulesText: rulesTextSync,
  limits: limitsSync,
  engine: engineSync,
  validateCells: validateCellsSync,
  templates: templatesSync,
  templateLayout: templateLayoutSync,
  toSortedJson,
});

export { toSortedJson };
