//! `missing-table`: table 二, 三 or 四 is not there. A table whose labels stand in its section
//! is there, whatever its cells hold (blank cells are `cell-blank`, unread ones `cell-unreadable`).
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};
use crate::template::Template;

pub const RULE: Rule = Rule {
    id: "missing-table",
    severity: Severity::Error,
    summary: "缺少表二、表三或表四",
    doc: "年度报告必须用规定格式的三张统计表公开主动公开、依申请公开和复议诉讼情况。\
缺表的报告不完整；也可能是表格以图片形式发布，无法核对。表格的行标签在、单元格全部留空（如当年没有复议诉讼的表四）\
不算缺表：空白单元格由 cell-blank 列出。例：报告只有文字，没有“收到和处理政府信息公开申请情况”表。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let template = report.template().or_else(|| Template::by_id("2021"));
    let Some(template) = template else { return };
    for table in template.tables {
        if report.extraction.is_some_and(|e| e.table_present(table.id)) {
            continue;
        }
        let heading = crate::locate::OFFICIAL_HEADINGS[usize::from(table.section) - 1];
        let line = report.sections.iter().find(|s| s.heading.number == table.section).map(|s| s.line);
        out.push(
            RULE.diagnostic(format!("没有找到{}（{}），无法核对其中的数字", table.name, heading)).line(line),
        );
    }
}
