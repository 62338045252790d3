//! Every rule: a report where it fires and one where it must not. Reports are rendered from
//! consistent figures, then edited the way real reports go wrong.

mod common;

use common::{consistent_cells, render, Cells, Layout, Rng, Story, Style};
use nianbao::result::ValidationResult;
use nianbao::template::Template;
use nianbao::{validate_bytes, validate_str, Source};

struct Report {
    text: String,
    cells: Cells,
}

fn report(template: &str, layout: Layout, year: u32) -> Report {
    let template = Template::by_id(template).unwrap();
    let mut rng = Rng::new(11);
    let cells = consistent_cells(template, &mut rng);
    let story = Story { body: "某某市某某局", year };
    let bytes = render(template, &cells, &story, layout, &Style::plain(), &mut rng);
    Report { text: String::from_utf8(bytes).unwrap(), cells }
}

fn clean() -> Report {
    report("2021", Layout::Pipes, 2023)
}

fn check(text: &str) -> ValidationResult {
    validate_str(text, &Source::default())
}

fn rules(result: &ValidationResult) -> Vec<&'static str> {
    result.diagnostics.iter().map(|d| d.rule).collect()
}

fn fires(text: &str, rule: &str) -> ValidationResult {
    let result = check(text);
    assert!(rules(&result).contains(&rule), "{rule} should fire; got {:?}\n{text}", rules(&result));
    result
}

/// Replaces the figures of the pipe row whose label contains `label`.
fn with_row(text: &str, label: &str, figures: &[String]) -> String {
    text.lines()
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            if line.starts_with('|') && cells[0].contains(label) {
                format!("| {} | {} |", cells[0], figures.join(" | "))
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn row_figures(cells: &Cells, row: &str) -> Vec<String> {
    ["natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"]
        .iter()
        .map(|c| common::fmt(cells[&format!("t3.{row}.{c}")]))
        .collect()
}

fn bumped(cells: &Cells, row: &str, column: usize, by: f64) -> Vec<String> {
    let mut figures = row_figures(cells, row);
    let value: f64 = figures[column].parse::<f64>().unwrap() + by;
    figures[column] = common::fmt(value);
    figures
}

#[test]
fn clean_reports_have_no_findings_in_any_layout() {
    for template in ["2019", "2021"] {
        let year = if template == "2019" { 2020 } else { 2023 };
        for layout in [Layout::CellPerLine, Layout::Tabs, Layout::Pipes, Layout::Pdf, Layout::HtmlPage] {
            let r = report(template, layout, year);
            let result = check(&r.text);
            assert_eq!(result.template, Some(template));
            assert!(result.diagnostics.is_empty(), "{template} {layout:?}: {:?}", rules(&result));
        }
    }
}

#[test]
fn t3_balance_and_suspect_cell() {
    let r = clean();
    let text = with_row(&r.text, "本年新收", &bumped(&r.cells, "new", 0, 1.0));
    let result = fires(&text, "t3-balance");
    let suspect = result.diagnostics.iter().find(|d| d.rule == "suspect-cell").expect("suspect-cell");
    let fix = suspect.fix.as_ref().unwrap();
    assert_eq!(fix.cell, "t3.new.natural");
    assert_eq!(fix.value.0, r.cells["t3.new.natural"]);
    let balance = result.diagnostics.iter().find(|d| d.rule == "t3-balance").unwrap();
    assert!(balance.message.contains("自然人"), "{}", balance.message);
    assert_eq!(balance.actual.unwrap().0 - balance.expected.unwrap().0, 1.0);
    assert!(balance.cells.contains(&"t3.carried_forward.natural".to_string()));
}

#[test]
fn t3_results_sum() {
    let r = clean();
    fires(&with_row(&r.text, "予以公开", &bumped(&r.cells, "granted", 1, 2.0)), "t3-results-sum");
}

#[test]
fn t3_row_total_without_a_unique_suspect() {
    let r = clean();
    // Two cells of one row off by one each: the row total fails, no single cell explains it.
    let mut figures = bumped(&r.cells, "partial", 0, 1.0);
    figures[6] = common::fmt(figures[6].parse::<f64>().unwrap() + 2.0);
    let result = fires(&with_row(&r.text, "部分公开", &figures), "t3-row-total");
    assert!(!rules(&result).contains(&"suspect-cell"), "{:?}", rules(&result));
}

#[test]
fn t4_total() {
    let r = report("2021", Layout::CellPerLine, 2023);
    let mut lines: Vec<String> = r.text.lines().map(str::to_string).collect();
    let heading = lines.iter().position(|l| l.starts_with("四、政府信息公开")).unwrap();
    // The fifth figure after the heading is 行政复议's 总计.
    let review_total = (heading..lines.len()).filter(|i| lines[*i].parse::<f64>().is_ok()).nth(4).unwrap();
    lines[review_total] = "999".into();
    let edited = lines;
    let result = fires(&edited.join("\n"), "t4-total");
    let d = result.diagnostics.iter().find(|d| d.rule == "t4-total").unwrap();
    assert_eq!(d.actual.unwrap().0, 999.0);
    assert!(d.cells.contains(&"t4.review.total".to_string()));
}

#[test]
fn cell_checks() {
    let r = clean();
    let mut figures = row_figures(&r.cells, "granted");
    figures[2] = "见附件".into();
    fires(&with_row(&r.text, "予以公开", &figures), "cell-not-number");
    figures[2] = "-1".into();
    fires(&with_row(&r.text, "予以公开", &figures), "cell-negative");
    figures[2] = "0.5".into();
    fires(&with_row(&r.text, "予以公开", &figures), "cell-fraction");
    let mut figures = row_figures(&r.cells, "rejected.duplicate");
    let zero = figures.iter().position(|f| f == "0").expect("a zero cell");
    figures[zero] = "—".into();
    let result = fires(&with_row(&r.text, "重复申请", &figures), "cell-blank");
    assert_eq!(result.summary.errors, 0, "a dash is read as 0: {:?}", rules(&result));
}

#[test]
fn cell_unreadable_when_figures_cannot_be_placed() {
    let r = clean();
    let mut figures = row_figures(&r.cells, "granted");
    figures.pop();
    let result = fires(&with_row(&r.text, "予以公开", &figures), "cell-unreadable");
    assert_eq!(result.cells["t3.granted.natural"], None, "an unplaceable row is not guessed");
    assert!(!rules(&result).contains(&"t3-results-sum"), "equations with unread cells are skipped");
}

#[test]
fn missing_parts() {
    let r = clean();
    let without_section: String = r.text.lines().filter(|l| !l.starts_with("五、")).collect::<Vec<_>>().join("\n");
    fires(&without_section, "missing-section");
    let without_row: String = r.text.lines().filter(|l| !l.contains("重复申请")).collect::<Vec<_>>().join("\n");
    let result = fires(&without_row, "missing-row");
    assert!(result.diagnostics.iter().any(|d| d.message.contains("重复申请")));
    let cut = r.text.find("四、政府信息公开行政复议").unwrap();
    let end = r.text.find("五、存在的主要问题").unwrap();
    let without_table = format!("{}四、政府信息公开行政复议、行政诉讼情况\n{}", &r.text[..cut], &r.text[end..]);
    let result = fires(&without_table, "missing-table");
    assert!(result.diagnostics.iter().any(|d| d.rule == "missing-table" && d.message.contains("表四")));
}

#[test]
fn sections_order_and_wording() {
    let r = clean();
    let text = r.text.replace("五、存在的主要问题及改进情况", "四、存在的问题及改进情况");
    let result = fires(&text, "section-order");
    assert!(rules(&result).contains(&"heading-variant"));
    assert_eq!(rules(&check(&r.text)).len(), 0);
}

#[test]
fn outdated_template() {
    let r = report("2019", Layout::Pipes, 2022);
    let result = fires(&r.text, "outdated-template");
    assert_eq!(result.template, Some("2019"));
    assert!(!rules(&check(&report("2019", Layout::Pipes, 2020).text)).contains(&"outdated-template"));
}

#[test]
fn year_mismatch_and_late_publication() {
    let r = clean();
    fires(&r.text.replace("统计期限为2023年1月1日至2023年12月31日", "统计期限为2022年1月1日至2022年12月31日"), "year-mismatch");
    let late = r.text.replace("2024年1月18日", "2024年3月5日");
    let result = fires(&late, "late-publication");
    assert!(result.diagnostics.iter().any(|d| d.message.contains("2024-01-31")));
    // A government's own report is due by 31 March.
    let government = late.replace("某某市某某局", "某某市人民政府");
    assert!(!rules(&check(&government)).contains(&"late-publication"));
}

#[test]
fn t2_in_force() {
    let r = clean();
    let issued = r.cells["t2.normative.issued"] + 5.0;
    let text = r
        .text
        .lines()
        .map(|l| {
            if l.starts_with("| 行政规范性文件") {
                format!("| 行政规范性文件 | {} | 0 | 1 |", common::fmt(issued))
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let result = fires(&text, "t2-in-force");
    assert_eq!(result.summary.errors, 0);
}

#[test]
fn input_unreadable() {
    let result = validate_bytes(&[0, 159, 146, 150, 0, 0, 1, 2], &Source::default());
    assert_eq!(rules(&result), vec!["input-unreadable"]);
    let huge = vec![b'a'; nianbao::LIMITS.max_input_bytes + 1];
    let result = validate_bytes(&huge, &Source::default());
    assert!(result.diagnostics[0].message.contains("20 MB"));
    let result = validate_bytes(b"\xD0\xCF\x11\xE0rest", &Source::default());
    assert!(result.diagnostics[0].message.contains(".docx"));
}

#[test]
fn every_rule_is_registered_with_documentation() {
    for rule in nianbao::rules::RULES {
        assert!(!rule.summary.is_empty() && rule.doc.contains("例"), "{} needs a summary and an example", rule.id);
    }
}

/// Before an arithmetic error, the reading is questioned: a figure that is the one every
/// failing equation wants but its last digit was cut short (a line break, digits run
/// together) is set aside as unreadable, not reported as an error; a figure that is simply
/// different stays an error.
#[test]
fn a_figure_cut_short_is_unreadable_not_an_error() {
    let r = clean();
    let total = r.cells["t3.results_total.total"];
    assert!(total >= 10.0, "the clean report's （七）总计 has two digits or more: {total}");
    let with_total = |value: f64| {
        let mut figures = row_figures(&r.cells, "results_total");
        figures[6] = common::fmt(value);
        check(&with_row(&r.text, "（七）总计", &figures))
    };
    let cut = with_total((total / 10.0).floor());
    assert_eq!(cut.summary.errors, 0, "{:?}", rules(&cut));
    let unreadable = cut.diagnostics.iter().find(|d| d.rule == "cell-unreadable").expect("cell-unreadable");
    assert_eq!(unreadable.cells, ["t3.results_total.total"]);
    assert!(unreadable.message.contains(&common::fmt(total)), "{}", unreadable.message);
    assert_eq!(cut.cells["t3.results_total.total"], None, "a doubtful figure is not shown");

    let different = with_total(total - 2.0);
    for rule in ["t3-balance", "t3-results-sum", "t3-row-total", "suspect-cell"] {
        assert!(rules(&different).contains(&rule), "{rule}: {:?}", rules(&different));
    }
    assert!(!rules(&different).contains(&"cell-unreadable"));
}
