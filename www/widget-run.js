// Where the widget's checks run: in its module worker when one can start (the page stays
// responsive; progress comes as messages), else on the main thread, pausing between reports so
// the page can paint (the offline single file, opened from disk, runs no worker).

import { checkFile, checkFiles, environment } from './index.js';
import { DESK_DOCUMENTS } from './widget-desk.js';

let worker = null; // Promise<Worker|null>
const pending = new Map();
let counter = 0;

function startWorker() {
  const url = environment().worker;
  if (!url || typeof Worker === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let w;
    try {
      w = new Worker(url, { type: 'module', name: 'nianbao' });
    } catch {
      resolve(null);
      return;
    }
    const fail = () => {
      for (const { reject } of pending.values()) reject(new WorkerLost());
      pending.clear();
      w.terminate();
      resolve(null);
      worker = Promise.resolve(null);
    };
    w.addEventListener('error', (event) => {
      event.preventDefault();
      fail();
    });
    w.addEventListener('message', ({ data }) => {
      if (data.type === 'ready') resolve(w);
      else if (data.type === 'failed') fail();
      else {
        const job = pending.get(data.id);
        if (!job) return;
        if (data.type === 'progress') job.onProgress?.({ done: data.done, total: data.total });
        else {
          pending.delete(data.id);
          if (data.type === 'done') job.resolve(data.out);
          else job.reject(new Error(data.message));
        }
      }
    });
  });
}

class WorkerLost extends Error {}

/** Whether checks run in a worker (starts it on first use). */
export async function usesWorker() {
  worker ??= startWorker();
  return (await worker) !== null;
}

function mainThread(items, single, onProgress) {
  if (single) {
    const [{ input, filename }] = items;
    return checkFile(input, { filename, text: true }).then(({ result, text }) => ({ results: [result], links: [], texts: [text] }));
  }
  let last = 0;
  return checkFiles(items, {
    texts: true,
    documents: DESK_DOCUMENTS,
    onProgress,
    // Yield to the page now and then (a timer lets it paint and handle input).
    pause: () => {
      const now = Date.now();
      if (now - last < 30) return null;
      last = now;
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
}

/**
 * Checks `items` (`[{ input, filename?, unreadable? }]`): one report alone (`single`), or a batch
 * (`onProgress({ done, total })`). Resolves to `{ results, links, texts }` (`texts[i]`: the text the
 * engine read from a PDF, null for other inputs).
 */
export async function run(items, { single = false, onProgress } = {}) {
  worker ??= startWorker();
  const w = await worker;
  if (w) {
    const id = ++counter;
    try {
      return await new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        w.postMessage({ type: 'check', id, items, single });
      });
    } catch (error) {
      if (!(error instanceof WorkerLost)) throw error;
    }
  }
  return mainThread(items, single, onProgress);
}
