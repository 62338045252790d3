// The widget's module worker: checks reports off the page's main thread, so the page stays
// responsive during a large batch, and reports progress after each report. Loaded from next to
// widget.js (same origin; allowed by `worker-src 'self'`, or `script-src 'self'` when no
// worker-src is set). Messages: in `{ type: 'check', id, items, single }`; out `{ type: 'ready' }`,
// `{ type: 'progress', id, done, total }`, `{ type: 'done', id, out }` (`out.texts[i]`: a PDF's text
// as the engine read it, for the text view), `{ type: 'error', id, message }`.

import { checkFile, checkFiles, init } from './index.js';
import { DESK_DOCUMENTS } from './widget-desk.js';

self.addEventListener('message', async (event) => {
  const { type, id, items, single } = event.data || {};
  if (type !== 'check') return;
  try {
    let out;
    if (single) {
      const { result, text } = await checkFile(items[0].input, { filename: items[0].filename, text: true });
      out = { results: [result], links: [], texts: [text] };
    } else {
      let last = 0;
      out = await checkFiles(items, {
        texts: true,
        documents: DESK_DOCUMENTS,
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
    self.postMessage({ type: 'done', id, out });
  } catch (error) {
    self.postMessage({ type: 'error', id, message: error && error.message ? error.message : String(error) });
  }
});

init().then(
  () => self.postMessage({ type: 'ready' }),
  (error) => self.postMessage({ type: 'failed', message: error && error.message ? error.message : String(error) }),
);
