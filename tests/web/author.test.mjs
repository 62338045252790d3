// The authoring form (`<nianbao-validator mode="author">`, dist/site/author.html) in headless
// Chromium under the demo page's CSP: a report's tables typed from scratch with the keyboard,
// each table rule firing and clearing as cells change, a proposed value accepted, a TSV range
// pasted, a DOCX imported, last year's HTML imported (carried figures prefilled and shown),
// the HTML and DOCX exports read back by the engine with the same cells, a draft reopened,
// names for screen readers, a narrow screen; no request leaves the page, nothing is stored.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { DIST, launch, NPM, recordingPage, ROOT, SITE } from './helpers.mjs';

const engine = await import(join(NPM, 'node.js'));
const SAMPLE = readFileSync(join(ROOT, 'www/sample-report.txt'), 'utf8');
const DOCX = join(ROOT, 'tests/fixtures/docx/sample-report.docx');
const W = 'nianbao-validator';
const sample = engine.validateSync(SAMPLE);

let server;
let browser;
let page;
let publishedHtml; // the HTML export, imported later as last year's report

before(async () => {
  server = await serve(SITE);
  browser = await launch();
  page = await recordingPage(browser);
  await page.goto(`${server.url}author.html`);
  await page.waitForSelector(`${W} input[data-cell="t3.new.natural"]`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const cell = (id) => page.locator(`${W} input[data-cell="${id}"]`);
const rules = () => page.locator(`${W} .afinding`).evaluateAll((items) => items.map((i) => i.dataset.rule));
const formCells = () => page.evaluate(() => document.querySelector('nianbao-validator')._author.result.cells);
const typed = (value) => (value === null ? '' : String(value));

/** The form's order of cells: the DOM order of its inputs (tables, rows, columns). */
const order = () => page.locator(`${W} input[data-cell]`).evaluateAll((inputs) => inputs.map((i) => i.dataset.cell));

async function download(label) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${W} button`, { hasText: label }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Pastes text at a cell as the clipboard would (a `paste` event carrying text/plain). */
async function pasteAt(id, text) {
  await cell(id).focus();
  await page.evaluate((t) => {
    const input = document.querySelector('nianbao-validator').shadowRoot.activeElement;
    const data = new DataTransfer();
    data.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function clearAll() {
  await page.locator(`${W} button`, { hasText: '全部清空' }).click();
}

test('the empty form: the 2021 grid with official labels, blanks noted, no error', async () => {
  assert.equal(await page.locator(`${W} input[data-cell^="t2."]`).count(), 10);
  assert.equal(await page.locator(`${W} input[data-cell^="t3."]`).count(), 175);
  assert.equal(await page.locator(`${W} input[data-cell^="t4."]`).count(), 15);
  assert.equal(await cell('t3.granted.natural').getAttribute('aria-label'), '表三“（一）予以公开”行“自然人”列');
  assert.equal(await page.locator(`${W} th`, { hasText: '第二十条第（一）项' }).count(), 1);
  assert.deepEqual(await rules(), ['cell-blank', 'cell-blank', 'cell-blank']);
});

test('typed from scratch with the keyboard: every rule fires and clears, the statistics follow', async () => {
  const ids = await order();
  await cell(ids[0]).focus();
  for (const id of ids) {
    await page.keyboard.type(typed(sample.cells[id]));
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(await formCells(), sample.cells);
  assert.deepEqual(await rules(), []);
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelectorAll('svg.chart').length === 3);
  const received = () => page.locator(`${W} .author-stats dd`).first().textContent();
  assert.equal(await received(), String(sample.stats.received));
  await cell('t3.new.total').focus();
  await page.keyboard.type('50');
  await page.waitForFunction((want) => document.querySelector('nianbao-validator').shadowRoot.querySelector('.author-stats dd').textContent === want, '50');
  await page.keyboard.press('Escape');
  await page.waitForFunction((want) => document.querySelector('nianbao-validator').shadowRoot.querySelector('.author-stats dd').textContent === want, String(sample.stats.received));

  const cases = [
    ['t3.denied.query.legal', '见附件', 'cell-not-number'],
    ['t3.denied.query.legal', '-1', 'cell-negative'],
    ['t3.denied.query.legal', '1.5', 'cell-fraction'],
    ['t3.denied.query.legal', '—', 'cell-blank'],
    ['t3.new.natural', '99', 't3-balance'],
    ['t3.granted.natural', '99', 't3-results-sum'],
    ['t3.granted.total', '99', 't3-row-total'],
    ['t3.granted.natural', '99', 'suspect-cell'],
    ['t4.review.upheld', '99', 't4-total'],
    ['t2.rules.issued', '5', 't2-in-force'],
  ];
  for (const [id, bad, rule] of cases) {
    await cell(id).focus();
    await page.keyboard.type(bad); // typing replaces the selected figure
    assert.ok((await rules()).includes(rule), `${rule}: ${await rules()}`);
    await page.keyboard.press('Escape'); // back to the figure the cell had
    assert.ok(!(await rules()).includes(rule), `${rule} clears`);
  }
  assert.deepEqual(await formCells(), sample.cells);
  assert.deepEqual(await rules(), []);
});

test('full-width digits and blanks are accepted and shown normalised; undo and redo', async () => {
  const id = 't3.new.commercial';
  const before = await cell(id).inputValue();
  await cell(id).focus();
  await page.keyboard.type('１，２３４');
  await page.keyboard.press('Enter');
  assert.equal(await cell(id).inputValue(), '1234');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(id).inputValue(), before);
  await page.keyboard.press('Control+y');
  assert.equal(await cell(id).inputValue(), '1234');
  await page.keyboard.press('Control+z');
  await cell(id).focus();
  await page.keyboard.type('—');
  await page.keyboard.press('Enter');
  assert.equal(await cell(id).inputValue(), '');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(id).inputValue(), before);
  assert.deepEqual(await rules(), []);
});

test('keyboard: arrows, Enter and Shift+Enter move like a spreadsheet', async () => {
  const focused = () => page.evaluate(() => document.querySelector('nianbao-validator').shadowRoot.activeElement?.dataset.cell);
  await cell('t3.new.natural').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 't3.carried.natural');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 't3.carried.commercial');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 't3.granted.commercial');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focused(), 't3.carried.commercial');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 't2.fees.amount', 'up from table 三 into table 二');
  await cell('t3.carried_forward.total').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 't4.suit_direct.total', 'down from table 三 into table 四, the grid column below');
});

test('a proposed value is offered, never filled in, and accepted with a click', async () => {
  const id = 't4.review.total';
  const value = typed(sample.cells[id]);
  await cell(id).focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Tab');
  assert.equal(await cell(id).inputValue(), '');
  const accept = page.locator(`${W} .afinding[data-rule="t4-total"] button.accept`);
  assert.equal(await accept.getAttribute('data-fix'), id);
  assert.match(await accept.textContent(), new RegExp(`采用建议值 ${value}`));
  await accept.click();
  assert.equal(await cell(id).inputValue(), value);
  assert.deepEqual(await rules(), []);
});

test('the findings are announced in the live region once typing pauses', async () => {
  await cell('t4.review.upheld').focus();
  await page.keyboard.type('77');
  await page.waitForFunction(() => {
    const live = document.querySelector('nianbao-validator').shadowRoot.querySelector('.sr-only[aria-live]');
    return live.textContent.includes('表四“行政复议”');
  });
  await page.keyboard.press('Escape');
  assert.deepEqual(await rules(), []);
});

test('exports: HTML and DOCX read back by the engine as the same cells, TSV pasted back, draft reopened', async () => {
  const html = await download('下载 HTML 表格');
  const text = html.bytes.toString('utf8');
  publishedHtml = html;
  assert.doesNotMatch(text, /<script|\son\w+=/i);
  assert.match(text, /rowspan="\d+"/);
  const fromHtml = engine.validateSync(text, { filename: html.name });
  assert.deepEqual(fromHtml.cells, sample.cells);
  const tableRules = new Set(['t3-balance', 't3-results-sum', 't3-row-total', 't4-total', 'suspect-cell', 'cell-not-number', 'cell-negative', 'cell-fraction', 'cell-blank', 'cell-unreadable', 'missing-table', 'missing-row', 't2-in-force']);
  assert.deepEqual(fromHtml.diagnostics.filter((d) => tableRules.has(d.rule)), []);

  const docx = await download('下载 Word 表格');
  assert.equal(docx.name.endsWith('.docx'), true);
  const fromDocx = engine.validateSync(new Uint8Array(docx.bytes), { filename: docx.name });
  assert.equal(fromDocx.input.kind, 'docx');
  assert.deepEqual(fromDocx.cells, sample.cells);
  assert.deepEqual(fromDocx.diagnostics.filter((d) => tableRules.has(d.rule)), []);

  const json = JSON.parse((await download('下载单元格 JSON')).bytes.toString('utf8'));
  assert.deepEqual(json, { template: '2021', cells: sample.cells });

  const tsv = (await download('下载 TSV')).bytes.toString('utf8');
  await clearAll();
  assert.deepEqual(await rules(), ['cell-blank', 'cell-blank', 'cell-blank']);
  await pasteAt('t2.rules.issued', tsv);
  assert.deepEqual(await formCells(), sample.cells);
  assert.deepEqual(await rules(), []);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await rules(), ['cell-blank', 'cell-blank', 'cell-blank'], 'a paste is one undo step');
  await page.keyboard.press('Control+y');

  const draft = await download('下载草稿');
  await clearAll();
  await page.locator(`${W} input[type=file][accept^=".json"]`).setInputFiles({ name: draft.name, mimeType: 'application/json', buffer: draft.bytes });
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.status').textContent === '已打开草稿');
  assert.deepEqual(await formCells(), sample.cells);

  // A draft edited by hand: ids of no cell and values that are not text are dropped, not fatal.
  const edited = JSON.parse(draft.bytes.toString('utf8'));
  edited.values['t9.nothing.here'] = '1';
  edited.values['t4.review.total'] = 4;
  edited.previous = { template: '2019', cells: { 't3.carried_forward.total': 2, 't2.rules.issued': 1 }, name: 'x' };
  await clearAll();
  await page.locator(`${W} input[type=file][accept^=".json"]`).setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.status').textContent === '已打开草稿');
  assert.equal(await cell('t4.review.total').inputValue(), '');
  assert.equal(await cell('t4.review.upheld').inputValue(), typed(sample.cells['t4.review.upheld']));
  assert.equal(await page.locator(`${W} td[data-cell="t3.carried_forward.total"] .prev`).textContent(), '上年 2');
  await page.locator(`${W} input[type=file][accept^=".json"]`).setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: draft.bytes });
  await page.waitForFunction(() => document.querySelector('nianbao-validator')._author.previous === null);
  assert.deepEqual(await formCells(), sample.cells);
});

test('a rectangular range pasted mid-table fills from the cursor', async () => {
  await pasteAt('t3.granted.natural', '1\t2\r\n3\t4\r\n');
  const values = await Promise.all(['t3.granted.natural', 't3.granted.commercial', 't3.partial.natural', 't3.partial.commercial'].map((id) => cell(id).inputValue()));
  assert.deepEqual(values, ['1', '2', '3', '4']);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await formCells(), sample.cells);
});

test('a report pasted as text is imported through the text reader', async () => {
  await clearAll();
  await page.locator(`${W} .paste-report summary`).click();
  await page.locator(`${W} .paste-report textarea`).fill(SAMPLE);
  await page.locator(`${W} .paste-report button`, { hasText: '导入粘贴的报告' }).click();
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.status').textContent.startsWith('已导入'));
  assert.deepEqual(await formCells(), sample.cells);
  assert.deepEqual(await rules(), []);
});

test('a range copied with its labels and headers pastes its figures only', async () => {
  const before = await formCells();
  await pasteAt('t2.rules.issued', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数\r\n规章\t7\t0\t7\r\n行政规范性文件\t3\t1\t20\r\n');
  const t2 = await Promise.all(['t2.rules.issued', 't2.rules.in_force', 't2.normative.issued', 't2.normative.repealed', 't2.normative.in_force'].map((id) => cell(id).inputValue()));
  assert.deepEqual(t2, ['7', '7', '3', '1', '20']);
  // A row of table 三 copied from Word: the merged group label and the item label lead it.
  await pasteAt('t3.granted.natural', '三、本年度办理结果\t（一）予以公开\t3\t1\t无\t0\t0\t0\t4\n');
  assert.deepEqual(await Promise.all(['t3.granted.natural', 't3.granted.research', 't3.granted.total'].map((id) => cell(id).inputValue())), ['3', '', '4']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assert.deepEqual(await formCells(), before);
});

test("import a DOCX report, then last year's report as HTML: carried figures prefilled and shown", async () => {
  await clearAll();
  const imports = page.locator(`${W} input[type=file][accept^=".txt"]`);
  await imports.nth(0).setInputFiles(DOCX);
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.status').textContent.startsWith('已导入'));
  const docxCells = engine.validateSync(new Uint8Array(readFileSync(DOCX)), { filename: 'x.docx' }).cells;
  assert.deepEqual(await formCells(), docxCells);

  // Last year's report: the sample's tables, as the form published them in HTML.
  const lastYear = sample;
  await clearAll();
  await imports.nth(1).setInputFiles({ name: '2023.html', mimeType: 'text/html', buffer: publishedHtml.bytes });
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.status').textContent.includes('上年数字'));
  for (const col of ['natural', 'commercial', 'total']) {
    assert.equal(await cell(`t3.carried.${col}`).inputValue(), typed(lastYear.cells[`t3.carried_forward.${col}`]));
  }
  for (const id of ['t2.rules.in_force', 't2.normative.in_force']) assert.equal(await cell(id).inputValue(), typed(lastYear.cells[id]), id);
  assert.equal(await cell('t3.new.total').inputValue(), '', 'only what carries over is filled in');
  assert.equal(
    await page.locator(`${W} td[data-cell="t3.new.total"] .prev`).textContent(),
    `上年 ${lastYear.cells['t3.new.total']}`,
  );
  assert.equal(await cell('t3.new.total').getAttribute('aria-describedby'), await page.locator(`${W} td[data-cell="t3.new.total"] .prev`).getAttribute('id'));
  // This year's 上年结转 changed away from last year's 结转下年度: carry-chain warns, and clears.
  const chainWarnings = page.locator(`${W} .afinding.warning[data-rule="carry-chain"]`);
  assert.equal(await chainWarnings.count(), 0);
  await cell('t3.carried.natural').focus();
  await page.keyboard.type('99');
  assert.equal(await chainWarnings.count(), 1);
  assert.match(await chainWarnings.textContent(), /2023\.html/);
  await page.keyboard.press('Escape');
  assert.equal(await chainWarnings.count(), 0);
});

test('a PDF report imported through the PDF reader fills the grid with its figures', async () => {
  await clearAll();
  await page.locator(`${W} input[type=file][accept^=".txt"]`).nth(0).setInputFiles(join(ROOT, 'tests/fixtures/pdf/report-a.pdf'));
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.status').textContent.startsWith('已导入'), null, { timeout: 30000 });
  const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/pdf/expected.json'), 'utf8'))['report-a.pdf'].cells;
  const cells = await formCells();
  for (const [id, value] of Object.entries(expected)) assert.equal(cells[id], value, id);
});

test('the 2019 template on request: its grid, and its HTML and DOCX read back as the same cells', async () => {
  await page.locator(`${W} select`).selectOption('2019');
  assert.equal(await page.locator(`${W} input[data-cell^="t2."]`).count(), 22);
  assert.equal(await page.locator(`${W} input[data-cell^="t3."]`).count(), 161);
  const report = join(ROOT, 'tests/fixtures/generated/2019-page.html');
  const expected = engine.validateSync(readFileSync(report), { filename: '2019-page.html' }).cells;
  await page.locator(`${W} input[type=file][accept^=".txt"]`).nth(0).setInputFiles(report);
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.status').textContent.startsWith('已导入'));
  assert.deepEqual(await formCells(), expected);
  const html = await download('下载 HTML 表格');
  assert.deepEqual(engine.validateSync(html.bytes.toString('utf8'), { filename: html.name }).cells, expected);
  const docx = await download('下载 Word 表格');
  assert.deepEqual(engine.validateSync(new Uint8Array(docx.bytes), { filename: docx.name }).cells, expected);
  await page.locator(`${W} select`).selectOption('2021');
  assert.equal(await page.locator(`${W} input[data-cell^="t3."]`).count(), 175);
});

test('the engine entry point in Node: the same checks on cells, no document', () => {
  const typedCells = Object.fromEntries(Object.entries(sample.cells).map(([id, v]) => [id, v]));
  const result = engine.validateCellsSync('2021', typedCells);
  assert.equal(result.input.kind, 'cells');
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(result.stats, sample.stats);
  assert.deepEqual(engine.templatesSync(), ['2019', '2021']);
  assert.equal(engine.templateLayoutSync('2019').tables[0].heading, '二、主动公开政府信息情况');
  assert.throws(() => engine.validateCellsSync('2021', { 't9.x.y': '1' }), /no cell/);
  assert.throws(() => engine.validateCellsSync('2020', {}), /unknown template/);
});

test('a narrow screen and 200% zoom: the grid scrolls sideways, the row labels stay', async () => {
  // 200% zoom of a 1280-pixel window is a 640-pixel layout at twice the pixel density.
  for (const options of [{ viewport: { width: 360, height: 740 } }, { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }]) {
    const narrow = await recordingPage(browser, options);
    await narrow.goto(`${server.url}author.html`);
    await narrow.waitForSelector(`${W} input[data-cell="t3.new.natural"]`);
    const layout = await narrow.evaluate(() => {
      const root = document.querySelector('nianbao-validator').shadowRoot;
      const wrap = root.querySelector('.author-grid table.t3').parentElement;
      const item = root.querySelector('.author-grid table.t3 th.lbl.c2');
      const before = item.getBoundingClientRect().left;
      wrap.scrollLeft = wrap.scrollWidth;
      return {
        scrolls: wrap.scrollWidth > wrap.clientWidth,
        page: document.documentElement.scrollWidth <= window.innerWidth + 1,
        labelStays: Math.abs(item.getBoundingClientRect().left - before) < 1,
      };
    });
    assert.deepEqual(layout, { scrolls: true, page: true, labelStays: true }, JSON.stringify(options));
    await narrow.context_.close();
  }
});

test('the offline single file, from disk: its widget switches to the form and back, the draft kept', async () => {
  const offline = await recordingPage(browser);
  await offline.goto(pathToFileURL(join(DIST, 'nianbao-offline.html')).href);
  await offline.locator(`${W} button[data-mode="author"]`).click();
  const input = offline.locator(`${W} input[data-cell="t4.review.upheld"]`);
  await input.focus();
  await offline.keyboard.type('3');
  await offline.waitForSelector(`${W} .afinding[data-rule="t4-total"] button.accept`);
  await offline.locator(`${W} button[data-mode="check"]`).click();
  assert.equal(await offline.locator(`${W} input[data-cell]`).count(), 0);
  await offline.locator(`${W} button[data-mode="author"]`).click();
  assert.equal(await input.inputValue(), '3');
  assert.equal(await offline.evaluate(() => document.querySelector('nianbao-validator').shadowRoot.activeElement?.tagName), 'H2');
  assert.deepEqual(offline.record.violations, []);
  assert.deepEqual(offline.record.pageErrors, []);
  assert.deepEqual(offline.record.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  await offline.context_.close();
});

test('lang="en": the form in English, the draft kept; back to Chinese', async () => {
  const before = await formCells();
  await page.evaluate(() => document.querySelector('nianbao-validator').setAttribute('lang', 'en'));
  assert.equal(await page.locator(`${W} .author h2`).textContent(), 'Fill in the tables');
  assert.deepEqual(await formCells(), before);
  await page.evaluate(() => document.querySelector('nianbao-validator').setAttribute('lang', 'zh'));
  assert.equal(await page.locator(`${W} .author h2`).textContent(), '填报统计表');
});

test('no request leaves the page, no CSP violation, nothing stored', async () => {
  assert.deepEqual(page.record.requests.filter((u) => !u.startsWith(server.url)), []);
  assert.deepEqual(page.record.violations, []);
  assert.deepEqual(page.record.pageErrors, []);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookie: '', databases: 0 });
});
