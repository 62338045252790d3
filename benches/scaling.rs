//! Linear time: `validate_bytes` on 1 MB and 10 MB of each kind of input, built here from the
//! same repeated unit, so a linear pipeline shows the same throughput (MB/s) at both sizes and
//! a 10 MB median about ten times the 1 MB one.
//!
//! - `text`: a consolidated report as pasted text: one department's report after another
//!   (tables in markdown pipes or tab-separated rows, alternately), each followed by prose.
//! - `html`: the same as one web page: headings, paragraphs and every department's tables with
//!   their official `rowspan`/`colspan` layout.
//!
//! A text unit is 16 KB with about 250 table cells, an HTML unit 32 KB with about 400 grid cells
//! (rowspans carry labels down), so 10 MB stays inside the cell and line limits
//! (`nianbao::LIMITS`): the whole input is read, never refused early.
//!
//! `cargo bench --bench scaling`; the medians are recorded in `fuzz/README.md`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::{consistent_cells, html_tables, render, Layout, Rng, Story, Style};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nianbao::template::Template;
use nianbao::{validate_bytes, Source, LIMITS};

/// The allocator of the native CLI, as in `benches/validate.rs`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MB: usize = 1024 * 1024;
const UNIT_BYTES: usize = 16 * 1024;
const HTML_UNIT_BYTES: usize = 32 * 1024;
const BODIES: [&str; 4] = ["某某市财政局", "某某市教育局", "某某区人民政府", "某某县自然资源局"];
/// Prose about the year's work, with figures, but none the tables could contradict.
const PROSE: &str = "本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，\
围绕中心工作持续推进决策、执行、管理、服务、结果公开，全年主动公开政府信息 1234 条，开展政策解读 56 次，\
举办新闻发布会 7 场，政府网站访问量 89 万人次。";

/// A department's figures, for either template.
fn report(seed: u64) -> (&'static Template, common::Cells, Rng) {
    let template = Template::by_id(if seed % 3 == 0 { "2019" } else { "2021" }).unwrap();
    let mut rng = Rng::new(seed);
    let cells = consistent_cells(template, &mut rng);
    (template, cells, rng)
}

/// Consolidated text of about `target` bytes.
fn text_input(target: usize) -> Vec<u8> {
    let mut out = String::with_capacity(target + UNIT_BYTES);
    let mut seed = 0;
    while out.len() + UNIT_BYTES <= target {
        let layout = if seed % 2 == 0 { Layout::Pipes } else { Layout::Tabs };
        let (template, cells, mut rng) = report(seed);
        let story = Story { body: BODIES[seed as usize % BODIES.len()], year: 2023 };
        let start = out.len();
        out.push_str(&String::from_utf8(render(template, &cells, &story, layout, &Style::plain(), &mut rng)).unwrap());
        out.push_str("\n\n");
        while out.len() - start + PROSE.len() < UNIT_BYTES {
            out.push_str(PROSE);
            out.push('\n');
        }
        seed += 1;
    }
    out.into_bytes()
}

/// One web page of about `target` bytes.
fn html_input(target: usize) -> Vec<u8> {
    let mut out = String::with_capacity(target + HTML_UNIT_BYTES);
    out.push_str("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某市2023年政府信息公开工作年度报告</title></head><body>");
    let mut seed = 0;
    while out.len() + HTML_UNIT_BYTES + 20 <= target {
        let (template, cells, _) = report(seed);
        let start = out.len();
        out.push_str(&format!("<h2>{}</h2>", BODIES[seed as usize % BODIES.len()]));
        out.push_str(&html_tables(template, &cells, &Style::plain()));
        while out.len() - start + PROSE.len() + 7 < HTML_UNIT_BYTES {
            out.push_str("<p>");
            out.push_str(PROSE);
            out.push_str("</p>");
        }
        seed += 1;
    }
    out.push_str("</body></html>");
    out.into_bytes()
}

fn benches(c: &mut Criterion) {
    let source = Source::default();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.warm_up_time(Duration::from_secs(2));
    for (kind, build) in [("text", text_input as fn(usize) -> Vec<u8>), ("html", html_input)] {
        for megabytes in [1, 10] {
            let input = build(megabytes * MB);
            let result = validate_bytes(&input, &source);
            assert!(
                result.diagnostics.iter().all(|d| d.rule != "input-unreadable"),
                "{kind} {megabytes} MB must be read whole, not refused (limits: {LIMITS:?})"
            );
            assert!(result.template.is_some());
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(kind, format!("{megabytes}MB")), &input, |b, input| {
                b.iter(|| validate_bytes(black_box(input), &source))
            });
        }
    }
    group.finish();
}

criterion_group!(scaling, benches);
criterion_main!(scaling);
