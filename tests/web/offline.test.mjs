// The single-file offline page, opened from disk (file://) with no server and no network: it
// checks its sample on load, gives the CLI's result, opens the supervisor's view and the
// authoring form (the full module, inlined gzipped), and needs nothing beyond itself.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DIST, launch, NPM, recordingPage, ROOT, rustCheck, waitForDone } from './helpers.mjs';

const { toSortedJson } = await import(pathToFileURL(join(NPM, 'json.js')).href);

const FILE = join(DIST, 'nianbao-offline.html');
const html = readFileSync(FILE, 'utf8');
const url = pathToFileURL(FILE).href;

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await recordingPage(browser, { offline: true });
  await page.goto(url);
  await waitForDone(page);
});

after(async () => {
  await browser?.close();
});

test('one self-contained file: one inline module script, the wasm inlined, no external reference', () => {
  const start = html.indexOf('<script type="module">');
  const end = html.lastIndexOf('</script>');
  assert.ok(start > 0 && end > start);
  const outside = html.slice(0, start) + html.slice(end + '</script>'.length);
  assert.doesNotMatch(outside, /<script\b/, 'no other script');
  assert.doesNotMatch(outside, /<link\b/);
  assert.doesNotMatch(outside, /\b(?:src|href)=/, 'no src or href to load');
  assert.doesNotMatch(html.slice(start + 1, end), /<\/script/i, 'the inline script cannot end early');
  assert.match(html, /const WASM_BASE64 = '[A-Za-z0-9+/=]{100000,}'/);
  assert.match(html, /const FULL_GZIP_BASE64 = 'H4sI[A-Za-z0-9+/=]{100000,}'/);
});

test('its CSP allows exactly its own script (by hash) and WebAssembly', () => {
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const script = html.match(/<script type="module">([\s\S]*)<\/script>/)[1];
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  assert.match(csp, /^default-src 'none'; /);
  assert.ok(csp.includes(`script-src 'sha256-${hash}' 'wasm-unsafe-eval'`), csp);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
});

test('opened from disk, it checks the sample on load', async () => {
  const status = await page.locator('nianbao-validator [role="status"]').textContent();
  assert.equal(status, '检查完成：未发现问题');
  assert.equal(await page.locator('nianbao-validator table.t3 td[data-cell]').count(), 175);
});

test('it gives the same result as the native CLI', async () => {
  for (const name of ['sample-report.txt', 'sample-report-errors.txt']) {
    const expected = rustCheck(['--format', 'json', name], join(ROOT, 'www')).stdout.trim();
    const got = await page.evaluate(
      async ({ data, name }) => {
        const el = document.querySelector('nianbao-validator');
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        return el.check(new File([bytes], name));
      },
      { data: readFileSync(join(ROOT, 'www', name)).toString('base64'), name },
    );
    assert.equal(toSortedJson(got), expected, name);
  }
});

test('the findings work offline: a click marks the cells', async () => {
  await page.click('#sample-bad');
  await page.waitForFunction(() =>
    document.querySelector('nianbao-validator').shadowRoot.querySelector('[role="status"]').textContent.startsWith('检查完成：4'),
  );
  await page.click('nianbao-validator button.finding[data-rule="suspect-cell"]');
  assert.equal(await page.locator('nianbao-validator td.marked').count(), 1);
});

test('offline, a batch runs on the main thread with progress; a PDF says it needs the online page', async () => {
  const { batch } = await import('./reports.mjs');
  const reports = batch(20).map(({ name, text }) => ({ name, text }));
  const pdf = readFileSync(join(ROOT, 'tests/fixtures/pdf/report-a.pdf')).toString('base64');
  const out = await page.evaluate(
    async ({ reports, pdf }) => {
      const el = document.querySelector('nianbao-validator');
      const files = reports.map(({ name, text }) => new File([text], name));
      files.push(new File([Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0))], 'report-a.pdf'));
      const results = await el.checkFiles(files);
      const root = el.shadowRoot;
      return {
        rows: root.querySelectorAll('table.summary tbody tr').length,
        progress: root.querySelector('.progress-label').textContent,
        errors: results.map((r) => r.summary.errors),
        pdf: results.at(-1).diagnostics[0].message,
      };
    },
    { reports, pdf },
  );
  assert.equal(out.rows, 21);
  assert.equal(out.progress, '已检查 21/21');
  assert.deepEqual(out.errors.slice(0, 20).map((n) => n > 0), reports.map((_, i) => i % 10 === 3 || i % 25 === 7));
  assert.match(out.pdf, /离线单文件版不含 PDF 读取组件/);
});

test('offline, the supervisor view opens on the batch (the full module unpacked in the page)', async () => {
  const root = page.locator('nianbao-validator');
  await root.locator('section.desk button[data-desk="open"]').click();
  await root.locator('section.desk table.matrix').waitFor();
  assert.equal(await root.locator('section.desk table.ranking tbody tr').count(), 20);
  assert.equal(await root.locator('section.desk button[data-analysis="docx"]').count(), 1);
});

test('offline, the authoring form works', async () => {
  await page.click('nianbao-validator button[data-mode="author"]');
  await page.locator('nianbao-validator input[data-cell="t3.new.total"]').waitFor();
  assert.equal(await page.locator('nianbao-validator input[data-cell^="t3."]').count(), 175);
});

test('no request but the file itself; no CSP violation or error', () => {
  assert.deepEqual(page.record.requests.filter((u) => u !== url), []);
  assert.deepEqual(page.record.violations, []);
  assert.deepEqual(page.record.consoleErrors, []);
  assert.deepEqual(page.record.pageErrors, []);
});
