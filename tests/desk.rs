//! The supervisor's desk over a batch of invented reports (`tests/fixtures/desk/`, rewritten by
//! `cargo test --test desk write_fixtures -- --ignored`): one body over five years whose last
//! section 五 is last year's with the years changed, a body renamed between two years, a body
//! with a missing year and a year reported twice, figures that jump, a government.

mod common;

use std::path::{Path, PathBuf};

use common::{render, Cells, Layout, Rng, Story, Style};
use nianbao::batch::{validate_batch, BatchResult};
use nianbao::template::Template;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/desk")
}

/// What each report's narrative is about: one subject per report, so that only what a
/// fixture copies on purpose is alike.
const SUBJECTS: [&str; 10] =
    ["重点项目", "财政预决算", "乡村振兴", "教育招生", "道路养护", "公共交通", "安全生产", "行政审批", "社会救助", "环境整治"];

/// Section 一 of report `k`: the five topics of the template, about subject `k`.
fn overview(k: usize) -> Vec<String> {
    let s = SUBJECTS[k % SUBJECTS.len()];
    vec![
        format!("本年度围绕{s}加大主动公开力度，及时发布与{s}有关的政策文件和工作动态。"),
        format!("依申请公开坚持依法受理、按时答复，涉及{s}的申请均在法定期限内办理。"),
        format!("政府信息管理方面，对{s}领域已公开文件开展了清理和公开属性审查。"),
        format!("平台建设方面，在门户网站开设{s}专题栏目，方便群众查询。"),
        format!("监督保障方面，把{s}信息公开纳入年度考核，组织了专题业务培训。"),
    ]
}

/// Section 五 of report `k`: a problem and a measure about subject `k`.
fn problems(k: usize) -> Vec<String> {
    let s = SUBJECTS[k % SUBJECTS.len()];
    vec![
        format!("存在的问题主要是{s}信息的解读形式比较单一，图解和视频解读偏少。"),
        format!("下一步将围绕{s}制作图解、问答等多种形式的解读材料，提高解读的可读性。"),
    ]
}

/// One invented report: its file name, body, year, figures and the sentences of section 一
/// and 五 (by index into the pools, or given).
struct Plan {
    file: &'static str,
    body: &'static str,
    year: u32,
    /// 本年新收, 上年结转, 予以公开 (all from natural persons); 复议 and 诉讼 totals.
    figures: [f64; 5],
    overview: Vec<String>,
    problems: Vec<String>,
}

fn plans() -> Vec<Plan> {
    // Body A over five years; 2024 receives ten times 2023's applications; 2025's section 五
    // is 2024's with the years and a figure changed.
    let a_problems_2024 = vec![
        "2024年存在的问题是政策解读的渠道偏少，解读材料共发布12篇，数量不足。".to_string(),
        "部分信息公开时限把控不严，2024年有3条信息超过规定时限才发布。".to_string(),
        "下一步将在2025年增加解读渠道，每季度至少发布3篇图文解读。".to_string(),
    ];
    let a_problems_2025: Vec<String> = a_problems_2024
        .iter()
        .map(|s| s.replace("2025", "2026").replace("2024", "2025").replace("12篇", "15篇").replace("3条", "5条"))
        .collect();
    let a = |year: u32, figures: [f64; 5], k: usize, problems: Vec<String>| Plan {
        file: ["a-2021.txt", "a-2022.txt", "a-2023.txt", "a-2024.txt", "a-2025.txt"][k],
        body: "示例县交通运输局",
        year,
        figures,
        overview: overview(k),
        problems,
    };
    vec![
        a(2021, [20.0, 0.0, 18.0, 1.0, 0.0], 0, problems(0)),
        a(2022, [25.0, 2.0, 24.0, 2.0, 1.0], 1, problems(2)),
        a(2023, [30.0, 3.0, 30.0, 1.0, 0.0], 2, problems(4)),
        a(2024, [400.0, 3.0, 380.0, 2.0, 1.0], 3, a_problems_2024),
        a(2025, [410.0, 23.0, 420.0, 3.0, 1.0], 4, a_problems_2025),
        // Body B, renamed between its two years.
        Plan { file: "b-2023.txt", body: "示例县人民政府办公室", year: 2023, figures: [8.0, 0.0, 8.0, 0.0, 0.0], overview: overview(5), problems: problems(6) },
        Plan { file: "b-2024.txt", body: "示例县政府办", year: 2024, figures: [9.0, 0.0, 9.0, 0.0, 0.0], overview: overview(6), problems: problems(8) },
        // Body C: 2022 and 2024 (2023 missing), 2024 twice with one figure different.
        Plan { file: "c-2022.txt", body: "示例县教育局", year: 2022, figures: [5.0, 0.0, 5.0, 0.0, 0.0], overview: overview(7), problems: problems(1) },
        Plan { file: "c-2024.txt", body: "示例县教育局", year: 2024, figures: [6.0, 0.0, 6.0, 0.0, 0.0], overview: overview(8), problems: problems(3) },
        Plan { file: "c-2024-revised.txt", body: "示例县教育局", year: 2024, figures: [7.0, 0.0, 7.0, 0.0, 0.0], overview: overview(8), problems: problems(3) },
        // Body D: a government whose section 五 says nothing and whose report mentions only 考核.
        Plan { file: "d-2024.txt", body: "示例县人民政府", year: 2024, figures: [40.0, 0.0, 40.0, 3.0, 2.0], overview: overview(9), problems: vec!["无。".to_string()] },
    ]
}

/// Every cell 0 but the natural-person and total columns of the rows the plan fills.
fn cells(template: &'static Template, plan: &Plan) -> Cells {
    let [new, carried, granted, review, suit] = plan.figures;
    let mut cells: Cells = template.cell_ids().iter().map(|id| (id.to_string(), 0.0)).collect();
    for (row, value) in [("new", new), ("carried", carried), ("granted", granted), ("results_total", granted), ("carried_forward", new + carried - granted)] {
        cells.insert(format!("t3.{row}.natural"), value);
        cells.insert(format!("t3.{row}.total"), value);
    }
    for (group, value) in [("review", review), ("suit_direct", suit)] {
        cells.insert(format!("t4.{group}.upheld"), value);
        cells.insert(format!("t4.{group}.total"), value);
    }
    cells
}

fn report(plan: &Plan) -> Vec<u8> {
    let template = Template::by_id("2021").unwrap();
    let story = Story { body: plan.body, year: plan.year };
    let text = String::from_utf8(render(template, &cells(template, plan), &story, Layout::Tabs, &Style::plain(), &mut Rng::new(1))).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for (heading, sentences) in [("一、总体情况", &plan.overview), ("五、存在的主要问题及改进情况", &plan.problems)] {
        let at = lines.iter().position(|l| l == heading).unwrap();
        lines[at + 1] = sentences.join("");
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out.into_bytes()
}

fn generated() -> Vec<(String, Vec<u8>)> {
    plans().iter().map(|p| (p.file.to_string(), report(p))).collect()
}

#[test]
#[ignore = "rewrites tests/fixtures/desk"]
fn write_fixtures() {
    std::fs::create_dir_all(fixtures_dir()).unwrap();
    for (name, bytes) in generated() {
        std::fs::write(fixtures_dir().join(name), bytes).unwrap();
    }
}

fn batch() -> (Vec<(String, Vec<u8>)>, BatchResult) {
    let inputs: Vec<(String, Vec<u8>)> = plans()
        .iter()
        .map(|p| (p.file.to_string(), std::fs::read(fixtures_dir().join(p.file)).expect("fixture written")))
        .collect();
    let result = validate_batch(&inputs);
    (inputs, result)
}

fn index(inputs: &[(String, Vec<u8>)], file: &str) -> usize {
    inputs.iter().position(|(n, _)| n == file).unwrap()
}

#[test]
fn fixtures_are_what_the_generator_writes() {
    for (name, bytes) in generated() {
        assert_eq!(std::fs::read(fixtures_dir().join(&name)).unwrap(), bytes, "{name}: rewrite with write_fixtures");
    }
}

fn rules_of(result: &BatchResult, i: usize) -> Vec<&'static str> {
    result.results[i].diagnostics.iter().map(|d| d.rule).collect()
}

#[test]
fn bodies_and_years() {
    let (inputs, result) = batch();
    let desk = &result.desk;
    assert_eq!(desk.years, vec![2021, 2022, 2023, 2024, 2025]);
    assert!(desk.unassigned.is_empty());
    let names: Vec<&str> = desk.bodies.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["示例县交通运输局", "示例县人民政府", "示例县政府办", "示例县教育局"]);
    let a = &desk.bodies[0];
    assert_eq!(a.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2021, 2022, 2023, 2024, 2025]);
    assert!(a.missing_years.is_empty() && a.duplicates.is_empty());
    // Renamed: 人民政府办公室 and 政府办 are one body, both names kept, the latest shown.
    let b = &desk.bodies[2];
    assert_eq!(b.names, ["示例县人民政府办公室", "示例县政府办"]);
    assert_eq!(b.years.len(), 2);
    // The government is a body of its own, not the same as its office.
    assert_eq!(desk.bodies[1].years[0].reports, [index(&inputs, "d-2024.txt")]);
    let c = &desk.bodies[3];
    assert_eq!(c.missing_years, [2023]);
    assert_eq!(c.duplicates.len(), 1);
    let duplicate = &c.duplicates[0];
    assert_eq!(duplicate.year, 2024);
    let fields: Vec<&str> = duplicate.differences.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, ["t3.carried_forward.natural", "t3.carried_forward.total", "t3.granted.natural", "t3.granted.total", "t3.new.natural", "t3.new.total", "t3.results_total.natural", "t3.results_total.total"]
        .iter()
        .filter(|f| !f.starts_with("t3.carried_forward"))
        .copied()
        .collect::<Vec<_>>());
    let new_total = duplicate.differences.iter().find(|d| d.field == "t3.new.total").unwrap();
    assert_eq!(new_total.values, [Some("6".to_string()), Some("7".to_string())]);
}

#[test]
fn copied_section_five_is_found_and_marked() {
    let (inputs, result) = batch();
    let (a24, a25) = (index(&inputs, "a-2024.txt"), index(&inputs, "a-2025.txt"));
    for (i, (name, _)) in inputs.iter().enumerate() {
        let copied = rules_of(&result, i).iter().filter(|r| **r == "copied-text").count();
        assert_eq!(copied, usize::from(i == a25), "{name}");
    }
    let d = result.results[a25].diagnostics.iter().find(|d| d.rule == "copied-text").unwrap();
    assert!(d.message.starts_with("第五部分“存在的主要问题及改进情况”共 3 句，其中 3 句（100%）"), "{}", d.message);
    let copied = result.desk.copied.iter().find(|c| c.report == a25).unwrap();
    assert_eq!(copied.previous, a24);
    let five = copied.sections.iter().find(|s| s.number == 5).unwrap();
    assert_eq!((five.sentences, five.copied, five.share.0), (3, 3, 1.0));
    let one = copied.sections.iter().find(|s| s.number == 1).unwrap();
    assert_eq!((one.sentences, one.copied), (5, 0));
    // The passages marked are the three sentences of section 五, as written (2025 figures).
    assert_eq!(copied.passages.len(), 3);
    assert!(copied.passages.iter().all(|p| p.section == 5));
    assert!(copied.passages[0].text.contains("解读材料共发布15篇"), "{}", copied.passages[0].text);
    let text = String::from_utf8(inputs[a25].1.clone()).unwrap();
    let line = text.lines().nth(copied.passages[0].line - 1).unwrap();
    assert!(line.contains(&copied.passages[0].text));
    // The two versions of one year are compared with nothing (which one continues is unknown).
    let c24 = index(&inputs, "c-2024.txt");
    assert!(result.desk.copied.iter().all(|c| c.report != c24 && c.previous != c24));
}

#[test]
fn figures_that_jump_are_info_findings() {
    let (inputs, result) = batch();
    let a24 = index(&inputs, "a-2024.txt");
    for (i, (name, _)) in inputs.iter().enumerate() {
        let jumps: Vec<_> = result.results[i].diagnostics.iter().filter(|d| d.rule == "figure-jump").collect();
        assert_eq!(jumps.len(), usize::from(i == a24), "{name}");
    }
    let jump = result.results[a24].diagnostics.iter().find(|d| d.rule == "figure-jump").unwrap();
    assert_eq!((jump.expected.unwrap().0, jump.actual.unwrap().0), (30.0, 400.0));
    assert_eq!(jump.cells, ["t3.new.total"]);
    let series = &result.desk.series[0];
    assert_eq!(series.points.len(), 5);
    let change = &series.points[3].changes["received"];
    assert_eq!((change.from_year, change.difference.0, change.ratio.unwrap().0), (2023, 370.0, 13.3333));
    assert!(series.points[0].changes.is_empty());
}

#[test]
fn problems_substance_only_where_section_five_is_empty() {
    let (inputs, result) = batch();
    let d24 = index(&inputs, "d-2024.txt");
    for (i, (name, _)) in inputs.iter().enumerate() {
        assert_eq!(rules_of(&result, i).contains(&"problems-substance"), i == d24, "{name}");
        assert!(!rules_of(&result, i).contains(&"overview-topics"), "{name}");
    }
}

/// The score of the government's report, worked by hand from the default weights:
/// on time 5, template 10, sections 10, tables 10, arithmetic 15, text 10, fee 5, overview 10,
/// oversight 5 × 1/3 (考核 only) = 1.7, section 五 0 of 10 (`problems-substance`); chain and
/// copied do not apply (no earlier report): 76.7 of 90 → 85.2.
#[test]
fn score_worked_by_hand() {
    let (inputs, result) = batch();
    let d24 = index(&inputs, "d-2024.txt");
    let score = result.desk.scores.iter().find(|s| s.report == d24).unwrap();
    let earned: Vec<(&str, f64, bool)> = score.indicators.iter().map(|i| (i.id, i.earned.0, i.applicable)).collect();
    assert_eq!(
        earned,
        [
            ("on_time", 5.0, true),
            ("template", 10.0, true),
            ("sections", 10.0, true),
            ("tables_complete", 10.0, true),
            ("arithmetic", 15.0, true),
            ("text_tables", 10.0, true),
            ("fee_statement", 5.0, true),
            ("overview_topics", 10.0, true),
            ("oversight", 1.7, true),
            ("problems_substance", 0.0, true),
            ("chain", 0.0, false),
            ("copied", 0.0, false),
        ]
    );
    assert_eq!(score.score.0, 85.2);
    let oversight = score.indicators.iter().find(|i| i.id == "oversight").unwrap();
    assert_eq!(oversight.evidence.len(), 3);
    assert!(oversight.evidence[0].contains("提到“考核”") && oversight.evidence[1].contains("未提到“社会评议”"));
}

/// The copied indicator: a-2025 carried over its whole section 五 (3 of 3 sentences) and none
/// of section 一: the larger share is 100%, past 50% the indicator falls linearly to 0 at 100%.
#[test]
fn copied_indicator_follows_the_share() {
    let (inputs, result) = batch();
    let a25 = index(&inputs, "a-2025.txt");
    let score = result.desk.scores.iter().find(|s| s.report == a25).unwrap();
    let indicator = |id: &str| score.indicators.iter().find(|i| i.id == id).unwrap();
    assert_eq!((indicator("copied").earned.0, indicator("copied").applicable), (0.0, true));
    // chain applies (2024 is in the batch) and holds: 上年结转 23 = 2024's 结转下年度 23.
    assert_eq!((indicator("chain").earned.0, indicator("chain").applicable), (5.0, true));
    // Everything else full; oversight does not apply (not a government): 90 of 95 → 94.7.
    assert!(!indicator("oversight").applicable);
    assert_eq!(score.score.0, 94.7);
    // The whole narrative's share (sections 一 and 五 by characters) is reported too.
    let share = result.desk.copied.iter().find(|c| c.report == a25).unwrap().share.0;
    assert!(share > 0.3 && share < 0.6, "{share}");
}

#[test]
fn ranking_and_distribution() {
    let (_, result) = batch();
    let desk = &result.desk;
    assert_eq!(desk.scores.len(), 11);
    assert_eq!(desk.ranking.len(), 11);
    let scores: Vec<f64> = desk.ranking.iter().map(|i| desk.scores.iter().find(|s| s.report == *i).unwrap().score.0).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(desk.distribution.iter().sum::<usize>(), 11);
    let defect_rules: Vec<&str> = desk.defects.iter().map(|d| d.rule).collect();
    assert!(defect_rules.contains(&"copied-text") && defect_rules.contains(&"problems-substance"));
    let totals_2024 = desk.totals.iter().find(|t| t.year == 2024).unwrap();
    assert_eq!(totals_2024.reports, 5);
    assert_eq!(totals_2024.received.unwrap().0, 400.0 + 9.0 + 6.0 + 7.0 + 40.0);
}

#[test]
fn custom_weights_change_the_score() {
    let inputs: Vec<(String, Vec<u8>)> = vec![("d-2024.txt".to_string(), std::fs::read(fixtures_dir().join("d-2024.txt")).unwrap())];
    let weights = nianbao::desk::score::Weights::from_json(r#"{"problems_substance": 0, "oversight": 0}"#).unwrap();
    let mut batch = nianbao::batch::Batch::default();
    batch.add(&inputs[0].0, nianbao::batch::Input::Bytes(&inputs[0].1));
    let result = batch.finish_weighted(&weights);
    assert_eq!(result.desk.scores[0].score.0, 100.0);
    assert!(nianbao::desk::score::Weights::from_json(r#"{"no_such": 1}"#).is_err());
    assert!(nianbao::desk::score::Weights::from_json(r#"{"copied": -1}"#).is_err());
}
