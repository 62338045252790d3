//! `template-deviation`: a common departure from the template the figures survive.
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "template-deviation",
    severity: Severity::Warning,
    summary: "表格偏离了规定格式，但仍可核对（如删去“规章”行，或 2021 版报告仍用单行“（六）其他处理”）",
    doc: "不少机关沿用旧表的个别行，或删去自己不涉及的行。数字仍能按报告实有的行读取和核对，\
所以这不算缺行错误，但格式要求保留规定的全部行，应予更正。\
例：2023 年度报告的表三只有一行“（六）其他处理”，2021 版格式分为三行；或表二没有“规章”行。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    let template = extraction.template;
    for deviation in &extraction.deviations {
        let Some((table, row)) = template.row_index(deviation.row) else { continue };
        let def = &template.tables[table];
        let cells = def.rows[row].columns.iter().map(|c| format!("{}.{}", deviation.row, c.id));
        let line = extraction.line(&format!("{}.{}", deviation.row, def.rows[row].columns[0].id));
        out.push(
            RULE.diagnostic(deviation.note)
                .cells(cells)
                .line(line.filter(|l| *l > 0).or_else(|| extraction.table_lines.get(def.id).copied())),
        );
    }
}
