// Browser benchmark: serves dist/site, then in headless Chromium measures the wasm download
// (gzipped size), compile time, the package's init (fetch, compile, instantiate), validate time
// (median of 200 runs) for the seed — the same report as the native benchmark
// (../shared/corpus/xilinhot-2021.txt when present, else the sample) — and for the sample report
// (www/sample-report.txt), and a batch of 1,000 reports (the sample with varied figures).
// Prints JSON.
// Run by scripts/bench after scripts/build.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../tests/web/serve.mjs';

const root = new URL('../dist/site/', import.meta.url);
const wasm = readFileSync(new URL('nianbao_bg.wasm', root));
const seedFile = new URL('../../shared/corpus/xilinhot-2021.txt', import.meta.url);
const seed = existsSync(seedFile) ? readFileSync(seedFile, 'utf8') : null;
const server = await serve(root.pathname);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  // A page without the widget, so the first init() is measured cold.
  await page.goto(`${server.url}sample-report.txt`);
  const measured = await page.evaluate(async (seedText) => {
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const t0 = performance.now();
    const bytes = await (await fetch('./nianbao_bg.wasm', { cache: 'no-store' })).arrayBuffer();
    const t1 = performance.now();
    await WebAssembly.compile(bytes);
    const t2 = performance.now();
    const engine = await import('./index.js');
    await engine.init();
    const t3 = performance.now();
    const sample = await (await fetch('./sample-report.txt')).text();
    const medianTime = (text) => {
      const runs = [];
      for (let i = 0; i < 200; i++) {
        const s = performance.now();
        engine.validateSync(text);
        runs.push(performance.now() - s);
      }
      return median(runs);
    };
    const batch = Array.from({ length: 1000 }, (_, i) => sample.replace('36', String(30 + (i % 9))));
    const b0 = performance.now();
    for (const text of batch) engine.validateSync(text);
    const b1 = performance.now();
    return {
      fetch_ms: t1 - t0,
      compile_ms: t2 - t1,
      init_ms: t3 - t2,
      seed_validate_ms: medianTime(seedText ?? sample),
      sample_validate_ms: medianTime(sample),
      batch_1000_ms: b1 - b0,
    };
  }, seed);
  console.log(JSON.stringify({ wasm_bytes: wasm.length, wasm_gzip_bytes: gzipSync(wasm, { level: 9 }).length, ...measured }));
} finally {
  await browser.close();
  server.close();
}
