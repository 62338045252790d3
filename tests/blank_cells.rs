//! "Blank is a value": a cell, a row or a whole table left blank is read as blank (`null`,
//! with `cell-blank`), never as a missing table; in text with one cell per line the spacing
//! says which cell is blank, and where it does not say so exactly the row is left unread.
//! And no clean report, fixture or generated, gets an error finding.

mod common;

use std::path::Path;

use common::{consistent_cells_zeroed, render, Blanks, Cells, Layout, Rng, Story, Style, LAYOUTS};
use nianbao::template::Template;
use nianbao::result::ValidationResult;
use nianbao::{validate_bytes, Severity, Source};

const BODY: &str = "某某市某某局";

fn template() -> &'static Template {
    Template::by_id("2021").unwrap()
}

/// A 2021 report with the cells under `blank` zero and written empty, one cell per line with
/// `gap` blank lines between cells.
fn cell_per_line(blank: &[&str], gap: usize) -> (Cells, String) {
    let rows: Vec<String> = blank.iter().map(|b| b.to_string()).collect();
    let cells = consistent_cells_zeroed(template(), &mut Rng::new(7), &rows);
    let style = Style { blanks: Blanks { rows, forms: &[""], ..Blanks::default() }, cell_gap: gap, ..Style::plain() };
    let story = Story { body: BODY, year: 2023 };
    let bytes = render(template(), &cells, &story, Layout::CellPerLine, &style, &mut Rng::new(7));
    (cells, String::from_utf8(bytes).unwrap())
}

fn check(text: &str) -> ValidationResult {
    validate_bytes(text.as_bytes(), &Source { filename: Some("report.txt") })
}

fn cell(result: &ValidationResult, id: &str) -> Option<f64> {
    result.cells.get(id).copied().flatten().map(|n| n.0)
}

fn rules(result: &ValidationResult) -> Vec<&'static str> {
    result.diagnostics.iter().map(|d| d.rule).collect()
}

/// The lines of `text` with the run of blank lines after the `nth` non-blank line following
/// the line `label` resized to `blank_lines`.
fn respace(text: &str, label: &str, nth: usize, blank_lines: usize) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let start = lines.iter().position(|l| *l == label).unwrap_or_else(|| panic!("no line {label}"));
    let figure = (start + 1..lines.len()).filter(|i| !lines[*i].trim().is_empty()).nth(nth).unwrap();
    let next = (figure + 1..lines.len()).find(|i| !lines[*i].trim().is_empty()).unwrap();
    let mut out: Vec<&str> = lines[..=figure].to_vec();
    out.extend(std::iter::repeat_n("", blank_lines));
    out.extend(&lines[next..]);
    out.join("\n")
}

#[test]
fn a_blank_cell_is_read_from_the_spacing_of_one_or_two_lines() {
    for gap in [1, 2] {
        let (cells, text) = cell_per_line(&["t3.granted.commercial"], gap);
        let result = check(&text);
        for column in ["natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"] {
            let id = format!("t3.granted.{column}");
            let want = (column != "commercial").then(|| cells[&id]);
            assert_eq!(cell(&result, &id), want, "{id} with {gap} blank lines between cells");
        }
        assert_eq!(rules(&result), ["cell-blank"], "gap {gap}");
    }
}

#[test]
fn irregular_spacing_leaves_the_row_unread() {
    let (_, text) = cell_per_line(&["t3.granted.commercial"], 1);
    // One blank line between cells; the blank cell after 自然人 shows as three. Two is neither.
    let text = respace(&text, "（一）予以公开", 0, 2);
    let result = check(&text);
    for column in ["natural", "commercial", "total"] {
        assert_eq!(cell(&result, &format!("t3.granted.{column}")), None);
    }
    let unreadable = result.diagnostics.iter().find(|d| d.rule == "cell-unreadable").expect("cell-unreadable");
    assert!(unreadable.cells.contains(&"t3.granted.natural".to_string()), "{:?}", unreadable.cells);
    assert!(result.diagnostics.iter().all(|d| d.severity != Severity::Error), "{:?}", rules(&result));
}

#[test]
fn blanks_that_overfill_the_row_leave_it_unread() {
    let (_, text) = cell_per_line(&["t3.granted.commercial"], 1);
    // Five blank lines: two blank cells, so six figures and two blanks for seven columns.
    let text = respace(&text, "（一）予以公开", 0, 5);
    let result = check(&text);
    assert_eq!(cell(&result, "t3.granted.natural"), None);
    assert!(rules(&result).contains(&"cell-unreadable"), "{:?}", rules(&result));
    assert!(result.diagnostics.iter().all(|d| d.severity != Severity::Error), "{:?}", rules(&result));
}

#[test]
fn a_table_left_blank_is_blank_in_every_layout() {
    let story = Story { body: BODY, year: 2023 };
    for table in ["t4.", "t3.", "t2."] {
        let cells = consistent_cells_zeroed(template(), &mut Rng::new(3), &[table.to_string()]);
        let ids: Vec<&String> = cells.keys().filter(|id| id.starts_with(table)).collect();
        for layout in LAYOUTS.iter().copied() {
            for form in Blanks::forms(layout) {
                let blanks = Blanks { rows: vec![table.into()], forms: std::slice::from_ref(form), ..Blanks::default() };
                let style = Style { blanks, ..Style::plain() };
                let bytes = render(template(), &cells, &story, layout, &style, &mut Rng::new(3));
                let result = validate_bytes(&bytes, &Source { filename: Some(layout.filename()) });
                let context = format!("{table} {layout:?} with {form:?}");
                for id in &ids {
                    assert_eq!(cell(&result, id), None, "{id} in {context}");
                }
                let listed = result.diagnostics.iter().any(|d| d.rule == "cell-blank" && d.cells.len() == ids.len());
                assert!(listed, "cell-blank lists the table in {context}: {:?}", rules(&result));
                assert!(!rules(&result).contains(&"missing-table"), "{context}");
                assert!(errors(&result, layout).is_empty(), "{context}: {:?}", errors(&result, layout));
            }
        }
    }
}

#[test]
fn a_table_whose_labels_stand_is_not_missing_even_unread() {
    let (_, text) = cell_per_line(&["t4."], 1);
    // Fifteen blank cells after the header's last label, with one blank line too few.
    let lines: Vec<&str> = text.split('\n').collect();
    let heading = lines.iter().position(|l| l.starts_with("五、")).unwrap();
    let last_label = (0..heading).rev().find(|i| !lines[*i].trim().is_empty()).unwrap();
    let text = [&lines[..=last_label], &[""; 30][..], &lines[heading..]].concat().join("\n");
    let result = check(&text);
    assert!(!rules(&result).contains(&"missing-table"), "{:?}", rules(&result));
    let unread = result.diagnostics.iter().find(|d| d.rule == "cell-unreadable").expect("cell-unreadable");
    assert_eq!(unread.cells.len(), 15, "{}", unread.message);
    assert!(unread.message.contains("表四"), "{}", unread.message);
    assert!(result.diagnostics.iter().all(|d| d.severity != Severity::Error), "{:?}", rules(&result));
}

#[test]
fn a_table_that_is_not_there_is_still_missing() {
    let (_, text) = cell_per_line(&[], 1);
    let lines: Vec<&str> = text.split('\n').collect();
    let from = lines.iter().position(|l| l.starts_with("四、")).unwrap();
    let to = lines.iter().position(|l| l.starts_with("五、")).unwrap();
    let text = [&lines[..=from], &lines[to..]].concat().join("\n");
    let result = check(&text);
    let missing: Vec<&str> = result.diagnostics.iter().filter(|d| d.rule == "missing-table").map(|d| d.message.as_str()).collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("表四"), "{missing:?}");
}

/// Error findings, but for the sections a bare table fragment cannot have.
fn errors(result: &ValidationResult, layout: Layout) -> Vec<String> {
    result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && !(layout == Layout::HtmlFragment && d.rule == "missing-section"))
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect()
}

/// Not the fixtures made to carry defects, nor the hostile inputs that test limits.
fn is_clean_fixture(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    let dir = path.parent().unwrap().file_name().unwrap().to_string_lossy();
    let defective = name.starts_with("defect-") || name.contains("broken");
    // The DOCX sample is a short extract for the reader's tests: most table rows are left out.
    let partial = name == "sample-report.docx";
    !defective && !partial && dir != "hostile"
}

#[test]
fn no_clean_fixture_has_an_error() {
    let mut paths = common::report_fixtures();
    paths.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/sample-report.txt"));
    paths.retain(|p| is_clean_fixture(p));
    assert!(paths.len() >= 19, "found {} clean fixtures", paths.len());
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let result = validate_bytes(&std::fs::read(&path).unwrap(), &Source { filename: Some(&name) });
        let layout = if name.contains("fragment") { Layout::HtmlFragment } else { Layout::HtmlPage };
        assert!(errors(&result, layout).is_empty(), "{}: {:?}", path.display(), errors(&result, layout));
    }
}

#[test]
fn no_generated_clean_report_has_an_error() {
    for template in nianbao::template::TEMPLATES.iter().copied() {
        for layout in LAYOUTS.iter().copied() {
            for seed in 0..6 {
                let mut rng = Rng::new(seed);
                let mut style = Style::random(&mut rng, layout);
                if seed % 2 == 1 {
                    style.blanks = Blanks::random(&mut rng, template, layout);
                }
                let cells = consistent_cells_zeroed(template, &mut Rng::new(seed), &style.blanks.rows);
                let story = Story { body: BODY, year: if template.id == "2019" { 2020 } else { 2023 } };
                let bytes = render(template, &cells, &story, layout, &style, &mut rng);
                let result = validate_bytes(&bytes, &Source { filename: Some(layout.filename()) });
                let errors = errors(&result, layout);
                assert!(errors.is_empty(), "template {} {layout:?} seed {seed}: {errors:?}", template.id);
            }
        }
    }
}

/// A row completed by blank cells its spacing implies is a reading in doubt: when an equation
/// over it fails, the row is set aside as unreadable instead of an error. The same figure in a
/// row read whole is an error.
#[test]
fn a_failure_over_a_row_completed_from_its_spacing_is_a_reading_doubt() {
    let (cells, text) = cell_per_line(&["t3.granted.commercial"], 1);
    let natural = cells["t3.granted.natural"];
    let other = cells["t3.partial.natural"];
    let bump = |text: &str, label: &str, value: f64| {
        let lines: Vec<&str> = text.split('\n').collect();
        let start = lines.iter().position(|l| *l == label).unwrap();
        let figure = (start + 1..lines.len()).find(|i| !lines[*i].trim().is_empty()).unwrap();
        assert_eq!(lines[figure], common::fmt(value), "the first figure after {label}");
        let mut out = lines.clone();
        let bumped = common::fmt(value + 1.0);
        out[figure] = &bumped;
        out.join("\n")
    };
    let doubted = check(&bump(&text, "（一）予以公开", natural));
    assert_eq!(doubted.summary.errors, 0, "{:?}", rules(&doubted));
    let unreadable = doubted.diagnostics.iter().find(|d| d.rule == "cell-unreadable").expect("cell-unreadable");
    assert_eq!(unreadable.cells.len(), 7, "{}", unreadable.message);
    assert!(unreadable.cells.iter().all(|c| c.starts_with("t3.granted.")), "{:?}", unreadable.cells);
    assert_eq!(cell(&doubted, "t3.granted.natural"), None);

    // One figure of a row read whole explains the failures of its row and of its column, the
    // latter over the row completed from spacing too: an error, pointed at that figure.
    let wrong = check(&bump(&text, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", other));
    for rule in ["t3-row-total", "t3-results-sum", "suspect-cell"] {
        assert!(rules(&wrong).contains(&rule), "{rule}: {:?}", rules(&wrong));
    }
    assert!(!rules(&wrong).contains(&"cell-unreadable"), "{:?}", rules(&wrong));
}
