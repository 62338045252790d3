//! The narrative rules (`text-table-mismatch`, `fee-statement`) and the batch rule
//! (`carry-chain`):
//!
//! - our own fixtures in `tests/fixtures/narrative/` (invented text; `defect-*` carry the
//!   narrative defects, every other one is clean): exactly the expected findings;
//! - precision: no finding from these rules on any clean fixture under `tests/fixtures/`, with
//!   the count of statements recognised and flagged printed;
//! - the annotated statements of the real reports in `../shared/corpus` (read in place);
//! - the batch: one body in consecutive years linked and compared, other bodies not linked.

mod common;

use std::path::{Path, PathBuf};

use nianbao::narrative::{judge, scan, Claim, Verdict};
use nianbao::result::ValidationResult;
use nianbao::{validate_batch, validate_bytes, Source};
use serde_json::Value;

const NARRATIVE_RULES: [&str; 3] = ["text-table-mismatch", "fee-statement", "carry-chain"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn narrative_fixture(name: &str) -> (String, Vec<u8>) {
    let path = fixtures().join("narrative").join(name);
    (name.to_string(), std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn validate(name: &str, bytes: &[u8]) -> ValidationResult {
    validate_bytes(bytes, &Source { filename: Some(name) })
}

/// The claims the scanner recognises in a report, each with its verdict.
fn recognised(name: &str, bytes: &[u8]) -> Vec<(Claim, Verdict)> {
    let source = Source { filename: Some(name) };
    let (_, _, doc) = nianbao::read::read(bytes, &source);
    let meta = nianbao::locate::meta(&doc);
    let Some(extraction) = nianbao::extract::extract(&doc, &nianbao::locate::sections(&doc)) else { return Vec::new() };
    scan(&doc, &meta).into_iter().map(|c| { let v = judge(&c, &extraction); (c, v) }).collect()
}

/// (rule, line, expected, actual) of the findings of our rules, sorted.
type Finding = (String, usize, Option<f64>, Option<f64>);

fn narrative_findings(result: &ValidationResult) -> Vec<Finding> {
    let mut found: Vec<Finding> = result
        .diagnostics
        .iter()
        .filter(|d| NARRATIVE_RULES.contains(&d.rule))
        .map(|d| (d.rule.to_string(), d.line.unwrap_or(0), d.expected.map(|n| n.0), d.actual.map(|n| n.0)))
        .collect();
    found.sort_by(|a, b| a.partial_cmp(b).unwrap());
    found
}

/// The 1-based line of the first line containing `needle`.
fn line_of(bytes: &[u8], needle: &str) -> usize {
    let text = String::from_utf8_lossy(bytes);
    text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle} not in fixture")) + 1
}

fn finding(rule: &str, line: usize, expected: f64, actual: f64) -> Finding {
    (rule.to_string(), line, Some(expected), Some(actual))
}

#[test]
fn defect_county_report_gets_exactly_its_findings() {
    let (name, bytes) = narrative_fixture("defect-county-2023.md");
    let result = validate(&name, &bytes);
    let line = |needle: &str| line_of(&bytes, needle);
    let text = "text-table-mismatch";
    let applications = line("全县全年共收到政府信息公开申请 48 件");
    let outcomes = line("办理结果：予以公开");
    let appeals = line("本年度未发生政府信息公开行政复议");
    let mut want = vec![
        finding(text, applications, 46.0, 48.0), // 收到 48, table new 46
        finding(text, applications, 4.0, 5.0),   // 上年结转 5
        finding(text, applications, 48.0, 47.0), // 办结 47, （七）总计 48
        finding(text, applications, 2.0, 3.0),   // 结转下一年度 3
        finding(text, line("其中自然人申请 41 件"), 40.0, 41.0),
        finding(text, outcomes, 24.0, 25.0), // 予以公开２５件 (full-width digits)
        finding(text, outcomes, 12.5, 15.0), // 部分公开 6 件 (right) 占 15% (6/48 = 12.5%)
        finding(text, outcomes, 4.0, 5.0),   // 不予公开五件
        finding(text, outcomes, 3.0, 2.0),   // 其他处理两件
        finding(text, line("所有申请均已办结"), 2.0, 0.0),
        finding(text, appeals, 5.0, 0.0), // 未发生行政复议和行政诉讼
        finding(text, appeals, 1.0, 0.0), // 均未被纠错, one corrected
        finding("fee-statement", line("本年度未发生政府信息公开收费事项"), 1.0, 0.0),
    ];
    want.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(narrative_findings(&result), want);
    // The finding quotes the sentence and its line is shown.
    let first = result.diagnostics.iter().find(|d| d.rule == text).unwrap();
    assert!(first.message.contains("全县全年共收到政府信息公开申请 48 件"), "{}", first.message);
    assert!(first.source.as_deref().unwrap_or("").contains("上年结转 5 件"));
    // Received applications are read as new, or new plus carried over: both are named.
    assert_eq!(first.cells, vec!["t3.new.total", "t3.carried.total"]);
}

#[test]
fn silent_section_six_is_flagged() {
    let (name, bytes) = narrative_fixture("defect-fee-silent-2023.txt");
    let result = validate(&name, &bytes);
    let heading = line_of(&bytes, "六、其他需要报告的事项");
    assert_eq!(narrative_findings(&result), vec![("fee-statement".to_string(), heading, None, None)]);
    assert!(result.diagnostics.iter().any(|d| d.message.contains("第六部分未说明信息处理费的收取情况")));
}

/// Every fixture under `tests/fixtures` except our narrative defects.
fn clean_fixtures() -> Vec<PathBuf> {
    let mut all = common::report_fixtures();
    all.retain(|p| {
        let in_narrative = p.parent().is_some_and(|d| d.ends_with("narrative"));
        let defect = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("defect-"));
        !(in_narrative && defect)
    });
    all
}

#[test]
fn precision_no_findings_on_clean_fixtures() {
    let mut recognised_total = 0;
    let mut flagged_total = 0;
    let mut failures = Vec::new();
    for path in clean_fixtures() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let claims = recognised(&name, &bytes);
        let compared = claims.iter().filter(|(_, v)| *v != Verdict::Unknown).count();
        let disagreeing = claims.iter().filter(|(_, v)| matches!(v, Verdict::Disagrees { .. })).count();
        let result = validate(&name, &bytes);
        let findings = narrative_findings(&result);
        println!("{name}: {} statements recognised, {compared} compared, {} flagged", claims.len(), findings.len());
        recognised_total += claims.len();
        flagged_total += findings.len();
        if !findings.is_empty() || disagreeing > 0 {
            failures.push(format!("{name}: {findings:?}"));
        }
    }
    println!("precision on clean fixtures: {recognised_total} statements recognised, {flagged_total} flagged");
    assert!(failures.is_empty(), "findings on clean fixtures:\n{}", failures.join("\n"));
}

#[test]
fn clean_fixtures_recognise_the_statements_they_make() {
    let (name, bytes) = narrative_fixture("clean-county-2023.md");
    let claims = recognised(&name, &bytes);
    for (claim, verdict) in &claims {
        println!("{:>3} {:?} “{}” → {:?}", claim.line, claim.kind, claim.quote, verdict);
    }
    let agreed = claims.iter().filter(|(_, v)| *v == Verdict::Agrees).count();
    // 收到, 上年结转, 受理, 自然人, 法人, 新收, 答复, 结转下年度, 予以公开 + 占比, 部分公开 + 占,
    // 予以公开和部分公开 + 占, 不予公开, 无法提供八件, 不予处理, 其他处理, 予以公开 + 占收到,
    // 行政复议, 行政诉讼, 均获维持
    assert!(agreed >= 23, "only {agreed} statements recognised and agreeing");
    let quotes: Vec<&str> = claims.iter().map(|(c, _)| c.quote.as_str()).collect();
    let not_statements = [
        "较上年增加 11 件",
        "各乡镇共收到政府信息公开申请 120 件",
        "通过线上平台收到申请 30 件",
        "2022年收到申请 35 件",
        "预计明年收到申请约 60 件",
        "全年办理网民留言 89 件",
    ];
    for skipped in not_statements {
        assert!(!quotes.iter().any(|q| q.contains(skipped)), "{skipped} must not be read as a statement");
    }
    let (name, bytes) = narrative_fixture("clean-department-2023.txt");
    let claims = recognised(&name, &bytes);
    for (claim, verdict) in &claims {
        println!("{:>3} {:?} “{}” → {:?}", claim.line, claim.kind, claim.quote, verdict);
    }
    assert!(claims.iter().filter(|(_, v)| *v == Verdict::Agrees).count() >= 7);
    assert!(!claims.iter().any(|(c, _)| c.quote.contains("全市")), "全市 in a department's report is beyond its scope");
}

// ---- the real reports ----

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: {} not found; the narrative corpus test needs the shared corpus", dir.display());
        None
    }
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text a finding quotes: between the first “ and the next ”.
fn quoted(message: &str) -> Option<String> {
    let (_, rest) = message.split_once('“')?;
    Some(squeeze(rest.split_once('”')?.0))
}

#[test]
fn corpus_statements_are_judged_as_annotated() {
    let Some(dir) = corpus() else { return };
    let mut failures = Vec::new();
    let (mut statements, mut false_ones, mut recognised_total) = (0, 0, 0);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else { continue };
        let expected: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let Some(listed) = expected["statements"].as_array() else { continue };
        let report = ["txt", "md", "html", "htm", "docx"].iter().map(|e| dir.join(format!("{stem}.{e}"))).find(|p| p.exists()).unwrap();
        let bytes = std::fs::read(&report).unwrap();
        let result = validate(&report.to_string_lossy(), &bytes);
        recognised_total += recognised(&report.to_string_lossy(), &bytes).len();
        let ours: Vec<_> = result.diagnostics.iter().filter(|d| NARRATIVE_RULES.contains(&d.rule)).collect();
        let flags = |quote: &str, d: &&nianbao::Diagnostic| {
            let quote = squeeze(quote);
            squeeze(&d.message).contains(&quote)
                || squeeze(d.source.as_deref().unwrap_or("")).contains(&quote)
                || quoted(&d.message).is_some_and(|q| !q.is_empty() && quote.contains(&q))
        };
        for statement in listed {
            let quote = statement["quote"].as_str().unwrap();
            let agrees = statement["agrees"].as_bool().unwrap();
            statements += 1;
            let flagged = ours.iter().any(|d| flags(quote, d));
            if !agrees {
                false_ones += 1;
                if !flagged {
                    failures.push(format!("{stem}: not flagged: {quote}"));
                }
            } else if ours.iter().any(|d| quoted(&d.message).is_some_and(|q| squeeze(quote).contains(&q) || q.contains(&squeeze(quote)))) {
                failures.push(format!("{stem}: flagged although it agrees: {quote}"));
            }
        }
        for d in &ours {
            let explained = listed.iter().any(|s| s["agrees"] == false && flags(s["quote"].as_str().unwrap(), d));
            if !explained {
                failures.push(format!("{stem}: unexpected {} at line {:?}: {}", d.rule, d.line, d.message));
            }
        }
    }
    println!("corpus: {statements} annotated statements ({false_ones} false); the scanner recognised {recognised_total} statements");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- several reports at once ----

fn batch(names: &[&str]) -> nianbao::BatchResult {
    let inputs: Vec<(String, Vec<u8>)> = names.iter().map(|n| narrative_fixture(n)).collect();
    validate_batch(&inputs)
}

#[test]
fn consecutive_years_that_agree_are_linked_without_findings() {
    let out = batch(&["clean-county-2023.md", "chain-county-2024.md"]);
    assert_eq!(out.links.len(), 1);
    let link = &out.links[0];
    assert_eq!((link.previous, link.next, link.years), (0, 1, [2023, 2024]));
    assert_eq!(link.names, ["clean-county-2023.md".to_string(), "chain-county-2024.md".to_string()]);
    assert!(out.results.iter().all(|r| narrative_findings(r).is_empty()));
    assert_eq!(out.results[0].links[0].relation, "next");
    assert_eq!(out.results[1].links[0].relation, "previous");
    assert_eq!(out.results[1].links[0].name, "clean-county-2023.md");
}

#[test]
fn a_broken_carry_over_is_flagged_on_the_later_report() {
    // Later report first: links are by year, not by order; 某某县政府 = 某某县人民政府.
    let out = batch(&["chain-county-2024-broken.md", "clean-county-2023.md"]);
    assert_eq!(out.links.len(), 1);
    assert_eq!((out.links[0].previous, out.links[0].next), (1, 0));
    let later = &out.results[0];
    let bytes = narrative_fixture("chain-county-2024-broken.md").1;
    let carried = line_of(&bytes, "二、上年结转政府信息公开申请数量");
    let in_force = line_of(&bytes, "| 行政规范性文件 |");
    let chain = "carry-chain";
    let mut want = vec![finding(chain, carried, 2.0, 3.0), finding(chain, carried, 2.0, 3.0), finding(chain, in_force, 31.0, 29.0)];
    want.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(narrative_findings(later), want);
    let info = later.diagnostics.iter().find(|d| d.rule == chain && d.severity == nianbao::Severity::Info).unwrap();
    assert!(info.message.contains("clean-county-2023.md"), "{}", info.message);
    // …and `copied-text`: the two fixtures share their section 五 word for word.
    assert_eq!(later.diagnostics.iter().filter(|d| d.rule == "copied-text").count(), 1);
    assert_eq!((later.summary.warnings, later.summary.infos), (3, 1));
    // Sorted as every result is: warnings before infos.
    let severities: Vec<_> = later.diagnostics.iter().map(|d| d.severity).collect();
    assert!(severities.windows(2).all(|w| w[0] <= w[1]));
    assert!(narrative_findings(&out.results[1]).is_empty(), "the earlier report gets nothing");
}

#[test]
fn different_bodies_are_not_linked() {
    let out = batch(&["clean-county-2023.md", "chain-district-2024.md"]);
    assert!(out.links.is_empty());
    assert!(out.results.iter().all(|r| r.links.is_empty() && narrative_findings(r).is_empty()));
    let json = serde_json::to_value(&out.results[0]).unwrap();
    assert_eq!(json["links"], serde_json::json!([]), "links is always present");
}

#[test]
fn cli_checks_several_files_together() {
    let dir = fixtures().join("narrative");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json"])
        .arg(dir.join("clean-county-2023.md"))
        .arg(dir.join("chain-county-2024-broken.md"))
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "one JSON object per file");
    let rules: Vec<&str> = lines[1]["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["rule"].as_str()).collect();
    assert!(rules.contains(&"carry-chain"));
    assert_eq!(lines[1]["links"][0]["relation"], "previous");
}

/// Lists what the scanner reads in the corpus reports, or in the files named by
/// `NIANBAO_DUMP` (colon-separated): `cargo test --test narrative dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_claims() {
    let paths: Vec<PathBuf> = match std::env::var("NIANBAO_DUMP") {
        Ok(list) => list.split(':').map(PathBuf::from).collect(),
        Err(_) => {
            let Some(dir) = corpus() else { return };
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect()
        }
    };
    for path in paths {
        if !matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html" | "htm" | "docx")) || path.ends_with("README.md") {
            continue;
        }
        println!("== {}", path.display());
        for (claim, verdict) in recognised(&path.to_string_lossy(), &std::fs::read(&path).unwrap()) {
            println!("{:>4} {:?} “{}” → {:?}", claim.line, claim.kind, claim.quote, verdict);
        }
    }
}

/// Template 2019 has one （六）其他处理 row: 其他处理 N 件 is compared with it.
#[test]
fn template_2019_other_row() {
    let path = fixtures().join("generated/2019-pipes.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let other = validate("2019-pipes.md", text.as_bytes()).cells["t3.other.total"].expect("read").0;
    let with = |stated: f64| {
        let sentence = format!("一、总体情况\n本年度政府信息公开申请中其他处理 {stated} 件。");
        let report = text.replacen("一、总体情况", &sentence, 1);
        narrative_findings(&validate("report.md", report.as_bytes()))
    };
    assert!(with(other).is_empty());
    let line = text.lines().position(|l| l == "一、总体情况").unwrap() + 2;
    assert_eq!(with(other + 1.0), vec![finding("text-table-mismatch", line, other, other + 1.0)]);
}

/// Received applications are counted as 新收 alone or as 新收 + 上年结转, in the total and in
/// each applicant column; a figure that is neither is still flagged. The clean department
/// report has new 6 (natural 5, commercial 1) and carried over 2 (natural 2).
#[test]
fn received_applications_read_as_new_or_new_and_carried() {
    let (name, bytes) = narrative_fixture("clean-department-2023.txt");
    let text = String::from_utf8(bytes).unwrap();
    let stated = "本局全年收到政府信息公开申请 6 件";
    assert!(text.contains(stated));
    let with = |sentence: &str| {
        let report = text.replacen(stated, sentence, 1);
        (narrative_findings(&validate(&name, report.as_bytes())), line_of(report.as_bytes(), sentence))
    };
    for agrees in [
        "本局全年收到政府信息公开申请 8 件",
        "本局全年收到政府信息公开申请 8 件，涉及自然人7件",
        "本局全年收到政府信息公开申请 6 件，涉及自然人5件、法人或其他组织1件",
        "本局全年共收到申请8件，其中自然人申请7件，法人或其他组织申请1件",
    ] {
        assert_eq!(with(agrees).0, vec![], "{agrees}");
    }
    let (found, line) = with("本局全年收到政府信息公开申请 9 件，涉及自然人8件");
    assert_eq!(found, vec![finding("text-table-mismatch", line, 5.0, 8.0), finding("text-table-mismatch", line, 6.0, 9.0)]);
}
