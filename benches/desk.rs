//! The batch with and without the batch rules and the desk: 1,000 generated reports of 200
//! bodies over five years, checked one by one (`alone`) and as one batch (`batch`: the same
//! checks, plus what the desk keeps of each report, carry-chain, copied-text, figure-jump,
//! bodies, series, scores). Issue 11 asks the batch to cost at most 30% more.
//! `nice -n 10 cargo bench --bench desk`.

use std::hint::black_box;
use std::time::Duration;

#[path = "../tests/common/mod.rs"]
mod common;

use common::{consistent_cells, render, Layout, Rng, Story, Style};
use criterion::{criterion_group, criterion_main, Criterion};
use nianbao::batch::{Batch, Input};
use nianbao::{validate_bytes, Source};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Report `i`: body `i / 5`, year 2020 + `i % 5`, in one of four layouts.
fn report(i: u64) -> (String, Vec<u8>) {
    let template = nianbao::template::Template::by_id("2021").unwrap();
    let mut rng = Rng::new(i);
    let cells = consistent_cells(template, &mut rng);
    let body: &'static str = Box::leak(format!("某某县第{}局", i / 5).into_boxed_str());
    let story = Story { body, year: 2020 + (i % 5) as u32 };
    let layout = [Layout::CellPerLine, Layout::Pipes, Layout::HtmlPage, Layout::Pdf][i as usize % 4];
    (format!("r{i}.txt"), render(template, &cells, &story, layout, &Style::plain(), &mut rng))
}

fn benches(c: &mut Criterion) {
    let reports: Vec<(String, Vec<u8>)> = (0..1000).map(report).collect();
    let mut group = c.benchmark_group("desk_1000");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("alone", |b| {
        b.iter(|| reports.iter().map(|(name, bytes)| validate_bytes(black_box(bytes), &Source { filename: Some(name) }).summary.errors).sum::<usize>())
    });
    group.bench_function("batch", |b| {
        b.iter(|| {
            let mut batch = Batch::default();
            for (name, bytes) in &reports {
                batch.add(name, Input::Bytes(black_box(bytes)));
            }
            batch.finish().desk.scores.len()
        })
    });
    group.finish();
}

criterion_group!(desk, benches);
criterion_main!(desk);
