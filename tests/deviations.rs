//! Reports that depart from their template in the common ways real bodies do: a 2021-layout
//! table 三 with the 2019 layout's single （六）其他处理 row, and table 二 without the 规章 row.
//! The figures are read as they stand, the arithmetic is checked with the rows the report has,
//! and each departure is named once as a `template-deviation` warning — not as missing rows.

mod common;

use common::{consistent_cells, render, Cells, Layout, Rng, Story, Style};
use nianbao::result::ValidationResult;
use nianbao::template::Template;
use nianbao::{validate_str, Severity, Source};

const SUBROWS: [&str; 3] = ["申请人无正当理由逾期不补正", "逾期未按收费通知", "3.其他"];

/// A 2021 report (tab-separated, as copied from Word) with its three （六） rows merged into
/// one carrying their sums, and its 规章 row dropped.
fn mixed_report(cells: &Cells, rng: &mut Rng) -> String {
    let template = Template::by_id("2021").unwrap();
    let story = Story { body: "某某镇人民政府", year: 2023 };
    let text = String::from_utf8(render(template, cells, &story, Layout::Tabs, &Style::plain(), rng)).unwrap();
    let mut sums = [0.0f64; 7];
    let mut out = Vec::new();
    for line in text.lines() {
        if line.split('\t').next() == Some("规章") {
            continue;
        }
        if SUBROWS.iter().any(|s| line.contains(s)) {
            let figures: Vec<f64> = line.split('\t').rev().take(7).map(|f| f.parse().unwrap()).collect();
            for (sum, figure) in sums.iter_mut().zip(figures.iter().rev()) {
                *sum += figure;
            }
            if line.contains("3.其他") {
                let row: Vec<String> = sums.iter().map(|v| v.to_string()).collect();
                out.push(format!("\t（六）其他处理\t{}", row.join("\t")));
            }
            continue;
        }
        out.push(line.to_string());
    }
    out.join("\n")
}

fn check(text: &str) -> ValidationResult {
    validate_str(text, &Source { filename: Some("report.txt") })
}

#[test]
fn single_other_row_and_no_rules_row_are_read_and_named_once() {
    for seed in 0..40 {
        let mut rng = Rng::new(seed);
        let template = Template::by_id("2021").unwrap();
        let cells = consistent_cells(template, &mut rng);
        let text = mixed_report(&cells, &mut rng);
        let result = check(&text);
        assert_eq!(result.template, Some("2021"));
        for column in ["natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"] {
            let want: f64 = ["no_correction", "unpaid_fee", "other"].iter().map(|r| cells[&format!("t3.other.{r}.{column}")]).sum();
            let got = result.cells.get(format!("t3.other.{column}").as_str()).copied().flatten().map(|n| n.0);
            assert_eq!(got, Some(want), "t3.other.{column}, seed {seed}\n{text}");
            assert!(!result.cells.contains_key(format!("t3.other.unpaid_fee.{column}").as_str()));
        }
        assert!(!result.cells.keys().any(|id| id.starts_with("t2.rules.")), "a dropped row has no cells");
        let rules: Vec<&str> = result.diagnostics.iter().filter(|d| d.severity != Severity::Info).map(|d| d.rule).collect();
        assert_eq!(rules, ["template-deviation", "template-deviation"], "seed {seed}: {:?}", result.diagnostics);
    }
}

#[test]
fn the_single_row_takes_part_in_the_arithmetic() {
    let mut rng = Rng::new(3);
    let cells = consistent_cells(Template::by_id("2021").unwrap(), &mut rng);
    let text = mixed_report(&cells, &mut rng);
    let line = text.lines().find(|l| l.contains("（六）其他处理")).unwrap();
    let mut figures: Vec<String> = line.split('\t').skip(2).map(str::to_string).collect();
    figures[0] = (figures[0].parse::<f64>().unwrap() + 5.0).to_string();
    figures[6] = (figures[6].parse::<f64>().unwrap() + 5.0).to_string();
    let broken = text.replace(line, &format!("\t（六）其他处理\t{}", figures.join("\t")));
    let result = check(&broken);
    let suspect = result.diagnostics.iter().find(|d| d.rule == "suspect-cell");
    assert!(result.diagnostics.iter().any(|d| d.rule == "t3-results-sum"), "{:?}", result.diagnostics);
    assert!(suspect.is_none() || suspect.unwrap().cells.iter().all(|c| c.starts_with("t3.")));
}

#[test]
fn a_2021_report_with_its_own_rows_has_no_substitute_cells() {
    let mut rng = Rng::new(9);
    let template = Template::by_id("2021").unwrap();
    let cells = consistent_cells(template, &mut rng);
    let text = String::from_utf8(render(template, &cells, &Story { body: "某某局", year: 2023 }, Layout::Tabs, &Style::plain(), &mut rng)).unwrap();
    let result = check(&text);
    assert!(!result.cells.keys().any(|id| id.starts_with("t3.other.") && id.matches('.').count() == 2));
    assert!(result.diagnostics.iter().all(|d| d.rule != "template-deviation"));
}
