//! Crawler text: a whole report saved on one line, headings inline, table cells separated by
//! one space or glued with none. Random consistent reports flattened that way must read back
//! with the right template and sections, no error, and never a wrong number: a glued run of
//! digits is a figure only where its cut is certain, otherwise `null` with `cell-unreadable`.

mod common;

use common::{consistent_cells, render, Cells, Layout, Rng, Story, Style};
use nianbao::template::{Template, TEMPLATES};
use nianbao::result::ValidationResult;
use nianbao::{validate_str, Severity, Source};
use proptest::prelude::*;

fn story(template: &Template) -> Story {
    Story { body: "某某区某某局", year: if template.id == "2019" { 2020 } else { 2023 } }
}

/// How the cells of a table row are joined in the flattened text.
#[derive(Clone, Copy, Debug)]
enum Joint {
    Space,
    Glued,
    /// Each gap a space or nothing, at random (`000000 0`, `0 00 00 00`).
    Mixed,
}

/// The report as a crawler saves it: a metadata header, then the article on one line.
fn flattened(template: &Template, cells: &Cells, joint: Joint, rng: &mut Rng) -> String {
    let text = String::from_utf8(render(template, cells, &story(template), Layout::Tabs, &Style::plain(), rng)).unwrap();
    let mut article = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect();
        let (labels, figures): (Vec<&str>, Vec<&str>) = parts.iter().partition(|c| c.parse::<f64>().is_err());
        article.push_str(&labels.concat());
        for (i, figure) in figures.iter().enumerate() {
            let gap = match joint {
                Joint::Space => true,
                Joint::Glued => false,
                Joint::Mixed => rng.chance(50),
            };
            if i > 0 && gap {
                article.push(' ');
            }
            article.push_str(figure);
        }
        if rng.chance(30) {
            article.push(' ');
        }
    }
    format!(
        "标题: {}\n发布时间: {}-01-20 09:30\n栏目: 政府信息公开年报\n==================== 正文 ====================\n{article}\n",
        story(template).title(),
        story(template).year + 1
    )
}

fn check(template: &'static Template, cells: &Cells, text: &str) -> Result<ValidationResult, TestCaseError> {
    let result = validate_str(text, &Source { filename: Some("page.txt") });
    prop_assert_eq!(result.template, Some(template.id), "{}", text);
    let numbers: Vec<u8> = result.sections.iter().map(|s| s.number).collect();
    prop_assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6], "{}", text);
    for (id, want) in cells {
        let got = result.cells.get(id.as_str()).copied().flatten().map(|n| n.0);
        prop_assert!(got.is_none() || got == Some(*want), "{} read as {:?}, is {} in\n{}", id, got, want, text);
    }
    let errors: Vec<&str> = result.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.message.as_str()).collect();
    prop_assert!(errors.is_empty(), "errors {:?} in\n{}", errors, text);
    Ok(result)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn flattened_reports_never_read_a_wrong_number(seed in any::<u64>(), t in 0usize..2, j in 0usize..3) {
        let template = TEMPLATES[t];
        let mut rng = Rng::new(seed);
        let cells = consistent_cells(template, &mut rng);
        let joint = [Joint::Space, Joint::Glued, Joint::Mixed][j];
        let text = flattened(template, &cells, joint, &mut rng);
        let result = check(template, &cells, &text)?;
        if matches!(joint, Joint::Space) {
            for (id, want) in &cells {
                let got = result.cells.get(id.as_str()).copied().flatten().map(|n| n.0);
                prop_assert_eq!(got, Some(*want), "{} with spaces between cells in\n{}", id, text);
            }
        }
    }
}

/// The cell ids of the template's official layout.
fn official_ids(template: &'static Template) -> impl Iterator<Item = String> {
    template.tables.iter().flat_map(move |table| {
        template.official_rows(table).flat_map(move |row| row.columns.iter().map(move |c| format!("{}.{}.{}", table.id, row.id, c.id)))
    })
}

/// Every figure a single digit: each glued run has as many digits as its row has cells, so
/// every cut is certain and every cell is read.
#[test]
fn glued_single_digits_read_exactly() {
    for template in TEMPLATES {
        let mut cells: Cells = official_ids(template).map(|id| (id, 0.0)).collect();
        for (id, v) in [
            ("t3.new.natural", 1.0),
            ("t3.new.total", 1.0),
            ("t3.carried.natural", 1.0),
            ("t3.carried.total", 1.0),
            ("t3.partial.natural", 1.0),
            ("t3.partial.total", 1.0),
            ("t3.granted.natural", 1.0),
            ("t3.granted.total", 1.0),
            ("t3.results_total.natural", 2.0),
            ("t3.results_total.total", 2.0),
            ("t3.carried_forward.natural", 0.0),
            ("t4.review.upheld", 3.0),
            ("t4.review.total", 3.0),
            ("t2.normative.made", 4.0),
            ("t2.normative.issued", 4.0),
        ] {
            if let Some(cell) = cells.get_mut(id) {
                *cell = v;
            }
        }
        let text = flattened(template, &cells, Joint::Glued, &mut Rng::new(7));
        let result = validate_str(&text, &Source { filename: Some("page.txt") });
        for (id, want) in &cells {
            let got = result.cells.get(id.as_str()).copied().flatten().map(|n| n.0);
            assert_eq!(got, Some(*want), "{id} in template {}\n{text}", template.id);
        }
        assert_eq!(result.summary.errors, 0, "{:?}", result.diagnostics);
    }
}

/// The share of cells read per way of joining them, over 300 random reports each (for the
/// README): `cargo test --release --test crawler read_share -- --ignored --nocapture`.
#[test]
#[ignore]
fn read_share() {
    for (name, joint) in [("space", Joint::Space), ("glued", Joint::Glued), ("mixed", Joint::Mixed)] {
        let (mut read, mut all) = (0usize, 0usize);
        for seed in 0..300u64 {
            let template = TEMPLATES[(seed % 2) as usize];
            let mut rng = Rng::new(seed);
            let cells = consistent_cells(template, &mut rng);
            let text = flattened(template, &cells, joint, &mut rng);
            let result = validate_str(&text, &Source { filename: Some("page.txt") });
            all += cells.len();
            read += cells.keys().filter(|id| result.cells.get(id.as_str()).copied().flatten().is_some()).count();
        }
        println!("{name}: {read}/{all} cells read ({:.1}%)", 100.0 * read as f64 / all as f64);
    }
}
