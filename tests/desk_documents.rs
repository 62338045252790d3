//! The desk's documents (审查意见, 汇总分析): the DOCX read back by the engine's own DOCX reader
//! and opened by LibreOffice (converted to PDF and to text); Markdown and HTML saying the same.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::batch::{validate_batch, BatchResult};
use nianbao::desk::letters::{letter, summary, write, Format};
use nianbao::read::read;
use nianbao::Source;

fn batch() -> BatchResult {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/desk");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let inputs: Vec<(String, Vec<u8>)> =
        files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(p).unwrap())).collect();
    validate_batch(&inputs)
}

fn index(batch: &BatchResult, name: &str) -> usize {
    batch.results.iter().position(|r| r.input.name.as_deref() == Some(name)).unwrap()
}

/// What the government's letter must say, in every format.
const LETTER_TEXTS: [&str; 4] = [
    "政府信息公开工作年度报告审查意见",
    "被审查单位：示例县人民政府",
    "综合得分：85.2（满分 100；本批 11 份报告中第 11 名）。",
    "第五部分“存在的主要问题及改进情况”只有 1 个字（“无”），未具体说明存在的问题和改进措施（不足 20 字）",
];

#[test]
fn docx_reads_back_through_the_engine() {
    let batch = batch();
    let d24 = index(&batch, "d-2024.txt");
    let bytes = write(&[letter(&batch, d24)], "审查意见", Format::Docx);
    let (kind, _, doc) = read(&bytes, &Source { filename: Some("letter.docx") });
    assert_eq!(kind.as_str(), "docx");
    assert!(doc.problems.is_empty(), "{:?}", doc.problems.iter().map(|p| &p.message).collect::<Vec<_>>());
    let text = doc.lines.join("\n");
    for want in LETTER_TEXTS {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
    // The score table: one row per indicator plus the header, four cells each.
    let rows: Vec<Vec<&str>> = doc.rows.iter().map(|r| r.cells.iter().map(|c| c.text.as_str()).collect()).collect();
    assert!(rows.contains(&vec!["指标", "权重", "得分", "依据"]), "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with(&["政府报告说明考核、社会评议和责任追究结果", "5", "1.7"])), "{rows:?}");
}

#[test]
fn markdown_and_html_say_the_same() {
    let batch = batch();
    let d24 = index(&batch, "d-2024.txt");
    let markdown = String::from_utf8(write(&[letter(&batch, d24)], "审查意见", Format::Markdown)).unwrap();
    let html = String::from_utf8(write(&[letter(&batch, d24)], "审查意见", Format::Html)).unwrap();
    for want in LETTER_TEXTS {
        assert!(markdown.contains(want), "{want}");
        assert!(html.contains(want), "{want}");
    }
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@media print"));
}

/// One mistake, one item: a suspect cell and the two equations it breaks are one item with
/// the proposed value, and the equations appear under it.
#[test]
fn a_suspect_cell_is_one_item_of_the_letter() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/desk/a-2021.txt");
    let text = String::from_utf8(std::fs::read(dir).unwrap()).unwrap();
    // 予以公开 of natural persons 18 → 17: its row total and its column total both fail.
    let line = text.lines().find(|l| l.contains("（一）予以公开")).unwrap();
    let broken = text.replace(line, &line.replacen("\t18\t", "\t17\t", 1));
    assert_ne!(broken, text);
    let batch = validate_batch(&[("broken.txt".to_string(), broken.into_bytes())]);
    let result = &batch.results[0];
    let rules: Vec<&str> = result.diagnostics.iter().map(|d| d.rule).collect();
    assert!(rules.contains(&"suspect-cell") && rules.iter().filter(|r| r.starts_with("t3-")).count() >= 2, "{rules:?}");
    let problems = &batch.desk.problems[0];
    assert_eq!(problems.len(), 1, "{rules:?}");
    let markdown = letter(&batch, 0).markdown();
    assert_eq!(markdown.matches("【错误】").count(), 1, "{markdown}");
    assert!(markdown.contains("建议：表三“（一）予以公开”行“自然人”列改为 18"), "{markdown}");
    assert!(markdown.matches("由此导致：").count() >= 2, "{markdown}");
}

#[test]
fn libreoffice_opens_the_docx() {
    let Ok(status) = Command::new("soffice").arg("--version").output() else {
        eprintln!("SKIPPED: soffice (LibreOffice) is not installed");
        return;
    };
    assert!(status.status.success());
    let batch = batch();
    let dir = std::env::temp_dir().join(format!("nianbao-desk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("summary.docx");
    std::fs::write(&docx, summary(&batch, Format::Docx)).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    for target in ["pdf", "txt:Text (encoded):UTF8"] {
        let out = Command::new("soffice")
            .args([profile.as_str(), "--headless", "--convert-to", target, "--outdir"])
            .arg(&dir)
            .arg(&docx)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let pdf = std::fs::read(dir.join("summary.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 10_000, "{} bytes", pdf.len());
    let text = std::fs::read_to_string(dir.join("summary.txt")).unwrap();
    for want in ["政府信息公开工作年度报告汇总分析", "一、覆盖情况", "示例县人民政府办公室 / 示例县政府办"].iter().chain(&LETTER_TEXTS) {
        assert!(text.contains(want), "LibreOffice's text lacks {want}");
    }
    assert_eq!(text.matches("政府信息公开工作年度报告审查意见").count(), batch.results.len());
    let _ = std::fs::remove_dir_all(&dir);
}
