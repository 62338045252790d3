// The widget in headless Chromium, on the demo page served with a strict CSP header:
// paste, upload and drop; findings and the cells they name; the fix of `suspect-cell`; markup in
// a report shown as text; no CSP violation, no foreign request, nothing stored; English; the
// host page's CSS kept out; recovery from a trapped engine.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from './serve.mjs';
import { launch, openWidgetPage, recordingPage, ROOT, rustCheck, SITE, waitForDone } from './helpers.mjs';

const SAMPLE = readFileSync(join(ROOT, 'www/sample-report.txt'), 'utf8');
const ERRORS = readFileSync(join(ROOT, 'www/sample-report-errors.txt'), 'utf8');
const DOCX = join(ROOT, 'tests/fixtures/docx/sample-report.docx');
const W = 'nianbao-validator';

let server;
let browser;
let page;
openWidgetPage((opened) => ({ server, browser, page } = opened));

const status = () => page.locator(`${W} [role="status"]`).textContent();

async function paste(text) {
  await page.fill(`${W} textarea`, text);
  await page.click(`${W} .btn.primary`);
  await page.waitForFunction(
    () => {
      const s = document.querySelector('nianbao-validator').shadowRoot.querySelector('[role="status"]').textContent;
      return s.startsWith('检查完成') || s.startsWith('Check complete');
    },
    null,
    { timeout: 20000 },
  );
}

test('the demo page checks its sample on load', async () => {
  assert.equal(await status(), '检查完成：未发现问题');
  assert.equal(await page.locator(`${W} textarea`).inputValue(), SAMPLE);
  assert.equal(await page.locator(`${W} .report-head h3`).textContent(), '示例市生态环境局2023年政府信息公开工作年度报告');
  assert.equal(await page.locator(`${W} table.t2 td[data-cell]`).count(), 10);
  assert.equal(await page.locator(`${W} table.t3 td[data-cell]`).count(), 175);
  assert.equal(await page.locator(`${W} table.t4 td[data-cell]`).count(), 15);
  assert.equal(await page.locator(`${W} td[data-cell="t3.new.total"] .num`).textContent(), '45');
  assert.equal(await page.locator(`${W} svg.chart`).count(), 3);
});

test('paste flow: findings grouped by severity, announced in the live region', async () => {
  const events = page.evaluate(
    () =>
      new Promise((resolve) =>
        document.addEventListener('nianbao-result', (e) => resolve({ summary: e.detail.summary, composed: e.composed, bubbles: e.bubbles }), {
          once: true,
        }),
      ),
  );
  await paste(ERRORS);
  assert.equal(await status(), '检查完成：4 个错误，2 个警告');
  assert.equal(await page.locator(`${W} [role="status"]`).getAttribute('aria-live'), 'polite');
  const headings = await page.locator(`${W} .findings h4`).allTextContents();
  // One mistake, one item: the two equations the suspect cell breaks are shown inside it.
  assert.deepEqual(headings, ['✖错误（2）', '▲警告（2）']);
  const rules = await page.locator(`${W} button.finding`).evaluateAll((b) => b.map((x) => x.dataset.rule));
  assert.deepEqual(rules.slice(0, 2).sort(), ['suspect-cell', 't4-total']);
  const cli = JSON.parse(rustCheck(['--format', 'json', 'sample-report-errors.txt'], join(ROOT, 'www')).stdout);
  const broken = await page.locator(`${W} button.finding[data-rule="suspect-cell"] .f-broken-one`).allTextContents();
  const explained = cli.diagnostics.filter((d) => d.rule === 't3-row-total' || d.rule === 't3-results-sum').map((d) => d.message);
  assert.deepEqual(broken, explained, 'the equations it breaks, as the engine words them');
  const first = page.locator(`${W} button.finding`).first();
  assert.equal(await first.locator('.f-msg').textContent(), cli.diagnostics.find((d) => d.rule === 'suspect-cell').message, 'engine messages shown as they are');
  assert.match(await first.locator('.loc').textContent(), /^第 \d+ 行$/);
  assert.ok((await first.locator('.f-src').textContent()).includes('（一）予以公开'), 'the source line');
  const event = await events;
  assert.deepEqual(event, { summary: { errors: 4, warnings: 2, infos: 0 }, composed: true, bubbles: true });
});

test('faulty cells are marked by colour and an icon', async () => {
  const cell = page.locator(`${W} td[data-cell="t4.review.total"]`);
  assert.match(await cell.getAttribute('class'), /\berr\b/);
  assert.equal(await cell.locator('.ic').textContent(), '✖');
  assert.match(await cell.textContent(), /有错误/, 'and text for screen readers');
  const blank = page.locator(`${W} td[data-cell="t2.fees.amount"]`);
  assert.equal(await blank.locator('.num').textContent(), '—');
  assert.match(await blank.getAttribute('class'), /\bblank\b/);
});

test('clicking a finding marks the cells it names and scrolls them into view', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const finding = page.locator(`${W} button.finding[data-rule="t4-total"]`);
  await finding.click();
  assert.equal(await finding.getAttribute('aria-pressed'), 'true');
  const marked = await page.locator(`${W} td.marked`).evaluateAll((cells) => cells.map((c) => c.dataset.cell));
  assert.deepEqual(marked.sort(), ['t4.review.corrected', 't4.review.other', 't4.review.pending', 't4.review.total', 't4.review.upheld']);
  const inView = await page.locator(`${W} td.marked`).first().evaluate((cell) => {
    const r = cell.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
  assert.ok(inView, 'the first marked cell is in the viewport');
  assert.equal(await status(), '已在表中标出 5 个单元格；原文第 69 行亦已标出', 'the tables stay in front; the line is marked in the text view too');
});

test('Enter on a finding (a button) marks its cells; arrow keys move between findings', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const finding = page.locator(`${W} button.finding[data-rule="suspect-cell"]`);
  await finding.focus();
  await page.keyboard.press('Enter');
  const marked = await page.locator(`${W} td.marked`).evaluateAll((cells) => cells.map((c) => c.dataset.cell));
  assert.deepEqual(marked, ['t3.granted.natural']);
  assert.equal(await page.locator(`${W} button.finding[data-rule="t4-total"]`).getAttribute('aria-pressed'), 'false');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.querySelector('nianbao-validator').shadowRoot.activeElement?.dataset.rule);
  assert.equal(focused, 't4-total');
  await page.keyboard.press('Space');
  assert.equal(await page.locator(`${W} td.marked`).count(), 5);
});

test('suspect-cell shows the proposed value in the finding and in the cell', async () => {
  const finding = page.locator(`${W} button.finding[data-rule="suspect-cell"]`);
  assert.match(await finding.locator('.f-fix').textContent(), /t3\.granted\.natural.*应为 18/);
  await finding.click();
  const cell = page.locator(`${W} td[data-cell="t3.granted.natural"]`);
  assert.match(await cell.getAttribute('class'), /\bmarked\b/);
  assert.equal(await cell.locator('.num').textContent(), '19');
  assert.match(await cell.locator('.fix').textContent(), /18$/);
  assert.ok(await cell.locator('.fix').isVisible());
});

test("the tables are the engine's layout of the template: rows left out are not drawn, a row standing for several follows", async () => {
  // The sample without its 规章 row, and with 2019's single （六）其他处理 row for 2021's three.
  const lines = SAMPLE.split('\n').filter((l) => !l.startsWith('规章\t'));
  const first = lines.findIndex((l) => l.startsWith('（六）其他处理\t'));
  lines.splice(first, 3, '（六）其他处理\t1\t0\t0\t0\t0\t0\t1');
  await paste(lines.join('\n'));
  await page.waitForSelector(`${W} .finding[data-rule="template-deviation"]`);
  assert.equal(await page.locator(`${W} table.t2 td[data-cell^="t2.rules."]`).count(), 0);
  assert.equal(await page.locator(`${W} table.t2 td[data-cell^="t2.normative."]`).count(), 3);
  assert.equal(await page.locator(`${W} table.t3 td[data-cell^="t3.other."]`).count(), 7);
  const extra = page.locator(`${W} table.t3 tr.extra`);
  assert.equal(await extra.locator('th').textContent(), '（六）其他处理');
  assert.equal(await extra.locator('td[data-cell="t3.other.total"] .num').textContent(), '1');
  assert.equal(await extra.locator('td[data-cell="t3.other.natural"]').getAttribute('title'), '表三“（六）其他处理”行“自然人”列（t3.other.natural）：template-deviation');
  // The group label of the three rows left out is gone with them; 三、本年度办理结果 spans the rest.
  assert.equal(await page.locator(`${W} table.t3 th`, { hasText: '3.其他' }).count(), 0);
  const results = page.locator(`${W} table.t3 th`, { hasText: '三、本年度办理结果' });
  assert.equal(await results.getAttribute('rowspan'), '19');
});

test('upload flow: several files give one result each, in the summary table', async () => {
  const files = [join(ROOT, 'www/sample-report.txt'), join(ROOT, 'www/sample-report-errors.txt')];
  if (existsSync(DOCX)) files.push(DOCX);
  await page.setInputFiles(`${W} input[type="file"]:not([webkitdirectory])`, files);
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('[role="status"]').textContent.startsWith('已检查'));
  assert.match(await status(), new RegExp(`^已检查 ${files.length} 个文件`));
  const rows = page.locator(`${W} table.summary tbody tr`);
  assert.equal(await rows.count(), files.length);
  assert.equal(await page.locator(`${W} .panel .report-head`).count(), 0, 'no report opened yet');
  await rows.nth(1).locator('button.open').click();
  assert.equal(await rows.nth(1).getAttribute('aria-current'), 'true');
  assert.equal(await page.locator(`${W} .counts .count.error`).textContent(), '✖4 个错误');
  await rows.nth(0).locator('button.open').press('Enter');
  assert.equal(await rows.nth(0).getAttribute('aria-current'), 'true');
  assert.equal(await rows.nth(1).getAttribute('aria-current'), null);
  assert.equal(await page.locator(`${W} .count.clean`).count(), 1);
  const results = await page.evaluate(() => document.querySelector('nianbao-validator').results.map((r) => [r.input.name, r.summary.errors]));
  assert.deepEqual(results.slice(0, 2), [['sample-report.txt', 0], ['sample-report-errors.txt', 4]]);
});

test('drag and drop checks the dropped files', async () => {
  const summary = await page.evaluate(async (text) => {
    const el = document.querySelector('nianbao-validator');
    const zone = el.shadowRoot.querySelector('textarea');
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    const done = new Promise((resolve) => el.addEventListener('nianbao-result', (e) => resolve(e.detail), { once: true }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
    }
    const result = await done;
    return [result.input.name, result.summary.errors];
  }, ERRORS);
  assert.deepEqual(summary, ['dropped.md', 4]);
});

test('check() takes a string, File, Blob, ArrayBuffer and Uint8Array', async () => {
  const out = await page.evaluate(async (text) => {
    const el = document.querySelector('nianbao-validator');
    const bytes = new TextEncoder().encode(text);
    const inputs = [text, new File([bytes], 'r.txt'), new Blob([bytes]), bytes.buffer.slice(0), bytes];
    const results = [];
    for (const input of inputs) results.push((await el.check(input)).summary);
    return results;
  }, ERRORS);
  for (const summary of out) assert.deepEqual(summary, { errors: 4, warnings: 2, infos: 0 });
});

test('markup in a report is shown as text, never run or rendered', async () => {
  const evil = ERRORS.replace('示例市生态环境局2023年', '<img src=x onerror=alert(1)>示例市<script>alert(2)</script>生态环境局2023年')
    .replace('（一）予以公开\t', '（一）予以公开<img src=x onerror=alert(3)>\t')
    .replace('六、其他需要报告的事项', '六、其他需要报告的事项<svg onload=alert(4)>');
  // The same report as an HTML page whose text (escaped in the page) carries markup.
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const page5 = evil.replace('<svg onload=alert(4)>', '<img src=x onerror=alert(5)>').split('\n')
    .map((line) => (line.includes('\t') ? `<table><tr>${line.split('\t').map((c) => `<td>${escape(c)}</td>`).join('')}</tr></table>` : `<p>${escape(line)}</p>`))
    .join('\n');
  const inspect = () =>
    page.evaluate(() => {
      const root = document.querySelector('nianbao-validator').shadowRoot;
      return {
        shadow: root.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]').length,
        svgOutsideCharts: [...root.querySelectorAll('svg')].filter((s) => !s.classList.contains('chart')).length,
        page: document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length,
        scripts: document.querySelectorAll('script').length,
        text: root.textContent,
      };
    });
  for (const [how, marks] of [
    ['pasted text', ['<img src=x onerror=alert(3)>', '<svg onload=alert(4)>']],
    ['an HTML file', ['<img src=x onerror=alert(3)>', '<img src=x onerror=alert(5)>']],
  ]) {
    if (how === 'pasted text') await paste(evil);
    else {
      await page.evaluate(async (text) => {
        await document.querySelector('nianbao-validator').check(new File([text], 'evil.html'));
      }, `<html><body>\n${page5}\n</body></html>`);
    }
    const found = await inspect();
    assert.equal(found.shadow, 0, how);
    assert.equal(found.svgOutsideCharts, 0, how);
    assert.equal(found.page, 0, how);
    assert.equal(found.scripts, 1, "only the page's own module script");
    for (const mark of marks) assert.ok(found.text.includes(mark), `${how}: ${mark} is shown, as text`);
  }
  await page.waitForTimeout(200);
  assert.deepEqual(page.record.dialogs, []);
});

test("lang=\"en\" switches the interface; the engine's messages stay Chinese", async () => {
  await page.evaluate(() => document.querySelector('nianbao-validator').setAttribute('lang', 'en'));
  await paste(ERRORS);
  assert.equal(await page.locator(`${W} .btn.primary`).textContent(), 'Check');
  assert.equal(await status(), 'Check complete: 4 errors, 2 warnings');
  assert.deepEqual(await page.locator(`${W} .findings h4`).allTextContents(), ['✖Errors (2)', '▲Warnings (2)']);
  assert.match(await page.locator(`${W} button.finding .f-msg`).first().textContent(), /[\u4e00-\u9fff]/);
  assert.equal(await page.locator(`${W} .nb`).getAttribute('lang'), 'en');
  await page.evaluate(() => document.querySelector('nianbao-validator').setAttribute('lang', 'zh'));
  assert.equal(await page.locator(`${W} .btn.primary`).textContent(), '检查');
  assert.equal(await status(), '检查完成：4 个错误，2 个警告', 'the status follows the language');
});

test("the host page's CSS does not reach inside, nor the widget's CSS outside", async () => {
  const styles = await page.evaluate(() => {
    const host = new CSSStyleSheet();
    host.replaceSync('* { color: rgb(255, 0, 0) !important; } td { background: rgb(0, 255, 0) !important; } .finding, button { border: 9px solid rgb(0, 0, 255) !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, host];
    const root = document.querySelector('nianbao-validator').shadowRoot;
    const td = root.querySelector('td[data-cell]');
    const finding = root.querySelector('button.finding');
    const outside = document.createElement('button');
    outside.className = 'btn primary finding';
    document.body.appendChild(outside);
    const result = {
      tdColor: getComputedStyle(td).color,
      tdBackground: getComputedStyle(td).backgroundColor,
      findingBorder: getComputedStyle(finding).borderTopWidth,
      outsideBackground: getComputedStyle(outside).backgroundColor,
    };
    outside.remove();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== host);
    return result;
  });
  assert.notEqual(styles.tdColor, 'rgb(255, 0, 0)');
  assert.notEqual(styles.tdBackground, 'rgb(0, 255, 0)');
  assert.notEqual(styles.findingBorder, '9px');
  assert.notEqual(styles.outsideBackground, 'rgb(29, 78, 137)', "the widget's .btn.primary does not style the page");
});

test('a trapped engine is restarted: an input-unreadable result, then the next check is right', async () => {
  const out = await page.evaluate(async (text) => {
    const el = document.querySelector('nianbao-validator');
    // Test-only, so not in the package's API: from the engine wrapper the page's modules share.
    const { __trapForTests, toSortedJson } = await import(new URL('./core.js', document.baseURI).href);
    const before = toSortedJson(await el.check(text));
    const trapped = [__trapForTests('panic'), __trapForTests('trap')];
    for (let i = 0; i < 100; i++) __trapForTests('panic');
    const after = toSortedJson(await el.check(text));
    return { before, after, trapped: trapped.map((r) => [r.diagnostics[0].rule, r.summary.errors]) };
  }, ERRORS);
  assert.deepEqual(out.trapped, [['input-unreadable', 1], ['input-unreadable', 1]]);
  assert.equal(out.after, out.before);
  assert.equal(await status(), '检查完成：4 个错误，2 个警告');
});

test('an empty paste area asks for a report; Ctrl+Enter checks', async () => {
  await page.fill(`${W} textarea`, '   ');
  await page.click(`${W} .btn.primary`);
  assert.equal(await status(), '请先粘贴报告全文或选择文件。');
  await page.fill(`${W} textarea`, ERRORS);
  await page.press(`${W} textarea`, 'Control+Enter');
  await page.waitForFunction(() => document.querySelector('nianbao-validator').shadowRoot.querySelector('[role="status"]').textContent.startsWith('检查完成'));
  assert.equal(await status(), '检查完成：4 个错误，2 个警告');
});

test('an engine that cannot load is reported in the live region', async () => {
  const other = await recordingPage(browser);
  try {
    await other.route('**/nianbao_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await other.goto(server.url);
    await other.waitForFunction(() =>
      document.querySelector('nianbao-validator')?.shadowRoot.querySelector('[role="status"]').textContent.startsWith('检查引擎加载失败'),
    );
    assert.equal(await other.locator(`${W} .results`).isHidden(), true);
  } finally {
    await other.context().close();
  }
});

test('no CSP violation, console error or page error; no request leaves the origin', () => {
  assert.deepEqual(page.record.violations, []);
  assert.deepEqual(page.record.consoleErrors, []);
  assert.deepEqual(page.record.pageErrors, []);
  assert.deepEqual(page.record.requests.filter((u) => !u.startsWith(server.url)), []);
  assert.ok(page.record.requests.some((u) => u.endsWith('/nianbao_bg.wasm')), 'the wasm comes from the same origin');
});

test('nothing is stored: no cookie, localStorage, sessionStorage or IndexedDB', async () => {
  const state = await page.context().storageState();
  assert.deepEqual(state.cookies, []);
  assert.deepEqual(state.origins, []);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    idb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookie: '', idb: 0, caches: 0 });
});

test('the page is served with the strict CSP header and repeats it as a meta tag', async () => {
  const response = await page.request.get(server.url);
  assert.equal(response.headers()['content-security-policy'], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(meta, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(meta, /unsafe-inline/);
  const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src]), style, [style]')].length);
  assert.equal(inline, 0, 'no inline script or style in the page');
});
