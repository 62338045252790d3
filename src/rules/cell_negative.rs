//! `cell-negative`: a count below zero.
use super::{fmt_num, Report, Rule};
use crate::extract::CellState;
use crate::result::{Diagnostic, Severity};
use crate::template::Figure;

pub const RULE: Rule = Rule {
    id: "cell-negative",
    severity: Severity::Error,
    summary: "件数、数量或金额为负数",
    doc: "除 2019 版表二的“本年增/减”外，所有数字都是件数、数量或金额，不可能小于 0。\
负数通常是把增减量填进了数量栏。例：表三“重复申请”行自然人列填 -1。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    let template = extraction.template;
    for (id, read) in extraction.cells() {
        let CellState::Number(value) = read.state else { continue };
        // NaN is never read (figures are parsed from digits), so "not below zero" is `>=`.
        if value >= 0.0 {
            continue;
        }
        let figure = template.locate(id).map(|(_, _, c)| c.figure);
        if value < 0.0 && figure != Some(Figure::Change) {
            out.push(
                RULE.diagnostic(format!("{}填的 {} 是负数，应不小于 0", template.describe(id), fmt_num(value)))
                    .cells([id])
                    .line(extraction.line(id)),
            );
        }
    }
}
