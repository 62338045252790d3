//! `cell-not-number`: a table cell holds text where a figure belongs.
use super::{Report, Rule};
use crate::extract::CellState;
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "cell-not-number",
    severity: Severity::Error,
    summary: "单元格的内容不是数字",
    doc: "统计表的每个单元格都应是数字（或空白、“—”）。文字、错位的标签或超出精确范围的巨大数字\
无法参与勾稽计算，相关等式不再检查。例：表三“重复申请”行自然人列写成“见附件”。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    for (id, read) in extraction.cells() {
        if let CellState::NotNumber(text) = &read.state {
            let shown: String = text.chars().take(40).collect();
            out.push(
                RULE.diagnostic(format!(
                    "{}的内容“{}”不是可用的数字（应为不小于 0 的整数，或按格式要求的金额）",
                    extraction.template.describe(id),
                    shown
                ))
                .cells([id])
                .line(Some(read.line)),
            );
        }
    }
}
