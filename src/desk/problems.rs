//! One mistake, one problem: a `suspect-cell` finding and the equation findings it explains
//! (their cells include the suspect cell) are one problem with its proposed value, in the
//! 审查意见, the score and the widget's list alike.

use serde::Serialize;

use crate::result::Diagnostic;

/// The rules whose findings are broken equations, which a suspect cell may explain.
const EQUATION_RULES: [&str; 4] = ["t3-balance", "t3-results-sum", "t3-row-total", "t4-total"];

/// A problem: a finding (index in the report's `diagnostics`) and the findings it explains.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub finding: usize,
    pub related: Vec<usize>,
}

/// The problems of a report's findings, in the findings' order.
pub fn problems(diagnostics: &[Diagnostic]) -> Vec<Problem> {
    let explained_by = |d: &Diagnostic| -> Option<usize> {
        if !EQUATION_RULES.contains(&d.rule) {
            return None;
        }
        diagnostics.iter().position(|s| s.rule == "suspect-cell" && s.fix.as_ref().is_some_and(|f| d.cells.contains(&f.cell)))
    };
    let mut out: Vec<Problem> = Vec::new();
    let mut absorbed = Vec::new();
    for (index, d) in diagnostics.iter().enumerate() {
        match explained_by(d) {
            Some(suspect) => absorbed.push((suspect, index)),
            None => out.push(Problem { finding: index, related: Vec::new() }),
        }
    }
    for (suspect, index) in absorbed {
        if let Some(problem) = out.iter_mut().find(|p| p.finding == suspect) {
            problem.related.push(index);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::problems;
    use crate::result::{Diagnostic, Fix, Num, Severity};

    #[test]
    fn a_suspect_cell_and_its_equations_are_one_problem() {
        let mut suspect = Diagnostic::new("suspect-cell", Severity::Error, "").cells(["t3.granted.natural"]);
        suspect.fix = Some(Fix { cell: "t3.granted.natural".into(), value: Num(3.0) });
        let row = Diagnostic::new("t3-row-total", Severity::Error, "").cells(["t3.granted.total", "t3.granted.natural"]);
        let column = Diagnostic::new("t3-results-sum", Severity::Error, "").cells(["t3.total.natural", "t3.granted.natural"]);
        let other = Diagnostic::new("t4-total", Severity::Error, "").cells(["t4.review.total"]);
        let found = problems(&[row, suspect, column, other]);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].finding, found[0].related.clone()), (1, vec![0, 2]));
        assert_eq!(found[1].finding, 3);
    }
}
