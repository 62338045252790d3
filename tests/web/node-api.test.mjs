// The npm package's API in Node (dist/npm, as built): inputs of every kind, the synchronous and
// batch calls, rules and limits, the sorted JSON, and recovery from a trapped instance.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NPM, ROOT, run, RUST_CLI, rustCheck } from './helpers.mjs';

const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
// The test-only trap is not in the package's API; the engine wrapper behind it has it.
const core = await import(pathToFileURL(join(NPM, 'core.js')).href);
const SAMPLE_PATH = join(ROOT, 'www/sample-report.txt');
const ERRORS_PATH = join(ROOT, 'www/sample-report-errors.txt');
const sample = readFileSync(SAMPLE_PATH);
const withErrors = readFileSync(ERRORS_PATH);
const cliJson = (name, cwd = join(ROOT, 'www')) => rustCheck(['--format', 'json', name], cwd).stdout.trim();

test('validateSync works in Node before init (the wasm is read with fs)', () => {
  const result = nb.validateSync(sample, { filename: 'sample-report.txt' });
  assert.equal(nb.toSortedJson(result), cliJson('sample-report.txt'));
  assert.equal(result.summary.errors, 0);
  assert.equal(result.template, '2021');
});

test('validate takes a string, Uint8Array, Buffer, ArrayBuffer, DataView, Blob and File', async () => {
  const expected = cliJson('sample-report-errors.txt');
  const bytes = new Uint8Array(withErrors);
  const inputs = [
    bytes,
    withErrors,
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    new Blob([bytes]),
  ];
  for (const input of inputs) {
    const result = await nb.validate(input, { filename: 'sample-report-errors.txt' });
    assert.equal(nb.toSortedJson(result), expected, input.constructor.name);
  }
  const file = new File([bytes], 'sample-report-errors.txt');
  assert.equal(nb.toSortedJson(await nb.validate(file)), expected, 'File: its name is the filename');
  const fromString = await nb.validate(withErrors.toString('utf8'), { filename: 'sample-report-errors.txt' });
  assert.equal(nb.toSortedJson(fromString), expected, 'string');
});

test('the result is plain JSON data: null, not undefined; maps are objects', () => {
  const result = nb.validateSync('no report here');
  const walk = (value, path) => {
    assert.notEqual(value, undefined, `${path} is undefined`);
    if (value && typeof value === 'object') {
      assert.ok(Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype, `${path} is a plain object`);
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    }
  };
  walk(result, 'result');
  assert.equal(result.report.title, null);
  assert.equal(result.input.name, undefined, 'input.name is left out when no filename is given, as in the CLI');
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
});

test('init resolves to the synchronous API', async () => {
  const api = await nb.init();
  assert.equal(typeof api.validate, 'function');
  assert.equal(api.validate(sample, { filename: 'x.txt' }).summary.errors, 0);
  assert.equal(api.engine(), await nb.engine());
});

test('engine, rules and limits match the native CLI', async () => {
  const version = run(RUST_CLI, ['--version']).stdout.trim();
  assert.equal(await nb.engine(), version);
  assert.equal(await nb.rulesText(), run(RUST_CLI, ['rules']).stdout);
  const rules = await nb.rules();
  assert.ok(rules.length >= 20);
  for (const rule of rules) {
    assert.deepEqual(Object.keys(rule).sort(), ['doc', 'id', 'severity', 'summary']);
    assert.match(rule.severity, /^(error|warning|info)$/);
  }
  const limits = await nb.limits();
  assert.equal(limits.max_input_bytes, 20 * 1024 * 1024);
});

test('every rule id is in the RuleId union of index.d.ts', async () => {
  const dts = readFileSync(join(NPM, 'index.d.ts'), 'utf8');
  const union = dts.slice(dts.indexOf('export type RuleId'), dts.indexOf(';', dts.indexOf('export type RuleId')));
  const ids = [...union.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]);
  for (const rule of await nb.rules()) assert.ok(ids.includes(rule.id), `${rule.id} is missing from RuleId`);
  for (const id of ['cell-unreadable', 'input-unreadable']) assert.ok(ids.includes(id));
});

test('human() prints what the native CLI prints', async () => {
  const name = 'sample-report-errors.txt';
  const cli = rustCheck([name], join(ROOT, 'www'));
  assert.equal(await nb.human(withErrors, { filename: name }), cli.stdout);
  assert.equal(nb.humanSync(withErrors, { filename: name }), cli.stdout);
});

test('validateBatch compares reports of one body across years, as the CLI does', async (t) => {
  const dir = join(ROOT, 'tests/fixtures/narrative');
  let names;
  try {
    names = (await import('node:fs')).readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).sort();
  } catch {
    t.skip('no tests/fixtures/narrative');
    return;
  }
  const cli = rustCheck(['--format', 'json', ...names], dir).stdout.trim().split('\n');
  const batch = await nb.validateBatch(names.map((n) => ({ input: readFileSync(join(dir, n)), filename: n })));
  assert.deepEqual(batch.results.map(nb.toSortedJson), cli);
  assert.ok(Array.isArray(batch.links));
});

test('a trapped instance is replaced; the next call is right', () => {
  assert.equal(nb.__trapForTests, undefined, 'not exported by the package');
  const expected = nb.toSortedJson(nb.validateSync(withErrors, { filename: 'e.txt' }));
  for (const kind of ['panic', 'trap']) {
    const result = core.__trapForTests(kind, { filename: 'bad.docx' });
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0].rule, 'input-unreadable');
    assert.equal(result.summary.errors, 1);
    assert.equal(result.input.kind, 'docx');
    assert.equal(result.input.name, 'bad.docx');
    const normal = nb.validateSync('x');
    assert.deepEqual(Object.keys(result).sort(), Object.keys(normal).sort(), 'same shape as any result');
    assert.deepEqual(Object.keys(result.stats).sort(), Object.keys(normal.stats).sort());
    assert.equal(nb.toSortedJson(nb.validateSync(withErrors, { filename: 'e.txt' })), expected);
  }
  // Without a fresh instance, each trap would leak the shadow stack until the instance broke.
  for (let i = 0; i < 300; i++) core.__trapForTests('panic');
  assert.equal(nb.toSortedJson(nb.validateSync(withErrors, { filename: 'e.txt' })), expected);
});

test('bad arguments throw; oversized input is refused with a finding', async () => {
  assert.throws(() => nb.validateSync(42), TypeError);
  assert.throws(() => nb.validateSync({}), TypeError);
  const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x20);
  const result = await nb.validate(big);
  assert.equal(result.diagnostics[0].rule, 'input-unreadable');
  assert.equal(nb.validateSync(sample).summary.errors, 0, 'still fine afterwards');
});

test('toSortedJson writes numbers as serde_json does', () => {
  // Written by serde_json 1.0.154 (the native CLI's) for the same f64 values.
  const cases = [
    [0.5, '0.5'], [1e-6, '1e-6'], [5e-6, '5e-6'], [0.00005, '0.00005'], [0.000123, '0.000123'],
    [1e-7, '1e-7'], [1.5e-7, '1.5e-7'], [81123.958785, '81123.958785'], [1e15 + 0.5, '1000000000000000.5'],
    [9007199254740992, '9007199254740992.0'], [1e16, '1e+16'], [1.5e17, '1.5e+17'], [1e21, '1e+21'],
    [1.2345e22, '1.2345e+22'], [123456789012345680000, '1.2345678901234568e+20'], [0.1 + 0.2, '0.30000000000000004'],
    [-0.000001, '-1e-6'], [1e-300, '1e-300'], [2.5e-5, '0.000025'], [1e20, '1e+20'], [1.5e16, '1.5e+16'],
    [8, '8'], [-3, '-3'], [0, '0'], [-0, '0'],
  ];
  for (const [value, text] of cases) assert.equal(nb.toSortedJson(value), text, String(value));
  assert.equal(nb.toSortedJson({ b: [1, null, 'a\u0001"'], a: { z: 1, é: 2 }, u: undefined }), '{"a":{"z":1,"é":2},"b":[1,null,"a\\u0001\\""]}');
});

test('CSV exports: BOM, RFC 4180 quoting, formula-like text defused, numbers kept', async () => {
  const { csvField, cellsCsv, findingsCsv, resultsJson } = await import(pathToFileURL(join(NPM, 'export.js')).href);
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('+86'), "'+86");
  assert.equal(csvField('-x'), "'-x");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('=a,"b"'), `"'=a,""b"""`);
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField(0.25), '0.25');
  assert.equal(csvField(null), '');
  const result = nb.validateSync(withErrors, { filename: '=HYPERLINK("x").txt' });
  const csv = cellsCsv([result]);
  assert.ok(csv.startsWith('\uFEFF报告,'));
  assert.ok(csv.includes(`"'=HYPERLINK(""x"").txt"`), 'the name, defused and quoted');
  assert.equal(csv.split('\r\n').length, 3, 'header, one row, final line end');
  const findings = findingsCsv([{ name: 'e.txt', result }]);
  assert.equal(findings.trimEnd().split('\r\n').length, 1 + result.diagnostics.length);
  assert.deepEqual(JSON.parse(resultsJson([result])), JSON.parse(nb.toSortedJson(result)));
});

test('openBatch gives what validateBatchSync gives, one report at a time', async () => {
  const { batch: makeBatch } = await import('./reports.mjs');
  const items = makeBatch(8).map((r) => ({ input: Buffer.from(r.text), filename: r.name }));
  const whole = nb.validateBatchSync(items, { human: true, table: true });
  const batch = nb.openBatch();
  for (const { input, filename } of items) batch.add(input, filename);
  const stepwise = batch.finish({ human: true, table: true });
  assert.equal(nb.toSortedJson(stepwise), nb.toSortedJson(whole));
  assert.equal(whole.links.length, 4);
  const dir = join(ROOT, 'tests/fixtures/narrative');
  const names = readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).sort();
  const table = nb.validateBatchSync(names.map((n) => ({ input: readFileSync(join(dir, n)), filename: n })), { table: true }).table;
  assert.equal(table, run(RUST_CLI, ['check', '--format', 'table', ...names], { cwd: dir }).stdout);
});
