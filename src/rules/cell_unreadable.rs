//! `cell-unreadable`: figures the reader found but could not place with certainty.
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "cell-unreadable",
    severity: Severity::Warning,
    summary: "读到了数字但无法确定其所属的行或列，相关单元格未读取（记为 null）",
    doc: "从 PDF 复制的文字常常打乱表格的行，或丢失空白单元格。宁可不读，也不把数字放错位置：\
这些单元格记为 null，涉及它们的勾稽关系不再检查。请对照原表核对，或改用 HTML/DOCX 原件。\
例：表三某行只读到 6 个数字，应为 7 个。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    for note in &extraction.notes {
        out.push(RULE.diagnostic(note.message.clone()).cells(note.cells.iter().cloned()).line(Some(note.line)));
    }
    for (t, table) in extraction.template.tables.iter().enumerate() {
        if !extraction.unplaced.contains(table.id) {
            continue;
        }
        let unread_rows = || table.rows.iter().enumerate().filter(|&(r, _)| !extraction.row_found(t, r) && !extraction.row_omitted(t, r)).map(|(_, row)| row);
        let unread: Vec<String> =
            unread_rows().flat_map(|r| r.columns.iter().map(move |c| format!("{}.{}.{}", table.id, r.id, c.id))).collect();
        if unread.is_empty() {
            continue;
        }
        let rows: Vec<&str> = unread_rows().map(|r| r.label).collect();
        out.push(
            RULE.diagnostic(format!(
                "{}有数字的行缺少可辨认的行标签（文字可能被打乱），以下行未读取：{}",
                table.name,
                rows.join("；")
            ))
            .cells(unread)
            .line(extraction.table_lines.get(table.id).copied()),
        );
    }
}
