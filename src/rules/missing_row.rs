//! `missing-row`: a row of a table is not there.
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "missing-row",
    severity: Severity::Error,
    summary: "表格中缺少某一行",
    doc: "格式规定了每张表的全部行，哪怕数字为 0 也要保留。缺行会让合计无从核对，\
常见于删去了全为 0 的行，或使用了过时模板（2021 版的（六）其他处理分为三行）。\
例：表三没有“4.无正当理由大量反复申请”行。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    for (t, table) in extraction.template.tables.iter().enumerate() {
        if !extraction.has_table(table.id) || extraction.unplaced.contains(table.id) {
            continue;
        }
        for (r, row) in table.rows.iter().enumerate() {
            if extraction.row_found(t, r) || extraction.row_omitted(t, r) {
                continue;
            }
            let cells = row.columns.iter().map(|c| format!("{}.{}.{}", table.id, row.id, c.id));
            out.push(
                RULE.diagnostic(format!("{}缺少“{}”行（没有发生的也应保留该行并填 0）", table.name, row.label))
                    .cells(cells)
                    .line(extraction.table_lines.get(table.id).copied()),
            );
        }
    }
}
