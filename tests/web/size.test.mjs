// The size budgets (README, Performance). The core wasm — what every surface loads to check a
// report — must stay at or under 250 KB gzipped (issue 13). The full module (the same engine
// with the supervisor's desk and the authoring form, loaded only when those are opened) has a
// budget of its own: 270 KB (253 KB at gzip -9 when set, built with LTO).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { NPM, SITE } from './helpers.mjs';

const MODULES = [
  ['nianbao_bg.wasm', 250 * 1024],
  ['nianbao_full_bg.wasm', 270 * 1024],
];

for (const [file, budget] of MODULES) {
  test(`${file} is at most ${budget / 1024} KB gzipped`, (t) => {
    const site = readFileSync(join(SITE, file));
    const npm = readFileSync(join(NPM, file));
    assert.ok(site.equals(npm), 'the site and the npm package ship the same wasm');
    const gz = gzipSync(site, { level: 9 }).length;
    t.diagnostic(`${file}: ${site.length} bytes raw (${(site.length / 1024).toFixed(1)} KB), ${gz} bytes gzipped (${(gz / 1024).toFixed(1)} KB of ${budget / 1024} KB)`);
    assert.ok(gz <= budget, `gzipped ${file} is ${gz} bytes, over the budget of ${budget}`);
  });

  test(`${file} carries no debug sections`, () => {
    const module = new WebAssembly.Module(readFileSync(join(SITE, file)));
    const custom = ['name', '.debug_info', '.debug_line', 'producers'].filter((n) => WebAssembly.Module.customSections(module, n).length);
    assert.deepEqual(custom, []);
  });
}

test('the core module leaves the desk and the form to the full module', () => {
  const exports = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(SITE, file)))).map((e) => e.name);
  const core = exports('nianbao_bg.wasm');
  const full = exports('nianbao_full_bg.wasm');
  assert.ok(core.includes('validate') && core.includes('batchsession_finish'));
  assert.ok(!core.includes('validateCells'), 'the form\'s check is not in the core');
  assert.ok(full.includes('validateCells'), 'the form\'s check is in the full module');
  // The template layouts are in both: the results view draws its tables from them.
  for (const name of ['templateLayout', 'templates']) assert.ok(core.includes(name) && full.includes(name), name);
  // Every export of the core is in the full module too: either answers the core's calls.
  assert.deepEqual(core.filter((name) => !full.includes(name)), []);
});
