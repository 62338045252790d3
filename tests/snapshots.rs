//! Snapshot of the full JSON result for every fixture under `tests/fixtures/` (insta).
//! The generated fixtures are rewritten by
//! `cargo test --test snapshots write_fixtures -- --ignored`, then `cargo insta review`.

mod common;

use std::path::{Path, PathBuf};

use common::{consistent_cells, render, Layout, Rng, Story, Style};
use nianbao::template::Template;
use nianbao::{validate_bytes, Source};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn every_fixture_matches_its_snapshot() {
    let root = fixtures_dir();
    let files = common::report_fixtures();
    assert!(files.len() >= 14, "expected the generated fixtures, found {}", files.len());
    for path in files {
        let relative = path.strip_prefix(&root).unwrap().to_string_lossy().replace(['/', '.'], "_");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let result = validate_bytes(&std::fs::read(&path).unwrap(), &Source { filename: Some(&name) });
        insta::assert_json_snapshot!(relative, result);
    }
}

/// The generated fixtures: each template in each layout, in a random but fixed style, and a
/// few reports with typical defects.
#[test]
#[ignore]
fn write_fixtures() {
    let dir = fixtures_dir().join("generated");
    std::fs::create_dir_all(&dir).unwrap();
    let layouts = [
        (Layout::CellPerLine, "cell-per-line.txt"),
        (Layout::Tabs, "tabs.txt"),
        (Layout::Pipes, "pipes.md"),
        (Layout::Pdf, "pdf-text.txt"),
        (Layout::HtmlFragment, "fragment.html"),
        (Layout::HtmlPage, "page.html"),
        (Layout::HtmlPageGbk, "page-gbk.html"),
    ];
    for (t, year, body) in [("2019", 2020, "某某县某某局"), ("2021", 2023, "某某市人民政府")] {
        let template = Template::by_id(t).unwrap();
        for (i, (layout, suffix)) in layouts.iter().enumerate() {
            let mut rng = Rng::new(100 + i as u64 + year as u64);
            let cells = consistent_cells(template, &mut rng);
            let style = Style::random(&mut rng, *layout);
            let bytes = render(template, &cells, &Story { body, year }, *layout, &style, &mut rng);
            std::fs::write(dir.join(format!("{t}-{suffix}")), bytes).unwrap();
        }
    }
    let template = Template::by_id("2021").unwrap();
    let mut rng = Rng::new(5);
    let cells = consistent_cells(template, &mut rng);
    let story = Story { body: "某某区某某委员会", year: 2022 };
    let clean = String::from_utf8(render(template, &cells, &story, Layout::Pipes, &Style::plain(), &mut rng)).unwrap();
    // 予以公开 natural one more than the figures allow: suspect-cell proposes the original.
    let granted = common::fmt(cells["t3.granted.natural"]);
    let wrong = clean.replacen(&format!("（一）予以公开 | {granted} |"), &format!("（一）予以公开 | {} |", common::fmt(cells["t3.granted.natural"] + 3.0)), 1);
    assert_ne!(wrong, clean);
    std::fs::write(dir.join("defect-wrong-cell.md"), wrong).unwrap();
    let outdated = render(Template::by_id("2019").unwrap(), &consistent_cells(Template::by_id("2019").unwrap(), &mut rng), &story, Layout::HtmlPage, &Style::plain(), &mut rng);
    std::fs::write(dir.join("defect-outdated-template.html"), outdated).unwrap();
    let sections = clean.replace("五、存在的主要问题及改进情况", "五、存在的问题和不足").replace("2023年1月18日", "2023年2月20日");
    std::fs::write(dir.join("defect-sections-and-date.md"), sections).unwrap();
}
