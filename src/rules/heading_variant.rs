//! `heading-variant`: a section heading that differs from the official wording.
use super::{Report, Rule};
use crate::locate::OFFICIAL_HEADINGS;
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "heading-variant",
    severity: Severity::Info,
    summary: "部分标题的措辞与格式规定不同",
    doc: "标题措辞不同并不算错，但统一措辞便于检索和比较。本程序仍能识别这些变体。\
例：“五、存在的问题及改进情况”（规定为“存在的主要问题及改进情况”）。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for found in report.sections.iter().filter(|s| s.heading.variant) {
        let official = OFFICIAL_HEADINGS[usize::from(found.heading.number) - 1];
        out.push(
            RULE.diagnostic(format!("标题“{}”与格式规定的“{}”措辞不同", found.heading.text, official))
                .line(Some(found.line)),
        );
    }
}
