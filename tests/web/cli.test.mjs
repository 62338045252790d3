// The npm package's CLI (dist/npm/cli.js) against the native one: same output, byte for byte,
// and the same exit status, for files, directories, standard input and errors.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NODE_CLI, NPM, ROOT, run, RUST_CLI } from './helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

copyFileSync(join(ROOT, 'www/sample-report.txt'), join(scratch, 'clean.txt'));
copyFileSync(join(ROOT, 'www/sample-report-errors.txt'), join(scratch, 'errors.txt'));
writeFileSync(join(scratch, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7, 8, 0, 0]));
mkdirSync(join(scratch, 'dir'));
copyFileSync(join(ROOT, 'www/sample-report.txt'), join(scratch, 'dir/b-clean.TXT'));
copyFileSync(join(ROOT, 'www/sample-report-errors.txt'), join(scratch, 'dir/a-errors.md'));
writeFileSync(join(scratch, 'dir/notes.csv'), 'not a report');

function both(args, options = {}) {
  const env = { ...process.env, NO_COLOR: '1' };
  const rust = run(RUST_CLI, args, { cwd: scratch, env, ...options });
  const node = run(process.execPath, [NODE_CLI, ...args], { cwd: scratch, env, ...options });
  return { rust, node };
}

const cases = [
  ['one clean file', ['check', 'clean.txt'], 0],
  ['one file with errors', ['check', 'errors.txt'], 1],
  ['json, two files (checked together)', ['check', '--format', 'json', 'clean.txt', 'errors.txt'], 1],
  ['human, two files', ['check', 'errors.txt', 'clean.txt'], 1],
  ['a directory (reports only, sorted)', ['check', 'dir'], 1],
  ['a directory with a trailing slash, json', ['check', '-f', 'json', 'dir/'], 1],
  ['an unreadable input', ['check', 'binary.txt'], 2],
  ['an unreadable input among others', ['check', '--json', 'binary.txt', 'clean.txt'], 2],
  ['table, two files', ['check', '--format', 'table', 'clean.txt', 'errors.txt'], 1],
  ['table, a directory', ['check', '-f', 'table', 'dir'], 1],
  ['table, one file', ['check', '--format', 'table', 'clean.txt'], 0],
  ['table, an unreadable input among others', ['check', '--format', 'table', 'binary.txt', 'clean.txt'], 2],
  ['rules', ['rules'], 0],
  ['--version', ['--version'], 0],
  ['--help', ['check', '--help'], 0],
];

for (const [name, args, status] of cases) {
  test(`same output and status: ${name}`, () => {
    const { rust, node } = both(args);
    assert.equal(rust.status, status, `native status (stderr: ${rust.stderr})`);
    assert.equal(node.status, rust.status, `npm CLI status (stderr: ${node.stderr})`);
    assert.equal(node.stdout, rust.stdout);
  });
}

test('a missing file: exit 2, a message on stderr, the other files still checked', () => {
  const { rust, node } = both(['check', 'missing.txt', 'clean.txt']);
  assert.equal(rust.status, 2);
  assert.equal(node.status, 2);
  assert.equal(node.stdout, rust.stdout);
  assert.match(node.stderr, /^missing\.txt: 无法打开文件：/);
});

test('standard input: -', () => {
  const input = readFileSync(join(ROOT, 'www/sample-report-errors.txt'));
  const { rust, node } = both(['check', '--format', 'json', '-'], { input });
  assert.equal(rust.status, 1);
  assert.equal(node.status, 1);
  assert.equal(node.stdout, rust.stdout);
  assert.equal(JSON.parse(node.stdout).input.name, '-');
});

test('usage errors: exit 2', () => {
  for (const args of [[], ['check'], ['check', '--format', 'xml', 'clean.txt'], ['frobnicate']]) {
    const { rust, node } = both(args);
    assert.equal(rust.status, 2, args.join(' '));
    assert.equal(node.status, 2, args.join(' '));
    assert.equal(node.stdout, rust.stdout);
  }
});

test('the package declares the CLI as its bin, executable with a node shebang', () => {
  const pkg = JSON.parse(readFileSync(join(NPM, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.bin, { nianbao: 'cli.js' });
  assert.ok(readFileSync(NODE_CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
  assert.ok(statSync(NODE_CLI).mode & 0o111, 'cli.js is executable');
});

const FIXTURES = join(ROOT, 'tests/fixtures');

for (const folder of ['generated', 'narrative', 'docx']) {
  test(`--format table: the same table from both CLIs for tests/fixtures/${folder}`, () => {
    const env = { ...process.env, NO_COLOR: '1' };
    const rust = run(RUST_CLI, ['check', '--format', 'table', folder], { cwd: FIXTURES, env });
    const node = run(process.execPath, [NODE_CLI, 'check', '--format', 'table', folder], { cwd: FIXTURES, env });
    assert.ok(rust.stdout.length > 100, rust.stderr);
    assert.equal(node.stdout, rust.stdout);
    assert.equal(node.status, rust.status);
    const lines = rust.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^报告 +机关 +年度 +模板 +错误 +警告 +新收 +办结 +公开率 +复议纠错率 +诉讼纠错率$/);
    assert.match(lines[1], /^─+$/);
    assert.match(lines.at(-1), /^共 \d+ 份报告，\d+ 份有错误；共 \d+ 个错误，\d+ 个警告$/);
  });
}

test('the usage text and the report extensions come from the engine, not from cli.js', async () => {
  const source = readFileSync(NODE_CLI, 'utf8');
  assert.doesNotMatch(source, /用法 \/ usage/);
  assert.doesNotMatch(source, /'docx'|"docx"/);
  const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
  assert.equal(`${nb.usageSync()}\n`, run(RUST_CLI, ['check', '--help']).stdout);
  assert.deepEqual(nb.reportExtensionsSync(), ['txt', 'md', 'htm', 'html', 'shtml', 'xhtml', 'docx', 'pdf']);
});

test('npm CLI --format csv: one row per report, every cell a column; the native CLI points to it', () => {
  const env = { ...process.env, NO_COLOR: '1' };
  const node = run(process.execPath, [NODE_CLI, 'check', '--format', 'csv', 'clean.txt', 'errors.txt'], { cwd: scratch, env });
  assert.equal(node.status, 1, node.stderr);
  assert.ok(node.stdout.startsWith('\uFEFF报告,机关,标题,年度,模板,发布日期,错误,警告,提示,'));
  const lines = node.stdout.trimEnd().split('\r\n');
  assert.equal(lines.length, 3);
  assert.ok(lines[0].split(',').includes('t3.new.total'));
  const rust = run(RUST_CLI, ['check', '--format', 'csv', 'clean.txt'], { cwd: scratch, env });
  assert.equal(rust.status, 2);
  assert.match(rust.stderr, /npx nianbao check --format csv/);
});
