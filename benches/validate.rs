//! Parse + validate benchmarks: the seed report, a large consolidated report, a batch of
//! 1,000 reports, and the floor no reader can beat — a plain scan of the same bytes.
//! `cargo bench --bench validate`; medians go in the README.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::{consistent_cells, render, Layout, Rng, Story, Style};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nianbao::{validate_bytes, Source};

/// The allocator of the native CLI, so that these medians are what the CLI does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn seed_report() -> Vec<u8> {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/xilinhot-2021.txt");
    std::fs::read(corpus).unwrap_or_else(|_| generated(1, Layout::CellPerLine, 1))
}

/// A generated report; `narrative` repeats the prose to model a long consolidated report.
fn generated(seed: u64, layout: Layout, narrative: usize) -> Vec<u8> {
    let template = nianbao::template::Template::by_id("2021").unwrap();
    let mut rng = Rng::new(seed);
    let cells = consistent_cells(template, &mut rng);
    let story = Story { body: "某某市人民政府", year: 2023 };
    let report = render(template, &cells, &story, layout, &Style::plain(), &mut rng);
    let text = String::from_utf8(report).unwrap();
    let paragraph = "本年度，全市各级行政机关认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，\
持续推进决策、执行、管理、服务、结果公开，主动公开政府信息 12345 条，开展政策解读 678 次。\n";
    let (head, tail) = text.split_once("二、主动公开政府信息情况").unwrap();
    format!("{head}{}二、主动公开政府信息情况{tail}", paragraph.repeat(narrative)).into_bytes()
}

fn plain_scan(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

fn benches(c: &mut Criterion) {
    let seed = seed_report();
    let large = generated(7, Layout::HtmlPage, 2_000);
    let batch: Vec<Vec<u8>> = (0..1000)
        .map(|i| generated(i, [Layout::CellPerLine, Layout::Pipes, Layout::HtmlPage, Layout::Pdf][i as usize % 4], 3))
        .collect();
    let batch_bytes: usize = batch.iter().map(Vec::len).sum();
    let source = Source { filename: None };

    let mut group = c.benchmark_group("seed");
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("validate", |b| b.iter(|| validate_bytes(black_box(&seed), &source)));
    group.bench_function("plain_scan", |b| b.iter(|| plain_scan(black_box(&seed))));
    group.finish();

    let mut group = c.benchmark_group("large");
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.sample_size(20);
    group.bench_function("validate", |b| b.iter(|| validate_bytes(black_box(&large), &source)));
    group.bench_function("plain_scan", |b| b.iter(|| plain_scan(black_box(&large))));
    group.finish();

    let mut group = c.benchmark_group("batch_1000");
    group.throughput(Throughput::Bytes(batch_bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("validate", |b| {
        b.iter(|| batch.iter().map(|r| validate_bytes(black_box(r), &source).summary.errors).sum::<usize>())
    });
    group.bench_function("plain_scan", |b| b.iter(|| batch.iter().map(|r| plain_scan(black_box(r))).sum::<usize>()));
    group.finish();
}

criterion_group!(validate, benches);
criterion_main!(validate);
