// The size budget: the optimised wasm must stay at or under 290 KB gzipped. It was 250 KB until
// the supervisor's desk (grouping, scores, 审查意见/汇总分析 as Markdown, HTML and DOCX: +42 KB)
// and the authoring form's entry points joined the engine in one module (README, Performance).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { NPM, SITE } from './helpers.mjs';

const BUDGET = 290 * 1024;

test('the optimised wasm is at most 290 KB gzipped', (t) => {
  const site = readFileSync(join(SITE, 'nianbao_bg.wasm'));
  const npm = readFileSync(join(NPM, 'nianbao_bg.wasm'));
  assert.ok(site.equals(npm), 'the site and the npm package ship the same wasm');
  const gz = gzipSync(site, { level: 9 }).length;
  t.diagnostic(`nianbao_bg.wasm: ${site.length} bytes raw (${(site.length / 1024).toFixed(1)} KB), ${gz} bytes gzipped (${(gz / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB)`);
  assert.ok(gz <= BUDGET, `gzipped wasm is ${gz} bytes, over the budget of ${BUDGET}`);
});

test('the wasm carries no debug sections', () => {
  const wasm = readFileSync(join(SITE, 'nianbao_bg.wasm'));
  const module = new WebAssembly.Module(wasm);
  const custom = ['name', '.debug_info', '.debug_line', 'producers'].filter((n) => WebAssembly.Module.customSections(module, n).length);
  assert.deepEqual(custom, []);
});
