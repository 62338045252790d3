//! `input-unreadable`: the input could not be read at all, or only past a limit.
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "input-unreadable",
    severity: Severity::Error,
    summary: "输入无法读取（编码、格式、损坏或超过大小限制）",
    doc: "文件不是可识别的文本、HTML 或 DOCX，或已损坏、加密，或超过处理上限（见 README 的限制表）。\
此时不给出部分结果，以免把不完整的检查当作完整的。例：上传了一个 30 MB 的文件，或旧版 .doc 文件。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for problem in &report.doc.problems {
        out.push(RULE.diagnostic(problem.message.clone()));
    }
}
