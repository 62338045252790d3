// The supervisor's desk outside Rust: both CLIs' `summary` give the same bytes (Markdown, HTML,
// JSON, DOCX) for tests/fixtures/desk; the npm API returns the desk and its documents (from the
// full module, and only when asked); the widget loads the full module only when its supervisor's
// view is opened, then shows it for 200 dropped reports (matrix, ranking sortable, distribution
// chart, trend, downloads read back) and marks copied sentences in the text view.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NODE_CLI, NPM, openWidgetPage, ROOT, run, RUST_CLI } from './helpers.mjs';
import { batch } from './reports.mjs';

const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
const DESK = join(ROOT, 'tests/fixtures/desk');
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-desk-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: '1' };

for (const format of ['md', 'html', 'json']) {
  test(`summary --format ${format}: the same bytes from both CLIs`, () => {
    const rust = run(RUST_CLI, ['summary', '--format', format, 'desk'], { cwd: join(ROOT, 'tests/fixtures'), env });
    const node = run(process.execPath, [NODE_CLI, 'summary', '--format', format, 'desk'], { cwd: join(ROOT, 'tests/fixtures'), env });
    assert.equal(rust.status, 0, rust.stderr);
    assert.equal(node.status, 0, node.stderr);
    assert.ok(rust.stdout.length > 2000);
    assert.equal(node.stdout, rust.stdout);
  });
}

test('summary --format docx: the same file from both CLIs; an unknown format refused alike', () => {
  const files = {};
  for (const [who, command, pre] of [['rust', RUST_CLI, []], ['node', process.execPath, [NODE_CLI]]]) {
    const out = join(scratch, `${who}.docx`);
    const r = run(command, [...pre, 'summary', '--format', 'docx', '--output', out, 'desk'], { cwd: join(ROOT, 'tests/fixtures'), env });
    assert.equal(r.status, 0, r.stderr);
    files[who] = readFileSync(out);
  }
  assert.ok(files.rust.subarray(0, 2).toString() === 'PK');
  assert.ok(files.rust.equals(files.node));
  const rust = run(RUST_CLI, ['summary', '--format', 'pdf', 'desk'], { cwd: join(ROOT, 'tests/fixtures'), env });
  const node = run(process.execPath, [NODE_CLI, 'summary', '--format', 'pdf', 'desk'], { cwd: join(ROOT, 'tests/fixtures'), env });
  assert.equal(rust.status, 2);
  assert.equal(node.status, 2);
  assert.equal(node.stderr, rust.stderr);
});

test('the npm API: validateBatch returns the desk, its documents and honours weights', async () => {
  const items = readdirSync(DESK)
    .sort()
    .map((name) => ({ input: readFileSync(join(DESK, name), 'utf8'), filename: name }));
  const out = await nb.validateBatch(items, { documents: ['md', 'docx'] });
  assert.equal(out.desk.bodies.length, 4);
  assert.deepEqual(out.desk.years, [2021, 2022, 2023, 2024, 2025]);
  const d = items.findIndex((i) => i.filename === 'd-2024.txt');
  assert.equal(out.desk.scores.find((s) => s.report === d).score, 85.2);
  assert.equal(out.documents.md.letters.length, items.length);
  assert.match(out.documents.md.letters[d], /被审查单位：示例县人民政府/);
  assert.ok(out.documents.docx.analysis instanceof Uint8Array);
  const weighted = await nb.validateBatch(items, { weights: '{"problems_substance": 0, "oversight": 0}' });
  assert.equal(weighted.desk.scores.find((s) => s.report === d).score, 100);
  await assert.rejects(nb.validateBatch(items, { weights: '{"nope": 1}' }), /未知的指标 nope/);
  // Without the desk asked for, the core answers: the same results and links, no desk.
  const plain = await nb.validateBatch(items);
  assert.equal(plain.desk, undefined);
  assert.deepEqual(plain.results, out.results);
  assert.deepEqual(plain.links, out.links);
  const asked = await nb.validateBatch(items, { desk: true });
  assert.deepEqual(asked.desk, out.desk);
  // A batch opened in the core and asked for the desk at the end is checked again in the full module.
  const session = nb.openBatch();
  for (const item of items) session.add(item.input, item.filename);
  assert.deepEqual(session.finish({ desk: true }).desk, out.desk);
});

// ------------------------------------------------------------------------------- the widget

let page;
openWidgetPage((opened) => ({ page } = opened), { acceptDownloads: true });
const W = 'nianbao-validator';
const FULL = '/nianbao_full_bg.wasm';
const fetchedFull = () => page.record.requests.filter((u) => new URL(u).pathname.endsWith(FULL)).length;

/** Opens the supervisor's view of the batch shown; resolves to the view. */
async function openDesk() {
  const desk = page.locator(`${W} section.desk`);
  await desk.locator('button[data-desk="open"]').click();
  await desk.locator('table.matrix').waitFor();
  return desk;
}

async function drop(reports) {
  await page.evaluate(async (list) => {
    const root = document.querySelector('nianbao-validator').shadowRoot;
    const data = new DataTransfer();
    for (const { name, text } of list) data.items.add(new File([text], name, { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      root.querySelector('textarea').dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
    }
    await new Promise((resolve) => {
      const check = () => (root.querySelector('[role="status"]').textContent.startsWith(`已检查 ${list.length} 个文件`) ? resolve() : setTimeout(check, 20));
      check();
    });
  }, reports);
}

test('the full module is fetched only when the supervisor view is opened', async () => {
  await drop(batch(6).map((r) => ({ name: r.name, text: r.text })));
  const closed = page.locator(`${W} section.desk`);
  await closed.locator('button[data-desk="open"]').waitFor();
  assert.equal(await closed.locator('table.matrix').count(), 0);
  assert.ok(page.record.requests.some((u) => new URL(u).pathname.endsWith('/nianbao_bg.wasm')), 'the core was fetched');
  assert.equal(fetchedFull(), 0, 'no full module for checking a batch');
  await openDesk();
  assert.equal(fetchedFull(), 1, 'the full module, once, from the page\'s own origin');
  assert.ok(page.record.requests.every((u) => u.startsWith(page.url().replace(/[^/]*$/, '')) || u.startsWith('blob:')));
  assert.deepEqual(page.record.violations, []);
});

test('the supervisor view of 200 reports: matrix, ranking sortable, chart, trend, downloads', async () => {
  const reports = batch(200);
  await drop(reports.map((r) => ({ name: r.name, text: r.text })));
  const desk = await openDesk();
  assert.equal(await desk.locator('table.matrix tbody tr').count(), 100);
  const ranking = desk.locator('table.ranking');
  assert.equal(await ranking.locator('tbody tr').count(), 200);
  assert.equal(await desk.locator('svg[data-chart$="-dist"] .bar').count(), 10);
  assert.equal(await desk.locator('svg[data-chart$="-trend"] .bar').count(), 2);
  // Sort by score, ascending: the first row has the lowest score.
  await ranking.locator('th[data-key="score"] button').click();
  assert.equal(await ranking.locator('th[data-key="score"]').getAttribute('aria-sort'), 'ascending');
  const scores = await ranking.locator('tbody tr td:nth-child(5)').allTextContents();
  const numbers = scores.map(Number);
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
  // The 汇总分析 as Markdown and a letter as DOCX, made in the page.
  const [md] = await Promise.all([page.waitForEvent('download'), desk.locator('button[data-analysis="md"]').click()]);
  assert.match(md.suggestedFilename(), /\.md$/);
  assert.match(md.url(), /^blob:/);
  const text = readFileSync(await md.path(), 'utf8');
  assert.ok(text.startsWith('# 政府信息公开工作年度报告汇总分析'));
  assert.match(text, /本批共 200 份报告，涉及 100 个机关，年度 2022—2023。/);
  const [docx] = await Promise.all([page.waitForEvent('download'), ranking.locator('tbody tr').first().locator('button[data-letter="docx"]').click()]);
  const bytes = readFileSync(await docx.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const back = nb.validateSync(bytes, { filename: 'letter.docx' });
  assert.equal(back.input.kind, 'docx');
});

test('copied sentences are marked in the text view', async () => {
  const reports = readdirSync(DESK)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(DESK, name), 'utf8') }));
  await drop(reports);
  const desk = await openDesk();
  await desk.locator('.desk-copied button').first().click();
  await page.locator(`${W} [role="tab"]`, { hasText: '原文' }).click();
  const marks = page.locator(`${W} .textview mark.copied`);
  await marks.first().waitFor();
  assert.equal(await marks.count(), 3);
  assert.match(await marks.first().textContent(), /2025年存在的问题是政策解读的渠道偏少/);
});
