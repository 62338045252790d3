// One result everywhere: for every fixture (tests/fixtures, the shared corpus read in place, the
// demo samples), the native CLI's JSON, the npm package in Node and the widget in headless
// Chromium (`el.check(file)`) give the same bytes once serialised with sorted keys. Reports of
// a folder checked together (the CLI with several files, `validateBatch`, the widget with
// several files) agree too.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from './serve.mjs';
import { launch, NPM, openWidgetPage, recordingPage, reportFiles, ROOT, rustCheck, SITE, waitForDone, widgetCheck } from './helpers.mjs';

const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
const files = reportFiles();

let server;
let browser;
let page;
openWidgetPage((opened) => ({ server, browser, page } = opened));

test(`fixtures found (${files.length})`, (t) => {
  t.diagnostic(files.map((f) => relative(ROOT, f)).join(', '));
  assert.ok(files.length >= 2);
});

for (const file of files) {
  test(`same result from CLI, Node and the widget: ${relative(ROOT, file)}`, async () => {
    const name = basename(file);
    const bytes = readFileSync(file);
    const cli = rustCheck(['--format', 'json', name], dirname(file));
    assert.ok(cli.status === 0 || cli.status === 1 || cli.status === 2, cli.stderr);
    const expected = cli.stdout.trim();
    assert.equal(expected.split('\n').length, 1);
    const node = nb.toSortedJson(nb.validateSync(bytes, { filename: name }));
    assert.equal(node, expected, 'npm package in Node');
    const widget = await widgetCheck(page, bytes, name);
    assert.equal(widget, expected, 'widget in Chromium');
    assert.deepEqual(JSON.parse(widget), JSON.parse(expected));
  });
}

// Folders with several reports: checked together in each surface.
const folders = [...new Set(files.map((f) => dirname(f)))]
  .map((dir) => ({ dir, names: files.filter((f) => dirname(f) === dir).map((f) => basename(f)) }))
  .filter(({ names }) => names.length > 1);

for (const { dir, names } of folders) {
  test(`same results for reports checked together: ${relative(ROOT, dir) || dir}`, async () => {
    const expected = rustCheck(['--format', 'json', ...names], dir).stdout.trim().split('\n');
    assert.equal(expected.length, names.length);
    const inputs = names.map((name) => ({ input: readFileSync(join(dir, name)), filename: name }));
    const batch = nb.validateBatchSync(inputs);
    assert.deepEqual(batch.results.map(nb.toSortedJson), expected, 'validateBatch in Node');
    const widget = await page.evaluate(
      async (list) => {
        const el = document.querySelector('nianbao-validator');
        const { toSortedJson } = await import(new URL('./json.js', document.baseURI).href);
        const files = list.map(({ name, data }) => new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
        return (await el.checkFiles(files)).map(toSortedJson);
      },
      inputs.map(({ input, filename }) => ({ name: filename, data: input.toString('base64') })),
    );
    assert.deepEqual(widget, expected, 'widget with several files');
  });
}

test('no page errors, CSP violations or foreign requests during parity', () => {
  assert.deepEqual(page.record.pageErrors, []);
  assert.deepEqual(page.record.violations, []);
  assert.deepEqual(page.record.consoleErrors, []);
  const foreign = page.record.requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(foreign, []);
});
