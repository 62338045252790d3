//! `cell-fraction`: a count with decimals.
use super::{fmt_num, Report, Rule};
use crate::extract::CellState;
use crate::result::{Diagnostic, Severity};
use crate::template::Figure;

pub const RULE: Rule = Rule {
    id: "cell-fraction",
    severity: Severity::Error,
    summary: "件数或数量带有小数",
    doc: "件数和数量都是整数；只有收费金额和采购总金额可以有小数。带小数的件数往往是把金额或比率填错了栏。\
例：表二“行政许可”本年处理决定数量填 12.5。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    let template = extraction.template;
    for (id, read) in extraction.cells() {
        let CellState::Number(value) = read.state else { continue };
        if !(value.fract() != 0.0) {
            continue;
        }
        let figure = template.locate(id).map(|(_, _, c)| c.figure);
        if value.fract() != 0.0 && figure != Some(Figure::Amount) {
            out.push(
                RULE.diagnostic(format!("{}填的 {} 带有小数，件数和数量应为整数", template.describe(id), fmt_num(value)))
                    .cells([id])
                    .line(extraction.line(id)),
            );
        }
    }
}
