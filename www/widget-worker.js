// One of the widget's module workers: checks reports off the page's main thread, so the page
// stays responsive during a large batch. The first worker checks and links every batch; when a
// batch holds several PDFs, more workers (widget-run.js) read PDFs into text alongside it, each
// with its own pdf.js. Loaded from next to widget.js (same origin; allowed by
// `worker-src 'self'`, or `script-src 'self'` when no worker-src is set).
// Messages in: `{ type: 'check', id, items, single, desk, remote }` (`desk`: also the desk and its
// documents, from the engine's full module, loaded then; `remote`: the indexes of items
// read elsewhere, whose text comes as `{ type: 'prepared', index, ready }` or `{ type:
// 'prepared', index, error }`), `{ type: 'prepare', id, item }` (read one input: `prepareInput`).
// Out: `{ type: 'ready' }` or `{ type: 'failed', message }` once; `{ type: 'progress', id, done,
// total }`, `{ type: 'done', id, out }` (for a check, `out.texts[i]`: a PDF's text as the engine
// read it, for the text view), `{ type: 'error', id, message }`.

import { checkFile, checkFiles, init } from './index.js';
import { prepareInput } from './core.js';
import { DESK_DOCUMENTS } from './widget-desk.js';

/** Items of the running batch read by other workers: index → `{ resolve, reject }`. */
let remote = new Map();

async function check({ id, items, single, desk, remote: indexes = [] }) {
  if (single) {
    const { result, text } = await checkFile(items[0].input, { filename: items[0].filename, text: true });
    return { results: [result], links: [], texts: [text] };
  }
  const waiting = new Map();
  for (const index of indexes) {
    const slot = {};
    slot.promise = new Promise((resolve, reject) => Object.assign(slot, { resolve, reject }));
    waiting.set(index, slot);
  }
  remote = waiting;
  let last = 0;
  return checkFiles(items, {
    texts: true,
    documents: desk ? DESK_DOCUMENTS : undefined,
    prepared: (i) => waiting.get(i)?.promise,
    onProgress: ({ done, total }) => {
      // At most one message per 40 ms, and the last one.
      const now = Date.now();
      if (done === total || now - last >= 40) {
        last = now;
        self.postMessage({ type: 'progress', id, done, total });
      }
    },
  });
}

const handlers = { check, prepare: ({ item }) => prepareInput(item) };

self.addEventListener('message', async (event) => {
  const message = event.data || {};
  if (message.type === 'prepared') {
    const slot = remote.get(message.index);
    if (message.error === undefined) slot?.resolve(message.ready);
    else slot?.reject(new Error(message.error));
    return;
  }
  const handler = handlers[message.type];
  if (!handler) return;
  try {
    self.postMessage({ type: 'done', id: message.id, out: await handler(message) });
  } catch (error) {
    self.postMessage({ type: 'error', id: message.id, message: error && error.message ? error.message : String(error) });
  }
});

init().then(
  () => self.postMessage({ type: 'ready' }),
  (error) => self.postMessage({ type: 'failed', message: error && error.message ? error.message : String(error) }),
);
