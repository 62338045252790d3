//! The template's equations (勾稽关系) evaluated over the cells read. Shared by the four
//! arithmetic rules and `suspect-cell`. An equation that needs a cell the reader could not
//! read is not evaluated: its failure would say nothing about the report.

use super::{fmt_num, Report};
use crate::extract::Extraction;
use std::sync::OnceLock;

use crate::template::{Each, Equation, Template, T3_COLUMNS, TEMPLATES};

/// An equation written out for one column or row, with its cell ids.
pub struct Expanded {
    pub rule: &'static str,
    /// The column or row label it is about.
    pub subject: &'static str,
    pub left: Vec<String>,
    pub right: Vec<String>,
    /// The positions of `left` and `right` in the template's `cell_ids()`.
    left_at: Vec<usize>,
    right_at: Vec<usize>,
}

/// One instance of an equation evaluated over a report: a column of R1, a row of R3 …
#[derive(Debug)]
pub struct Instance {
    pub rule: &'static str,
    pub subject: &'static str,
    pub left: &'static [String],
    pub right: &'static [String],
    pub left_sum: f64,
    pub right_sum: f64,
}

impl Instance {
    pub fn holds(&self) -> bool {
        (self.left_sum - self.right_sum).abs() < 1e-6
    }

    pub fn cells(&self) -> impl Iterator<Item = &'static String> {
        self.left.iter().chain(self.right)
    }

    pub fn involves(&self, cell: &str) -> bool {
        self.cells().any(|c| c == cell)
    }
}

/// The template's equations written out once per process (templates are static data).
fn expanded(template: &'static Template) -> &'static [Expanded] {
    static CACHE: OnceLock<Vec<(&'static str, Vec<Expanded>)>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        TEMPLATES
            .iter()
            .map(|t| {
                let equations = t
                    .equations
                    .iter()
                    .flat_map(|eq| {
                        elements(t, eq).into_iter().map(move |(each, subject)| {
                            let (left, right) = (expand(eq.left, each), expand(eq.right, each));
                            let (left_at, right_at) = (positions(t, &left), positions(t, &right));
                            Expanded { rule: eq.rule, subject, left, right, left_at, right_at }
                        })
                    })
                    .collect();
                (t.id, equations)
            })
            .collect()
    });
    cache.iter().find(|(id, _)| *id == template.id).map_or(&[], |(_, e)| e.as_slice())
}

/// Every equation of the template written out, as the positions (in `cell_ids()`) of the
/// cells summed on each side.
pub(crate) fn cell_sums(template: &'static Template) -> impl Iterator<Item = (&'static [usize], &'static [usize])> {
    expanded(template).iter().map(|eq| (eq.left_at.as_slice(), eq.right_at.as_slice()))
}

/// Every equation instance whose cells are all known, with its two sums (evaluated once per
/// report and kept with its cells).
pub fn instances(cells: &Extraction) -> &[Instance] {
    cells.equations.get_or_init(|| evaluate(cells.template, cells))
}

fn evaluate(template: &'static Template, cells: &Extraction) -> Vec<Instance> {
    let sum = |at: &[usize]| at.iter().map(|&i| cells.known_at(i)).sum::<Option<f64>>();
    expanded(template)
        .iter()
        .filter_map(|eq| {
            Some(Instance {
                rule: eq.rule,
                subject: eq.subject,
                left: &eq.left,
                right: &eq.right,
                left_sum: sum(&eq.left_at)?,
                right_sum: sum(&eq.right_at)?,
            })
        })
        .collect()
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

/// Where each cell sits in the template's `cell_ids()`; a cell the template lacks is a bug in
/// the template data, caught by the tests of every template.
fn positions(template: &'static Template, ids: &[String]) -> Vec<usize> {
    ids.iter().map(|id| template.cell_index(id).unwrap_or_else(|| panic!("{}: no cell {id}", template.id))).collect()
}

/// The failing instances of one rule as findings: `{subject}：{left}={l}，但{right}={r}`.
pub fn report_failures(
    rule: &super::Rule,
    report: &Report,
    out: &mut Vec<crate::result::Diagnostic>,
    describe: fn(&Instance) -> (String, &'static str, &'static str),
) {
    let Some(extraction) = report.extraction else { return };
    for inst in instances(extraction).iter().filter(|i| i.rule == rule.id && !i.holds()) {
        let (subject, left_name, right_name) = describe(inst);
        let message = format!(
            "{subject}：{left_name}={}，但{right_name}={}，两者应相等（相差 {}）",
            fmt_num(inst.left_sum),
            fmt_num(inst.right_sum),
            fmt_num((inst.left_sum - inst.right_sum).abs())
        );
        out.push(
            rule.diagnostic(message)
                // Cells of rows the report's layout leaves out are counted as 0, not named.
                .cells(inst.cells().filter(|c| !extraction.cell_index(c).is_some_and(|i| extraction.is_omitted(i))).cloned())
                .figures(inst.right_sum, inst.left_sum)
                .line(extraction.line(&inst.left[0])),
        );
    }
}
