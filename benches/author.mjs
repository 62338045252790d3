// Authoring-form benchmark: serves dist/site, opens author.html in headless Chromium, fills the
// 2021 tables with the sample report's figures, then measures keystrokes: from the `input`
// event of a cell to the findings updated (validateCells over all 200 cells, the cells marked,
// the findings list rebuilt when it changed). Alternates a figure that breaks two equations
// and the right one, so every keystroke changes the findings. Prints JSON (median, p95, max).
// Run after scripts/build: `nice node benches/author.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../tests/web/serve.mjs';

const root = new URL('../dist/site/', import.meta.url);
const engine = await import(new URL('../dist/npm/node.js', import.meta.url));
const sample = engine.validateSync(readFileSync(new URL('../www/sample-report.txt', import.meta.url), 'utf8'));
const server = await serve(root.pathname);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}author.html`);
  await page.waitForSelector('nianbao-validator input[data-cell="t3.new.natural"]');
  const measured = await page.evaluate((cells) => {
    const form = document.querySelector('nianbao-validator')._author;
    form.apply(Object.entries(cells).map(([id, v]) => form.change(id, v === null ? '' : String(v))));
    const input = form.inputs.get('t3.granted.natural');
    const right = input.value;
    const times = [];
    for (let i = 0; i < 400; i++) {
      input.value = i % 2 ? right : String(Number(right) + 1);
      const start = performance.now();
      input.dispatchEvent(new Event('input'));
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q) => Number(times[Math.floor(q * (times.length - 1))].toFixed(3));
    return { keystrokes: times.length, cells: Object.keys(cells).length, median_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1) };
  }, sample.cells);
  console.log(JSON.stringify({ author_keystroke: measured }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
