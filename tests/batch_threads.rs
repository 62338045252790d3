//! The native CLI checks a folder on several threads (`NIANBAO_JOBS`), each report alone, then
//! links them in one batch: the output is byte for byte what one thread prints.

mod common;

use std::path::{Path, PathBuf};

use common::{consistent_cells, render, Layout, Rng, Story, Style};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every fixture (the narrative ones link across years) and generated reports of a few bodies
/// over consecutive years in every layout, as `(name, bytes)`.
fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for folder in ["generated", "narrative", "docx", "hostile"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures().join(folder)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            out.push((format!("{folder}-{}", path.file_name().unwrap().to_str().unwrap()), std::fs::read(&path).unwrap()));
        }
    }
    let template = nianbao::template::Template::by_id("2021").unwrap();
    let bodies = ["某某市某某局", "某某县人民政府", "某某区某某委员会"];
    for i in 0..24u64 {
        let mut rng = Rng::new(i);
        let cells = consistent_cells(template, &mut rng);
        let layout = common::LAYOUTS[i as usize % common::LAYOUTS.len()];
        let story = Story { body: bodies[i as usize % bodies.len()], year: 2016 + (i / 3) as u32 };
        let bytes = render(template, &cells, &story, layout, &Style::random(&mut rng, layout), &mut rng);
        let ext = match layout {
            Layout::Docx => "docx",
            Layout::HtmlFragment | Layout::HtmlPage | Layout::HtmlPageGbk => "html",
            _ => "txt",
        };
        out.push((format!("gen-{i:02}.{ext}"), bytes));
    }
    out
}

fn cli(dir: &Path, format: &str, jobs: &str) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", format])
        .arg(dir)
        .arg(dir.join("missing.txt"))
        .env("NIANBAO_JOBS", jobs)
        .output()
        .unwrap();
    (output.stdout, output.stderr, output.status.code())
}

#[test]
fn cli_threads_answer_as_one_thread() {
    let dir = std::env::temp_dir().join(format!("nianbao-batch-threads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in inputs() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    for format in ["json", "human", "table"] {
        let one = cli(&dir, format, "1");
        assert!(one.0.len() > 1000, "{format}: the reports were checked");
        assert_eq!(one.2, Some(2), "{format}: a missing file and unreadable fixtures");
        for jobs in ["2", "3", "8"] {
            assert!(cli(&dir, format, jobs) == one, "{format} on {jobs} threads differs from one thread");
        }
    }
    let json = String::from_utf8(cli(&dir, "json", "2").0).unwrap();
    assert!(json.contains("\"rule\":\"carry-chain\""), "links found across threads");
    std::fs::remove_dir_all(&dir).unwrap();
}
