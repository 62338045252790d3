//! `t2-in-force`: 2021 table 二, in force below issued minus repealed.
use super::{fmt_num, Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "t2-in-force",
    severity: Severity::Warning,
    summary: "2021 版表二：现行有效件数 < 本年制发件数 − 本年废止件数",
    doc: "本年制发的规章或规范性文件，除非当年废止，年底仍然有效，所以现行有效件数至少是制发减废止。\
更小的数字通常是把栏目填反了。例：行政规范性文件 本年制发 6、废止 1，现行有效却只有 3。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    if extraction.template.id != "2021" {
        return;
    }
    for row in ["rules", "normative"] {
        let id = |col: &str| format!("t2.{row}.{col}");
        let (Some(issued), Some(repealed), Some(in_force)) =
            (extraction.known(&id("issued")), extraction.known(&id("repealed")), extraction.known(&id("in_force")))
        else {
            continue;
        };
        if in_force < issued - repealed {
            let label = extraction.template.locate(&id("issued")).map_or(row, |(_, r, _)| r.label);
            out.push(
                RULE.diagnostic(format!(
                    "表二“{label}”：现行有效件数 {} 小于本年制发 {} 减本年废止 {}（{}）",
                    fmt_num(in_force),
                    fmt_num(issued),
                    fmt_num(repealed),
                    fmt_num(issued - repealed)
                ))
                .cells([id("issued"), id("repealed"), id("in_force")])
                .figures(issued - repealed, in_force)
                .line(extraction.line(&id("in_force"))),
            );
        }
    }
}
