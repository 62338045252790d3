// Checking files as every surface does (the Node CLI, the widget, its worker): inputs read up to
// the size limit, PDFs turned into text first (./pdf.js, loaded on the first PDF only), then one
// engine batch, report by report so progress can be shown, with reports of one body in
// consecutive years compared (`carry-chain`). A PDF that gives no text (a scan, a damaged file)
// gets an `input-unreadable` result with a clear message, in the shape of any other result.

import { checkWithHuman, humanSync, init, initBatch, openBatch, prepareInput, unreadableResult, validate, validateSync } from './core.js';

/**
 * Checks several reports together. `items`: `[{ input, filename? }]` or Blobs/Files (strings,
 * bytes, Blobs; PDFs among them). Options: `onProgress({ done, total, name })` after each
 * report, `pause()` awaited after each (to yield on a main thread), `human`/`colour` (each result's text), `table` (the summary table),
 * `texts` (the text the engine read for each PDF), `prepared(i)` (a promise of item `i` made
 * ready elsewhere — `prepareOnWorkers` — or undefined to read it here), and
 * `desk`/`summary`/`documents`/`weights` (the desk and its documents, from the full module; see BatchOptions). Resolves to
 * `{ results, links, human?, table?, desk?, summary?, documents?, pdf, texts? }` (`pdf[i]`: `{ pages, ms }` for a PDF read; `texts[i]`: a PDF's text, else null).
 */
export async function checkFiles(items, options = {}) {
  await initBatch(options);
  const list = [...items];
  const batch = openBatch(options);
  const failures = new Map();
  const pdf = [];
  const texts = [];
  for (let i = 0; i < list.length; i++) {
    const ready = await (options.prepared?.(i) ?? prepareInput(list[i]));
    if (ready.unreadable) failures.set(i, ready.unreadable);
    pdf.push(ready.pdf);
    if (options.texts) texts.push(ready.pdf ? ready.input : null);
    batch.add(ready.input, ready.filename);
    if (options.onProgress) options.onProgress({ done: i + 1, total: list.length, name: ready.filename ?? null });
    // On a page's main thread: let it paint and answer input between reports.
    if (options.pause) await options.pause();
  }
  const out = batch.finish(options);
  for (const [i, message] of failures) {
    if (out.human) [out.results[i], out.human[i]] = unreadableResult(out.results[i], message, out.human[i]);
    else out.results[i] = unreadableResult(out.results[i], message);
  }
  out.pdf = pdf;
  if (options.texts) out.texts = texts;
  return out;
}

/**
 * Checks one report (a PDF too): `validate`, or with `options.human`, `{ result, human }`. With
 * `options.text`, also `text`: the text the engine read when that is not the input itself (a
 * PDF's text layer; null otherwise), for `lines()` to number as the findings do.
 */
export async function checkFile(input, options = {}) {
  if (!options.text) {
    if (!options.human) return validate(input, options);
    const [result, human] = await checkWithHuman(input, options);
    return { result, human };
  }
  await init();
  const ready = await prepareInput({ input, filename: options.filename });
  const opts = { ...options, filename: ready.filename };
  const out = { result: validateSync(ready.input, opts) };
  if (options.human) {
    out.human = humanSync(ready.input, opts);
    if (ready.unreadable) [out.result, out.human] = unreadableResult(out.result, ready.unreadable, out.human);
  } else if (ready.unreadable) {
    out.result = unreadableResult(out.result, ready.unreadable);
  }
  out.text = ready.pdf ? ready.input : null;
  return out;
}

/**
 * Reads the `items` that `wanted(item)` picks (PDFs: pdf.js is where a batch spends its time) on
 * `workers` — each `(item) => Promise<ready>`, `prepareInput` on some thread — every worker taking
 * the next item as soon as it is free. Returns `prepared(i)` for `checkFiles`: item `i` made
 * ready (a promise), or undefined for an item left to `checkFiles` itself. The engine then
 * checks and links the reports in input order in one instance, as it does any batch.
 */
export function prepareOnWorkers(workers, items, wanted) {
  const list = [...items];
  const slots = new Map();
  for (let i = 0; i < list.length; i++) {
    if (!wanted(list[i])) continue;
    const slot = {};
    slot.promise = new Promise((resolve, reject) => Object.assign(slot, { resolve, reject }));
    slot.promise.catch(() => {}); // seen by checkFiles when it comes to this item
    slots.set(i, slot);
  }
  const queue = [...slots.keys()];
  let next = 0;
  for (const work of workers) {
    (async () => {
      while (next < queue.length) {
        const i = queue[next++];
        const slot = slots.get(i);
        try {
          slot.resolve(await work(list[i]));
        } catch (error) {
          slot.reject(error);
        }
      }
    })();
  }
  return (i) => slots.get(i)?.promise;
}
