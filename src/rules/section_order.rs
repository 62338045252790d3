//! `section-order`: sections out of order or misnumbered.
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "section-order",
    severity: Severity::Warning,
    summary: "部分的顺序或编号与格式不符",
    doc: "六个部分应按格式顺序编为一至六。顺序颠倒或编号错乱会让读者找不到对应内容，\
也常见于把正文小标题与统计表标题混编。例：“一、主动公开政府信息情况”出现在总体情况之后。",
    check,
};

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let mut highest = 0u8;
    for found in report.sections {
        let h = &found.heading;
        let expected = NUMERALS[usize::from(h.number) - 1];
        if let Some(numeral) = h.numeral.filter(|n| *n != h.number) {
            let written = NUMERALS.get(usize::from(numeral).saturating_sub(1)).copied().unwrap_or("?");
            out.push(
                RULE.diagnostic(format!("“{}”编号为“{}”，按格式应为第{}部分“{}、”", h.text, written, expected, expected))
                    .line(Some(found.line)),
            );
        } else if h.number < highest {
            out.push(
                RULE.diagnostic(format!("“{}”出现在后面的部分之后，按格式应为第{}部分", h.text, expected))
                    .line(Some(found.line)),
            );
        }
        highest = highest.max(h.number);
    }
}
