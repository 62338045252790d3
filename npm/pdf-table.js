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

/** Groups of rules that touch one another: each group with at least two rules each way is a table. */
function ruleGroups(rules) {
  const all = [...rules.h.map((r) => ({ ...r, kind: 'h' })), ...rules.v.map((r) => ({ ...r, kind: 'v' }))];
  const parent = all.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const touches = (a, b) =>
    a.kind === 'h' && b.kind === 'v'
      ? b.x >= a.x0 - SNAP && b.x <= a.x1 + SNAP && a.y >= b.y0 - SNAP && a.y <= b.y1 + SNAP
      : a.kind === 'v' && b.kind === 'h'
        ? touches(b, a)
        : false;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (all[i].kind !== all[j].kind && touches(all[i], all[j])) parent[find(i)] = find(j);
    }
  }
  const groups = new Map();
  all.forEach((rule, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    groups.get(root)[rule.kind].push(rule);
  });
  return [...groups.values()].filter((g) => clusters(g.h.map((r) => r.y)).length >= 2 && clusters(g.v.map((r) => r.x)).length >= 2);
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
  const xs = clusters(group.v.map((r) => r.x));
  const ys = clusters(group.h.map((r) => r.y)).reverse(); // top of the page first
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
  const cells = [...boxes.values()].map((b) => ({ ...b, x0: xs[b.left], x1: xs[b.right + 1], y0: ys[b.bottom + 1], y1: ys[b.top], items: [], crossed: false }));
  return { xs, ys, cells, slot: (r, c) => cells.find((cell) => r >= cell.top && r <= cell.bottom && c >= cell.left && c <= cell.right) };
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
 * letters or digits is a space, CJK text is joined as it is. `tab` (a gap that marks a cell
 * boundary) is used only where no table border says where the cells are.
 */
export function joinFragments(boxes, tab = false) {
  let text = '';
  let prev = null;
  for (const box of boxes) {
    if (prev) {
      const gap = box.x - (prev.x + prev.w);
      const h = Math.min(prev.h, box.h);
      if (tab && gap > Math.max(0.6 * h, 2.5)) text += '\t';
      else if (gap > 0.15 * h && !(CJK.test(text.slice(-1)) || CJK.test(box.text[0]))) text += ' ';
    }
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
 */
function cellText(cell) {
  const lines = baselines(cell.items).map((line) => joinFragments(line.items));
  let text = '';
  for (const line of lines) {
    if (text && !CJK.test(text.slice(-1)) && !CJK.test(line[0]) && !(DIGIT.test(text.slice(-1)) && DIGIT.test(line[0]))) text += ' ';
    text += line;
  }
  if (FIGURE.test(text) && DIGIT.test(text)) {
    return cell.crossed ? UNREADABLE : text.replace(/\s+/g, '');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Splits a page's text fragments between the tables its rules draw and the rest. Returns
 * `{ rows, rest }`: `rows` are the tables' rows as lines (`{ text, y, h }`, cells joined by
 * TAB, a merged cell given once, in the first row it spans), `rest` the fragments outside
 * every table.
 */
export function tableRows(boxes, rules) {
  const grids = ruleGroups(rules).map(tableGrid);
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
    for (let r = 0; r + 1 < grid.ys.length; r++) {
      const starting = grid.cells.filter((cell) => cell.top === r).sort((a, b) => a.left - b.left);
      const texts = starting.map(cellText);
      if (!texts.some((t) => t)) continue;
      const sizes = starting.flatMap((cell) => cell.items.map((item) => item.h));
      rows.push({ text: texts.join('\t'), y: grid.ys[r], h: sizes.length ? Math.max(...sizes) : 10 });
    }
  }
  return { rows, rest };
}
