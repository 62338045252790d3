#!/usr/bin/env node
// `nianbao check [--format human|json|table|csv] FILE|DIR|- ...`, `nianbao summary [--format
// md|html|docx|json] [--weights FILE] [--output FILE] FILE|DIR ...` and `nianbao rules`: the same
// output and exit status as the native CLI (0 no error; 1 an error finding; 2 an input
// unreadable), the usage text, directory listing and table from the engine itself. Beyond the
// native CLI: PDFs are read (their text, through pdf.js), and `--format csv` (one row per report,
// every cell a column).

import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { engineSync, limitsSync, prepareInput, reportExtensionsSync, rulesTextSync, usageSync } from './core.js';
import './node.js';
import { checkFiles, prepareOnWorkers } from './check.js';
import { isPdf } from './pdf.js';
import { cellsCsv } from './export.js';
import { toSortedJson } from './json.js';

let stdoutClosed = false;
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') stdoutClosed = true;
  else throw error;
});

function out(text) {
  if (!stdoutClosed) process.stdout.write(text);
}

function byBytes(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function expand(input) {
  if (input === '-') return ['-'];
  let isDir = false;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    return [input];
  }
  if (!isDir) return [input];
  let names;
  try {
    names = readdirSync(input);
  } catch (error) {
    throw new Error(`无法读取目录：${error.message}`);
  }
  const join = (name) => (input.endsWith('/') ? input + name : `${input}/${name}`);
  return names
    .map(join)
    .filter((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    })
    .filter((path) => {
      const base = path.slice(path.lastIndexOf('/') + 1);
      const dot = base.lastIndexOf('.');
      return dot > 0 && reportExtensionsSync().includes(base.slice(dot + 1).toLowerCase());
    })
    .sort(byBytes);
}

/** Reads at most the size limit + 1 byte, so an oversized file is refused, not loaded. */
function readInput(path) {
  const limit = limitsSync().max_input_bytes + 1;
  const fd = path === '-' ? 0 : openFile(path);
  const chunks = [];
  let total = 0;
  try {
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total));
      let n;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if (error.code === 'EAGAIN') continue;
        if (error.code === 'EOF') break;
        throw new Error(`${path === '-' ? '无法读取标准输入' : '无法读取文件'}：${error.message}`);
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function openFile(path) {
  try {
    return openSync(path, 'r');
  } catch (error) {
    throw new Error(`无法打开文件：${error.message}`);
  }
}

const FORMATS = ['human', 'json', 'table', 'csv'];

/** PDFs a thread must have to pay for its start-up (its own pdf.js: ~0.5 s of CPU, then warming up). */
const PDFS_PER_THREAD = 4;
/**
 * Cores one thread reading PDFs keeps busy: V8 compiles pdf.js's hot code and collects garbage on
 * threads of its own beside it (30 PDFs on one thread: 3.1 s of CPU in 2.1 s, README, issue 13).
 */
const CORES_PER_THREAD = 1.5;

/**
 * How many threads read a batch's PDFs (this one included): `NIANBAO_JOBS` when set (at most one
 * per PDF), else as many as the idle cores hold — the cores less the load average, as `make -l`
 * counts them, 1.5 cores a thread, so one thread on two cores — and one per four PDFs, since a
 * thread that reads fewer costs more than it saves; this thread alone for a small batch.
 */
function threadCount(pdfs) {
  const asked = Number.parseInt(process.env.NIANBAO_JOBS ?? '', 10);
  if (asked > 0) return Math.max(1, Math.min(asked, pdfs));
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const idle = cores - loadavg()[0]; // loadavg() is [0, 0, 0] on Windows: every core idle
  return Math.max(1, Math.min(Math.floor(idle / CORES_PER_THREAD), Math.ceil(pdfs / PDFS_PER_THREAD)));
}

/**
 * `count - 1` worker threads (this thread is the first reader), each a function
 * `(item) => Promise<ready>` (`prepareInput` there) with `terminate()`.
 */
function startThreads(count) {
  return Array.from({ length: count - 1 }, () => {
    const worker = new Worker(new URL('./cli-worker.js', import.meta.url));
    const pending = new Map();
    let id = 0;
    worker.on('message', (message) => {
      const job = pending.get(message.id);
      pending.delete(message.id);
      if (message.error === undefined) job.resolve(message.ready);
      else job.reject(new Error(message.error));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    const prepare = (item) =>
      new Promise((resolve, reject) => {
        pending.set(++id, { resolve, reject });
        worker.postMessage({ id, item });
      });
    prepare.terminate = () => worker.terminate();
    return prepare;
  });
}

async function check(args) {
  let format = 'human';
  const inputs = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg === '-f') {
      const value = args[++i];
      if (FORMATS.includes(value)) format = value;
      else {
        process.stderr.write(`未知的输出格式 / unknown format: ${value ?? ''}\n`);
        return 2;
      }
    } else if (arg === '--json') format = 'json';
    else if (arg === '-h' || arg === '--help') {
      out(`${usageSync()}\n`);
      return 0;
    } else inputs.push(arg);
  }
  if (inputs.length === 0) {
    process.stderr.write(`${usageSync()}\n`);
    return 2;
  }
  let { read, unreadable } = readAll(inputs);
  let anyError = false;
  const colour = format === 'human' && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  // Reports are checked together, so reports of one body in consecutive years are compared
  // (carry-chain); a PDF is read into text first, on every core when there are several.
  const pdf = (item) => isPdf(item.input, item.filename);
  const threads = startThreads(threadCount(read.filter(pdf).length));
  let batch;
  try {
    const prepared = threads.length ? prepareOnWorkers([prepareInput, ...threads], read, pdf) : undefined;
    batch = await checkFiles(read, { human: format === 'human', colour, table: format === 'table', prepared });
  } finally {
    for (const thread of threads) thread.terminate();
  }
  const { results } = batch;
  for (const result of results) {
    unreadable ||= result.diagnostics.some((d) => d.rule === 'input-unreadable');
    anyError ||= result.summary.errors > 0;
  }
  if (format === 'table') out(batch.table);
  else if (format === 'csv') out(cellsCsv(results.map((result, i) => ({ name: read[i].filename, result }))));
  else {
    for (let i = 0; i < results.length; i++) {
      out(format === 'json' ? `${toSortedJson(results[i])}\n` : batch.human[i]);
      if (stdoutClosed) break;
    }
  }
  return unreadable ? 2 : anyError ? 1 : 0;
}

/** Every file named or found in a folder, read; `unreadable`: one could not be (said on stderr). */
function readAll(inputs) {
  let unreadable = false;
  const files = [];
  for (const input of inputs) {
    try {
      files.push(...expand(input));
    } catch (error) {
      process.stderr.write(`${input}: ${error.message}\n`);
      unreadable = true;
    }
  }
  const read = [];
  for (const file of files) {
    try {
      read.push({ input: readInput(file), filename: file });
    } catch (error) {
      process.stderr.write(`${file}: ${error.message}\n`);
      unreadable = true;
    }
  }
  return { read, unreadable };
}

/** `nianbao summary`: the 汇总分析 and every 审查意见 (made by the engine), or the batch as JSON. */
async function summary(args) {
  let format = 'md';
  let weights;
  let output;
  const inputs = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg === '-f') format = args[++i] ?? '';
    else if (arg === '--weights') weights = args[++i] ?? '';
    else if (arg === '--output' || arg === '-o') output = args[++i] ?? '';
    else if (arg === '-h' || arg === '--help') {
      out(`${usageSync()}\n`);
      return 0;
    } else inputs.push(arg);
  }
  if (inputs.length === 0) {
    process.stderr.write(`${usageSync()}\n`);
    return 2;
  }
  const options = format === 'json' ? { desk: true } : { summary: format };
  if (weights !== undefined) {
    try {
      options.weights = readFileSync(weights, 'utf8');
    } catch (error) {
      process.stderr.write(`${weights}: ${error.message}\n`);
      return 2;
    }
  }
  const { read, unreadable } = readAll(inputs);
  let batch;
  try {
    batch = await checkFiles(read, options);
  } catch (error) {
    // The formats and the weights are the engine's to refuse (an unknown format, a bad table).
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const bytes = format === 'json' ? `${toSortedJson({ results: batch.results, links: batch.links, desk: batch.desk })}\n` : batch.summary;
  if (output !== undefined) writeFileSync(output, bytes);
  else if (bytes instanceof Uint8Array && process.stdout.isTTY === true) {
    process.stderr.write('DOCX 不能输出到终端，请用 --output 文件名.docx 或重定向 / use --output FILE.docx\n');
    return 2;
  } else out(bytes);
  return unreadable ? 2 : 0;
}

async function main(args) {
  switch (args[0]) {
    case 'check':
      return await check(args.slice(1));
    case 'summary':
      return await summary(args.slice(1));
    case 'rules':
      out(rulesTextSync());
      return 0;
    case '--version':
    case '-V':
      out(`${engineSync()}\n`);
      return 0;
    default:
      process.stderr.write(`${usageSync()}\n`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
