// A batch whose PDFs are read on several threads gives what one thread gives, in the same
// order: the Node CLI (`worker_threads`, NIANBAO_JOBS) byte for byte in every format, and the
// widget's pool of workers (sized to `navigator.hardwareConcurrency`) result for result, links
// included. The batch mixes text reports of bodies linked across years, PDFs (read, scanned,
// damaged), Word and HTML reports.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { launch, NODE_CLI, NPM, recordingPage, ROOT, run, SITE, waitForDone } from './helpers.mjs';
import { batch } from './reports.mjs';

const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
const folder = mkdtempSync(join(tmpdir(), 'nianbao-threads-'));
after(() => rmSync(folder, { recursive: true, force: true }));

before(() => {
  for (const { name, text } of batch(40)) writeFileSync(join(folder, name), text);
  for (const pdf of ['report-a', 'report-b', 'scanned', 'corrupt']) {
    for (const copy of pdf === 'report-a' ? [1, 2] : [1]) copyFileSync(join(ROOT, 'tests/fixtures/pdf', `${pdf}.pdf`), join(folder, `${pdf}-${copy}.pdf`));
  }
  copyFileSync(join(ROOT, 'tests/fixtures/docx/sample-report.docx'), join(folder, 'sample-report.docx'));
  for (const html of ['2019-page-gbk.html', '2021-fragment.html']) copyFileSync(join(ROOT, 'tests/fixtures/generated', html), join(folder, html));
});

function cli(format, jobs) {
  return run(process.execPath, [NODE_CLI, 'check', '--format', format, folder, join(folder, 'missing.txt')], {
    env: { ...process.env, NO_COLOR: '1', NIANBAO_JOBS: String(jobs) },
  });
}

test('Node CLI: threads print what one thread prints, in every format', () => {
  for (const format of ['json', 'human', 'table', 'csv']) {
    const one = cli(format, 1);
    assert.equal(one.status, 2, `${format}: a missing file, a scan and a damaged PDF`);
    assert.match(one.stderr, /missing\.txt: /);
    for (const jobs of [3]) assert.deepEqual(cli(format, jobs), one, `${format} on ${jobs} threads`);
  }
});

test('Node CLI: the threaded batch is the in-process batch, links included', async () => {
  const lines = cli('json', 3).stdout.trim().split('\n');
  const names = readdirSync(folder).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const items = names.map((name) => ({ input: new Uint8Array(readFileSync(join(folder, name))), filename: join(folder, name) }));
  const sequential = await nb.checkFiles(items);
  assert.deepEqual(lines, sequential.results.map((r) => nb.toSortedJson(r)));
  assert.ok(sequential.links.length >= 20, `the reports link across years (${sequential.links.length} links)`);
});

/** The widget's results for the folder's files dropped at once, with `cores` claimed by the page. */
async function widgetBatch(browser, server, cores) {
  const page = await recordingPage(browser);
  await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(server.url);
  await waitForDone(page);
  const files = readdirSync(folder)
    .sort()
    .map((name) => ({ name, data: readFileSync(join(folder, name)).toString('base64') }));
  const results = await page.evaluate(async (files) => {
    const el = document.querySelector('nianbao-validator');
    const root = el.shadowRoot;
    const data = new DataTransfer();
    for (const { name, data: b64 } of files) data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
    const zone = root.querySelector('textarea');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
    }
    await new Promise((resolve) => {
      const check = () => (root.querySelector('[role="status"]').textContent.startsWith(`已检查 ${files.length} 个文件`) ? resolve() : setTimeout(check, 20));
      check();
    });
    const { toSortedJson } = await import(new URL('./json.js', document.baseURI).href);
    return el.results.map((r) => toSortedJson(r));
  }, files);
  await page.context_.close();
  return { results, workers: workers.filter((url) => url.endsWith('/widget-worker.js')).length };
}

test('widget: a pool of workers gives the results of one worker, in the same order', async () => {
  const server = await serve(SITE);
  const browser = await launch();
  try {
    const one = await widgetBatch(browser, server, 1);
    const four = await widgetBatch(browser, server, 4);
    assert.equal(one.workers, 1, 'one core: one worker');
    assert.equal(four.workers, 4, 'four cores and five PDFs: four workers');
    assert.equal(one.results.length, readdirSync(folder).length);
    assert.deepEqual(four.results, one.results);
    const parsed = one.results.map((json) => JSON.parse(json));
    assert.ok(parsed.filter((r) => r.links.length > 0).length >= 40, 'linked across years');
    assert.ok(parsed.some((r) => r.input.name === 'report-a-1.pdf' && r.summary.errors === 0 && r.cells['t3.new.total'] > 0), 'PDFs read in the workers');
  } finally {
    await browser.close();
    await server.close();
  }
});
