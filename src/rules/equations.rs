//! The template's equations (勾稽关系) evaluated over the cells read. Shared by the four
//! arithmetic rules and `suspect-cell`. An equation that needs a cell the reader could not
//! read is not evaluated: its failure would say nothing about the report.

use super::{fmt_num, Report};
use crate::extract::Extraction;
use crate::template::{Each, Equation, Template, T3_COLUMNS};

/// One instance of an equation: a column of R1, a row of R3 …
pub struct Instance {
    pub rule: &'static str,
    /// The column or row label it is about.
    pub subject: &'static str,
    pub left: Vec<String>,
    pub right: Vec<String>,
    pub left_sum: f64,
    pub right_sum: f64,
}

impl Instance {
    pub fn holds(&self) -> bool {
        (self.left_sum - self.right_sum).abs() < 1e-6
    }

    pub fn cells(&self) -> Vec<String> {
        self.left.iter().chain(&self.right).cloned().collect()
    }
}

pub fn instances(template: &Template, cells: &Extraction) -> Vec<Instance> {
    let mut out = Vec::new();
    for equation in template.equations {
        for (each, subject) in elements(template, equation) {
            let left = expand(equation.left, each);
            let right = expand(equation.right, each);
            let sum = |ids: &[String]| ids.iter().map(|id| cells.known(id)).sum::<Option<f64>>();
            if let (Some(left_sum), Some(right_sum)) = (sum(&left), sum(&right)) {
                out.push(Instance { rule: equation.rule, subject, left, right, left_sum, right_sum });
            }
        }
    }
    out
}

fn elements(template: &Template, equation: &Equation) -> Vec<(&'static str, &'static str)> {
    match equation.each {
        Each::T3Column => T3_COLUMNS.iter().map(|c| (c.id, c.label)).collect(),
        Each::Row(table) => template
            .table(table)
            .map(|t| t.rows.iter().map(|r| (r.id, r.label)).collect())
            .unwrap_or_default(),
    }
}

fn expand(terms: &[&str], each: &str) -> Vec<String> {
    terms.iter().map(|t| t.replace("{}", each)).collect()
}

/// The failing instances of one rule as findings: `{subject}：{left}={l}，但{right}={r}`.
pub fn report_failures(
    rule: &super::Rule,
    report: &Report,
    out: &mut Vec<crate::result::Diagnostic>,
    describe: fn(&Instance) -> (String, &'static str, &'static str),
) {
    let Some(extraction) = report.extraction else { return };
    for inst in instances(extraction.template, extraction).iter().filter(|i| i.rule == rule.id && !i.holds()) {
        let (subject, left_name, right_name) = describe(inst);
        let message = format!(
            "{subject}：{left_name}={}，但{right_name}={}，两者应相等（相差 {}）",
            fmt_num(inst.left_sum),
            fmt_num(inst.right_sum),
            fmt_num((inst.left_sum - inst.right_sum).abs())
        );
        out.push(
            rule.diagnostic(message)
                .cells(inst.cells())
                .figures(inst.right_sum, inst.left_sum)
                .line(extraction.line(&inst.left[0])),
        );
    }
}
