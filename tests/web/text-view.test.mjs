// The text view (原文): the engine's `lines()` give the numbering every finding's `line` uses (all
// fixtures, the shared corpus, PDFs through their text layer); in headless Chromium, a finding
// about the report's words shows its line in the text view with the words it quotes in a <mark>
// (also when PDF-like text wraps the sentence), a finding about cells keeps the tables in front
// and marks its line for later, markup in a report is shown as text, tabs and findings work from
// the keyboard, a batch shows the selected report's text (a PDF's text layer too), a long report
// is built in chunks, and the offline single file does all this from disk.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { CORPUS, DIST, launch, NPM, openWidgetPage, recordingPage, ROOT, SITE, waitForDone } from './helpers.mjs';

const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
const { findQuote, quotesOf } = await import(pathToFileURL(join(NPM, 'widget-text.js')).href);

const W = 'nianbao-validator';
const DEFECT = readFileSync(join(ROOT, 'tests/fixtures/narrative/defect-county-2023.md'), 'utf8');
const ERRORS = readFileSync(join(ROOT, 'www/sample-report-errors.txt'), 'utf8');
const SENTENCE = '（二）依申请公开。全县全年共收到政府信息公开申请 48 件，上年结转 5 件；全年办结申请 47 件，结转下一年度 3 件。';
const HOSTILE = '<img src=x onerror=alert(1)>';
const [major, minor] = process.versions.node.split('.').map(Number);
const PDF_OK = major > 20 || (major === 20 && minor >= 16);

/** Every file under tests/fixtures that a check takes (hostile inputs and PDFs included). */
function fixtureFiles() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/^(README|expected\.json)$/.test(name)) out.push(path);
    }
  };
  walk(join(ROOT, 'tests/fixtures'));
  if (existsSync(CORPUS)) {
    for (const name of readdirSync(CORPUS).sort()) if (/\.(txt|md)$/.test(name) && !/^readme/i.test(name)) out.push(join(CORPUS, name));
  }
  out.push(join(ROOT, 'www/sample-report.txt'), join(ROOT, 'www/sample-report-errors.txt'));
  return out;
}

/** Every diagnostic with a line points at that line of `lines`: its `source` starts it. */
function assertNumbering(result, lines, label) {
  let checked = 0;
  for (const d of result.diagnostics) {
    if (!d.line) continue;
    assert.ok(d.line >= 1 && d.line <= lines.length, `${label}: line ${d.line} of ${lines.length}`);
    const text = lines[d.line - 1].trim();
    assert.ok(text.startsWith(d.source), `${label}:${d.line} [${d.rule}]: ${JSON.stringify(d.source)} vs ${JSON.stringify(text)}`);
    checked++;
  }
  for (const s of result.sections) assert.ok(lines[s.line - 1].includes(s.heading.slice(0, 2)), `${label}: section ${s.number} at line ${s.line}`);
  return checked;
}

// ------------------------------------------------------------------ the engine's lines, in Node

test('lines() numbers the text as every diagnostic does: all fixtures and the corpus, bytes and text', async (t) => {
  const files = fixtureFiles();
  let diagnostics = 0;
  for (const file of files) {
    const name = basename(file);
    const bytes = readFileSync(file);
    if (/\.pdf$/i.test(name)) {
      if (!PDF_OK) continue;
      const result = await nb.validate(bytes, { filename: name });
      const lines = await nb.lines(bytes, { filename: name });
      if (result.diagnostics.some((d) => d.rule === 'input-unreadable')) assert.deepEqual(lines, [], `${name}: an unreadable PDF has no lines`);
      diagnostics += assertNumbering(result, lines, name);
      continue;
    }
    const result = nb.validateSync(bytes, { filename: name });
    const lines = nb.linesSync(bytes, { filename: name });
    diagnostics += assertNumbering(result, lines, relative(ROOT, file));
    if (/\.(txt|md)$/.test(name)) {
      // Decoded text, as the widget's paste area gives it, with and without the filename.
      const text = new TextDecoder().decode(bytes);
      for (const options of [undefined, { filename: name }]) {
        assertNumbering(nb.validateSync(text, options), nb.linesSync(text, options), `${name} as text`);
      }
    }
  }
  t.diagnostic(`${files.length} inputs, ${diagnostics} diagnostics with a line, each found at its line`);
  assert.ok(diagnostics > 50);
});

test('lines(): text as given for pasted text; HTML as its extracted text; nothing for an unreadable input', async () => {
  assert.deepEqual(nb.linesSync('甲\n乙\r\n\n丙'), ['甲', '乙', '', '丙']);
  const html = nb.linesSync('<p>第一段</p><table><tr><td>规章</td><td>1</td></tr></table>', { filename: 'a.html' });
  assert.ok(html.includes('第一段'), JSON.stringify(html));
  assert.ok(!html.some((line) => line.includes('<')), 'no markup in the extracted text');
  assert.deepEqual(nb.linesSync(''), []);
  assert.deepEqual(nb.linesSync(new Uint8Array([0x25, 0x50, 0x44, 0x46])), [], 'a PDF is not read by the engine itself');
  assert.deepEqual(await nb.lines(new Blob([DEFECT]), { filename: 'r.md' }), nb.linesSync(DEFECT, { filename: 'r.md' }), 'a Blob');
  const engine = await nb.init();
  assert.deepEqual(engine.lines(DEFECT), nb.linesSync(DEFECT));
  assert.throws(() => nb.linesSync(42), TypeError);
});

test('quotes are found at their line, across a wrap, ignoring spaces and full-width letters', () => {
  assert.deepEqual(quotesOf('正文“甲“乙”丙”称…，但表三“自然人”为 3'), ['甲“乙”丙', '自然人', '乙']);
  const lines = ['标题', '办理结果：予以公开２５件，部分公开 6 件；全年办', '结申请 47 件，结转 3 件。', '全年办结申请 47 件'];
  assert.deepEqual(findQuote(lines, 2, '正文“予以公开２５件”称…').pieces, [{ line: 2, start: 5, end: 12 }]);
  assert.deepEqual(findQuote(lines, 2, '正文“予以公开 25 件”称…').pieces, [{ line: 2, start: 5, end: 12 }], 'width and spaces');
  const wrapped = findQuote(lines, 3, '正文“全年办结申请 47 件”称…');
  assert.deepEqual(wrapped.pieces, [
    { line: 2, start: 22, end: 25 },
    { line: 3, start: 0, end: 8 },
  ], 'a quote starting on the line before runs into the finding’s line');
  assert.deepEqual(findQuote(lines, 4, '正文“全年办结申请 47 件”').pieces, [{ line: 4, start: 0, end: 11 }], 'the occurrence at the line itself');
  assert.equal(findQuote(lines, 1, '正文“予以公开２５件”'), null, 'not at that line');
  assert.equal(findQuote(lines, 2, '没有引文'), null);
});

// ------------------------------------------------------------------ the widget, in Chromium

let server;
let browser;
let page;
openWidgetPage((opened) => ({ server, browser, page } = opened));

const status = () => page.locator(`${W} [role="status"]`).textContent();

async function paste(text) {
  await page.fill(`${W} textarea`, text);
  await page.click(`${W} .btn.primary`);
  await waitForDone(page);
}

/** What the text view shows: the selected tab, the marked lines and marks, where the first mark is. */
function textState() {
  return page.evaluate(() => {
    const root = document.querySelector('nianbao-validator').shadowRoot;
    const box = root.querySelector('.textview');
    const cur = box ? [...box.querySelectorAll('.tl.cur')] : [];
    const inside = (el, outer) => {
      const r = el.getBoundingClientRect();
      const o = outer ? outer.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      return r.height > 0 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1;
    };
    return {
      tab: root.querySelector('[role="tab"][aria-selected="true"]')?.dataset.view,
      textHidden: root.querySelector('.view-text').hidden,
      tablesHidden: root.querySelector('.view-tables').hidden,
      lines: cur.map((row) => Number(row.dataset.line)),
      current: cur.map((row) => row.getAttribute('aria-current')),
      marks: [...root.querySelectorAll('.textview mark')].map((m) => m.textContent),
      markParents: [...root.querySelectorAll('.textview mark')].map((m) => m.parentElement.className),
      texts: cur.map((row) => row.querySelector('.tx').textContent),
      childNodes: cur.map((row) => [...row.querySelector('.tx').childNodes].map((n) => n.nodeName)),
      inBox: cur.length ? inside(cur[0], box) : false,
      inViewport: cur.length ? inside(cur[0]) : false,
    };
  });
}

test('the report view has two tabs, 表格 and 原文, tables in front', async () => {
  await paste(DEFECT);
  const tabs = page.locator(`${W} [role="tablist"] [role="tab"]`);
  assert.deepEqual(await tabs.allTextContents(), ['表格', '原文']);
  assert.equal(await page.locator(`${W} [role="tablist"]`).getAttribute('aria-label'), '表格与原文');
  assert.equal(await tabs.nth(0).getAttribute('aria-selected'), 'true');
  assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'false');
  const controls = await tabs.nth(1).getAttribute('aria-controls');
  assert.equal(await page.locator(`${W} #${controls}`).getAttribute('role'), 'tabpanel');
  assert.equal(await page.locator(`${W} #${controls}`).isHidden(), true);
  assert.ok(await page.locator(`${W} table.t3`).isVisible());
});

test('clicking a text-table-mismatch finding shows the text view at its line, the quoted sentence in a <mark>', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const finding = page.locator(`${W} button.finding[data-rule="text-table-mismatch"]`).filter({ hasText: '正文“全年办结申请 47 件”' });
  assert.equal(await finding.count(), 1);
  await finding.click();
  await page.waitForSelector(`${W} .textview mark`);
  const state = await textState();
  assert.equal(state.tab, 'text');
  assert.equal(state.textHidden, false);
  assert.equal(state.tablesHidden, true);
  assert.deepEqual(state.lines, [6]);
  assert.deepEqual(state.current, ['true']);
  assert.deepEqual(state.marks, ['全年办结申请 47 件'], 'exactly the quoted words');
  assert.deepEqual(state.texts, [SENTENCE], 'the line text is intact around the mark');
  assert.deepEqual(state.childNodes, [['#text', 'MARK', '#text']], 'the text node split around one <mark>');
  assert.ok(state.inBox, 'the line is in the visible part of the text view');
  assert.ok(state.inViewport, 'and in the window');
  assert.equal(await status(), '已在原文第 6 行标出所引文字，并在表中标出 3 个单元格');
  assert.equal(await finding.getAttribute('aria-pressed'), 'true');
  // The cells it names are marked in the tables as before.
  const marked = await page.locator(`${W} td.marked`).evaluateAll((cells) => cells.map((c) => c.dataset.cell).sort());
  assert.deepEqual(marked, ['t3.carried_forward.total', 't3.new.total', 't3.results_total.total']);
});

test('lines with findings are marked by severity with an icon and a text for screen readers, never colour alone', async () => {
  const rows = await page.evaluate(() => {
    const root = document.querySelector('nianbao-validator').shadowRoot;
    return [...root.querySelectorAll('.textview .tl')].filter((r) => /\bf-/.test(r.className)).map((r) => ({
      line: Number(r.dataset.line),
      cls: r.className.replace(/\s*cur\b/, ''),
      icon: r.querySelector('.ic').textContent,
      sr: r.querySelector('.sr-only')?.textContent,
      border: getComputedStyle(r).borderLeftStyle,
    }));
  });
  assert.deepEqual(rows.map((r) => r.line), [4, 6, 7, 8, 9, 10, 75]);
  // Line 4, the heading of section 一: the topics it leaves out (`overview-topics`, info).
  const [heading, ...warned] = rows;
  assert.deepEqual([heading.cls, heading.icon, heading.border], ['tl f-info', 'ℹ', 'dotted']);
  assert.equal(heading.sr, '4 个问题（最重：提示）：');
  for (const row of warned) {
    assert.equal(row.cls, 'tl f-warning');
    assert.equal(row.icon, '▲');
    assert.equal(row.border, 'dashed', 'a pattern, not only a colour');
  }
  assert.equal(warned[0].sr, '4 个问题（最重：警告）：');
  assert.equal(warned[5].sr, '警告：');
  const numbers = await page.locator(`${W} .textview .tl .ln`).allTextContents();
  assert.deepEqual(numbers, nb.linesSync(DEFECT).map((_, i) => String(i + 1)), 'every line, numbered');
});

test('a sentence wrapped over two lines is marked on both', async () => {
  await paste(DEFECT.replace(SENTENCE, SENTENCE.replace('全年办结', '全年办\n结')));
  const finding = page.locator(`${W} button.finding[data-rule="text-table-mismatch"]`).filter({ hasText: '正文“全年办结申请 47 件”' });
  assert.match(await finding.locator('.loc').textContent(), /第 7 行/, 'the finding points at the line with the figure');
  await finding.click();
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelectorAll('.textview mark').length === 2);
  const state = await textState();
  assert.deepEqual(state.marks, ['全年办', '结申请 47 件']);
  assert.deepEqual(state.lines.sort(), [6, 7]);
});

test('a finding about cells keeps the tables in front; the 原文 tab then shows its line marked', async () => {
  await paste(ERRORS);
  const finding = page.locator(`${W} button.finding[data-rule="t4-total"]`);
  const line = Number((await finding.locator('.loc').textContent()).match(/\d+/)[0]);
  await finding.click();
  assert.equal((await textState()).tab, 'tables');
  assert.equal(await page.locator(`${W} td.marked`).count(), 5);
  assert.equal(await status(), `已在表中标出 5 个单元格；原文第 ${line} 行亦已标出`);
  await page.click(`${W} [role="tab"][data-view="text"]`);
  await page.waitForSelector(`${W} .textview .tl.cur`);
  const state = await textState();
  assert.equal(state.tab, 'text');
  assert.deepEqual(state.lines, [line]);
  assert.ok(state.inBox, 'scrolled to the marked line');
  // Back on the tables, the cells are still marked; Space on the finding again clears both.
  await page.click(`${W} [role="tab"][data-view="tables"]`);
  assert.equal(await page.locator(`${W} td.marked`).count(), 5);
  await finding.focus();
  await page.keyboard.press('Space');
  assert.equal(await finding.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator(`${W} td.marked`).count(), 0);
  assert.equal(await page.locator(`${W} .textview .tl.cur`).count(), 0);
  assert.equal(await page.locator(`${W} .textview mark`).count(), 0);
});

test('keyboard: Enter on a finding opens the text at its line; arrows move between tabs; the text scrolls from the keyboard', async () => {
  await paste(DEFECT);
  await page.click(`${W} [role="tab"][data-view="tables"]`);
  const findings = page.locator(`${W} button.finding`);
  await findings.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${W} .textview mark`);
  let state = await textState();
  assert.equal(state.tab, 'text');
  assert.deepEqual(state.marks, ['上年结转 5 件']);
  const focused = () => page.evaluate(() => {
    const a = document.querySelector('nianbao-validator').shadowRoot.activeElement;
    return a ? a.dataset.view || a.dataset.rule || a.className : null;
  });
  assert.equal(await focused(), 'text-table-mismatch', 'focus stays on the finding');
  // Tabs: one tab stop, arrows switch and focus.
  await page.locator(`${W} [role="tab"][aria-selected="true"]`).focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 'tables');
  assert.equal((await textState()).tab, 'tables');
  assert.equal(await page.locator(`${W} [role="tab"][data-view="text"]`).getAttribute('tabindex'), '-1');
  await page.keyboard.press('End');
  assert.equal(await focused(), 'text');
  state = await textState();
  assert.equal(state.tab, 'text');
  assert.deepEqual(state.marks, ['上年结转 5 件'], 'the mark is kept while the view is hidden');
  // Tab from the tab list reaches the text (a focusable, labelled region) and keys scroll it.
  await page.keyboard.press('Tab');
  while (!/\btextview\b/.test(await focused())) await page.keyboard.press('Tab');
  const box = page.locator(`${W} .textview`);
  assert.equal(await box.getAttribute('role'), 'region');
  assert.match(await box.getAttribute('aria-label'), /^报告原文，共 \d+ 行$/);
  await box.evaluate((el) => (el.scrollTop = 0));
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('.textview').scrollTop > 0);
});

test('markup in a report is shown as text in the text view, never run', async () => {
  const text = DEFECT.replace(SENTENCE, `${SENTENCE}${HOSTILE}<script>alert(2)</script>`).replace('一、总体情况', `一、总体情况 ${HOSTILE}`);
  await paste(text);
  await page.locator(`${W} button.finding`).filter({ hasText: '正文“全县全年共收到政府信息公开申请 48 件”' }).click();
  await page.waitForSelector(`${W} .textview mark`);
  const out = await page.evaluate(() => {
    const root = document.querySelector('nianbao-validator').shadowRoot;
    return {
      rows: [...root.querySelectorAll('.textview .tl .tx')].map((el) => el.textContent).filter((t) => t.includes('<img')),
      imgs: root.querySelectorAll('img').length + document.querySelectorAll('img').length,
      scripts: root.querySelectorAll('script').length,
      marks: [...root.querySelectorAll('.textview mark')].map((m) => m.textContent),
    };
  });
  assert.equal(out.rows.length, 2);
  assert.ok(out.rows[0].endsWith(HOSTILE), out.rows[0]);
  assert.ok(out.rows[1].endsWith(`${HOSTILE}<script>alert(2)</script>`), out.rows[1]);
  assert.equal(out.imgs, 0);
  assert.equal(out.scripts, 0);
  assert.deepEqual(out.marks, ['全县全年共收到政府信息公开申请 48 件']);
  assert.deepEqual(page.record.dialogs, []);
});

test('English: the tabs and the text view speak English with lang="en"', async () => {
  await page.evaluate(() => document.querySelector('nianbao-validator').setAttribute('lang', 'en'));
  await page.click(`${W} .btn.primary`);
  await waitForDone(page, { en: true });
  assert.deepEqual(await page.locator(`${W} [role="tab"]`).allTextContents(), ['Tables', 'Text']);
  await page.locator(`${W} button.finding[data-rule="fee-statement"]`).click();
  await page.waitForSelector(`${W} .textview mark`);
  assert.equal(await status(), 'Line 75 marked in the text, with the words quoted; 1 cell marked in the tables');
  assert.match(await page.locator(`${W} .textview`).getAttribute('aria-label'), /^Report text, \d+ lines$/);
  await page.evaluate(() => document.querySelector('nianbao-validator').setAttribute('lang', 'zh'));
});

test('a batch: the text view shows the selected report’s text, a PDF’s text layer too', async (t) => {
  const files = [join(ROOT, 'www/sample-report.txt'), join(ROOT, 'tests/fixtures/narrative/defect-county-2023.md'), join(ROOT, 'tests/fixtures/generated/2021-page.html')];
  if (PDF_OK) files.push(join(ROOT, 'tests/fixtures/pdf/report-a.pdf'));
  else t.diagnostic('PDF part skipped: Node < 20.16 cannot run pdf.js for the comparison');
  await page.setInputFiles(`${W} input[type="file"]:not([webkitdirectory])`, files);
  await page.waitForFunction((n) => document.querySelector('nianbao-validator').shadowRoot.querySelectorAll('table.summary tbody tr').length === n, files.length);
  const rows = page.locator(`${W} table.summary tbody tr`);
  for (let i = 0; i < files.length; i++) {
    const name = basename(files[i]);
    const bytes = readFileSync(files[i]);
    const expected = /\.pdf$/.test(name) ? await nb.lines(bytes, { filename: name }) : nb.linesSync(bytes, { filename: name });
    await rows.filter({ hasText: name }).locator('button.open').click();
    await page.click(`${W} [role="tab"][data-view="text"]`);
    await page.waitForSelector(`${W} .textview .tl`);
    const shown = await page.locator(`${W} .textview .tl .tx`).allTextContents();
    assert.deepEqual(shown, expected, `${name}: the engine's lines, in order`);
  }
  // The view chosen stays while another report is opened.
  await rows.filter({ hasText: 'defect-county-2023.md' }).locator('button.open').click();
  assert.equal((await textState()).tab, 'text');
  await page.waitForSelector(`${W} .textview .tl`);
  assert.equal(await page.locator(`${W} .textview .tl .tx`).first().textContent(), '某某县人民政府2023年政府信息公开工作年度报告');
});

test('a report with no text (a scanned PDF) says so in the text view', async () => {
  const scanned = readFileSync(join(ROOT, 'tests/fixtures/pdf/scanned.pdf')).toString('base64');
  await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    await document.querySelector('nianbao-validator').check(new File([bytes], 'scanned.pdf'));
  }, scanned);
  await page.click(`${W} [role="tab"][data-view="text"]`);
  await page.waitForFunction(() => /没有可显示的原文/.test(document.querySelector('nianbao-validator').shadowRoot.querySelector('.view-text').textContent));
  assert.equal(await page.locator(`${W} .textview`).count(), 0);
  await page.click(`${W} [role="tab"][data-view="tables"]`);
});

test('a long report (20,000 lines) is built in chunks and still jumps to a finding at its end', async (t) => {
  const filler = Array.from({ length: 20000 }, () => '本段为用于测试长报告显示的填充文字，不含任何数字。').join('\n');
  const text = DEFECT.replace('六、其他需要报告的事项', `${filler}\n六、其他需要报告的事项`);
  const total = nb.linesSync(text).length;
  const started = Date.now();
  // (Typing half a megabyte into the paste area is slow in the test driver; set it, as a paste does.)
  await page.evaluate((value) => (document.querySelector('nianbao-validator').value = value), text);
  await page.click(`${W} .btn.primary`);
  await waitForDone(page);
  const finding = page.locator(`${W} button.finding[data-rule="fee-statement"]`);
  const line = Number((await finding.locator('.loc').textContent()).match(/\d+/)[0]);
  assert.ok(line > 20000);
  await finding.click();
  await page.waitForSelector(`${W} .textview mark`);
  t.diagnostic(`${total} lines: checked and shown at line ${line} in ${Date.now() - started} ms`);
  const state = await textState();
  assert.deepEqual(state.lines, [line]);
  assert.deepEqual(state.marks, ['本年度未发生政府信息公开收费事项']);
  assert.ok(state.inBox && state.inViewport, 'the line is visible');
  const built = await page.locator(`${W} .textview .tl`).count();
  assert.ok(built < total / 4, `only the chunks near what is shown are built (${built} of ${total} lines)`);
  assert.equal(await page.locator(`${W} .textview`).getAttribute('aria-label'), `报告原文，共 ${total} 行`);
  // Scrolling to the top builds the chunks there.
  await page.locator(`${W} .textview`).evaluate((el) => (el.scrollTop = 0));
  await page.waitForSelector(`${W} .textview .tl[data-line="1"]`);
  assert.equal(await page.locator(`${W} .textview .tl[data-line="1"] .tx`).textContent(), '某某县人民政府2023年政府信息公开工作年度报告');
});

test('no CSP violation, console error or page error; no request leaves the origin', () => {
  assert.deepEqual(page.record.violations, []);
  assert.deepEqual(page.record.consoleErrors, []);
  assert.deepEqual(page.record.pageErrors, []);
  assert.deepEqual(page.record.dialogs, []);
  assert.deepEqual(page.record.requests.filter((u) => !u.startsWith(server.url)), []);
});

test('the offline single file shows the text view from disk', async () => {
  const offline = await recordingPage(browser, { offline: true });
  try {
    await offline.goto(pathToFileURL(join(DIST, 'nianbao-offline.html')).href);
    await waitForDone(offline);
    await offline.fill(`${W} textarea`, DEFECT);
    await offline.click(`${W} .btn.primary`);
    await offline.waitForFunction(() => /4 个|13 个警告/.test(document.querySelector('nianbao-validator').shadowRoot.querySelector('[role="status"]').textContent));
    await offline.locator(`${W} button.finding[data-rule="text-table-mismatch"]`).first().click();
    await offline.waitForSelector(`${W} .textview mark`);
    assert.equal(await offline.locator(`${W} .textview mark`).textContent(), '全县全年共收到政府信息公开申请 48 件');
    assert.deepEqual(offline.record.violations, []);
    assert.deepEqual(offline.record.consoleErrors, []);
    assert.deepEqual(offline.record.pageErrors, []);
    assert.ok(offline.record.requests.every((u) => u.startsWith('file:') || u.startsWith('data:')), offline.record.requests.join(' '));
  } finally {
    await offline.context().close();
  }
});
