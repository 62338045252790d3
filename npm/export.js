// Exports of results: CSV (UTF-8 with a byte order mark, so Excel opens Chinese text right;
// RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with `'`) and
// JSON. Pure functions of the results, for the widget's downloads and the CLI's `--format csv`.

import { toSortedJson } from './json.js';

export const BOM = '\uFEFF';

/** One CSV field: numbers as they are; text quoted when needed and defused when formula-like. */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Rows (arrays of fields) as CSV text with a BOM and CRLF line ends. */
export function toCsv(rows) {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `[{ name, result }]` from results (names from `input.name` when not given). */
function entries(list) {
  return list.map((item, i) => (item && item.result ? item : { name: (item.input && item.input.name) || `#${i + 1}`, result: item }));
}

/** Every cell id of the results, in the order the engine lists them (first report first). */
function cellIds(list) {
  const ids = [];
  const seen = new Set();
  for (const { result } of list) {
    for (const id of Object.keys(result.cells)) {
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
  }
  return ids;
}

const REPORT_COLUMNS = ['报告', '机关', '标题', '年度', '模板', '发布日期', '错误', '警告', '提示', '新收', '办结', '公开率', '复议纠错率', '诉讼纠错率'];

function reportFields(name, r) {
  return [
    name,
    r.report.body,
    r.report.title,
    r.report.year,
    r.template,
    r.report.published,
    r.summary.errors,
    r.summary.warnings,
    r.summary.infos,
    r.stats.received ?? null,
    r.stats.handled ?? null,
    r.stats.disclosure_rate ?? null,
    r.stats.review_correction_rate ?? null,
    r.stats.suit_correction_rate ?? null,
  ];
}

/**
 * One row per report: its name, body, title, year, template, publication date, counts of
 * findings, key figures, then every cell id as a column (blank where the report has no value).
 */
export function cellsCsv(results) {
  const list = entries(results);
  const ids = cellIds(list);
  const rows = [[...REPORT_COLUMNS, ...ids]];
  for (const { name, result } of list) {
    rows.push([...reportFields(name, result), ...ids.map((id) => result.cells[id] ?? null)]);
  }
  return toCsv(rows);
}

const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

/** One row per finding: report, body, year, severity, rule, line, message, cells, fix, source line. */
export function findingsCsv(results) {
  const rows = [['报告', '机关', '年度', '级别', '规则', '行', '问题', '涉及单元格', '建议修改', '原文']];
  for (const { name, result } of entries(results)) {
    for (const d of result.diagnostics) {
      rows.push([
        name,
        result.report.body,
        result.report.year,
        SEVERITY[d.severity] || d.severity,
        d.rule,
        d.line,
        d.message,
        d.cells.join(' '),
        d.fix ? `${d.fix.cell} = ${d.fix.value}` : null,
        d.source,
      ]);
    }
  }
  return toCsv(rows);
}

/** The results as JSON (sorted keys, as the CLI writes them): one result, or `{ results, links }`. */
export function resultsJson(results, links) {
  const list = entries(results).map((e) => e.result);
  if (list.length === 1 && !links) return `${toSortedJson(list[0])}\n`;
  return `${toSortedJson({ results: list, links: links || [] })}\n`;
}
