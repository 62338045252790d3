//! Writes N generated reports (consistent figures, mixed layouts) into a folder, for the
//! batch and memory measurements of `scripts/bench`:
//! `cargo run --release --example write_reports -- DIR 1000`.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{consistent_cells, render, Layout, Rng, Story, Style};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: write_reports DIR COUNT");
    let count: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    std::fs::create_dir_all(&dir).expect("create the folder");
    let template = nianbao::template::Template::by_id("2021").expect("template 2021");
    let layouts = [(Layout::CellPerLine, "txt"), (Layout::Pipes, "md"), (Layout::HtmlPage, "html"), (Layout::Pdf, "txt")];
    for i in 0..count {
        let mut rng = Rng::new(i);
        let cells = consistent_cells(template, &mut rng);
        let (layout, ext) = layouts[i as usize % layouts.len()];
        let story = Story { body: "某某市某某局", year: 2023 };
        let bytes = render(template, &cells, &story, layout, &Style::random(&mut rng, layout), &mut rng);
        std::fs::write(format!("{dir}/report-{i:04}.{ext}"), bytes).expect("write a report");
    }
}
