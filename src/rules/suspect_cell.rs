//! `suspect-cell`: one cell explains several arithmetic failures at once.
use super::equations::{completing_value, instances, Instance};
use super::{fmt_num, Report, Rule};
use crate::result::{Diagnostic, Fix, Num, Severity};

pub const RULE: Rule = Rule {
    id: "suspect-cell",
    severity: Severity::Error,
    summary: "一个单元格同时解释一行和一列的不平：指出该单元格并给出使两者都成立的数值",
    doc: "当某行的总计和某列的合计都不成立、且差额相同，两者的交点往往就是填错的那个数。\
只有当唯一一个单元格改动后能让所有涉及它的失败等式同时成立、且不破坏任何原本成立的等式时，才会提出修改建议（fix）；\
解释不唯一时不作猜测。例：予以公开行自然人列填 7，使该行总计与自然人列（七）总计各差 1，则建议改为 8。",
    check,
};

struct Candidate<'a> {
    cell: &'a str,
    current: f64,
    value: f64,
    fixes: Vec<usize>,
}

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    let template = extraction.template;
    let all = instances(extraction);
    let failing: Vec<usize> = (0..all.len()).filter(|i| !all[*i].holds()).collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for &i in &failing {
        for cell in all[i].cells() {
            if !seen.insert(cell.as_str()) {
                continue;
            }
            let Some(current) = extraction.known(cell) else { continue };
            if let Some(candidate) = explain(cell, current, all, &failing) {
                candidates.push(candidate);
            }
        }
    }
    for (n, c) in candidates.iter().enumerate() {
        let overlaps = candidates.iter().enumerate().any(|(m, other)| m != n && other.fixes.iter().any(|f| c.fixes.contains(f)));
        if overlaps {
            continue;
        }
        let subjects: Vec<String> = c.fixes.iter().map(|i| describe(&all[*i])).collect();
        let message = format!(
            "{}{}很可能有误：若改为 {}，{}都能成立",
            template.describe(c.cell),
            match extraction.number(c.cell) {
                Some(v) => format!("填的 {} ", fmt_num(v)),
                None => "留空（按 0 计）".to_string(),
            },
            fmt_num(c.value),
            subjects.join("、")
        );
        let mut d = RULE
            .diagnostic(message)
            .cells([c.cell])
            .figures(c.value, c.current)
            .line(extraction.line(c.cell));
        d.fix = Some(Fix { cell: c.cell.to_string(), value: Num(c.value) });
        out.push(d);
    }
}

/// The value of `cell` that makes every failing equation it is in hold, when it is in two or
/// more (one failure alone does not point at one cell).
fn explain<'a>(cell: &'a str, current: f64, all: &[Instance], failing: &[usize]) -> Option<Candidate<'a>> {
    let (value, fixes) = completing_value(cell, current, all, failing)?;
    (fixes.len() >= 2).then_some(Candidate { cell, current, value, fixes })
}

fn describe(inst: &Instance) -> String {
    let what = match inst.rule {
        "t3-balance" => "列的一+二与（七）总计+四",
        "t3-results-sum" => "列的（七）总计与各项之和",
        "t3-row-total" => "行的总计与各列之和",
        _ => "的总计与各项之和",
    };
    format!("“{}”{}", inst.subject, what)
}
