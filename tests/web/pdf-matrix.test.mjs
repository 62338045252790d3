// PDFs as bodies print them (tests/fixtures/pdf-matrix, made by scripts/make-docx-pdf-fixtures.py:
// Word documents exported by LibreOffice; narrow and wide columns, half-width, full-width and
// spaced full-width digits, 3-to-8-digit figures, wrapped labels, tables split across pages,
// rows broken by a page, merged labels, tables without borders), read through the npm
// package's PDF path and the engine. A number read different from the one the PDF was made
// from fails the test, on every fixture; so does any error finding (the reports are correct).
// A cell left unread fails too, except in a row the fixture lists as broken by a page
// (`unrecoverable`) and in a table drawn without borders, where a figure wrapped in its cell
// cannot be told from two rows' figures: those are left unread by design. The share of cells
// read is printed, for the tables with borders (target ≥ 99.5%) and without.
// The table rebuilding itself (npm/pdf-table.js) is also checked on hand-made geometry: a
// figure wrapped in its cell is joined, a fragment that crosses a border makes its cell U+FFFD.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NPM, ROOT } from './helpers.mjs';

const DIR = join(ROOT, 'tests/fixtures/pdf-matrix');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const nb = await import(pathToFileURL(join(NPM, 'node.js')).href);
const { pageLines } = await import(pathToFileURL(join(NPM, 'pdf.js')).href);
const { joinPageBreaks, pageRules, UNREADABLE } = await import(pathToFileURL(join(NPM, 'pdf-table.js')).href);

/** Cells read wrong (a number other than the one made), and cells not read. */
function compare(result, expected) {
  const wrong = [];
  const unread = [];
  for (const [id, value] of Object.entries(expected.cells)) {
    const read = result.cells[id];
    if (read === null || read === undefined) unread.push(id);
    else if (read !== value) wrong.push(`${id}: read ${read}, made ${value}`);
  }
  return { wrong, unread };
}

const totals = { bordered: { cells: 0, read: 0 }, borderless: { cells: 0, read: 0 }, wrong: 0 };

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`${name}: every figure read exact, no error on a correct report`, async () => {
    const result = await nb.validate(readFileSync(join(DIR, name)), { filename: name });
    assert.equal(result.template, expected.template, name);
    assert.equal(result.report.title, expected.title);
    assert.equal(result.report.year, expected.year);
    const { wrong, unread } = compare(result, expected);
    const count = totals[expected.layout.borders ? 'bordered' : 'borderless'];
    count.cells += Object.keys(expected.cells).length;
    count.read += Object.keys(expected.cells).length - unread.length;
    totals.wrong += wrong.length;
    assert.deepEqual(wrong, [], `${name}: never a wrong number`);
    if (expected.layout.borders) {
      assert.deepEqual(unread.filter((id) => !expected.unrecoverable.includes(id)), [], `${name}: every recoverable cell read`);
    }
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => `${d.rule}: ${d.message}`), [], `${name}: no error finding`);
    const unreadable = new Set(result.diagnostics.filter((d) => d.rule === 'cell-unreadable').flatMap((d) => d.cells));
    assert.deepEqual(unread.filter((id) => !unreadable.has(id)), [], `${name}: every cell left unread has a warning naming it`);
  });
}

test('the matrix as a whole: share of cells read', (t) => {
  const share = ({ cells, read }) => (cells ? read / cells : 1);
  for (const [kind, count] of Object.entries({ 'with borders': totals.bordered, 'without borders': totals.borderless })) {
    const line = `pdf-matrix, tables ${kind}: ${count.read}/${count.cells} cells read (${(100 * share(count)).toFixed(2)}%)`;
    t.diagnostic(line);
    console.log(line);
  }
  console.log(`pdf-matrix: ${totals.wrong} cells read wrong`);
  assert.equal(totals.wrong, 0);
  assert.ok(share(totals.bordered) >= 0.995, `share of cells read with borders: ${share(totals.bordered)}`);
});

// --- geometry by hand ------------------------------------------------------------------------

/** A pdf.js text item at (x, y) of font size `size`, `w` wide. */
const item = (str, x, y, w, size = 10) => ({ str, transform: [size, 0, 0, size, x, y], width: w, height: size });

/** Rules of a grid: vertical borders at `xs`, horizontal at `ys` (each across the whole table). */
function grid(xs, ys) {
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  return { h: ys.map((y) => ({ y, x0, x1 })), v: xs.map((x) => ({ x, y0, y1 })) };
}

test('a figure wrapped inside its cell, and a label over many lines, are joined', () => {
  // Label column 100–140, two figure columns 140–165 and 165–190; one row from y 700 down to 650.
  const rules = grid([100, 140, 165, 190], [700, 650]);
  const items = [
    item('1.属于', 102, 688, 30), item('国家秘', 102, 676, 30), item('密', 102, 664, 10),
    item('83', 142, 688, 11), item('9', 142, 676, 6),
    item('８', 167, 688, 10), item('３', 167, 676, 10), item('９', 167, 664, 10),
  ];
  assert.deepEqual(pageLines(items, rules).map((l) => l.text), ['1.属于国家秘密\t839\t８３９']);
  // Without the borders nothing says whether `9` ends `83` or starts the next row's figure:
  // both are unreadable, never `83`.
  assert.deepEqual(pageLines(items).map((l) => l.text), [`1.属于\t${UNREADABLE}\t${UNREADABLE}`, `国家秘\t${UNREADABLE}\t${UNREADABLE}`, `密\t${UNREADABLE}`]);
});

test('without borders, a figure that fitted its column and a numbered row below are read as printed', () => {
  // Columns 40 apart: `4` and `16` could not have been one figure wrapped; `3.` opens a row.
  const items = [
    item('规章', 100, 688, 20), item('4', 180, 688, 6), item('0', 220, 688, 6),
    item('行政规范性文件', 100, 676, 70), item('16', 180, 676, 11), item('13', 220, 676, 11),
    item('3.其他', 100, 664, 30), item('1234', 180, 664, 24), item('5', 220, 664, 6),
    item('4.重复', 100, 652, 30), item('5678', 180, 652, 24), item('7', 220, 652, 6),
  ];
  assert.deepEqual(pageLines(items).map((l) => l.text), ['规章\t4\t0', '行政规范性文件\t16\t13', '3.其他\t1234\t5', '4.重复\t5678\t7']);
});

test('a row broken by a page: its rest on the next page completes the figures cut at the foot', () => {
  const columns = [100, 140, 165, 190];
  // The foot of page 1: the row's figures fill their cells to the bottom border (y 650).
  const foot = pageLines([item('1.属于国家秘密', 102, 688, 36), item('18', 142, 676, 11), item('3', 167, 676, 6)], grid(columns, [700, 672]));
  // The head of page 2: no row label, the rest of the digits.
  const head = pageLines([item('308', 142, 788, 17), item('4', 167, 788, 6)], grid(columns, [800, 780]));
  const pages = [foot, head];
  joinPageBreaks(pages);
  assert.deepEqual(pages.map((lines) => lines.map((l) => l.text)), [['1.属于国家秘密\t18308\t34'], []]);
});

test('a row broken by a page whose rest has a label of its own: the figures on both sides are unreadable', () => {
  const columns = [100, 140, 165, 190];
  const foot = pageLines([item('3.补正后申请', 102, 676, 36), item('15', 142, 676, 11), item('9', 167, 676, 6)], grid(columns, [688, 672]));
  const head = pageLines([item('内容仍不明确', 102, 788, 36), item('49', 142, 788, 11)], grid(columns, [800, 784]));
  const pages = [foot, head];
  joinPageBreaks(pages);
  assert.deepEqual(pages.map((lines) => lines.map((l) => l.text)), [[`3.补正后申请\t${UNREADABLE}\t9`], [`内容仍不明确\t${UNREADABLE}\t${UNREADABLE}`]]);
});

test('a double border makes no cell of its own', () => {
  const rules = grid([100, 140, 142.5, 165, 190], [700, 680, 677]);
  const items = [item('规章', 102, 688, 20), item('12', 146, 688, 11), item('3', 170, 688, 6)];
  assert.deepEqual(pageLines(items, rules).map((l) => l.text), ['规章\t12\t3']);
});

test('digits written with spaces inside one cell are one figure', () => {
  const rules = grid([100, 140, 190], [700, 680]);
  const items = [item('规章', 102, 688, 20), item('８ ３ ９', 142, 688, 40)];
  assert.deepEqual(pageLines(items, rules).map((l) => l.text), ['规章\t８３９']);
});

test('a fragment that crosses a cell border makes the figures it touches unreadable, never shorter', () => {
  const rules = grid([100, 140, 165, 190], [700, 680]);
  // `1091` printed across the border between the two figure columns: whose digits are whose?
  const items = [item('行政许可', 102, 688, 36), item('10911', 150, 688, 28), item('5', 180, 688, 6)];
  assert.deepEqual(pageLines(items, rules).map((l) => l.text), [`行政许可\t${UNREADABLE}\t${UNREADABLE}`]);
});

test('merged cells: a label spanning rows is given once, on its first row', () => {
  // Column 100–130 holds one label over two rows; 130–170 labels per row; 170–190 figures.
  const rules = {
    h: [{ y: 700, x0: 100, x1: 190 }, { y: 680, x0: 130, x1: 190 }, { y: 660, x0: 100, x1: 190 }],
    v: [100, 130, 170, 190].map((x) => ({ x, y0: 660, y1: 700 })),
  };
  const items = [
    item('（三）不予公开', 102, 676, 26), item('1.属于国家秘密', 132, 688, 36), item('4', 172, 688, 6),
    item('2.其他', 132, 668, 36), item('0', 172, 668, 6),
  ];
  assert.deepEqual(pageLines(items, rules).map((l) => l.text), ['（三）不予公开\t1.属于国家秘密\t4', '2.其他\t0']);
});

test('rules from the operator list: stroked lines and thin filled rectangles, through the current transform', () => {
  // pdf.js's operator codes as they are passed in; path data: moveTo 0, lineTo 1, curveTo 2, closePath 3.
  const OPS = { save: 10, restore: 11, transform: 12, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, endPath: 28, constructPath: 91 };
  const path = (paint, ...data) => [OPS.constructPath, [paint, [Float32Array.from(data)], null]];
  const ops = [
    [OPS.save, null],
    [OPS.transform, [1, 0, 0, 1, 10, 20]],
    path(OPS.fill, 0, 0, 0, 1, 100, 0, 1, 100, 0.5, 1, 0, 0.5, 3), // Word: a border as a thin filled rectangle
    path(OPS.stroke, 0, 0, 0, 1, 0, 50), // a stroked vertical line
    path(OPS.fill, 0, 0, 0, 1, 50, 0, 1, 50, 50, 1, 0, 50, 3), // shading: no rule
    path(OPS.stroke, 0, 0, 0, 2, 10, 10, 20, 10, 30, 0), // a curve: no rule
    path(OPS.endPath, 0, 0, 0, 1, 100, 0), // a clip path: nothing drawn
    [OPS.restore, null],
    path(OPS.stroke, 0, 5, 5, 1, 5, 60), // back in page space
  ];
  const rules = pageRules({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) }, OPS);
  assert.deepEqual(rules.h, [{ y: 20.25, x0: 10, x1: 110 }]);
  assert.deepEqual(rules.v, [{ x: 10, y0: 20, y1: 70 }, { x: 5, y0: 5, y1: 60 }]);
});
