// The engine wrapper shared by every entry point (browser, Node, the offline page).
//
// It owns the one WebAssembly instance, starts it on first use, and keeps one bad input from
// poisoning the next: wasm32-unknown-unknown aborts on a Rust panic (a trap), which leaves the
// instance in an unknown state. A call that traps therefore starts a fresh instance from the
// compiled module already in memory (no new download) and answers with an `input-unreadable`
// finding instead of throwing.

import * as glue from './glue.js';
import { toSortedJson } from './json.js';

let loadAsync = null; // () => Promise<WebAssembly.Module | BufferSource | Response>
let loadSync = null; // () => BufferSource (Node only)
let ready = false;
let starting = null;

/** Entry points say where the .wasm comes from. */
export function configure(options) {
  loadAsync = options.load || null;
  loadSync = options.loadSync || null;
}

/**
 * Starts the engine (idempotent). `source` overrides where the wasm comes from: a
 * `WebAssembly.Module`, bytes, a `Response`, or a URL. Resolves to the synchronous API.
 */
export function init(source) {
  if (ready) return Promise.resolve(api);
  if (!starting) {
    starting = (async () => {
      let from = source;
      if (from === undefined) {
        if (!loadAsync) throw new Error('nianbao: no way to load the WebAssembly module; pass it to init()');
        from = await loadAsync();
      }
      await glue.default({ module_or_path: from });
      ready = true;
      return api;
    })();
    starting.catch(() => {
      starting = null;
    });
  }
  return starting;
}

function ensureReady() {
  if (ready) return;
  if (loadSync) {
    glue.initSync({ module: loadSync() });
    ready = true;
    return;
  }
  throw new Error('nianbao: the engine is not started; await init() before the synchronous calls');
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

/** Runs `call`; on a trap, restarts the instance and returns `recover(error)`. */
function guarded(call, recover) {
  try {
    return call();
  } catch (error) {
    if (!isTrap(error)) throw error;
    glue.__wbg_reset_state();
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

async function readInput(input, options) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const name = typeof input.name === 'string' && input.name ? input.name : undefined;
    const max = limitsSync().max_input_bytes;
    // A file past the limit is refused by the engine; reading more than that is pointless.
    const bytes = new Uint8Array(await input.slice(0, max + 1).arrayBuffer());
    return [bytes, { ...options, filename: options && options.filename !== undefined ? options.filename : name }];
  }
  return [input, options];
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
    result = glue.validate('', opts);
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
    () => glue.validate(input, engineOptions(options)),
    (error) => trapResult(input, options, error),
  );
}

/** The text `nianbao check --format human` prints for this input. */
export function humanSync(input, options) {
  ensureReady();
  checkInput(input);
  const opts = engineOptions(options);
  return guarded(
    () => glue.human(input, opts),
    (error) => trapHuman(trapResult(input, options, error), opts.name || opts.filename || '-'),
  );
}

export function rulesSync() {
  ensureReady();
  return glue.rules();
}

export function rulesTextSync() {
  ensureReady();
  return glue.rulesText();
}

export function limitsSync() {
  ensureReady();
  return glue.limits();
}

export function engineSync() {
  ensureReady();
  return glue.engine();
}

function batchItem(item) {
  const entry = item !== null && typeof item === 'object' && 'input' in item ? item : { input: item };
  checkInput(entry.input);
  const out = { input: entry.input };
  if (typeof entry.filename === 'string') out.filename = entry.filename;
  return out;
}

/**
 * Checks several reports together, as the CLI does for several files: reports of one body in
 * consecutive years are compared (`carry-chain`). `items`: `[{ input, filename? }]`. Returns
 * `{ results, links }`; with `options.human`, also `human` (each result's text).
 */
export function validateBatchSync(items, options) {
  ensureReady();
  const list = [...items].map(batchItem);
  const opts = { human: Boolean(options && options.human), colour: Boolean(options && options.colour) };
  return guarded(
    () => glue.validateBatch(list, opts),
    () => {
      // One input made the engine trap: check each alone, so the others still get a result.
      const named = list.map((item) => ({ ...item, filename: item.filename ?? '-' }));
      const out = { results: named.map((item) => validateSync(item.input, { filename: item.filename })), links: [] };
      if (opts.human) {
        out.human = named.map((item) => humanSync(item.input, { filename: item.filename, colour: opts.colour }));
      }
      return out;
    },
  );
}

export async function validateBatch(items, options) {
  await init();
  const list = [];
  for (const item of items) {
    const entry = item !== null && typeof item === 'object' && 'input' in item ? item : { input: item };
    const [input, opts] = await readInput(entry.input, { filename: entry.filename });
    list.push({ input, filename: opts.filename });
  }
  return validateBatchSync(list, options);
}

/** Checks one report: a string, bytes, or a `Blob`/`File` (its name is the filename). */
export async function validate(input, options) {
  await init();
  const [data, opts] = await readInput(input, options);
  return validateSync(data, opts);
}

export async function human(input, options) {
  await init();
  const [data, opts] = await readInput(input, options);
  return humanSync(data, opts);
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

/**
 * Test-only: makes the engine trap the way a bug would (`kind`: "panic" or "trap") and returns
 * what a caller gets then. Not part of the API.
 */
export function __trapForTests(kind, options) {
  ensureReady();
  return guarded(
    () => glue.__trap_for_tests(kind === 'panic' ? 'panic' : 'trap'),
    (error) => trapResult('', options, error),
  );
}

const api = Object.freeze({
  validate: validateSync,
  validateBatch: validateBatchSync,
  human: humanSync,
  rules: rulesSync,
  rulesText: rulesTextSync,
  limits: limitsSync,
  engine: engineSync,
  toSortedJson,
});

export { toSortedJson };
