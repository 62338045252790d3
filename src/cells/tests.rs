use super::*;
use crate::result::Diagnostic;
use crate::{validate_str, Source};

const SAMPLE: &str = include_str!("../../www/sample-report.txt");
const SAMPLE_ERRORS: &str = include_str!("../../www/sample-report-errors.txt");

/// The cells a report's result holds, as the text an author would type (`""` for a blank).
fn typed(result: &ValidationResult) -> Vec<(String, String)> {
    result.cells.iter().map(|(id, v)| (id.to_string(), v.as_ref().map_or(String::new(), |n| rules::fmt_num(n.0)))).collect()
}

fn check(template: &str, cells: &[(String, String)]) -> ValidationResult {
    validate_cells(template, cells.iter().map(|(id, text)| (id.as_str(), text.as_str())), None).unwrap()
}

fn set(cells: &mut [(String, String)], id: &str, text: &str) {
    cells.iter_mut().find(|(c, _)| c == id).unwrap_or_else(|| panic!("no {id}")).1 = text.to_string();
}

fn rules_of(result: &ValidationResult) -> Vec<&str> {
    result.diagnostics.iter().map(|d| d.rule).collect()
}

#[test]
fn a_consistent_report_typed_in_has_no_finding_and_its_statistics() {
    let read = validate_str(SAMPLE, &Source::default());
    let result = check("2021", &typed(&read));
    assert_eq!(result.diagnostics, Vec::new());
    assert_eq!(result.cells, read.cells);
    assert_eq!(result.stats, read.stats);
    assert_eq!(result.input.kind, "cells");
    assert_eq!(result.template, Some("2021"));
}

/// The cells of a report with errors give the report's own table findings, without lines.
#[test]
fn typed_cells_give_the_table_findings_of_the_report() {
    let read = validate_str(SAMPLE_ERRORS, &Source::default());
    let result = check("2021", &typed(&read));
    let from_report: Vec<(&str, &str)> = read
        .diagnostics
        .iter()
        .filter(|d| TABLE_RULES.contains(&d.rule))
        .map(|d| (d.rule, d.message.as_str()))
        .collect();
    let from_cells: Vec<(&str, &str)> = result.diagnostics.iter().map(|d| (d.rule, d.message.as_str())).collect();
    assert_eq!(from_cells, from_report);
    assert!(result.diagnostics.iter().all(|d| d.line.is_none() && d.source.is_none()));
}

#[test]
fn an_empty_form_is_blank_everywhere_and_has_no_error() {
    let result = validate_cells("2019", [], None).unwrap();
    assert_eq!(rules_of(&result), ["cell-blank", "cell-blank", "cell-blank"]);
    assert_eq!(result.summary.errors, 0);
    assert!(result.cells.values().all(Option::is_none));
    assert_eq!(result.cells.len(), Template::by_id("2019").unwrap().cell_ids().len());
}

#[test]
fn each_cell_rule_fires_on_what_is_typed_and_clears_when_it_is_corrected() {
    let read = validate_str(SAMPLE, &Source::default());
    let mut cells = typed(&read);
    for (text, rule) in [("见附件", "cell-not-number"), ("-3", "cell-negative"), ("2.5", "cell-fraction"), ("—", "cell-blank")] {
        set(&mut cells, "t3.denied.query.legal", text);
        assert!(rules_of(&check("2021", &cells)).contains(&rule), "{text}: {:?}", rules_of(&check("2021", &cells)));
    }
    set(&mut cells, "t3.denied.query.legal", "０");
    assert_eq!(check("2021", &cells).diagnostics, Vec::new(), "full-width zero");
    set(&mut cells, "t2.rules.in_force", "0");
    set(&mut cells, "t2.rules.issued", "3");
    assert!(rules_of(&check("2021", &cells)).contains(&"t2-in-force"));
}

/// A row total left blank while everything else holds: one value makes every equation hold,
/// and every arithmetic finding offers it.
#[test]
fn a_single_value_that_restores_every_equation_is_offered() {
    let read = validate_str(SAMPLE, &Source::default());
    let mut cells = typed(&read);
    let total = cells.iter().find(|(id, _)| id == "t4.review.total").unwrap().1.clone();
    set(&mut cells, "t4.review.total", "");
    let result = check("2021", &cells);
    assert_eq!(rules_of(&result), ["t4-total", "cell-blank"]);
    let fix = result.diagnostics[0].fix.as_ref().expect("a fix");
    assert_eq!((fix.cell.as_str(), rules::fmt_num(fix.value.0)), ("t4.review.total", total.clone()));

    let granted = cells.iter().find(|(id, _)| id == "t3.granted.total").unwrap().1.clone();
    set(&mut cells, "t4.review.total", &total);
    set(&mut cells, "t3.granted.total", "999");
    let result = check("2021", &cells);
    assert!(!result.diagnostics.is_empty());
    for d in result.diagnostics.iter().filter(|d| d.rule != "suspect-cell") {
        let fix = d.fix.as_ref().expect("every arithmetic finding offers the value");
        assert_eq!((fix.cell.as_str(), rules::fmt_num(fix.value.0)), ("t3.granted.total", granted.clone()));
    }
}

/// Two cells wrong at once: no single value explains it, so nothing is offered (never a guess).
#[test]
fn no_value_is_offered_when_one_cell_cannot_explain_every_failure() {
    let read = validate_str(SAMPLE, &Source::default());
    let mut cells = typed(&read);
    set(&mut cells, "t4.review.total", "50");
    set(&mut cells, "t3.new.natural", "500");
    let result = check("2021", &cells);
    let arithmetic: Vec<&Diagnostic> = result.diagnostics.iter().filter(|d| d.expected.is_some()).collect();
    assert!(arithmetic.len() >= 3);
    assert!(arithmetic.iter().all(|d| d.fix.is_none() || d.rule == "suspect-cell"));
}

#[test]
fn unknown_templates_and_cells_are_refused() {
    assert_eq!(validate_cells("2020", [], None).unwrap_err(), CellsError::UnknownTemplate("2020".into()));
    let err = validate_cells("2019", [("t2.rules.issued", "1")], None).unwrap_err();
    assert_eq!(err, CellsError::UnknownCell("t2.rules.issued".into()));
}

#[test]
fn huge_figures_are_not_rounded() {
    let result = validate_cells("2021", [("t2.license.decisions", "90071992547409930")], None).unwrap();
    assert!(rules_of(&result).contains(&"cell-not-number"));
    assert_eq!(result.cells["t2.license.decisions"], None);
}

/// Items typed, their total still blank: the total is offered, not a change to a typed item.
#[test]
fn a_blank_total_is_offered_rather_than_changing_a_typed_figure() {
    let result = validate_cells("2021", [("t4.review.upheld", "3"), ("t4.review.corrected", "1")], None).unwrap();
    let t4 = result.diagnostics.iter().find(|d| d.rule == "t4-total").unwrap();
    let fix = t4.fix.as_ref().expect("a fix");
    assert_eq!((fix.cell.as_str(), fix.value.0), ("t4.review.total", 4.0));

    // Every cell typed and the total wrong: changing the total or the one item could each
    // restore the equation, so nothing is offered.
    let result = validate_cells(
        "2021",
        [("t4.review.upheld", "3"), ("t4.review.corrected", "0"), ("t4.review.other", "0"), ("t4.review.pending", "0"), ("t4.review.total", "4")],
        None,
    )
    .unwrap();
    assert_eq!(result.diagnostics.iter().find(|d| d.rule == "t4-total").unwrap().fix, None);
}

/// Last year's 结转下年度 against this year's 上年结转, and the documents in force.
#[test]
fn last_years_cells_are_compared_with_this_years() {
    let last_year = typed(&validate_str(SAMPLE, &Source::default()));
    let previous = Previous {
        template: "2021",
        cells: last_year.iter().map(|(id, text)| (id.as_str(), text.as_str())).collect(),
        name: "上年报告",
        year: Some(2023),
    };
    let carried_forward = |col: &str| last_year.iter().find(|(id, _)| *id == format!("t3.carried_forward.{col}")).unwrap().1.clone();
    let mut this_year: Vec<(String, String)> = ["natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"]
        .iter()
        .map(|col| (format!("t3.carried.{col}"), carried_forward(col)))
        .collect();
    let check = |cells: &[(String, String)]| {
        validate_cells("2021", cells.iter().map(|(id, text)| (id.as_str(), text.as_str())), Some(&previous)).unwrap()
    };
    let chain_warnings = |result: &ValidationResult| -> Vec<Diagnostic> {
        result.diagnostics.iter().filter(|d| d.rule == "carry-chain" && d.severity == crate::Severity::Warning).cloned().collect()
    };
    assert_eq!(chain_warnings(&check(&this_year)), Vec::new());
    this_year[0].1 = "99".to_string();
    let chain = chain_warnings(&check(&this_year));
    assert_eq!(chain.len(), 1);
    assert_eq!(chain[0].cells, ["t3.carried.natural"]);
    assert!(chain[0].message.contains("“上年报告”（2023 年）"), "{}", chain[0].message);
    assert!(chain[0].line.is_none());
}

/// A figure typed before its totals: no `suspect-cell` proposing to undo it.
#[test]
fn a_figure_typed_before_its_totals_is_not_suspect() {
    let result = validate_cells("2021", [("t3.unable.unclear.research", "2")], None).unwrap();
    assert!(rules_of(&result).contains(&"t3-row-total"));
    assert!(!rules_of(&result).contains(&"suspect-cell"), "{:?}", rules_of(&result));
}
