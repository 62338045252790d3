//! `cell-blank`: blank or dash cells, read as 0 (one finding per table).
use super::{Report, Rule};
use crate::extract::CellState;
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "cell-blank",
    severity: Severity::Warning,
    summary: "单元格为空或填“—”“/”“无”，按 0 计算（每张表一条，列出这些单元格）",
    doc: "格式要求每个单元格填写数字，没有发生的填 0。空白或横线让读者无法区分“没有发生”和“漏填”，\
本程序按 0 计算并在此列出，供核对。例：表四尚未审结一栏留空。",
    check,
};

const LISTED: usize = 5;

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    let template = extraction.template;
    if !extraction.cells().any(|(_, read)| read.state == CellState::Blank) {
        return;
    }
    for table in template.tables {
        let prefix = format!("{}.", table.id);
        let blanks: Vec<&str> = (template.cell_ids().iter().enumerate())
            .filter(|(i, id)| id.starts_with(&prefix) && extraction.cell_at(*i).is_some_and(|r| r.state == CellState::Blank))
            .map(|(_, id)| id.as_str())
            .collect();
        let Some(first) = blanks.first() else { continue };
        let named: Vec<String> = blanks.iter().take(LISTED).map(|id| template.describe(id)).collect();
        let more = if blanks.len() > LISTED { format!("等 {} 个单元格", blanks.len()) } else { String::new() };
        out.push(
            RULE.diagnostic(format!(
                "{}有 {} 个单元格为空或填“—”，已按 0 计算：{}{}；没有发生的应填 0",
                table.name,
                blanks.len(),
                named.join("、"),
                more
            ))
            .cells(blanks.iter().copied())
            .line(extraction.line(first)),
        );
    }
}
