// The vendored pdf.js is patched for speed (scripts/patch-pdfjs.mjs: parsed CMaps and CID →
// Unicode tables kept across a thread's documents, no glyph outlines). The patch must change no
// text: every PDF fixture is read by the patched worker (dist/npm/pdfjs/, all documents in one
// thread, in one order and then in the reverse order, so that what one document leaves in the
// caches meets every other) and by pdf.js exactly as npm installed it (node_modules/pdfjs-dist),
// and the texts must be the same, byte for byte. PDFs in ../shared/corpus join when present.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NPM, ROOT } from './helpers.mjs';

// The fixtures, and the shared corpus's PDFs when there are any.
const PDFS = ['tests/fixtures/pdf', 'tests/fixtures/pdf-matrix', '../shared/corpus'].flatMap((dir) =>
  existsSync(join(ROOT, dir))
    ? readdirSync(join(ROOT, dir))
        .filter((name) => /\.pdf$/i.test(name))
        .sort()
        .map((name) => join(ROOT, dir, name))
    : [],
);

// pdf.js as installed (unpatched), beside the vendored CMaps and fonts.
const original = mkdtempSync(join(tmpdir(), 'nianbao-pdfjs-original-'));
after(() => rmSync(original, { recursive: true, force: true }));
copyFileSync(join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs'), join(original, 'pdf.worker.min.mjs'));
copyFileSync(join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.min.mjs'), join(original, 'pdf.min.mjs'));
for (const dir of ['cmaps', 'standard_fonts']) symlinkSync(join(NPM, 'pdfjs', dir), join(original, dir));

/** Each file's text (or the reason it has none), read in `order` by one fresh thread. */
function readAll(pdfjsFolder, order) {
  const source = `
    import { workerData, parentPort } from 'node:worker_threads';
    import { readFileSync } from 'node:fs';
    const { configurePdf, pdfToText } = await import(workerData.pdfModule);
    configurePdf(workerData.folder);
    const out = {};
    for (const file of workerData.order) {
      try {
        out[file] = JSON.stringify(await pdfToText(readFileSync(file)));
      } catch (error) {
        out[file] = 'unreadable: ' + error.kind + ' ' + error.message;
      }
    }
    parentPort.postMessage(out);
  `;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
    workerData: { pdfModule: pathToFileURL(join(NPM, 'pdf.js')).href, folder: pathToFileURL(`${pdfjsFolder}/`).href, order },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (texts) => {
      worker.terminate();
      resolve(texts);
    });
    worker.once('error', reject);
  });
}

test('the patched pdf.js reads every PDF fixture as pdf.js itself does, whatever the order', async () => {
  assert.ok(readFileSync(join(NPM, 'pdfjs/pdf.worker.min.mjs'), 'utf8').startsWith('/* nianbao-patched'), 'the vendored worker is patched');
  assert.ok(existsSync(join(original, 'pdf.worker.min.mjs')));
  const [plain, forward, backward] = await Promise.all([
    readAll(original, PDFS),
    readAll(join(NPM, 'pdfjs'), PDFS),
    readAll(join(NPM, 'pdfjs'), [...PDFS].reverse()),
  ]);
  let read = 0;
  for (const file of PDFS) {
    const name = file.slice(ROOT.length + 1);
    assert.equal(forward[file], plain[file], `${name}: patched, read in order`);
    assert.equal(backward[file], plain[file], `${name}: patched, read in reverse order`);
    if (!plain[file].startsWith('unreadable')) read++;
  }
  assert.ok(read >= PDFS.length - 2, 'all but the scan and the damaged file give text');
});
