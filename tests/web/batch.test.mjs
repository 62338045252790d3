// Batches in the widget (headless Chromium, the demo page under its strict CSP): 200 generated
// reports dropped at once (checked in the widget's worker, with progress, the page responsive),
// the sortable summary table, a row opening the full result, exports downloaded and read back,
// print; a .zip of reports, a zip bomb, a folder of mixed .html/.docx/.pdf/.txt reports.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { launch, NPM, openWidgetPage, recordingPage, ROOT, SITE, waitForDone } from './helpers.mjs';
import { batch } from './reports.mjs';
import { makeZip } from './zip.mjs';

const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
const W = 'nianbao-validator';
const REPORTS = batch(200);
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));

let server;
let browser;
let page;

openWidgetPage((opened) => ({ server, browser, page } = opened), { acceptDownloads: true });
after(() => rmSync(scratch, { recursive: true, force: true }));

const status = () => page.locator(`${W} [role="status"]`).textContent();

async function waitForStatus(prefix, timeout = 60000) {
  await page.waitForFunction(
    (p) => document.querySelector('nianbao-validator').shadowRoot.querySelector('[role="status"]').textContent.startsWith(p),
    prefix,
    { timeout },
  );
}

/** Parses CSV (RFC 4180) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

async function download(exportName) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`${W} button[data-export="${exportName}"]`)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8'), url: file.url() };
}

test('200 reports dropped at once: checked in the worker with progress, the page responsive', async (t) => {
  const expected = nb.validateBatchSync(REPORTS.map((r) => ({ input: r.text, filename: r.name })));
  const run = await page.evaluate(async (reports) => {
    const el = document.querySelector('nianbao-validator');
    const root = el.shadowRoot;
    const zone = root.querySelector('textarea');
    const data = new DataTransfer();
    for (const { name, text } of reports) data.items.add(new File([text], name, { type: 'text/plain' }));
    const frames = [];
    const progress = [];
    let running = true;
    const tick = (now) => {
      frames.push(now);
      const bar = root.querySelector('.progress progress');
      if (bar && !root.querySelector('.progress').hidden) progress.push(bar.value);
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const started = performance.now();
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
    }
    await new Promise((resolve) => {
      const check = () => (root.querySelector('[role="status"]').textContent.startsWith('已检查 200 个文件') ? resolve() : setTimeout(check, 20));
      check();
    });
    const ms = performance.now() - started;
    running = false;
    const during = frames.filter((f) => f >= started && f <= started + ms);
    let longest = 0;
    for (let i = 1; i < during.length; i++) longest = Math.max(longest, during[i] - during[i - 1]);
    return {
      ms,
      frames: during.length,
      longest,
      progress,
      bar: [root.querySelector('.progress progress').value, root.querySelector('.progress progress').max],
      label: root.querySelector('.progress-label').textContent,
      results: el.results.map((r) => [r.input.name, r.summary.errors, r.summary.warnings, r.links.length]),
    };
  }, REPORTS.map(({ name, text }) => ({ name, text })));
  t.diagnostic(`200 reports checked in ${run.ms.toFixed(0)} ms in Chromium; ${run.frames} animation frames during the batch, longest gap ${run.longest.toFixed(0)} ms`);
  assert.deepEqual(run.bar, [200, 200], 'the progress bar reached 200/200');
  assert.equal(run.label, '已检查 200/200');
  assert.ok(run.progress.some((v) => v > 0 && v < 200), `progress was shown along the way (${[...new Set(run.progress)].slice(0, 12).join(', ')}…)`);
  assert.ok(run.frames >= 10, `the page kept painting during the batch (${run.frames} frames)`);
  assert.ok(run.longest < 1000, `no long freeze (longest frame gap ${run.longest.toFixed(0)} ms)`);
  assert.deepEqual(
    run.results,
    expected.results.map((r) => [r.input.name, r.summary.errors, r.summary.warnings, r.links.length]),
    'the same results as validateBatch in Node, links included',
  );
  assert.ok(run.results.filter((r) => r[3] > 0).length === 200, 'every report is linked with its other year');
  assert.match(await status(), /^已检查 200 个文件：\d+ 个错误/);
});

test('the summary table: 200 rows with the right error counts', async () => {
  const rows = page.locator(`${W} table.summary tbody tr`);
  assert.equal(await rows.count(), 200);
  const table = await page.locator(`${W} table.summary tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('button.open').textContent, Number(tr.querySelector('td[data-key="errors"]').textContent)]),
  );
  const byName = new Map(table);
  const expected = nb.validateBatchSync(REPORTS.map((r) => ({ input: r.text, filename: r.name })));
  for (const result of expected.results) assert.equal(byName.get(result.input.name), result.summary.errors, result.input.name);
  for (const report of REPORTS) assert.equal(byName.get(report.name) > 0, report.defect !== null, `${report.name}: errors exactly where a defect was made`);
  const headings = await page.locator(`${W} table.summary thead th`).allTextContents();
  assert.deepEqual(headings.map((h) => h.replace(/[▲▼↕]/g, '')), ['报告', '机关', '年度', '模板', '错误', '警告', '新收', '办结', '公开率', '复议纠错率', '诉讼纠错率']);
  const first = await page.locator(`${W} table.summary tbody tr`).first().locator('td').allTextContents();
  assert.equal(first[0], '示例东山县交通运输局');
  assert.equal(first[1], '2022');
  assert.equal(first[2], '2021 版');
  assert.match(first.at(-3), /^\d+\.\d%$/);
});

test('sorting: by clicking a heading and with the keyboard; aria-sort tells the order', async () => {
  const errorsHead = page.locator(`${W} table.summary th[data-key="errors"]`);
  const column = (key) => page.locator(`${W} table.summary tbody td[data-key="${key}"]`).allTextContents();
  assert.equal(await errorsHead.getAttribute('aria-sort'), 'none');
  await errorsHead.locator('button').click();
  assert.equal(await errorsHead.getAttribute('aria-sort'), 'ascending');
  let values = (await column('errors')).map(Number);
  assert.deepEqual(values, [...values].sort((a, b) => a - b));
  await errorsHead.locator('button').click();
  assert.equal(await errorsHead.getAttribute('aria-sort'), 'descending');
  values = (await column('errors')).map(Number);
  assert.deepEqual(values, [...values].sort((a, b) => b - a));
  assert.ok(values[0] > 0);
  // Keyboard: the focus stays on the heading's button; Enter sorts by it.
  const focused = await page.evaluate(() => document.querySelector('nianbao-validator').shadowRoot.activeElement?.closest('th')?.dataset.key);
  assert.equal(focused, 'errors');
  await page.keyboard.press('Tab'); // 警告
  await page.keyboard.press('Tab'); // 新收
  await page.keyboard.press('Enter');
  const received = page.locator(`${W} table.summary th[data-key="received"]`);
  assert.equal(await received.getAttribute('aria-sort'), 'ascending');
  assert.equal(await errorsHead.getAttribute('aria-sort'), 'none');
  values = (await column('received')).map(Number);
  assert.deepEqual(values, [...values].sort((a, b) => a - b));
  await page.keyboard.press('Space');
  assert.equal(await received.getAttribute('aria-sort'), 'descending');
  await page.locator(`${W} table.summary th[data-key="name"] button`).click();
  assert.equal(await page.locator(`${W} table.summary tbody tr button.open`).first().textContent(), REPORTS[0].name);
});

test('a row opens the full result below the table', async () => {
  const target = REPORTS.find((r) => r.defect === 'row');
  const row = page.locator(`${W} table.summary tbody tr`, { hasText: target.name });
  await row.locator('button.open').click();
  assert.equal(await row.getAttribute('aria-current'), 'true');
  assert.equal(await row.locator('button.open').getAttribute('aria-expanded'), 'true');
  const detail = page.locator(`${W} .panel`);
  assert.match(await detail.locator('.report-head h3').textContent(), /政府信息公开工作年度报告$/);
  assert.match(await detail.locator('.meta').textContent(), new RegExp(target.name));
  assert.equal(await detail.locator('table.t3 td[data-cell]').count(), 175);
  assert.ok((await detail.locator('button.finding[data-rule="suspect-cell"]').count()) === 1);
  assert.ok((await detail.locator('.meta').textContent()).includes('上一年度报告'), 'the carry-chain link is shown');
  const focused = await page.evaluate(() => document.querySelector('nianbao-validator').shadowRoot.activeElement?.classList.contains('panel'));
  assert.ok(focused, 'focus moves to the result');
  await detail.locator('button.finding[data-rule="suspect-cell"]').click();
  assert.equal(await page.locator(`${W} td.marked`).count(), 1);
});

test('exports: cells CSV (BOM, header, 200 rows), findings CSV and JSON, downloaded and read back', async () => {
  const cells = await download('cells');
  assert.equal(cells.name, '年报检查-单元格.csv');
  assert.match(cells.url, /^blob:/, 'made in the page');
  assert.ok(cells.text.startsWith('\uFEFF'), 'UTF-8 with a byte order mark');
  const rows = parseCsv(cells.text.slice(1));
  const [header, ...data] = rows;
  assert.equal(data.length, 200);
  assert.deepEqual(header.slice(0, 6), ['报告', '机关', '标题', '年度', '模板', '发布日期']);
  assert.equal(header.filter((h) => /^t[234]\./.test(h)).length, 200, 'every cell id of the 2021 template is a column');
  const col = (name) => header.indexOf(name);
  for (const i of [0, 57, 199]) {
    const row = data.find((r) => r[0] === REPORTS[i].name);
    assert.equal(Number(row[col('t3.new.total')]), REPORTS[i].received, `${REPORTS[i].name}: t3.new.total`);
    assert.equal(row[col('年度')], String(i % 2 ? 2023 : 2022));
  }
  const findings = await download('findings');
  const frows = parseCsv(findings.text.slice(1));
  assert.deepEqual(frows[0], ['报告', '机关', '年度', '级别', '规则', '行', '问题', '涉及单元格', '建议修改', '原文']);
  const total = await page.evaluate(() => document.querySelector('nianbao-validator').results.reduce((n, r) => n + r.diagnostics.length, 0));
  assert.equal(frows.length - 1, total);
  assert.ok(frows.some((r) => r[4] === 'suspect-cell' && /^t3\.granted\.natural = \d+$/.test(r[8])));
  const json = await download('json');
  const parsed = JSON.parse(json.text);
  assert.equal(parsed.results.length, 200);
  assert.equal(parsed.links.length, 100);
});

test('print: the summary and the open result, black on white, no buttons', async () => {
  await page.emulateMedia({ media: 'print' });
  try {
    const look = await page.evaluate(() => {
      const root = document.querySelector('nianbao-validator').shadowRoot;
      const shown = (sel) => {
        const el = root.querySelector(sel);
        return !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
      };
      const td = root.querySelector('table.summary td');
      return {
        toolbar: shown('.toolbar'),
        input: shown('.input'),
        progress: shown('.progress'),
        summary: shown('table.summary'),
        findings: shown('.findings'),
        tables: shown('table.t3'),
        color: getComputedStyle(td).color,
        background: getComputedStyle(td).backgroundColor,
      };
    });
    assert.deepEqual(look, {
      toolbar: false,
      input: false,
      progress: false,
      summary: true,
      findings: true,
      tables: true,
      color: 'rgb(0, 0, 0)',
      background: 'rgb(255, 255, 255)',
    });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});

test('a .zip of reports is unpacked in the page (a PDF inside too); other files skipped', async () => {
  const zip = makeZip([
    { name: '报告/一.txt', data: Buffer.from(REPORTS[0].text) },
    { name: '报告/二.txt', data: Buffer.from(REPORTS[1].text), store: true },
    { name: '报告/三.pdf', data: readFileSync(join(ROOT, 'tests/fixtures/pdf/report-a.pdf')) },
    { name: '报告/说明.csv', data: Buffer.from('not a report') },
    { name: '__MACOSX/._一.txt', data: Buffer.from('junk') },
  ]);
  const names = await page.evaluate(async (data) => {
    const el = document.querySelector('nianbao-validator');
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const results = await el.checkFiles([new File([bytes], 'reports.zip', { type: 'application/zip' })]);
    return results.map((r) => [r.input.name, r.summary.errors, r.report.title]);
  }, zip.toString('base64'));
  assert.deepEqual(names, [
    ['reports.zip/报告/一.txt', 0, `${REPORTS[0].text.split('\n')[0]}`],
    ['reports.zip/报告/二.txt', 0, `${REPORTS[1].text.split('\n')[0]}`],
    ['reports.zip/报告/三.pdf', 0, '示例县交通运输局2023年政府信息公开工作年度报告'],
  ]);
  assert.match(await status(), /^已检查 3 个文件：0 个错误.*另有 2 个非报告文件未检查/);
  assert.equal(await page.locator(`${W} table.summary tbody tr`).count(), 3);
});

test('a zip bomb is refused with a message, nothing inflated past the limit', async () => {
  const bomb = makeZip([
    { name: 'a.txt', data: Buffer.from(REPORTS[2].text) },
    { name: 'bomb.txt', data: Buffer.alloc(60 * 1024 * 1024, 0x30) },
  ]);
  assert.ok(bomb.length < 200 * 1024, `the bomb is small (${bomb.length} bytes)`);
  const out = await page.evaluate(async (data) => {
    const el = document.querySelector('nianbao-validator');
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const results = await el.checkFiles([new File([bytes], 'bomb.zip')]);
    return results.map((r) => [r.input.name, r.diagnostics[0]?.rule, r.diagnostics[0]?.message]);
  }, bomb.toString('base64'));
  assert.equal(out.length, 1);
  assert.equal(out[0][0], 'bomb.zip');
  assert.equal(out[0][1], 'input-unreadable');
  assert.match(out[0][2], /bomb\.txt 解压后超过 20 MB，疑为“压缩炸弹”，已拒绝/);
  assert.match(await page.locator(`${W} .panel, ${W} table.summary`).first().textContent(), /bomb\.zip/);
  // A damaged archive and one with too many entries get messages too.
  const more = await page.evaluate(async () => {
    const el = document.querySelector('nianbao-validator');
    const results = await el.checkFiles([new File([new Uint8Array(100).fill(7)], 'junk.zip'), new File(['x'], 'y.txt')]);
    return results.map((r) => [r.input.name, r.diagnostics[0]?.message]);
  });
  assert.equal(more[0][0], 'junk.zip');
  assert.match(more[0][1], /不是有效的 zip 压缩包/);
});

test('a folder of mixed .html/.docx/.pdf/.txt reports, chosen with the folder button', async () => {
  const dir = join(scratch, '年报');
  mkdirSync(join(dir, '子目录'), { recursive: true });
  copyFileSync(join(ROOT, 'tests/fixtures/generated/2021-page.html'), join(dir, 'a.html'));
  copyFileSync(join(ROOT, 'tests/fixtures/docx/sample-report.docx'), join(dir, 'b.docx'));
  copyFileSync(join(ROOT, 'tests/fixtures/pdf/report-b.pdf'), join(dir, 'c.pdf'));
  copyFileSync(join(ROOT, 'www/sample-report-errors.txt'), join(dir, '子目录', 'd.txt'));
  writeFileSync(join(dir, 'notes.csv'), 'not a report');
  await page.setInputFiles(`${W} input[webkitdirectory]`, dir);
  await waitForStatus('已检查 4 个文件');
  const results = await page.evaluate(() => document.querySelector('nianbao-validator').results.map((r) => [r.input.name, r.summary.errors, r.template]));
  const sorted = [...results].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  assert.deepEqual(sorted.map((r) => r[0]), ['年报/a.html', '年报/b.docx', '年报/c.pdf', '年报/子目录/d.txt']);
  const byName = Object.fromEntries(results.map((r) => [r[0].split('/').pop(), r]));
  assert.equal(byName['c.pdf'][1], 0);
  assert.equal(byName['c.pdf'][2], '2021');
  assert.equal(byName['d.txt'][1], 4);
  assert.equal(byName['a.html'][2], '2021');
  assert.match(await status(), /另有 1 个非报告文件未检查/);
});

test('no CSP violation, console error or foreign request; nothing stored', async () => {
  assert.deepEqual(page.record.violations, []);
  assert.deepEqual(page.record.consoleErrors, []);
  assert.deepEqual(page.record.pageErrors, []);
  assert.deepEqual(page.record.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:')), []);
  const state = await page.context().storageState();
  assert.deepEqual(state.cookies, []);
  assert.deepEqual(state.origins, []);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, idb: 0, caches: 0 });
});
