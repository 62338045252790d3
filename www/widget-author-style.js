// The authoring form's styles, adopted after the widget's own (www/widget-style.js): the grid
// of inputs, its sticky row labels (the grid scrolls sideways on a narrow screen and at 200%
// zoom, the labels stay), the findings beside the tables.

const CSS = `
.author .author-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 20px; margin-top: 16px; }
@container (min-width: 1100px) {
  .author .author-body { grid-template-columns: minmax(0, 1fr) minmax(300px, 380px); align-items: start; }
  .author .author-side { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
}
.author .paste-report { margin-top: 10px; }
.author .paste-report textarea { width: 100%; font: inherit; font-size: 14px; }
.author select { font: inherit; min-height: 36px; }
.author-grid table.grid { width: auto; min-width: 100%; }
/* Row labels stay while the figures scroll sideways: table 二's label column, table 三's three. */
.author-grid th.lbl { text-align: left; font-weight: 400; background: #f7f9fb; }
.author-grid { --w0: 5.5em; --w1: 5em; --w2: 11em; }
@container (max-width: 640px) {
  .author-grid { --w0: 3.2em; --w1: 3.6em; --w2: 7em; }
  .author-grid th.lbl { font-size: 12px; padding: 4px; }
}
.author-grid table.t2 th.lbl.c0, .author-grid table.t3 th.lbl.c0 { position: sticky; left: 0; z-index: 1; min-width: var(--w0); }
.author-grid table.t3 th.lbl.c0[colspan] { min-width: calc(var(--w0) + var(--w1) + var(--w2)); }
.author-grid table.t3 th.lbl.c0:not([colspan]) { width: var(--w0); max-width: var(--w0); }
.author-grid table.t3 th.lbl.c1 { position: sticky; left: var(--w0); z-index: 1; width: var(--w1); max-width: var(--w1); }
.author-grid table.t3 th.lbl.c1[colspan] { max-width: none; }
.author-grid table.t3 th.lbl.c2 { position: sticky; left: calc(var(--w0) + var(--w1)); z-index: 1; width: var(--w2); max-width: var(--w2); }
.author-grid td.v { padding: 0; min-width: 5.5em; position: relative; background: #fff; }
.author-grid td.v input {
  width: 100%; min-width: 5em; border: 0; padding: 6px 7px; font: inherit; font-size: 14px;
  text-align: right; background: transparent; color: inherit; font-variant-numeric: tabular-nums;
}
.author-grid td.v input:focus { outline: 3px solid var(--nb-focus); outline-offset: -3px; background: #fffdf2; }
.author-grid td.v .prev { display: block; padding: 0 7px 3px; font-size: 11.5px; color: var(--nb-muted); text-align: right; }
.author-grid td.err input { color: var(--nb-error); }
.author .alist { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.author .afinding { border-left: 4px solid var(--nb-info); background: var(--nb-info-bg); padding: 6px 8px; }
.author .afinding.error { border-color: var(--nb-error); background: var(--nb-error-bg); }
.author .afinding.warning { border-left-style: dashed; border-color: var(--nb-warn-line); background: var(--nb-warn-bg); }
.author .afinding .goto { all: unset; cursor: pointer; display: block; font-size: 14px; }
.author .afinding .goto:focus-visible { outline: 3px solid var(--nb-focus); }
.author .afinding .accept { margin-top: 6px; min-height: 30px; font-size: 13.5px; }
.author .panel-h .count { font-weight: 400; font-size: 13.5px; color: var(--nb-muted); }
@media print {
  .author .author-head .actions, .author .paste-report { display: none !important; }
}
`;

let shared = null;

export function authorSheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(CSS);
  }
  return shared;
}
