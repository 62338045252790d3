//! The documents a supervisor sends: a 审查意见 for each report (its problems as a formal list,
//! one mistake one item, with the score) and a 汇总分析 for the batch (coverage, ranking,
//! common defects, key figures, trends, copied text). Written as [`Document`]s, so Markdown,
//! the printable page and DOCX say the same.

use super::document::{escape, html_page, Block, Document};
use super::docx::docx;
use crate::batch::BatchResult;
use crate::result::{Num, Severity, ValidationResult};
use crate::rules::{fmt_num, rule};

/// The output formats of [`summary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "md" | "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// The message for a format [`Format::parse`] does not know (both CLIs print it).
pub fn unknown_format(name: &str) -> String {
    format!("未知的输出格式 / unknown format: {name}（md、html、docx 或 json）")
}

/// The 汇总分析 followed by every report's 审查意见, in one file of the format.
pub fn summary(batch: &BatchResult, format: Format) -> Vec<u8> {
    let mut documents = vec![analysis(batch)];
    documents.extend((0..batch.results.len()).map(|i| letter(batch, i)));
    write(&documents, "政府信息公开工作年度报告汇总分析", format)
}

/// Documents in a format: Markdown (separated by a rule), a printable page, or DOCX.
pub fn write(documents: &[Document], title: &str, format: Format) -> Vec<u8> {
    match format {
        Format::Markdown => documents.iter().map(Document::markdown).collect::<Vec<_>>().join("---\n\n").into_bytes(),
        Format::Html => html_page(title, documents).into_bytes(),
        Format::Docx => docx(documents),
    }
}

fn name_of(batch: &BatchResult, index: usize) -> String {
    batch.results[index].input.name.clone().unwrap_or_else(|| format!("报告 {}", index + 1))
}

fn body_of(result: &ValidationResult) -> String {
    result.report.body.clone().unwrap_or_else(|| "（未识别）".to_string())
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

/// The 审查意见 of report `index`.
pub fn letter(batch: &BatchResult, index: usize) -> Document {
    let result = &batch.results[index];
    let mut d = Document::default();
    d.push(Block::Heading(1, "政府信息公开工作年度报告审查意见".into()));
    d.push(Block::Paragraph(format!("被审查单位：{}", body_of(result))));
    let title = result.report.title.clone().unwrap_or_else(|| "（未识别标题）".into());
    let year = result.report.year.map_or("年度未识别".to_string(), |y| format!("{y} 年度"));
    let template = result.template.map_or("格式未识别".to_string(), |t| format!("{t} 版格式"));
    let published = result.report.published.clone().map_or("未注明日期".to_string(), |p| format!("{p} 发布"));
    d.push(Block::Paragraph(format!("报告：《{title}》（文件 {}），{year}，{template}，{published}。", name_of(batch, index))));
    let score = batch.desk.scores.iter().find(|s| s.report == index);
    if let Some(score) = score {
        let rank = batch.desk.ranking.iter().position(|r| *r == index).map_or(0, |p| p + 1);
        d.push(Block::Paragraph(format!("综合得分：{}（满分 100；本批 {} 份报告中第 {rank} 名）。", fmt_num(score.score.0), batch.desk.ranking.len())));
    }
    let problems = batch.desk.problems.get(index).map(Vec::as_slice).unwrap_or_default();
    let item = |p: &super::problems::Problem| -> Vec<String> {
        let finding = &result.diagnostics[p.finding];
        let mut lines = vec![format!("【{}】{}", severity_label(finding.severity), finding.message)];
        if let (Some(line), Some(source)) = (finding.line, finding.source.as_deref().filter(|s| !s.is_empty())) {
            lines.push(format!("报告原文（第 {line} 行）：{source}"));
        }
        if let Some(fix) = &finding.fix {
            let place = result.template.and_then(crate::template::Template::by_id).map_or(fix.cell.clone(), |t| t.describe(&fix.cell));
            lines.push(format!("建议：{place}改为 {}", fmt_num(fix.value.0)));
        }
        for related in &p.related {
            lines.push(format!("由此导致：{}", result.diagnostics[*related].message));
        }
        if let Some(r) = rule(finding.rule) {
            lines.push(format!("要求（{}）：{}", r.id, r.summary));
        }
        lines
    };
    let (notes, faults): (Vec<_>, Vec<_>) = problems.iter().partition(|p| result.diagnostics[p.finding].severity == Severity::Info);
    d.push(Block::Heading(2, "一、存在的问题".into()));
    if faults.is_empty() {
        d.push(Block::Paragraph("未发现需要整改的问题。".into()));
    } else {
        d.push(Block::Items(faults.iter().map(|p| item(p)).collect()));
    }
    if !notes.is_empty() {
        d.push(Block::Heading(3, "提示（供核实，不作为问题）".into()));
        d.push(Block::Items(notes.iter().map(|p| item(p)).collect()));
    }
    if let Some(score) = score {
        d.push(Block::Heading(2, "二、评分".into()));
        let rows = (score.indicators.iter())
            .map(|i| {
                vec![
                    i.label.to_string(),
                    fmt_num(i.weight.0),
                    if i.applicable { fmt_num(i.earned.0) } else { "不适用".into() },
                    i.evidence.join("；"),
                ]
            })
            .collect();
        d.push(Block::Table { head: vec!["指标".into(), "权重".into(), "得分".into(), "依据".into()], rows });
    }
    d.push(Block::Heading(2, if score.is_some() { "三、整改要求" } else { "二、整改要求" }.into()));
    d.push(Block::Paragraph(
        "请对照上述问题逐项核实、整改，将修改后的年度报告在本单位政府信息公开专栏重新发布，并书面报送整改情况。".into(),
    ));
    d.push(Block::Signature("审查单位：＿＿＿＿＿＿＿＿".into()));
    d.push(Block::Signature("＿＿＿＿年＿＿月＿＿日".into()));
    d
}

/// The 汇总分析 of the batch.
pub fn analysis(batch: &BatchResult) -> Document {
    let desk = &batch.desk;
    let results = &batch.results;
    let mut d = Document::default();
    d.push(Block::Heading(1, "政府信息公开工作年度报告汇总分析".into()));

    d.push(Block::Heading(2, "一、覆盖情况".into()));
    let span = match (desk.years.first(), desk.years.last()) {
        (Some(a), Some(b)) if a != b => format!("，年度 {a}—{b}"),
        (Some(a), _) => format!("，年度 {a}"),
        _ => String::new(),
    };
    d.push(Block::Paragraph(format!("本批共 {} 份报告，涉及 {} 个机关{span}。", results.len(), desk.bodies.len())));
    if !desk.unassigned.is_empty() {
        let names: Vec<String> = desk.unassigned.iter().map(|i| name_of(batch, *i)).collect();
        d.push(Block::Paragraph(format!("未能识别机关或年度的报告 {} 份：{}。", names.len(), names.join("、"))));
    }
    let mut head = vec!["机关".to_string()];
    head.extend(desk.years.iter().map(|y| y.to_string()));
    let rows = (desk.bodies.iter())
        .map(|b| {
            let mut row = vec![b.names.join(" / ")];
            for year in &desk.years {
                row.push(match b.years.iter().find(|y| y.year == *year) {
                    Some(y) if y.reports.len() > 1 => format!("{} 份", y.reports.len()),
                    Some(_) => "有".into(),
                    None if b.missing_years.contains(year) => "缺".into(),
                    None => String::new(),
                });
            }
            row
        })
        .collect();
    d.push(Block::Table { head, rows });
    let mut notes = Vec::new();
    for b in &desk.bodies {
        if !b.missing_years.is_empty() {
            let years: Vec<String> = b.missing_years.iter().map(u32::to_string).collect();
            notes.push(vec![format!("{}：缺 {} 年度报告", b.name, years.join("、"))]);
        }
        for dup in &b.duplicates {
            let names: Vec<String> = dup.reports.iter().map(|i| name_of(batch, *i)).collect();
            let mut item = vec![format!("{}：{} 年度有 {} 份报告（{}）", b.name, dup.year, dup.reports.len(), names.join("、"))];
            if dup.differences.is_empty() {
                item.push("内容相同".into());
            }
            for diff in &dup.differences {
                let values: Vec<String> = diff.values.iter().map(|v| v.clone().unwrap_or_else(|| "（无）".into())).collect();
                item.push(format!("{}：{}", field_label(results, &diff.field), values.join(" / ")));
            }
            notes.push(item);
        }
        if b.names.len() > 1 {
            notes.push(vec![format!("{} 各年名称不同，按同一机关统计：{}", b.name, b.names.join("、"))]);
        }
    }
    if !notes.is_empty() {
        d.push(Block::Items(notes));
    }

    d.push(Block::Heading(2, "二、评分排名".into()));
    let rows = (desk.ranking.iter().enumerate())
        .map(|(n, i)| {
            let r = &results[*i];
            let score = desk.scores.iter().find(|s| s.report == *i).map_or(0.0, |s| s.score.0);
            vec![
                (n + 1).to_string(),
                body_of(r),
                r.report.year.map_or("—".into(), |y| y.to_string()),
                name_of(batch, *i),
                fmt_num(score),
                r.summary.errors.to_string(),
                r.summary.warnings.to_string(),
            ]
        })
        .collect();
    d.push(Block::Table {
        head: ["名次", "机关", "年度", "报告", "得分", "错误", "警告"].map(String::from).to_vec(),
        rows,
    });
    let buckets: Vec<String> = (0..10).map(|b| if b == 9 { "90–100".to_string() } else { format!("{}–{}", b * 10, b * 10 + 9) }).collect();
    d.push(Block::Chart(bars("得分分布", &buckets, &desk.distribution.map(|n| n as f64))));
    d.push(Block::Table {
        head: vec!["得分".into(), "报告数".into()],
        rows: buckets.iter().zip(desk.distribution).filter(|(_, n)| *n > 0).map(|(b, n)| vec![b.clone(), n.to_string()]).collect(),
    });

    d.push(Block::Heading(2, "三、常见问题".into()));
    if desk.defects.is_empty() {
        d.push(Block::Paragraph("未发现问题。".into()));
    } else {
        let rows = (desk.defects.iter())
            .map(|f| vec![f.rule.to_string(), severity_label(f.severity).to_string(), f.summary.to_string(), f.reports.to_string(), f.problems.to_string()])
            .collect();
        d.push(Block::Table { head: ["规则", "类别", "问题", "报告数", "问题数"].map(String::from).to_vec(), rows });
    }

    d.push(Block::Heading(2, "四、主要数据".into()));
    let num = |v: Option<Num>| v.map_or("—".to_string(), |n| fmt_num(n.0));
    let rows = (desk.totals.iter())
        .map(|t| {
            vec![
                t.year.to_string(),
                t.reports.to_string(),
                num(t.received),
                num(t.handled),
                num(t.review_total),
                num(t.suit_total),
                t.mean_score.map_or("—".into(), |s| format!("{:.1}", s.0)),
            ]
        })
        .collect();
    d.push(Block::Table { head: ["年度", "报告数", "新收申请", "办结", "行政复议", "行政诉讼", "平均得分"].map(String::from).to_vec(), rows });

    d.push(Block::Heading(2, "五、各机关历年变化".into()));
    let mut any = false;
    for (body, series) in desk.bodies.iter().zip(&desk.series).filter(|(_, s)| s.points.len() > 1) {
        any = true;
        d.push(Block::Heading(3, body.name.clone()));
        let labels: Vec<String> = series.points.iter().map(|p| p.year.to_string()).collect();
        let received: Vec<f64> = series.points.iter().map(|p| p.figures["received"].map_or(0.0, |n| n.0)).collect();
        d.push(Block::Chart(bars(&format!("{} 本年新收申请", body.name), &labels, &received)));
        let mut head = vec!["年度".to_string()];
        head.extend(super::series::FIGURES.iter().map(|(_, label, _, _)| label.to_string()));
        let rows = (series.points.iter())
            .map(|p| {
                let mut row = vec![p.year.to_string()];
                for (key, _, is_rate, _) in super::series::FIGURES {
                    let value = p.figures[key].map_or("—".to_string(), |n| if is_rate { format!("{:.1}%", n.0 * 100.0) } else { fmt_num(n.0) });
                    let change = p.changes.get(key).map_or(String::new(), |c| {
                        if is_rate {
                            format!("（{:+.1}）", c.difference.0 * 100.0)
                        } else {
                            format!("（{}{}）", if c.difference.0 >= 0.0 { "+" } else { "" }, fmt_num(c.difference.0))
                        }
                    });
                    row.push(value + &change);
                }
                row
            })
            .collect();
        d.push(Block::Table { head, rows });
    }
    if !any {
        d.push(Block::Paragraph("本批没有同一机关多个年度的报告。".into()));
    }
    let flagged: Vec<Vec<String>> = (results.iter().enumerate())
        .flat_map(|(i, r)| {
            r.diagnostics.iter().filter(|f| matches!(f.rule, "copied-text" | "figure-jump")).map(move |f| vec![format!("{}：{}", name_of(batch, i), f.message)])
        })
        .collect();
    if !flagged.is_empty() {
        d.push(Block::Heading(3, "照搬上年文字与数字异常变化".into()));
        d.push(Block::Items(flagged));
    }
    d
}

/// A cell id described by the first template that knows it; other fields in Chinese.
fn field_label(results: &[ValidationResult], field: &str) -> String {
    match field {
        "title" => "标题".into(),
        "published" => "发布日期".into(),
        "template" => "格式版本".into(),
        cell => (results.iter().filter_map(|r| r.template).filter_map(crate::template::Template::by_id))
            .find_map(|t| t.locate(cell).map(|_| t.describe(cell)))
            .unwrap_or_else(|| cell.to_string()),
    }
}

/// A bar chart as SVG: one bar per label, the value above it.
fn bars(title: &str, labels: &[String], values: &[f64]) -> String {
    let (width, height, top, bottom) = (60.0 * labels.len() as f64 + 40.0, 200.0, 30.0, 40.0);
    let max = values.iter().copied().fold(0.0, f64::max).max(1.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"><title>{}</title>",
        escape(title)
    );
    for (n, (label, value)) in labels.iter().zip(values).enumerate() {
        let x = 30.0 + 60.0 * n as f64;
        let h = (height - top - bottom) * value / max;
        let y = height - bottom - h;
        svg += &format!(
            "<rect x=\"{x}\" y=\"{y:.1}\" width=\"40\" height=\"{h:.1}\" fill=\"#555\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\
<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            x + 20.0,
            y - 4.0,
            fmt_num(*value),
            x + 20.0,
            height - bottom + 16.0,
            escape(label)
        );
    }
    svg += "</svg>";
    svg
}
