//! The U+FFFD contract: a cell whose text is exactly `\u{fffd}` is a figure the PDF reader saw
//! but could not read whole (its digits wrapped or crossed a border). It is `null` with a
//! `cell-unreadable` warning that names it, the rest of its row is read, and no error is built
//! on it: the equations that need it are not checked.

mod common;

use common::{consistent_cells, render, Layout, Rng, Story, Style};
use nianbao::result::{Severity, ValidationResult};
use nianbao::template::Template;
use nianbao::{validate_str, Source};

fn report(layout: Layout) -> (String, common::Cells) {
    let template = Template::by_id("2021").unwrap();
    let mut rng = Rng::new(5);
    let cells = consistent_cells(template, &mut rng);
    let story = Story { body: "某某县某某局", year: 2023 };
    let bytes = render(template, &cells, &story, layout, &Style::plain(), &mut rng);
    (String::from_utf8(bytes).unwrap(), cells)
}

/// The text with the figures of the row labelled `label` replaced: `column` (0-based) by U+FFFD.
fn unreadable_in_row(text: &str, label: &str, column: usize, separator: char) -> String {
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split(separator).collect();
            let Some(at) = cells.iter().position(|c| c.contains(label)) else { return line.to_string() };
            if done {
                return line.to_string();
            }
            done = true;
            let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            let figure = at + 1 + column;
            cells[figure] = if separator == '|' { " \u{fffd} ".into() } else { "\u{fffd}".into() };
            cells.join(&separator.to_string())
        })
        .collect();
    assert!(done, "row {label} not found");
    lines.join("\n")
}

fn check(text: &str) -> ValidationResult {
    validate_str(text, &Source::default())
}

fn assert_unreadable(result: &ValidationResult, id: &str, others: &[&str]) {
    assert_eq!(result.cells[id], None, "{id} is null, never a guess");
    for other in others {
        assert!(result.cells[*other].is_some(), "{other}: the rest of the row is read");
    }
    let notes: Vec<_> = result.diagnostics.iter().filter(|d| d.rule == "cell-unreadable").collect();
    assert_eq!(notes.len(), 1, "{:?}", result.diagnostics);
    assert_eq!(notes[0].cells, vec![id.to_string()]);
    assert_eq!(notes[0].severity, Severity::Warning);
    assert!(notes[0].message.contains("跨行折断"), "{}", notes[0].message);
    let errors: Vec<_> = result.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "no error is built on an unreadable cell: {errors:?}");
}

#[test]
fn an_unreadable_cell_in_a_tab_row_is_null_with_a_warning() {
    let (text, _) = report(Layout::Tabs);
    let edited = unreadable_in_row(&text, "予以公开", 0, '\t');
    let result = check(&edited);
    assert_unreadable(&result, "t3.granted.natural", &["t3.granted.commercial", "t3.granted.total"]);
    let message = &result.diagnostics.iter().find(|d| d.rule == "cell-unreadable").unwrap().message;
    assert!(message.contains("自然人") && message.contains("予以公开"), "the message names the cell: {message}");
}

#[test]
fn an_unreadable_total_skips_the_row_and_column_sums() {
    let (text, _) = report(Layout::Pipes);
    let edited = unreadable_in_row(&text, "（七）总计", 6, '|');
    let result = check(&edited);
    assert_unreadable(&result, "t3.results_total.total", &["t3.results_total.natural"]);
    for rule in ["t3-row-total", "t3-results-sum", "t3-balance", "suspect-cell"] {
        assert!(!result.diagnostics.iter().any(|d| d.rule == rule), "{rule} must not fire");
    }
}

#[test]
fn an_unreadable_cell_counts_as_a_figure_in_a_table_four_run() {
    let (text, _) = report(Layout::Tabs);
    // Table 四's data row is one run of 15 figures with no label; the reader still sees 15.
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() == 15 && cells.iter().all(|c| c.chars().all(|ch| ch.is_ascii_digit())) {
                let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                cells[1] = "\u{fffd}".into();
                cells.join("\t")
            } else {
                line.to_string()
            }
        })
        .collect();
    let result = check(&lines.join("\n"));
    assert_unreadable(&result, "t4.review.corrected", &["t4.review.upheld", "t4.suit_after_review.total"]);
}

#[test]
fn unreadable_cells_of_one_row_share_one_warning() {
    let (text, _) = report(Layout::Tabs);
    let once = unreadable_in_row(&text, "部分公开", 1, '\t');
    let twice = unreadable_in_row(&once, "部分公开", 6, '\t');
    let result = check(&twice);
    let notes: Vec<_> = result.diagnostics.iter().filter(|d| d.rule == "cell-unreadable").collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].cells, vec!["t3.partial.commercial".to_string(), "t3.partial.total".to_string()]);
    assert!(notes[0].message.contains("“商业企业”“总计”列"), "{}", notes[0].message);
    assert!(result.cells["t3.partial.natural"].is_some());
    assert_eq!(result.summary.errors, 0);
}
