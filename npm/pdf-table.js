// Tables of a PDF page rebuilt from geometry. Word, WPS and LibreOffice print a table's cells
// with their borders; a narrow cell wraps its text, so a figure `839` prints as `83` over `9`
// and a label `1.属于国家秘密` over four lines. Read line by line, those fragments become wrong
// figures. Here the borders (the page's stroked lines and thin filled rectangles) give the
// cell boxes; every text fragment is put into the box it lies in, the fragments of one box are
// joined (the digits of one figure, the characters of one label), and each table row becomes
// one tab-separated line — the shape the engine's text reader takes as a grid row. A box whose
// text cannot be told with certainty (a fragment that crosses its border) holds U+FFFD, which
// the engine reads as "present but unreadable": never a shorter number.

/** The engine's mark for a cell that is present but cannot be read with certainty. */
export const UNREADABLE = '\uFFFD';

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;
/** A figure's characters: digits and separators in either width, signs, spaces. */
const FIGURE = /^[\s0-9０-９.,，．、+\-－—%％]+$/;
const DIGIT = /[0-9０-９]/;

/** A rule this thin or thinner (points) is a border; a wider fill is shading, not a line. */
const RULE_WIDTH = 3;
/** Positions this close (points) are the same border. */
const SNAP = 2;

const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * The horizontal and vertical rules a page draws, in page space, from pdf.js's operator list
 * (`OPS` is pdf.js's table of operator codes): `{ h: [{ y, x0, x1 }], v: [{ x, y0, y1 }] }`.
 * Stroked straight segments count, and filled rectangles thinner than a few points (how Word's
 * own PDF export draws borders). Paths are in user space: the current transform is followed.
 */
export function pageRules(operators, OPS) {
  const h = [];
  const v = [];
  const add = (x0, y0, x1, y1) => {
    if (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) > SNAP) h.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 1 && Math.abs(y1 - y0) > SNAP) v.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  };
  const stack = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() || ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args);
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = args;
      if (!data || !(strokes.has(paint) || fills.has(paint))) continue;
      for (const sub of subpaths(data)) {
        const points = sub.points.map(([x, y]) => apply(ctm, x, y));
        if (strokes.has(paint)) {
          if (sub.curved) continue;
          if (sub.closed && points.length > 1) points.push(points[0]);
          for (let k = 1; k < points.length; k++) add(...points[k - 1], ...points[k]);
        } else if (!sub.curved) {
          // A thin filled rectangle is a rule along its long side.
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= RULE_WIDTH && x1 - x0 > RULE_WIDTH) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 <= RULE_WIDTH && y1 - y0 > RULE_WIDTH) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
      }
    }
  }
  return { h, v };
}

/** pdf.js path data (moveTo 0, lineTo 1, curveTo 2, closePath 3) split into subpaths. */
function subpaths(data) {
  const out = [];
  let current = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      current = { points: [[data[i++], data[i++]]], closed: false, curved: false };
      out.push(current);
    } else if (op === 1 && current) {
      current.points.push([data[i++], data[i++]]);
    } else if (op === 2) {
      i += 6;
      if (current) current.curved = true;
    } else if (op === 3) {
      if (current) current.closed = true;
    } else {
      break; // an operator this reader does not know: keep what was read
    }
  }
  return out;
}

/** Sorted positions, those within SNAP of each other made one (their mean). */
function clusters(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const out = [];
  let group = [];
  for (const value of sorted) {
    if (group.length && value - group[group.length - 1] > SNAP) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(value);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** A band narrower than this (points) holds no text: its two borders are one double line. */
const DOUBLE_LINE = 4;

/** Sorted positions without those that follow the one kept before them closer than a double line. */
function apart(positions) {
  const kept = [];
  for (const p of positions) if (!kept.length || p - kept[kept.length - 1] >= DOUBLE_LINE) kept.push(p);
  return kept;
}

/** Groups of rules that touch one another: each group with at least two rules each way is a table. */
function ruleGroups(rules) {
  const { h, v } = rules;
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  h.forEach((a, i) => {
    v.forEach((b, j) => {
      if (b.x >= a.x0 - SNAP && b.x <= a.x1 + SNAP && a.y >= b.y0 - SNAP && a.y <= b.y1 + SNAP) parent[find(i)] = find(h.length + j);
    });
  });
  const groups = new Map();
  const add = (rule, i, kind) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    groups.get(root)[kind].push(rule);
  };
  h.forEach((rule, i) => add(rule, i, 'h'));
  v.forEach((rule, j) => add(rule, h.length + j, 'v'));
  return [...groups.values()].filter((g) => {
    const [cols, rows] = [clusters(g.v.map((r) => r.x)).length - 1, clusters(g.h.map((r) => r.y)).length - 1];
    return cols >= 1 && rows >= 1 && cols * rows <= MAX_SLOTS;
  });
}

/** Whether rules cover most of the stretch [from, to] along one line. */
function covered(segments, from, to) {
  const length = to - from;
  let sum = 0;
  for (const [a, b] of segments) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return sum >= 0.6 * length;
}

/**
 * The cells of one table from its rules: the grid of every border position, with the slots
 * that no border separates joined into one cell (merged cells: a label spanning rows, a
 * header spanning columns). `{ xs, ys, cells: [{ top, bottom, left, right, x0, x1, y0, y1 }] }`,
 * rows counted from the top.
 */
function tableGrid(group) {
  const xs = apart(clusters(group.v.map((r) => r.x)));
  const ys = apart(clusters(group.h.map((r) => r.y))).reverse(); // top of the page first
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const vAt = (x) => group.v.filter((r) => Math.abs(r.x - x) <= SNAP).map((r) => [r.y0, r.y1]);
  const hAt = (y) => group.h.filter((r) => Math.abs(r.y - y) <= SNAP).map((r) => [r.x0, r.x1]);
  const vRules = xs.map(vAt);
  const hRules = ys.map(hAt);
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(vRules[c + 1], ys[r + 1], ys[r])) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !covered(hRules[r + 1], xs[c], xs[c + 1])) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const boxes = new Map();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const box = boxes.get(root);
      if (box) {
        box.bottom = Math.max(box.bottom, r);
        box.left = Math.min(box.left, c);
        box.right = Math.max(box.right, c);
      } else boxes.set(root, { top: r, bottom: r, left: c, right: c });
    }
  }
  const cellOf = new Map([...boxes].map(([root, b]) => [root, { ...b, x0: xs[b.left], x1: xs[b.right + 1], y0: ys[b.bottom + 1], y1: ys[b.top], items: [], crossed: false }]));
  const slot = (r, c) => (r < 0 || c < 0 ? undefined : cellOf.get(find(r * cols + c)));
  return { xs, ys, cells: [...cellOf.values()], slot };
}

/** Index of the band of `edges` (ascending, or descending with `down`) that holds `value`, or -1. */
function band(edges, value, down = false) {
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = down ? [edges[i + 1], edges[i]] : [edges[i], edges[i + 1]];
    if (value >= a && value < b) return i;
  }
  return -1;
}

/**
 * Text of a run of positioned fragments that read left to right: a wide gap between Latin
 * letters or digits is a space, CJK text is joined as it is.
 */
export function joinFragments(boxes) {
  let text = '';
  let prev = null;
  for (const box of boxes) {
    if (prev && box.x - (prev.x + prev.w) > 0.15 * Math.min(prev.h, box.h) && !(CJK.test(text.slice(-1)) || CJK.test(box.text[0]))) text += ' ';
    text += box.text;
    prev = box;
  }
  return text;
}

/** Fragments grouped into lines by baseline (top first), each line left to right. */
export function baselines(boxes) {
  const sorted = [...boxes].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines = [];
  for (const box of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - box.y) <= 0.45 * Math.min(line.h, box.h)) {
      line.items.push(box);
      line.h = Math.max(line.h, box.h);
    } else {
      lines.push({ y: box.y, h: box.h, items: [box] });
    }
  }
  for (const line of lines) line.items.sort((p, q) => p.x - q.x);
  return lines;
}

/**
 * The text of one cell: its lines joined. A figure wrapped over lines (`83` over `9`, or
 * `８ ３ ９` written with spaces) is joined without spaces; label lines are joined as written
 * (no space between CJK characters). A cell one of whose fragments crosses its border is
 * unreadable when it holds a figure (a digit may belong to the neighbour).
 * `full`: no room is left under its last line for another (a page break may have cut it).
 */
function readCell(cell) {
  const lines = baselines(cell.items);
  let text = '';
  for (const line of lines.map((l) => joinFragments(l.items))) {
    if (text && !CJK.test(text.slice(-1)) && !CJK.test(line[0]) && !(DIGIT.test(text.slice(-1)) && DIGIT.test(line[0]))) text += ' ';
    text += line;
  }
  const figure = FIGURE.test(text) && DIGIT.test(text);
  if (figure) text = cell.crossed ? UNREADABLE : text.replace(/\s+/g, '');
  else text = text.replace(/\s+/g, ' ').trim();
  const last = lines[lines.length - 1];
  const pitch = lines.length > 1 ? (lines[0].y - last.y) / (lines.length - 1) : last ? 1.35 * last.h : 0;
  return { text, figure, full: !!last && last.y - cell.y0 < pitch, x0: cell.x0, x1: cell.x1 };
}

/**
 * More rules than this on a page is a drawing (a hatch, a chart), not a table: the page is read
 * as lines, and matching rules pairwise stays bounded in time.
 */
const MAX_RULES = 2000;
/** A grid of more slots than this is no report's table (table 三 has 28 rows of 10). */
const MAX_SLOTS = 10000;

/**
 * Splits a page's text fragments between the tables its rules draw and the rest. Returns
 * `{ rows, rest }`: `rows` are the tables' rows as lines (`{ text, y, h, cells, grid }`, the
 * cells' texts joined by TAB, a merged cell given once, in the first row it spans; `cells` as
 * `readCell` gives them), `rest` the fragments outside every table.
 */
export function tableRows(boxes, rules) {
  const grids = rules.h.length + rules.v.length > MAX_RULES ? [] : ruleGroups(rules).map(tableGrid);
  const rest = [];
  for (const box of boxes) {
    const cx = box.x + box.w / 2;
    const cy = box.y + 0.35 * box.h; // baseline to the middle of a CJK glyph
    const grid = grids.find((g) => cx > g.xs[0] && cx < g.xs[g.xs.length - 1] && cy < g.ys[0] && cy > g.ys[g.ys.length - 1]);
    if (!grid) {
      rest.push(box);
      continue;
    }
    const cell = grid.slot(band(grid.ys, cy, true), band(grid.xs, cx));
    if (!cell) {
      rest.push(box);
      continue;
    }
    cell.items.push(box);
    // A fragment reaching well past its cell's side border may hold a neighbour's characters.
    const slack = 0.3 * box.h;
    if (box.x < cell.x0 - slack || box.x + box.w > cell.x1 + slack) {
      cell.crossed = true;
      for (const other of grid.cells) {
        if (other !== cell && other.y0 < cy && other.y1 > cy && other.x0 < box.x + box.w && other.x1 > box.x) other.crossed = true;
      }
    }
  }
  const rows = [];
  for (const grid of grids) {
    const byTop = grid.ys.map(() => []);
    for (const cell of grid.cells) byTop[cell.top].push(cell);
    for (let r = 0; r + 1 < grid.ys.length; r++) {
      const starting = byTop[r].sort((a, b) => a.left - b.left);
      const cells = starting.map(readCell);
      if (!cells.some((c) => c.text)) continue;
      const sizes = starting.flatMap((cell) => cell.items.map((item) => item.h));
      rows.push({ text: cells.map((c) => c.text).join('\t'), y: grid.ys[r], h: sizes.length ? Math.max(...sizes) : 10, cells, grid });
    }
  }
  return { rows, rest };
}

/** Lines at the top and at the bottom of a page that may be running headers or footers. */
const EDGE = 2;
/** An item number that opens a row label: 一、 （一） 1. 2、 ３． */
const ITEM_NUMBER = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[0-9０-９]+\s*[.．、])/;

/**
 * A table row may break across pages (Word's default): the figure `18308` then prints as `183`
 * at the foot of one page and `08` at the head of the next, in a row of its own. Where a table
 * ends one page and a table with the same columns starts the next, the first row there is read
 * against the last row before the break:
 * - it has no row label of its own (the label column is empty): it is the rest of that row, and
 *   its figures are joined to the figures above when those filled their cells to the bottom
 *   (cut by the page), else both are unreadable;
 * - it has a row label starting with an item number, or the label above had room left: it is a
 *   new row;
 * - otherwise (both rows' labels and the figures above fill their cells): it may be either, so
 *   the figures on both sides of the break in each column that has some are unreadable.
 * `pages` are the pages' lines (from `pageLines`), changed in place.
 */
export function joinPageBreaks(pages) {
  const seen = new Set(); // table rows without figures already read: a header repeated after a break
  for (let n = 0; n + 1 < pages.length; n++) {
    for (const line of pages[n]) if (line.cells && !line.cells.some((c) => c.figure)) seen.add(line.text);
    const above = lastTableRow(pages[n]);
    const below = firstTableRow(pages[n + 1], seen);
    if (!below) continue;
    if (!above || !below || !below.cells.some((c) => c.figure)) continue;
    const at = (row, cell) => row.cells.find((c) => Math.abs(c.x0 - cell.x0) <= 2 * SNAP && Math.abs(c.x1 - cell.x1) <= 2 * SNAP);
    const firstFigure = above.cells.findIndex((c) => c.figure);
    if (firstFigure < 0) continue;
    const pairs = below.cells.filter((c) => c.figure).map((c) => [at(above, c), c]);
    if (pairs.some(([up]) => !up)) continue; // not the same columns: another table
    const labelAbove = firstFigure > 0 ? above.cells[firstFigure - 1] : null;
    const labelBelow = labelAbove && at(below, labelAbove);
    if (!labelAbove || !labelBelow) continue; // rows without a label column are not judged
    const rest = !labelBelow.text;
    if (!rest && (ITEM_NUMBER.test(labelBelow.text) || !labelAbove.full || pairs.some(([up]) => up.text && !up.full))) continue;
    if (rest) {
      // The rest of the row above: its digits end the figures there, when those were cut.
      for (const [up, down] of pairs) {
        up.text = up.full && up.text !== UNREADABLE && down.text !== UNREADABLE ? up.text + down.text : UNREADABLE;
        down.text = '';
      }
      below.text = below.cells.filter((c) => c.text).map((c) => c.text).join('\t');
      if (!below.text) pages[n + 1].splice(pages[n + 1].indexOf(below), 1);
    } else {
      // Either the rest of the row above or a row of its own: no figure on either side of the
      // break in these columns can be told, and an empty cell below is no blank either.
      for (const [up] of pairs) up.text = UNREADABLE;
      for (const cell of above.cells.slice(firstFigure)) {
        const down = at(below, cell);
        if (down) down.text = UNREADABLE;
      }
      below.text = below.cells.map((c) => c.text).join('\t');
    }
    above.text = above.cells.map((c) => c.text).join('\t');
  }
}

function lastTableRow(lines) {
  const last = lines.findLastIndex((line) => line.cells);
  return last >= 0 && lines.length - 1 - last <= EDGE && lines[last].cells.some((c) => c.figure) ? lines[last] : null;
}

/**
 * The first table row of a page. Header rows repeated from an earlier page before it are
 * dropped: they were read once, and their labels (总计) would otherwise stand before the row.
 */
function firstTableRow(lines, headers) {
  const first = lines.findIndex((line) => line.cells);
  if (first < 0 || first > EDGE) return null;
  const { grid } = lines[first];
  let end = first;
  while (end < lines.length && lines[end].grid === grid && headers.has(lines[end].text)) end++;
  lines.splice(first, end - first);
  return lines[first] && lines[first].grid === grid ? lines[first] : null;
}

/**
 * Segments of a line of fragments outside any bordered table: runs split where a gap wider
 * than about two thirds of the font height marks a cell boundary, `{ text, x0, x1, h, figure }`.
 */
export function lineSegments(items) {
  const runs = [];
  for (const box of items) {
    const run = runs[runs.length - 1];
    const prev = run && run.items[run.items.length - 1];
    if (prev && box.x - (prev.x + prev.w) <= Math.max(0.6 * Math.min(prev.h, box.h), 2.5)) run.items.push(box);
    else runs.push({ items: [box] });
  }
  return runs.map(({ items: run }) => {
    const text = joinFragments(run);
    const last = run[run.length - 1];
    return { text, x0: run[0].x, x1: last.x + last.w, h: Math.max(...run.map((b) => b.h)), figure: FIGURE.test(text) && DIGIT.test(text) };
  });
}

/**
 * Where no border says where a cell ends, a figure wrapped in a narrow column (`83` over `9`)
 * cannot be told from two rows' figures. A figure with one right under it in the next line,
 * in the same column, where together they would not have fitted on one line (wider than 0.6 of
 * the distance to the next column), makes both unreadable — unless the lower line starts a row
 * of its own (its label opens with an item number). `lines` (`{ segments, y, h }`, top first)
 * are changed in place; a figure that fitted is left as it is.
 */
export function markWrappedFigures(lines) {
  for (let i = 0; i + 1 < lines.length; i++) {
    const [upper, lower] = [lines[i], lines[i + 1]];
    if (upper.segments.length < 2 || upper.y - lower.y > 1.6 * Math.max(upper.h, lower.h)) continue;
    const opening = lower.segments[0];
    if (!opening.figure && ITEM_NUMBER.test(opening.text)) continue;
    const figures = upper.segments.filter((s) => s.figure);
    for (const below of lower.segments.filter((s) => s.figure)) {
      const above = figures.find((s) => below.x0 < s.x1 && below.x1 > s.x0);
      if (!above) continue;
      const centre = (s) => (s.x0 + s.x1) / 2;
      const pitch = Math.min(...figures.filter((s) => s !== above).map((s) => Math.abs(centre(s) - centre(above))));
      const charWidth = (below.x1 - below.x0) / Math.max(1, below.text.length);
      if (above.x1 - above.x0 + charWidth > 0.6 * pitch) {
        above.text = UNREADABLE;
        below.text = UNREADABLE;
      }
    }
  }
  for (const line of lines) line.text = line.segments.map((s) => s.text).join('\t');
}
