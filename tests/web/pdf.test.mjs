// PDF reports (tests/fixtures/pdf, made by scripts/make-pdf-fixtures.py from the figures in
// expected.json): read by the npm package in Node (API and CLI) and by the widget in Chromium
// (pdf.js from the site's own origin, in the widget's worker), every cell exact; a scan and a
// damaged file get a clear message and no crash; the native CLI says it needs the npm CLI.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { launch, nodeCheck, NPM, openWidgetPage, recordingPage, ROOT, rustCheck, SITE, waitForDone } from './helpers.mjs';

const DIR = join(ROOT, 'tests/fixtures/pdf');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const TEXT_PDFS = Object.keys(EXPECTED);
const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);

/** Cells that differ from the figures the PDF was made from. */
function wrongCells(result, expected) {
  return Object.entries(expected.cells)
    .filter(([id, value]) => result.cells[id] !== value)
    .map(([id, value]) => `${id}: read ${result.cells[id]}, made ${value}`);
}

function assertExact(result, name) {
  const expected = EXPECTED[name];
  assert.equal(result.template, '2021', name);
  assert.equal(result.report.title, expected.title);
  assert.equal(result.report.year, expected.year);
  assert.equal(result.report.published, expected.published);
  assert.deepEqual(wrongCells(result, expected), [], `${name}: every cell exact`);
  assert.equal(Object.keys(result.cells).length, Object.keys(expected.cells).length);
  assert.deepEqual(result.diagnostics, [], `${name}: consistent figures give no finding`);
  assert.equal(result.input.name, name);
  assert.equal(result.input.kind, 'text', 'PDF text is text (OUTPUT.md)');
}

let server;
let browser;
let page;
openWidgetPage((opened) => ({ server, browser, page } = opened));

for (const name of TEXT_PDFS) {
  test(`Node: ${name} is read with every cell exact`, async (t) => {
    const started = performance.now();
    const result = await nb.validate(readFileSync(join(DIR, name)), { filename: name });
    t.diagnostic(`${name}: ${EXPECTED[name].pages} pages read and checked in ${(performance.now() - started).toFixed(0)} ms (Node)`);
    assertExact(result, name);
  });
}

test('Node: a File named .pdf, and PDF bytes without a name, are read too', async () => {
  const bytes = readFileSync(join(DIR, 'report-a.pdf'));
  assertExact(await nb.validate(new File([bytes], 'report-a.pdf')), 'report-a.pdf');
  const unnamed = await nb.validate(bytes);
  assert.equal(unnamed.report.title, EXPECTED['report-a.pdf'].title);
  assert.equal(unnamed.input.name, undefined);
});

test('Node: a scanned PDF gets the clear message, in the shape of any result', async () => {
  const result = await nb.validate(readFileSync(join(DIR, 'scanned.pdf')), { filename: 'scanned.pdf' });
  assert.equal(result.diagnostics.length, 1);
  assert.equal(result.diagnostics[0].rule, 'input-unreadable');
  assert.equal(result.diagnostics[0].severity, 'error');
  assert.match(result.diagnostics[0].message, /没有文字层.*扫描件/);
  assert.deepEqual(result.summary, { errors: 1, warnings: 0, infos: 0 });
  const normal = nb.validateSync('x');
  assert.deepEqual(Object.keys(result).sort(), Object.keys(normal).sort());
  assert.deepEqual(Object.keys(result.diagnostics[0]).sort(), ['cells', 'line', 'message', 'rule', 'severity', 'source']);
  assert.equal(result.input.name, 'scanned.pdf');
});

test('Node: a damaged PDF gets a clear message, no crash; the next check is right', async () => {
  const result = await nb.validate(readFileSync(join(DIR, 'corrupt.pdf')), { filename: 'corrupt.pdf' });
  assert.equal(result.diagnostics[0].rule, 'input-unreadable');
  assert.match(result.diagnostics[0].message, /无法打开此 PDF：文件已损坏/);
  for (const junk of [new Uint8Array(0), new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(5000).fill(0x25)]) {
    const r = await nb.validate(junk, { filename: 'junk.pdf' });
    assert.equal(r.diagnostics[0].rule, 'input-unreadable');
  }
  assertExact(await nb.validate(readFileSync(join(DIR, 'report-b.pdf')), { filename: 'report-b.pdf' }), 'report-b.pdf');
});

test('npm CLI: PDFs in a folder, human, json and table; exit 2 for the scan and the damaged file', () => {
  const json = nodeCheck(['--format', 'json', ...TEXT_PDFS], DIR);
  assert.equal(json.status, 0, json.stderr);
  const results = json.stdout.trim().split('\n').map((line) => JSON.parse(line));
  results.forEach((result, i) => assertExact(result, TEXT_PDFS[i]));
  const human = nodeCheck(['scanned.pdf'], DIR);
  assert.equal(human.status, 2);
  assert.match(human.stdout, /^scanned\.pdf — （无标题）（模板：未识别）\n  error\[input-unreadable\] scanned\.pdf\n    此 PDF 没有文字层/);
  const table = nodeCheck(['--format', 'table', '.'], DIR);
  assert.equal(table.status, 2);
  const lines = table.stdout.trim().split('\n');
  assert.equal(lines.length, 2 + 4 + 1, table.stdout);
  assert.match(table.stdout, /\.\/report-a\.pdf +示例县交通运输局 +2023 +2021 版 +0 +0 +/);
  assert.match(lines.at(-1), /^共 4 份报告，2 份有错误/);
});

test('native CLI: a PDF is refused with a pointer to the npm CLI', () => {
  const out = rustCheck(['--format', 'json', 'report-a.pdf'], DIR);
  assert.equal(out.status, 2);
  assert.match(JSON.parse(out.stdout).diagnostics[0].message, /npx nianbao check/);
});

async function widgetPdf(name) {
  const data = readFileSync(join(DIR, name)).toString('base64');
  return page.evaluate(
    async ({ data, name }) => {
      const el = document.querySelector('nianbao-validator');
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const started = performance.now();
      const result = await el.check(new File([bytes], name));
      return { result, ms: performance.now() - started };
    },
    { data, name },
  );
}

for (const name of TEXT_PDFS) {
  test(`widget: ${name} is read with every cell exact, and shown`, async (t) => {
    const { result, ms } = await widgetPdf(name);
    t.diagnostic(`${name}: read and checked in ${ms.toFixed(0)} ms (Chromium, widget)`);
    assertExact(result, name);
    assert.equal(await page.locator('nianbao-validator table.t3 td[data-cell]').count(), 175);
    assert.equal(await page.locator('nianbao-validator [role="status"]').textContent(), '检查完成：未发现问题');
    assert.match(await page.locator('nianbao-validator .meta').textContent(), new RegExp(`${name.replace('.', '\\.')}（PDF`));
  });
}

test('widget: a scanned PDF and a damaged PDF show the clear message', async () => {
  for (const [name, pattern] of [['scanned.pdf', /没有文字层/], ['corrupt.pdf', /文件已损坏/]]) {
    const { result } = await widgetPdf(name);
    assert.equal(result.diagnostics[0].rule, 'input-unreadable', name);
    assert.match(result.diagnostics[0].message, pattern);
    assert.match(await page.locator('nianbao-validator button.finding .f-msg').first().textContent(), pattern);
  }
  const { result } = await widgetPdf('report-a.pdf');
  assertExact(result, 'report-a.pdf');
});

test('widget: pdf.js came from the same origin, only when a PDF arrived; no CSP violation', () => {
  const requests = page.record.requests;
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
  assert.ok(requests.some((u) => u.endsWith('/pdfjs/pdf.min.mjs')), 'pdf.js loaded from the site');
  assert.ok(requests.some((u) => u.endsWith('/pdfjs/pdf.worker.min.mjs')), 'its parser from the site');
  assert.ok(requests.some((u) => /\/pdfjs\/cmaps\/.*\.bcmap$/.test(u)), 'CMaps from the site');
  assert.ok(requests.some((u) => u.endsWith('/widget-worker.js')), 'checks ran in the widget worker');
  const firstPdf = requests.findIndex((u) => u.endsWith('/pdfjs/pdf.min.mjs'));
  const sample = requests.findIndex((u) => u.endsWith('/nianbao_bg.wasm'));
  assert.ok(firstPdf > sample, 'pdf.js is not loaded with the page');
  assert.ok(requests.every((u) => !/null|undefined/.test(new URL(u).pathname)), 'no request for a missing resource');
  assert.deepEqual(page.record.violations, []);
  assert.deepEqual(page.record.consoleErrors, []);
  assert.deepEqual(page.record.pageErrors, []);
});

test('pdf.js runs without eval: the page has no unsafe-eval and isEvalSupported is off', () => {
  const source = readFileSync(join(NPM, 'pdf.js'), 'utf8');
  assert.match(source, /isEvalSupported: false/);
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.doesNotMatch(csp, /'unsafe-eval'/);
  assert.match(csp, /worker-src 'self'/);
});
