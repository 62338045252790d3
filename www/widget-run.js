// Where the widget's checks run: in its module workers when they can start (the page stays
// responsive; progress comes as messages), else on the main thread, pausing between reports so
// the page can paint (the offline single file, opened from disk, runs no worker).
// The first worker checks every report and links the batch (one engine instance, so the
// `carry-chain` links are the engine's); a batch with several PDFs — reading a PDF's text with
// pdf.js is where the time goes — has them read on a pool of workers, one per core (at most
// four), the first among them, each taking the next PDF when it is free.

import { checkFile, checkFiles, environment } from './index.js';
import { isPdf } from './pdf.js';
import { DESK_DOCUMENTS } from './widget-desk.js';

/** At most this many workers: each holds its own engine and pdf.js. */
const MAX_WORKERS = 4;

const pool = []; // pool[n]: Promise<{ call, post } | null>, started on first use

class WorkerLost extends Error {}

/** Starts worker `n`: resolves once its engine is ready, or to null when it cannot run. */
function startWorker(n) {
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
    const pending = new Map();
    let counter = 0;
    const fail = () => {
      for (const { reject } of pending.values()) reject(new WorkerLost());
      pending.clear();
      w.terminate();
      resolve(null);
      pool[n] = Promise.resolve(null); // not started again; without the first, checks run on the main thread
    };
    const handle = {
      /** Sends a message that gets an answer; `onProgress` receives its progress messages. */
      call: (message, onProgress) =>
        new Promise((done, reject) => {
          const id = ++counter;
          pending.set(id, { resolve: done, reject, onProgress });
          w.postMessage({ ...message, id });
        }),
      post: (message) => w.postMessage(message),
    };
    w.addEventListener('error', (event) => {
      event.preventDefault();
      fail();
    });
    w.addEventListener('message', ({ data }) => {
      if (data.type === 'ready') resolve(handle);
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

function worker(n) {
  pool[n] ??= startWorker(n);
  return pool[n];
}

/** Whether checks run in a worker (starts the first on first use). */
export async function usesWorker() {
  return (await worker(0)) !== null;
}

function mainThread(items, single, desk, onProgress) {
  if (single) {
    const [{ input, filename }] = items;
    return checkFile(input, { filename, text: true }).then(({ result, text }) => ({ results: [result], links: [], texts: [text] }));
  }
  let last = 0;
  return checkFiles(items, {
    texts: true,
    documents: desk ? DESK_DOCUMENTS : undefined,
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
 * Has the batch's PDFs (`indexes`) read on `size` workers, the first included, each taking the
 * next when it is free (so no more PDFs are being read at once than there are workers), and
 * hands each text to the first worker, which checks the batch in input order.
 */
function readPdfs(first, items, indexes, size) {
  let next = 0;
  for (let n = 0; n < size; n++) {
    (async () => {
      // A worker that cannot start, or is lost, leaves its share to the first.
      const reader = (await worker(n)) ?? first;
      while (next < indexes.length) {
        const index = indexes[next++];
        let message;
        try {
          const ready = await reader.call({ type: 'prepare', item: items[index] }).catch((error) => {
            if (error instanceof WorkerLost && reader !== first) return first.call({ type: 'prepare', item: items[index] });
            throw error;
          });
          message = { type: 'prepared', index, ready };
        } catch (error) {
          message = { type: 'prepared', index, error: error && error.message ? error.message : String(error) };
        }
        first.post(message);
      }
    })();
  }
}

/**
 * Checks `items` (`[{ input, filename?, unreadable? }]`): one report alone (`single`), or a batch
 * (`onProgress({ done, total })`; `desk`: also the desk and its documents, from the engine's full
 * module — given PDFs' texts as inputs, as `texts` returned them). Resolves to `{ results, links,
 * texts, desk?, documents? }` (`texts[i]`: the text the engine read from a PDF, null for other
 * inputs).
 */
export async function run(items, { single = false, desk = false, onProgress } = {}) {
  const first = await worker(0);
  if (first) {
    try {
      if (single) return await first.call({ type: 'check', items, single });
      const cores = (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1;
      // A PDF given as its text (the desk's second pass) is not read again.
      const pdfs = items.flatMap((item, i) => (!item.unreadable && typeof item.input !== 'string' && isPdf(null, item.filename ?? item.input?.name) ? [i] : []));
      const size = Math.min(MAX_WORKERS, cores, pdfs.length);
      const remote = size > 1 ? pdfs : [];
      const elsewhere = new Set(remote);
      // The first worker gets only the names of the PDFs read elsewhere (their text follows).
      const local = items.map((item, i) => (elsewhere.has(i) ? { filename: item.filename ?? item.input?.name } : item));
      const checked = first.call({ type: 'check', items: local, desk, remote }, onProgress);
      if (remote.length) readPdfs(first, items, remote, size);
      return await checked;
    } catch (error) {
      if (!(error instanceof WorkerLost)) throw error;
    }
  }
  return mainThread(items, single, desk, onProgress);
}
