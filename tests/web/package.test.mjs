// The npm tarball as a user gets it: installed offline into a scratch project, used from Node
// (import, npx) and, served from that project, from a page in Chromium.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from './serve.mjs';
import { DIST, launch, recordingPage, ROOT, run, rustCheck, VERSION } from './helpers.mjs';

const TGZ = join(DIST, `nianbao-${VERSION}.tgz`);
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-pkg-'));
const pkgDir = join(scratch, 'node_modules/nianbao');
const npmEnv = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

before(() => {
  assert.ok(existsSync(TGZ), `${TGZ} (run scripts/build)`);
  const init = run('npm', ['init', '-y'], { cwd: scratch, env: npmEnv });
  assert.equal(init.status, 0, init.stderr);
  const install = run('npm', ['install', TGZ, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: scratch, env: npmEnv });
  assert.equal(install.status, 0, install.stderr);
  for (const name of ['sample-report.txt', 'sample-report-errors.txt']) copyFileSync(join(ROOT, 'www', name), join(scratch, name));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball holds the package and nothing else; no runtime dependencies', () => {
  const list = run('tar', ['-tzf', TGZ]).stdout.trim().split('\n').sort();
  for (const file of ['package.json', 'README.md', 'node.js', 'index.js', 'core.js', 'glue.js', 'json.js', 'cli.js', 'widget.js', 'nianbao_bg.wasm', 'index.d.ts', 'widget.d.ts']) {
    assert.ok(list.includes(`package/${file}`), file);
  }
  assert.deepEqual(list.filter((f) => /site\.js|sample|tools\/|\.txt$/.test(f)), []);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(pkg.version, VERSION);
  assert.equal(pkg.dependencies, undefined);
  assert.equal(pkg.type, 'module');
});

test("import('nianbao') in Node: validate the sample", () => {
  writeFileSync(
    join(scratch, 'use.mjs'),
    `import { readFileSync } from 'node:fs';
const { validate, validateSync, toSortedJson } = await import('nianbao');
const bytes = readFileSync(process.argv[2]);
const a = await validate(bytes, { filename: process.argv[2] });
const b = validateSync(readFileSync(process.argv[2], 'utf8'), { filename: process.argv[2] });
if (toSortedJson(a) !== toSortedJson(b)) throw new Error('validate and validateSync differ');
console.log(toSortedJson(a));
console.log(import.meta.resolve('nianbao'));
console.log(import.meta.resolve('nianbao/widget'));
console.log(import.meta.resolve('nianbao/package.json'));
`,
  );
  const out = run(process.execPath, ['use.mjs', 'sample-report-errors.txt'], { cwd: scratch });
  assert.equal(out.status, 0, out.stderr);
  const [json, main, widget, pkg] = out.stdout.trim().split('\n');
  assert.equal(json, rustCheck(['--format', 'json', 'sample-report-errors.txt'], join(ROOT, 'www')).stdout.trim());
  assert.match(main, /\/node_modules\/nianbao\/node\.js$/, 'Node takes the "node" export');
  assert.match(widget, /\/node_modules\/nianbao\/widget\.js$/);
  assert.match(pkg, /\/node_modules\/nianbao\/package\.json$/);
});

test('the browser export condition gives the fetch-based entry', () => {
  const out = run(process.execPath, ['--conditions=browser', '--input-type=module', '-e', "console.log(import.meta.resolve('nianbao'))"], { cwd: scratch });
  // "node" is listed first and Node always sets it; bundlers for the web pick "browser".
  assert.match(out.stdout.trim(), /\/node_modules\/nianbao\/(node|index)\.js$/);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'node', 'browser', 'default']);
  assert.equal(pkg.exports['.'].browser, './index.js');
});

test('npx nianbao check prints what the native CLI prints', () => {
  for (const args of [
    ['check', '--format', 'json', 'sample-report-errors.txt'],
    ['check', 'sample-report.txt', 'sample-report-errors.txt'],
    ['rules'],
  ]) {
    const npx = run('npx', ['--no', 'nianbao', ...args], { cwd: scratch, env: npmEnv });
    const native = run(join(ROOT, 'target/release/nianbao'), args, { cwd: join(ROOT, 'www'), env: npmEnv });
    assert.equal(npx.stdout, native.stdout, args.join(' '));
    assert.equal(npx.status, native.status, `${args.join(' ')}: ${npx.stderr}`);
  }
});

test('the installed package serves the widget to a page (strict CSP, same origin only)', async () => {
  writeFileSync(
    join(scratch, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>nianbao</title>
<link rel="icon" href="favicon.svg"><script type="module" src="app.js"></script></head><body><nianbao-validator></nianbao-validator></body></html>`,
  );
  writeFileSync(join(scratch, 'app.js'), "import './node_modules/nianbao/widget.js';\n");
  copyFileSync(join(ROOT, 'www/favicon.svg'), join(scratch, 'favicon.svg'));
  const server = await serve(scratch);
  const browser = await launch();
  try {
    const page = await recordingPage(browser);
    await page.goto(server.url);
    await page.waitForFunction(() => customElements.get('nianbao-validator'));
    const bytes = readFileSync(join(scratch, 'sample-report-errors.txt'));
    const json = await page.evaluate(
      async ({ data }) => {
        const { toSortedJson } = await import('./node_modules/nianbao/index.js');
        const el = document.querySelector('nianbao-validator');
        return toSortedJson(await el.check(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'sample-report-errors.txt')));
      },
      { data: bytes.toString('base64') },
    );
    assert.equal(json, rustCheck(['--format', 'json', 'sample-report-errors.txt'], join(ROOT, 'www')).stdout.trim());
    // Six findings, four items: the suspect cell holds the two equations it breaks.
    assert.equal(await page.locator('nianbao-validator button.finding').count(), 4);
    assert.deepEqual(page.record.violations, []);
    assert.deepEqual(page.record.consoleErrors, []);
    assert.deepEqual(page.record.pageErrors, []);
    assert.deepEqual(page.record.requests.filter((u) => !u.startsWith(server.url)), []);
    assert.ok(page.record.requests.includes(`${server.url}node_modules/nianbao/nianbao_bg.wasm`));
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the tarball carries pdf.js (vendored, no dependency): npx nianbao reads a PDF', () => {
  const list = run('tar', ['-tzf', TGZ]).stdout.trim().split('\n');
  for (const file of ['pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs', 'pdfjs/LICENSE', 'pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'pdfjs/cmaps/Adobe-GB1-UCS2.bcmap', 'widget-worker.js', 'cli-worker.js', 'pdf.js', 'check.js', 'export.js']) {
    assert.ok(list.includes(`package/${file}`), file);
  }
  copyFileSync(join(ROOT, 'tests/fixtures/pdf/report-a.pdf'), join(scratch, 'report-a.pdf'));
  const npx = run('npx', ['--no', 'nianbao', 'check', '--format', 'table', 'report-a.pdf'], { cwd: scratch, env: npmEnv });
  assert.equal(npx.status, 0, npx.stderr);
  assert.match(npx.stdout, /report-a\.pdf +示例县交通运输局 +2023 +2021 版 +0 +0 +50 +48/);
  assert.equal(npx.stderr, '', 'no warnings from pdf.js');
});
