// The official grids of tables 二, 三 and 四 as table rows. The grid is the engine's
// (`templateLayout`, built from the template data), so neither the results view nor the
// authoring form keeps a copy of the template: a new template revision is a data change.

import { h } from './widget-dom.js';

/**
 * The `<tr>`s of a layout table. `keep(r)` chooses the grid rows shown (all by default); a
 * cell spanning rows that are left out is shortened to the rows kept, and starts on the first
 * of them. `figureCell(cell, { spans, row, col })` makes the `<td>` of a figure; labels become
 * `<th class="lbl c{col}">`. Cells are made in grid order, row by row.
 */
export function gridRows(table, { figureCell, keep = () => true }) {
  const kept = table.rows.map((_, r) => keep(r));
  const out = table.rows.map(() => []);
  for (const { cell, row, col } of placeCells(table)) {
    const shown = [];
    for (let r = row; r < row + cell.rowspan; r++) if (kept[r]) shown.push(r);
    if (!shown.length) continue;
    const spans = { colspan: cell.colspan > 1 ? cell.colspan : null, rowspan: shown.length > 1 ? shown.length : null };
    const at = { spans, row: shown[0], col };
    out[shown[0]].push(
      cell.cell
        ? figureCell(cell, at)
        : h('th', { ...spans, class: `lbl c${col}`, scope: shown.length > 1 ? 'rowgroup' : null }, cell.text),
    );
  }
  return out.filter((_, r) => kept[r]).map((cells) => h('tr', null, cells));
}

/** Every cell of a layout table with its grid row and first column, spans from above counted. */
function placeCells(table) {
  const occupied = [];
  const placed = [];
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (occupied[r]?.[col]) col++;
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) ((occupied[r + dr] ??= [])[col + dc] = true);
      placed.push({ cell, row: r, col });
      col += cell.colspan;
    }
  });
  return placed;
}
