// A worker thread of the Node CLI (`worker_threads`): its own pdf.js (and engine, for the size
// limit), reading the PDFs it is handed into text (`prepareInput`) while the main thread checks
// and links the batch in input order. In `{ id, item }`; out `{ id, ready }` or `{ id, error }`.

import { parentPort } from 'node:worker_threads';
import './node.js';
import { prepareInput } from './core.js';

parentPort.on('message', async ({ id, item }) => {
  try {
    parentPort.postMessage({ id, ready: await prepareInput(item) });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error) });
  }
});
