// The widget's stylesheet, adopted into its shadow root (a constructable stylesheet: no <style>
// element, nothing for a strict Content-Security-Policy to refuse, nothing leaking in or out).

export const CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  --nb-ink: #1f2329;
  --nb-muted: #5b6470;
  --nb-line: #c9d0da;
  --nb-line-soft: #e3e7ed;
  --nb-bg: #ffffff;
  --nb-soft: #f4f6f9;
  --nb-head: #eef2f7;
  --nb-brand: #1d4e89;
  --nb-brand-dark: #153a66;
  --nb-error: #b42318;
  --nb-error-bg: #fdf0ee;
  --nb-warn: #8a4b08;
  --nb-warn-line: #c27a12;
  --nb-warn-bg: #fff7e6;
  --nb-info: #1d4e89;
  --nb-info-bg: #edf3fa;
  --nb-mark: #1d4e89;
  --nb-mark-bg: #dce8f6;
  --nb-focus: #f0a500;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.nb {
  container-type: inline-size;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif;
  font-size: 15px;
  line-height: 1.6;
  color: var(--nb-ink);
  background: var(--nb-bg);
  text-align: left;
}
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
h2, h3, h4 { margin: 0; font-weight: 600; line-height: 1.35; }
button, textarea, input { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--nb-focus); outline-offset: 2px; }

/* Input */
.input { border: 1px solid var(--nb-line); border-radius: 4px; background: var(--nb-soft); padding: 16px; }
@container (max-width: 520px) {
  .input { padding: 10px; }
  .btn.primary { padding: 6px 20px; }
}
.input h2 { font-size: 17px; color: var(--nb-brand-dark); }
.help { margin: 4px 0 10px; color: var(--nb-muted); font-size: 13.5px; }
.drop { position: relative; }
textarea {
  display: block; width: 100%; min-height: 180px; resize: vertical;
  padding: 10px 12px; border: 1px solid var(--nb-line); border-radius: 3px; background: #fff;
  font-family: "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", monospace;
  font-size: 13px; line-height: 1.55; tab-size: 8;
}
textarea:focus-visible { outline-offset: 0; }
.drop-overlay {
  display: none; position: absolute; inset: 0; align-items: center; justify-content: center;
  border: 2px dashed var(--nb-brand); border-radius: 3px; background: rgba(237, 243, 250, .94);
  color: var(--nb-brand-dark); font-weight: 600;
}
.drop.over .drop-overlay { display: flex; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 12px; margin-top: 12px; }
.btn {
  display: inline-flex; align-items: center; gap: 6px; min-height: 36px; padding: 6px 16px;
  border: 1px solid var(--nb-line); border-radius: 3px; background: #fff; cursor: pointer; font-size: 14.5px;
}
.btn:hover { border-color: var(--nb-brand); color: var(--nb-brand-dark); }
.btn.primary { background: var(--nb-brand); border-color: var(--nb-brand); color: #fff; font-weight: 600; padding: 6px 28px; }
.btn.primary:hover { background: var(--nb-brand-dark); color: #fff; }
.btn[disabled] { opacity: .6; cursor: progress; }
.btn.quiet { border-color: transparent; background: transparent; color: var(--nb-muted); }
.btn.quiet:hover { color: var(--nb-brand-dark); text-decoration: underline; }
.hint { color: var(--nb-muted); font-size: 13.5px; }
.status { margin: 14px 0 0; min-height: 1.6em; font-size: 14.5px; color: var(--nb-muted); }
.status.ok { color: #1e6b38; }
.status.bad { color: var(--nb-error); }

/* Progress of a batch */
.progress { display: flex; align-items: center; gap: 12px; margin: 6px 0 0; font-size: 14px; color: var(--nb-muted); }
.progress[hidden] { display: none; }
.progress progress { flex: 0 1 320px; height: 14px; accent-color: var(--nb-brand); }
.progress-label { font-variant-numeric: tabular-nums; }

/* Results */
.results { margin-top: 10px; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; margin: 8px 0 12px; font-size: 13.5px; color: var(--nb-muted); }
.toolbar:empty { display: none; }
.btn.small { min-height: 30px; padding: 3px 10px; font-size: 13.5px; }
.batch { margin: 0 0 18px; }
.batch .help { margin: 0 0 8px; }
.summary-wrap { max-height: 70vh; overflow: auto; }
table.summary { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.45; background: #fff; }
.summary th, .summary td { border: 1px solid var(--nb-line); padding: 4px 8px; text-align: left; vertical-align: top; }
.summary thead th { position: sticky; top: 0; background: var(--nb-head); z-index: 1; padding: 0; white-space: nowrap; }
.summary th.n, .summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary button.sort { display: flex; width: 100%; gap: 4px; align-items: center; justify-content: space-between; border: 0; background: transparent; padding: 5px 8px; cursor: pointer; font-weight: 600; font-size: 13px; text-align: left; }
.summary th[aria-sort="ascending"] button.sort, .summary th[aria-sort="descending"] button.sort { color: var(--nb-brand-dark); background: #dfe7f1; }
.summary .arrow { font-size: 10px; color: var(--nb-muted); }
.summary th.rn { font-weight: 400; background: #fff; max-width: 22em; }
.summary button.open { border: 0; background: transparent; padding: 0; color: var(--nb-brand); text-decoration: underline; cursor: pointer; text-align: left; font-size: 13px; overflow-wrap: anywhere; }
.summary tr.has-errors td.bad { color: var(--nb-error); font-weight: 600; }
.summary tr[aria-current="true"] th, .summary tr[aria-current="true"] td { background: var(--nb-mark-bg); }
.summary tbody tr:hover td, .summary tbody tr:hover th { background: var(--nb-soft); }
.panel:focus { outline: none; }
.panel:focus-visible { outline: 3px solid var(--nb-focus); }
.tabs { display: flex; flex-wrap: wrap; gap: 4px; border-bottom: 2px solid var(--nb-brand); margin: 10px 0 0; }
.tab {
  border: 1px solid var(--nb-line); border-bottom: none; border-radius: 3px 3px 0 0; background: var(--nb-soft);
  padding: 6px 14px; cursor: pointer; font-size: 14px; display: inline-flex; gap: 8px; align-items: center;
}
.tab[aria-selected="true"] { background: var(--nb-brand); border-color: var(--nb-brand); color: #fff; }
.tab .tc { font-size: 12px; padding: 0 6px; border-radius: 8px; background: rgba(0,0,0,.08); }
.tab[aria-selected="true"] .tc { background: rgba(255,255,255,.2); }
.report-head { border-bottom: 1px solid var(--nb-line); padding: 16px 0 12px; }
.report-head h3 { font-size: 19px; color: var(--nb-ink); }
.meta { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 8px 0 0; font-size: 13.5px; color: var(--nb-muted); }
.meta div { display: flex; gap: 6px; }
.meta dt { margin: 0; }
.meta dt::after { content: "："; }
.nb:lang(en) .meta dt::after { content: ":"; }
.meta dd { margin: 0; color: var(--nb-ink); }
.counts { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 12px 0 0; }
.count { display: inline-flex; align-items: center; gap: 6px; padding: 2px 12px; border-radius: 3px; font-size: 14px; border: 1px solid; }
.count.error { color: var(--nb-error); border-color: #f2b8b0; background: var(--nb-error-bg); }
.count.warning { color: var(--nb-warn); border-color: #f0cf98; background: var(--nb-warn-bg); }
.count.info { color: var(--nb-info); border-color: #b9cde6; background: var(--nb-info-bg); }
.count.clean { color: #1e6b38; border-color: #a9d5b5; background: #eef8f1; }

.body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 20px; margin-top: 16px; }
@container (min-width: 980px) {
  .body { grid-template-columns: minmax(300px, 360px) minmax(0, 1fr); align-items: start; }
  .findings { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; }
}
.panel-h { font-size: 16px; color: var(--nb-brand-dark); padding-bottom: 6px; border-bottom: 2px solid var(--nb-brand); margin-bottom: 10px; }
.sev-h { font-size: 14px; margin: 14px 0 6px; display: flex; align-items: center; gap: 6px; }
.sev-h.error { color: var(--nb-error); }
.sev-h.warning { color: var(--nb-warn); }
.sev-h.info { color: var(--nb-info); }
.flist { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.finding {
  display: block; width: 100%; text-align: left; cursor: pointer; background: #fff;
  border: 1px solid var(--nb-line-soft); border-left: 4px solid; border-radius: 3px; padding: 8px 10px;
  font-size: 13.5px; line-height: 1.55;
}
.finding.error { border-left-color: var(--nb-error); }
.finding.warning { border-left-color: var(--nb-warn-line); border-left-style: dashed; }
.finding.info { border-left-color: var(--nb-info); border-left-style: dotted; }
.finding:hover { background: var(--nb-soft); }
.finding[aria-pressed="true"] { background: var(--nb-mark-bg); border-color: var(--nb-mark); box-shadow: inset 0 0 0 1px var(--nb-mark); }
.f-head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.sev { font-weight: 600; font-size: 12.5px; }
.finding.error .sev { color: var(--nb-error); }
.finding.warning .sev { color: var(--nb-warn); }
.finding.info .sev { color: var(--nb-info); }
.rule { font-family: "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; color: var(--nb-muted); background: var(--nb-soft); padding: 0 4px; border-radius: 2px; }
.loc { margin-left: auto; font-size: 12px; color: var(--nb-muted); }
.f-msg { display: block; margin-top: 3px; }
.f-src {
  display: block; margin-top: 4px; padding: 2px 6px; border-left: 2px solid var(--nb-line);
  font-family: "SFMono-Regular", Menlo, Consolas, "WenQuanYi Micro Hei Mono", monospace; font-size: 12px;
  color: var(--nb-muted); white-space: pre-wrap; overflow-wrap: anywhere;
}
.f-fix { display: block; margin-top: 4px; font-size: 13px; color: #1e6b38; font-weight: 600; }
.f-cells { display: block; margin-top: 2px; font-size: 12px; color: var(--nb-muted); }
.f-broken { display: block; margin-top: 4px; font-size: 12px; color: var(--nb-muted); }
.f-broken-one { display: block; padding-left: 1em; }
.f-broken-one::before { content: '· '; }
.none { color: #1e6b38; margin: 8px 0; }

/* Tables */
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12.5px; color: var(--nb-muted); margin: 0 0 10px; padding: 0; list-style: none; }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-flex; align-items: center; justify-content: center; width: 26px; height: 18px; font-size: 10px; border: 1px solid var(--nb-line); background: #fff; }
.swatch.err { background: var(--nb-error-bg); box-shadow: inset 0 0 0 2px var(--nb-error); color: var(--nb-error); }
.swatch.warn { background: var(--nb-warn-bg); outline: 2px dashed var(--nb-warn-line); outline-offset: -3px; color: var(--nb-warn); }
.swatch.blank { color: var(--nb-muted); }
.swatch.mark { background: var(--nb-mark-bg); outline: 3px solid var(--nb-mark); outline-offset: -3px; }
.grid-wrap { overflow-x: auto; margin: 0 0 18px; border: 1px solid transparent; }
.grid-wrap:focus-visible { outline-offset: 0; }
table.grid { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.45; background: #fff; }
.grid caption { text-align: left; font-weight: 600; font-size: 14.5px; padding: 0 0 6px; color: var(--nb-ink); }
.grid th, .grid td { border: 1px solid #9aa4b2; padding: 5px 7px; }
.grid th { background: var(--nb-head); font-weight: 500; text-align: center; vertical-align: middle; }
.grid th.lbl { text-align: left; font-weight: 400; background: #f7f9fb; }
.grid-wrap:not(.author-grid) .t3 th.lbl.c0, .grid-wrap:not(.author-grid) .t3 th.lbl.c1 { min-width: 5.5em; }
.grid-wrap:not(.author-grid) .t3 th.lbl.c2 { min-width: 12em; }
.t4 td, .t4 th { min-width: 3.6em; }
td.v { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; position: relative; min-width: 3.2em; }
td.v.blank .num { color: var(--nb-muted); }
td.v .ic { position: absolute; top: 1px; left: 3px; font-size: 9px; line-height: 1; }
td.err { background: var(--nb-error-bg); box-shadow: inset 0 0 0 2px var(--nb-error); color: var(--nb-error); font-weight: 600; }
td.warn { background: var(--nb-warn-bg); outline: 2px dashed var(--nb-warn-line); outline-offset: -3px; color: var(--nb-warn); }
td.marked { background: var(--nb-mark-bg); outline: 3px solid var(--nb-mark); outline-offset: -3px; }
td.marked.err { box-shadow: inset 0 0 0 5px var(--nb-error); }
td .fix { display: block; font-size: 11.5px; color: #1e6b38; font-weight: 600; }

/* Views of a report: tables, text */
.views .tabs { margin: 0; }
.view { padding-top: 12px; }
.view[hidden] { display: none; }
.view-text .help { margin: 0 0 8px; }
.text-status { color: var(--nb-muted); font-size: 13.5px; }
.textview {
  position: relative; max-height: min(72vh, 760px); overflow: auto; overscroll-behavior: contain;
  border: 1px solid var(--nb-line); border-radius: 3px; background: #fff; padding: 4px 0;
  font-family: "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", "WenQuanYi Micro Hei Mono", monospace;
  font-size: 13px; line-height: 1.6; tab-size: 4; color: var(--nb-ink);
}
.textview:focus-visible { outline-offset: 0; }
.textview.d1, .textview.d2 { --digits: 2; }
.textview.d3 { --digits: 3; }
.textview.d4 { --digits: 4; }
.textview.d5 { --digits: 5; }
.textview.d6 { --digits: 6; }
.chunk.pending { height: 320em; }
.textview.big .chunk:not(.pending) { content-visibility: auto; contain-intrinsic-size: auto 320em; }
.tl {
  display: grid; grid-template-columns: 1.9em calc(var(--digits, 3) * 1ch) minmax(0, 1fr); column-gap: 10px;
  padding: 0 12px 0 0; border-left: 3px solid transparent;
}
.tl .ic { text-align: center; font-size: 12px; line-height: 20.8px; }
.tl .ln { text-align: right; color: var(--nb-muted); font-variant-numeric: tabular-nums; user-select: none; }
.tl .tx { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.6em; }
.tl.f-error { background: var(--nb-error-bg); border-left-color: var(--nb-error); }
.tl.f-error .ic { color: var(--nb-error); }
.tl.f-warning { background: var(--nb-warn-bg); border-left: 3px dashed var(--nb-warn-line); }
.tl.f-warning .ic { color: var(--nb-warn); }
.tl.f-info { background: var(--nb-info-bg); border-left: 3px dotted var(--nb-info); }
.tl.f-info .ic { color: var(--nb-info); }
.tl.f-error .ln, .tl.f-warning .ln, .tl.f-info .ln { color: var(--nb-ink); font-weight: 600; }
.tl.cur { background: var(--nb-mark-bg); box-shadow: inset 0 0 0 2px var(--nb-mark); }
.tl mark, .swatch.quote {
  background: #ffe48f; color: inherit; border-radius: 2px; padding: 1px 0;
  text-decoration: underline 2px #b07d00; text-underline-offset: 3px;
}
.tl mark.copied { background: #e4dcf3; text-decoration: underline 2px dashed #5b3f8c; }
.desk { margin: 18px 0; }
.desk-part { margin: 0 0 14px; overflow: auto; }
.desk table { border-collapse: collapse; font-size: 13px; line-height: 1.45; background: #fff; margin: 0 0 8px; }
.desk th, .desk td { border: 1px solid var(--nb-line); padding: 3px 8px; text-align: left; vertical-align: top; }
.desk th.n, .desk td.n { text-align: right; font-variant-numeric: tabular-nums; }
.desk td.gap { color: var(--nb-error); font-weight: 600; }
.desk td.dup { color: var(--nb-warn); font-weight: 600; }
.desk button.sort, .desk button.open { border: 0; background: transparent; padding: 0; cursor: pointer; font: inherit; text-align: left; }
.desk button.open { color: var(--nb-brand); text-decoration: underline; }
.desk th[aria-sort="ascending"], .desk th[aria-sort="descending"] { background: #dfe7f1; }
.swatch.line-err { background: var(--nb-error-bg); border: 0; border-left: 3px solid var(--nb-error); color: var(--nb-error); }
.swatch.line-warn { background: var(--nb-warn-bg); border: 0; border-left: 3px dashed var(--nb-warn-line); color: var(--nb-warn); }
.swatch.line-info { background: var(--nb-info-bg); border: 0; border-left: 3px dotted var(--nb-info); color: var(--nb-info); }
.swatch.quote { width: auto; padding: 0 4px; font-size: 12px; border: 0; }

/* Statistics */
.figs { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 0 0 16px; }
.fig { border: 1px solid var(--nb-line-soft); border-top: 3px solid var(--nb-brand); background: #fff; padding: 8px 10px; margin: 0; }
.fig dt { font-size: 12.5px; color: var(--nb-muted); }
.fig dd { margin: 2px 0 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; color: var(--nb-ink); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 440px), 1fr)); gap: 14px; }
figure.chart-box { margin: 0; border: 1px solid var(--nb-line-soft); padding: 10px 12px; background: #fff; }
figure.chart-box figcaption { font-weight: 600; font-size: 14px; margin-bottom: 4px; }
svg.chart { display: block; width: 100%; max-width: 560px; height: auto; font-family: inherit; }
svg .lbl, svg .lgd { font-size: 13px; fill: var(--nb-ink); }
svg .val { font-size: 13px; fill: var(--nb-ink); font-variant-numeric: tabular-nums; }
svg .track { fill: var(--nb-soft); }
svg .fill { stroke: rgba(0,0,0,.35); stroke-width: .6; }
svg .pat-line { stroke: rgba(255,255,255,.55); stroke-width: 1.2; fill: none; }
svg .pat-dot { fill: rgba(255,255,255,.7); }
.engine-note { margin: 18px 0 0; font-size: 12px; color: var(--nb-muted); border-top: 1px solid var(--nb-line-soft); padding-top: 8px; }
.section { margin: 0 0 22px; }

@media print {
  .nb { color: #000; font-size: 11pt; }
  .view-text { display: none !important; }
  .view-tables[hidden] { display: block !important; }
  .input, .tabs, .status, .progress, .toolbar, .batch .help, .summary .arrow, .legend { display: none !important; }
  .summary-wrap { max-height: none; overflow: visible; }
  table.summary { font-size: 9pt; }
  .summary th, .summary td { border-color: #000; color: #000; background: #fff !important; }
  .summary thead th { position: static; }
  .summary button.sort, .summary button.open { color: #000; text-decoration: none; padding: 0; font-weight: inherit; }
  .summary tr:not([aria-current="true"]) th.rn { font-weight: 400; }
  .panel { break-before: auto; }
  .finding { display: block; }
  .body { display: block; }
  .findings { position: static; max-height: none; overflow: visible; }
  .finding { border-color: #000; color: #000; break-inside: avoid; }
  .finding .sev, .rule, .loc, .f-src, .f-fix, .f-cells, .f-broken, .sev-h, .panel-h, .meta, .meta dd, .count { color: #000 !important; background: #fff !important; }
  .count { border-color: #000 !important; }
  .grid-wrap { overflow: visible; }
  table.grid { font-size: 9pt; }
  .grid th, .grid td { border-color: #000; color: #000; background: #fff !important; }
  td.err { box-shadow: inset 0 0 0 2px #000; outline: none; }
  td.warn { outline: 2px dashed #000; }
  td.marked { outline: 3px double #000; }
  td .fix { color: #000; }
  .fig { border-color: #000; }
  .fig dt, .fig dd { color: #000; }
  svg .lbl, svg .lgd, svg .val { fill: #000; }
  svg .track { fill: #fff; stroke: #000; stroke-width: .5; }
  svg .pat-bg { fill: #fff; }
  svg .pat-bg.pat-solid { fill: #555; }
  svg .pat-line { stroke: #000; }
  svg .pat-dot { fill: #000; }
  svg .fill { stroke: #000; stroke-width: .8; }
  figure.chart-box, .grid-wrap, .figs { break-inside: avoid; }
}
@media (prefers-reduced-motion: no-preference) {
  .finding, .btn { transition: background-color .12s, border-color .12s; }
}
@media (forced-colors: active) {
  td.err, td.warn, td.marked { outline: 2px solid CanvasText; }
  .tl.cur { outline: 2px solid CanvasText; outline-offset: -2px; }
  .tl mark { forced-color-adjust: none; background: Mark; color: MarkText; }
}
`;

let shared = null;

/** One stylesheet object, shared by every instance. */
export function sheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(CSS);
  }
  return shared;
}
