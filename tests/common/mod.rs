//! Test support: random consistent reports for either template, rendered in every layout the
//! readers accept. The renderer knows the official layouts; the figures satisfy every equation.
#![allow(dead_code)]

use std::collections::BTreeMap;

use nianbao::template::{Template, T3_COLUMNS};

mod zip;
pub use zip::stored_zip;

/// A small deterministic generator (xorshift), so a failing case is reproduced from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Mostly zeros and small counts, now and then a large one, like real reports.
    pub fn count(&mut self, scale: u64) -> f64 {
        match self.below(10) {
            0..=4 => 0.0,
            5..=8 => self.below(12) as f64,
            _ => self.below(scale) as f64,
        }
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

pub type Cells = BTreeMap<String, f64>;

/// Figures satisfying R1–R4 for the template.
pub fn consistent_cells(template: &Template, rng: &mut Rng) -> Cells {
    let mut cells = Cells::new();
    let scale = if rng.chance(20) { 5000 } else { 60 };
    let t3 = template.table("t3").unwrap();
    let outcome_rows: Vec<&str> = template
        .official_rows(t3)
        .map(|r| r.id)
        .filter(|id| !matches!(*id, "new" | "carried" | "results_total" | "carried_forward"))
        .collect();
    let applicants = &T3_COLUMNS[..6];
    for col in applicants {
        let mut total = 0.0;
        for row in &outcome_rows {
            let v = if col.id == "natural" { rng.count(scale) } else { rng.count(4) * (rng.below(3) as f64 / 2.0).floor() };
            cells.insert(format!("t3.{row}.{}", col.id), v);
            total += v;
        }
        cells.insert(format!("t3.results_total.{}", col.id), total);
        let carried_forward = if rng.chance(40) { rng.below(8) as f64 } else { 0.0 };
        let carried = rng.below((total + carried_forward) as u64 + 1).min(9) as f64;
        cells.insert(format!("t3.carried_forward.{}", col.id), carried_forward);
        cells.insert(format!("t3.carried.{}", col.id), carried);
        cells.insert(format!("t3.new.{}", col.id), total + carried_forward - carried);
    }
    for row in template.official_rows(t3) {
        let sum: f64 = applicants.iter().map(|c| cells[&format!("t3.{}.{}", row.id, c.id)]).sum();
        cells.insert(format!("t3.{}.total", row.id), sum);
    }
    for group in ["review", "suit_direct", "suit_after_review"] {
        let mut total = 0.0;
        for col in ["upheld", "corrected", "other", "pending"] {
            let v = rng.count(30);
            cells.insert(format!("t4.{group}.{col}"), v);
            total += v;
        }
        cells.insert(format!("t4.{group}.total"), total);
    }
    let t2 = template.table("t2").unwrap();
    for row in t2.rows {
        for col in row.columns {
            let id = format!("t2.{}.{}", row.id, col.id);
            let v = match col.figure {
                nianbao::template::Figure::Amount => (rng.below(10_000_000) as f64) / 1000.0,
                nianbao::template::Figure::Change => rng.below(20) as f64 - 10.0,
                nianbao::template::Figure::Count => rng.count(100_000),
            };
            cells.insert(id, v);
        }
    }
    if template.id == "2021" {
        for row in ["rules", "normative"] {
            let issued = cells[&format!("t2.{row}.issued")];
            let repealed = cells[&format!("t2.{row}.repealed")];
            let in_force = (issued - repealed).max(0.0) + rng.below(50) as f64;
            cells.insert(format!("t2.{row}.in_force"), in_force);
        }
    }
    cells
}

/// Every layout a report arrives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    CellPerLine,
    Tabs,
    Pipes,
    Pdf,
    HtmlFragment,
    HtmlPage,
    HtmlPageGbk,
    Docx,
}

pub const LAYOUTS: &[Layout] = &[
    Layout::CellPerLine,
    Layout::Tabs,
    Layout::Pipes,
    Layout::Pdf,
    Layout::HtmlFragment,
    Layout::HtmlPage,
    Layout::HtmlPageGbk,
    Layout::Docx,
];

/// How a report writes its labels and figures; chosen at random per report.
#[derive(Clone, Debug)]
pub struct Style {
    pub ascii_brackets: bool,
    pub numbering: &'static str,
    pub heji: bool,
    pub fullwidth_digits: bool,
    pub thousands: bool,
    /// How zero is written: `0`, `—`, `/`, `无` or empty.
    pub zero: &'static str,
    pub spaced_labels: bool,
}

impl Style {
    pub fn plain() -> Self {
        Style { ascii_brackets: false, numbering: ".", heji: false, fullwidth_digits: false, thousands: false, zero: "0", spaced_labels: false }
    }

    pub fn random(rng: &mut Rng, layout: Layout) -> Self {
        let zeros: &[&'static str] = match layout {
            // A blank line cannot be told from the separators in these layouts.
            Layout::CellPerLine | Layout::Pdf => &["0", "0", "0", "—", "/"],
            _ => &["0", "0", "0", "—", "/", "", "无"],
        };
        Style {
            ascii_brackets: rng.chance(30),
            numbering: ["．", "、", ".", "."][rng.below(4) as usize],
            heji: rng.chance(20),
            fullwidth_digits: rng.chance(15),
            thousands: rng.chance(20),
            zero: zeros[rng.below(zeros.len() as u64) as usize],
            spaced_labels: layout == Layout::Pdf && rng.chance(20),
        }
    }

    pub fn label(&self, text: &str) -> String {
        let mut t = text.replace("1.", &format!("1{}", self.numbering));
        for d in '2'..='8' {
            t = t.replace(&format!("{d}."), &format!("{d}{}", self.numbering));
        }
        if self.ascii_brackets {
            t = t.replace('（', "(").replace('）', ")");
        }
        if self.heji {
            t = t.replace("总计", "合计");
        }
        if self.spaced_labels && !t.contains(' ') {
            t = t.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" ");
        }
        t
    }

    /// A figure as written; zero cells follow the zero style (blank ones read back as null).
    pub fn figure(&self, v: f64) -> String {
        if v == 0.0 {
            return self.zero.to_string();
        }
        let mut s = fmt(v);
        if self.thousands && v.fract() == 0.0 && v.abs() >= 10_000.0 {
            let digits: Vec<char> = s.trim_start_matches('-').chars().collect();
            let mut grouped = String::new();
            for (i, c) in digits.iter().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(*c);
            }
            s = if v < 0.0 { format!("-{grouped}") } else { grouped };
        }
        if self.fullwidth_digits {
            s = s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xfee0).unwrap() } else { c }).collect();
        }
        s
    }

    /// The figure the reader must return for a cell written in this style.
    pub fn expected(&self, v: f64) -> Option<f64> {
        (v != 0.0 || self.zero == "0").then_some(v)
    }
}

/// One table row as the official layout shows it: group labels (merged cells), the row's own
/// label, and its figures.
struct Line {
    groups: Vec<String>,
    label: String,
    figures: Vec<String>,
}

pub fn fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

const T3_GROUPS: &[(&str, &str)] = &[
    ("granted", "三、本年度办理结果"),
    ("denied.", "（三）不予公开"),
    ("unable.", "（四）无法提供"),
    ("rejected.", "（五）不予处理"),
    ("other.", "（六）其他处理"),
];

fn t3_lines(template: &Template, cells: &Cells, style: &Style) -> Vec<Line> {
    let t3 = template.table("t3").unwrap();
    template
        .official_rows(t3)
        .map(|row| {
            let (group, label) = match row.label.split_once(' ') {
                Some((g, l)) => (Some(g), l),
                None => (None, row.label),
            };
            let mut groups = Vec::new();
            let in_results = !matches!(row.id, "new" | "carried" | "carried_forward");
            if in_results {
                groups.push("三、本年度办理结果");
            }
            if let Some(g) = group {
                groups.push(T3_GROUPS.iter().find(|(_, name)| *name == g).map_or(g, |(_, n)| n));
            }
            let figures = row.columns.iter().map(|c| style.figure(cells[&format!("t3.{}.{}", row.id, c.id)])).collect();
            let label = if row.id == "partial" { "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" } else { label };
            Line { groups: groups.iter().map(|g| style.label(g)).collect(), label: style.label(label), figures }
        })
        .collect()
}

struct T2Block {
    group: &'static str,
    headers: Vec<&'static str>,
    rows: Vec<(&'static str, Vec<String>)>,
}

fn t2_blocks(template: &Template, cells: &Cells, style: &Style) -> Vec<T2Block> {
    let t2 = template.table("t2").unwrap();
    let group_of = |id: &str| match id {
        "rules" | "normative" => "第二十条第（一）项",
        "license" | "other_services" => "第二十条第（五）项",
        "penalty" | "coercion" => "第二十条第（六）项",
        "fees" => "第二十条第（八）项",
        _ => "第二十条第（九）项",
    };
    let mut blocks: Vec<T2Block> = Vec::new();
    for row in t2.rows {
        let group = group_of(row.id);
        let figures = row.columns.iter().map(|c| style.figure(cells[&format!("t2.{}.{}", row.id, c.id)])).collect();
        match blocks.last_mut() {
            Some(b) if b.group == group => b.rows.push((row.label, figures)),
            _ => blocks.push(T2Block {
                group,
                headers: row.columns.iter().map(|c| c.label).collect(),
                rows: vec![(row.label, figures)],
            }),
        }
    }
    blocks
}

fn t4_figures(cells: &Cells, style: &Style) -> Vec<String> {
    let mut out = Vec::new();
    for g in ["review", "suit_direct", "suit_after_review"] {
        for c in ["upheld", "corrected", "other", "pending", "total"] {
            out.push(style.figure(cells[&format!("t4.{g}.{c}")]));
        }
    }
    out
}

/// Prose around the tables: title, date, sections, signature.
pub struct Story {
    pub body: &'static str,
    pub year: u32,
}

impl Story {
    pub fn title(&self) -> String {
        format!("{}{}年政府信息公开工作年度报告", self.body, self.year)
    }
    fn intro(&self) -> String {
        format!(
            "本报告根据《中华人民共和国政府信息公开条例》编制。所列数据统计期限为{y}年1月1日至{y}年12月31日。",
            y = self.year
        )
    }
    fn published(&self) -> String {
        format!("{}年1月18日", self.year + 1)
    }
    fn published_iso(&self) -> String {
        format!("{}-01-18", self.year + 1)
    }
}

const SECTION_1_TEXT: &str = "本年度，我单位坚持以公开为常态、不公开为例外，持续加强主动公开、依申请公开、政府信息管理、平台建设和监督保障工作，各项工作有序推进。";
const SECTION_5_TEXT: &str = "一是公开内容的深度还需拓展；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式，提升公开质量。";
const SECTION_6_TEXT: &str = "本年度未收取政府信息公开信息处理费。";

/// The whole report as plain lines (headings, prose, and tables in the layout's text form).
pub fn render(template: &Template, cells: &Cells, story: &Story, layout: Layout, style: &Style, rng: &mut Rng) -> Vec<u8> {
    match layout {
        Layout::HtmlFragment => html_tables(template, cells, style).into_bytes(),
        Layout::Docx => docx_report(template, cells, story, style),
        Layout::HtmlPage => html_page(template, cells, story, style).into_bytes(),
        Layout::HtmlPageGbk => {
            let page = html_page(template, cells, story, style).replace("charset=\"utf-8\"", "charset=\"gbk\"");
            encoding_rs::GBK.encode(&page).0.into_owned()
        }
        _ => text_report(template, cells, story, layout, style, rng).into_bytes(),
    }
}

fn text_report(template: &Template, cells: &Cells, story: &Story, layout: Layout, style: &Style, rng: &mut Rng) -> String {
    let mut out = Vec::new();
    let sep = if layout == Layout::CellPerLine { "\n" } else { "" };
    out.push(story.title());
    out.push(String::new());
    out.push(story.intro());
    out.push("一、总体情况".into());
    out.push(SECTION_1_TEXT.into());
    out.push("二、主动公开政府信息情况".into());
    out.extend(t2_text(template, cells, layout, style, rng));
    out.push("三、收到和处理政府信息公开申请情况".into());
    out.extend(t3_text(template, cells, layout, style, rng));
    out.push("四、政府信息公开行政复议、行政诉讼情况".into());
    out.extend(t4_text(cells, layout, style, rng));
    out.push("五、存在的主要问题及改进情况".into());
    out.push(SECTION_5_TEXT.into());
    out.push("六、其他需要报告的事项".into());
    out.push(SECTION_6_TEXT.into());
    out.push(story.body.into());
    out.push(story.published());
    out.join(&format!("\n{sep}"))
}

/// Splits a label the way PDF extraction breaks it: at a random point, onto two lines.
fn pdf_break(label: &str, rng: &mut Rng) -> (String, String) {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() < 8 || !rng.chance(50) {
        return (String::new(), label.to_string());
    }
    let at = 4 + rng.below(chars.len() as u64 - 6) as usize;
    (chars[..at].iter().collect(), chars[at..].iter().collect())
}

fn row_text(cells: Vec<String>, layout: Layout) -> Vec<String> {
    match layout {
        Layout::CellPerLine => cells,
        Layout::Tabs => vec![cells.join("\t")],
        Layout::Pipes => vec![format!("| {} |", cells.join(" | "))],
        _ => vec![cells.join(" ")],
    }
}

fn t2_text(template: &Template, cells: &Cells, layout: Layout, style: &Style, rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    for block in t2_blocks(template, cells, style) {
        out.push(block.group.to_string());
        let mut header = vec!["信息内容".to_string()];
        header.extend(block.headers.iter().map(|h| h.to_string()));
        if layout == Layout::Pipes {
            out.push(format!("| {} |", header.join(" | ")));
            out.push(format!("|{}", "---|".repeat(header.len())));
        } else {
            out.extend(row_text(header, layout));
        }
        for (label, figures) in block.rows {
            let mut row = vec![label.to_string()];
            row.extend(figures);
            if layout == Layout::Pdf {
                let (head, tail) = pdf_break(label, rng);
                if !head.is_empty() {
                    out.push(head);
                    row[0] = tail;
                }
            }
            out.extend(row_text(row, layout));
        }
    }
    out
}

fn t3_header(layout: Layout) -> Vec<String> {
    let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".to_string();
    match layout {
        Layout::CellPerLine => vec![note, "申请人情况".into(), "自然人".into(), "法人或其他组织".into(), "总计".into(),
            "商业".into(), "企业".into(), "科研".into(), "机构".into(), "社会公益组织".into(), "法律服务机构".into(), "其他".into()],
        Layout::Tabs => vec![note, "申请人情况\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计".into(),
            "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t".into()],
        Layout::Pipes => vec![note, "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |".into(),
            "|---|---|---|---|---|---|---|---|".into()],
        _ => vec![note, "申请人情况".into(), "自然人 法人或其他组织 总计".into(), "商业".into(), "企业 科研".into(), "机构 社会公益组织 法律服务机构 其他".into()],
    }
}

fn t3_text(template: &Template, cells: &Cells, layout: Layout, style: &Style, rng: &mut Rng) -> Vec<String> {
    let mut out = t3_header(layout);
    let mut last_groups: Vec<String> = Vec::new();
    for line in t3_lines(template, cells, style) {
        let new_groups: Vec<String> = line.groups.iter().filter(|g| !last_groups.contains(g)).cloned().collect();
        match layout {
            Layout::CellPerLine => {
                out.extend(new_groups.iter().map(|g| g.to_string()));
                out.push(line.label.to_string());
                out.extend(line.figures);
            }
            Layout::Tabs => {
                // Merged cells appear once: the group label on its first row, empty after.
                let mut row: Vec<String> = (0..2).map(|i| line.groups.get(i).filter(|g| new_groups.contains(g)).map_or(String::new(), |g| g.to_string())).collect();
                row.push(line.label.to_string());
                row.extend(line.figures);
                out.push(row.join("\t"));
            }
            Layout::Pipes => {
                let mut label = new_groups.join(" ");
                if !label.is_empty() {
                    label.push(' ');
                }
                label.push_str(&line.label);
                out.push(format!("| {} | {} |", label, line.figures.join(" | ")));
            }
            _ => {
                out.extend(new_groups.iter().map(|g| g.to_string()));
                let (head, tail) = pdf_break(&line.label, rng);
                if !head.is_empty() && rng.chance(30) {
                    // The figures follow the first part of a broken label; the rest comes after.
                    out.push(format!("{} {}", head, line.figures.join(" ")));
                    out.push(tail);
                    last_groups = line.groups;
                    continue;
                }
                if !head.is_empty() {
                    out.push(head);
                }
                // Now and then the figures fall on the next line, or split over two.
                match rng.below(4) {
                    0 => {
                        out.push(tail);
                        out.push(line.figures.join(" "));
                    }
                    1 => {
                        out.push(format!("{} {}", tail, line.figures[..3].join(" ")));
                        out.push(line.figures[3..].join(" "));
                    }
                    _ => out.push(format!("{} {}", tail, line.figures.join(" "))),
                }
            }
        }
        last_groups = line.groups;
    }
    out
}

const T4_HEADER_TOP: &[&str] = &["行政复议", "行政诉讼"];
const T4_HEADER_MID: &[&str] = &["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"];
const T4_RESULTS: &[&str] = &["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

fn t4_text(cells: &Cells, layout: Layout, style: &Style, rng: &mut Rng) -> Vec<String> {
    let figures = t4_figures(cells, style);
    let mut out = Vec::new();
    if layout == Layout::Pipes && rng.chance(50) {
        // One small table per group, as converted reports often have.
        for (i, name) in ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"].iter().enumerate() {
            out.push(format!("### {name}"));
            out.push(format!("| {} |", T4_RESULTS.join(" | ")));
            out.push("|---|---|---|---|---|".into());
            out.push(format!("| {} |", figures[i * 5..i * 5 + 5].join(" | ")));
        }
        return out;
    }
    let mut header: Vec<String> = T4_HEADER_TOP.iter().chain(T4_HEADER_MID).map(|s| s.to_string()).collect();
    header.extend(T4_RESULTS.iter().chain(T4_RESULTS).map(|s| s.to_string()));
    match layout {
        Layout::CellPerLine => {
            out.extend(header);
            out.extend(figures);
        }
        Layout::Pipes => {
            out.push(format!("| {} |", T4_RESULTS.iter().cycle().take(15).copied().collect::<Vec<_>>().join(" | ")));
            out.push(format!("|{}", "---|".repeat(15)));
            out.push(format!("| {} |", figures.join(" | ")));
        }
        Layout::Tabs => {
            out.push("行政复议\t\t\t\t\t行政诉讼".into());
            out.push("\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉".into());
            out.push(T4_RESULTS.iter().cycle().take(15).copied().collect::<Vec<_>>().join("\t"));
            out.push(figures.join("\t"));
        }
        _ => {
            out.push("行政复议 行政诉讼".into());
            out.push("未经复议直接起诉 复议后起诉".into());
            out.push("结果 结果 其他 尚未 总计".into());
            out.push("维持 纠正 结果 审结".into());
            out.push(figures.join(" "));
        }
    }
    out
}

/// A table cell of the official layout, with its spans.
struct TCell {
    text: String,
    colspan: usize,
    rowspan: usize,
}

fn c(text: &str, colspan: usize, rowspan: usize) -> TCell {
    TCell { text: text.to_string(), colspan, rowspan }
}

type Grid = Vec<Vec<TCell>>;

/// Tables 二, 三 and 四 with the spans the official layout uses.
fn official_grids(template: &Template, cells: &Cells, style: &Style) -> [Grid; 3] {
    let mut t2 = Grid::new();
    for block in t2_blocks(template, cells, style) {
        let width = 4;
        t2.push(vec![c(block.group, width, 1)]);
        let span = width - block.headers.len();
        let last_span = |i: usize, n: usize| if i + 1 == n { span + 1 } else { 1 };
        let mut header = vec![c("信息内容", 1, 1)];
        header.extend(block.headers.iter().enumerate().map(|(i, h)| c(h, last_span(i, block.headers.len()), 1)));
        t2.push(header);
        for (label, figures) in &block.rows {
            let mut row = vec![c(label, 1, 1)];
            row.extend(figures.iter().enumerate().map(|(i, f)| c(f, last_span(i, figures.len()), 1)));
            t2.push(row);
        }
    }
    let mut t3 = vec![
        vec![c("申请人情况", 3, 2), c("自然人", 1, 2), c("法人或其他组织", 5, 1), c("总计", 1, 2)],
        ["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|h| c(h, 1, 1)).collect(),
    ];
    let lines = t3_lines(template, cells, style);
    let span_of = |group: &String| lines.iter().filter(|l| l.groups.contains(group)).count();
    let mut open: Vec<String> = Vec::new();
    for line in &lines {
        let mut row: Vec<TCell> = line.groups.iter().filter(|g| !open.contains(g)).map(|g| c(g, 1, span_of(g))).collect();
        row.push(c(&line.label, 3 - line.groups.len(), 1));
        row.extend(line.figures.iter().map(|f| c(f, 1, 1)));
        t3.push(row);
        open = line.groups.clone();
    }
    let mut t4 = vec![
        vec![c("行政复议", 5, 1), c("行政诉讼", 10, 1)],
        vec![
            c("结果维持", 1, 2),
            c("结果\n纠正", 1, 2),
            c("其他\n结果", 1, 2),
            c("尚未\n审结", 1, 2),
            c("总计", 1, 2),
            c("未经复议直接起诉", 5, 1),
            c("复议后起诉", 5, 1),
        ],
        T4_RESULTS.iter().chain(T4_RESULTS).map(|r| c(r, 1, 1)).collect(),
    ];
    t4.push(t4_figures(cells, style).iter().map(|f| c(f, 1, 1)).collect());
    [t2, t3, t4]
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn grid_html(grid: &Grid) -> String {
    let mut h = String::from("<table border=\"1\">");
    for row in grid {
        h += "<tr>";
        for cell in row {
            let mut attrs = String::new();
            if cell.colspan > 1 {
                attrs += &format!(" colspan=\"{}\"", cell.colspan);
            }
            if cell.rowspan > 1 {
                attrs += &format!(" rowspan=\"{}\"", cell.rowspan);
            }
            h += &format!("<td{attrs}>{}</td>", esc(&cell.text).replace('\n', "<br>"));
        }
        h += "</tr>";
    }
    h + "</table>"
}

/// The three tables as official HTML, with the spans the official layout uses.
pub fn html_tables(template: &Template, cells: &Cells, style: &Style) -> String {
    let [t2, t3, t4] = official_grids(template, cells, style);
    format!(
        "{}\n<p>三、收到和处理政府信息公开申请情况</p>\n{}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n{}\n",
        grid_html(&t2),
        grid_html(&t3),
        grid_html(&t4)
    )
}

fn docx_paragraph(text: &str) -> String {
    let runs: Vec<String> =
        text.split('\n').map(|t| format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(t))).collect();
    format!("<w:p>{}</w:p>", runs.join("<w:r><w:br/></w:r>"))
}

/// A grid as a Word table: `gridSpan` for column spans, `vMerge` for row spans.
fn grid_docx(grid: &Grid) -> String {
    let width: usize = grid[0].iter().map(|c| c.colspan).sum();
    let mut x = String::from("<w:tbl><w:tblGrid>");
    x += &"<w:gridCol w:w=\"800\"/>".repeat(width);
    x += "</w:tblGrid>";
    // Per grid column: rows still covered by a vertical merge from above, and its span.
    let mut merged: Vec<(usize, usize)> = vec![(0, 1); width];
    for row in grid {
        x += "<w:tr>";
        let mut cells = row.iter();
        let mut col = 0;
        while col < width {
            let (left, span) = merged[col];
            if left > 0 {
                merged[col].0 -= 1;
                x += &format!("<w:tc><w:tcPr><w:gridSpan w:val=\"{span}\"/><w:vMerge/></w:tcPr><w:p/></w:tc>");
                col += span;
                continue;
            }
            let Some(cell) = cells.next() else { break };
            let mut props = format!("<w:gridSpan w:val=\"{}\"/>", cell.colspan);
            if cell.rowspan > 1 {
                props += "<w:vMerge w:val=\"restart\"/>";
                merged[col] = (cell.rowspan - 1, cell.colspan);
            }
            x += &format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", docx_paragraph(&cell.text));
            col += cell.colspan;
        }
        x += "</w:tr>";
    }
    x + "</w:tbl>"
}

/// A whole report as a .docx (a zip of stored entries with the parts Word needs).
fn docx_report(template: &Template, cells: &Cells, story: &Story, style: &Style) -> Vec<u8> {
    let [t2, t3, t4] = official_grids(template, cells, style);
    let p = docx_paragraph;
    let body = [
        p(&story.title()),
        p(&story.intro()),
        p("一、总体情况"),
        p(SECTION_1_TEXT),
        p("二、主动公开政府信息情况"),
        grid_docx(&t2),
        p("三、收到和处理政府信息公开申请情况"),
        grid_docx(&t3),
        p("四、政府信息公开行政复议、行政诉讼情况"),
        grid_docx(&t4),
        p("五、存在的主要问题及改进情况"),
        p(SECTION_5_TEXT),
        p("六、其他需要报告的事项"),
        p(SECTION_6_TEXT),
        p(story.body),
        p(&story.published()),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    stored_zip(&[("[Content_Types].xml", content_types.as_bytes()), ("word/document.xml", document.as_bytes())])
}

fn html_page(template: &Template, cells: &Cells, story: &Story, style: &Style) -> String {
    let tables = html_tables(template, cells, style);
    let (t2, rest) = tables.split_once("\n<p>三、").unwrap();
    let (t3, t4) = rest.split_once("\n<p>四、").unwrap();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
<style>td {{ border: 1px solid #000 }} .x:before {{ content: \"总计 99\" }}</style>\
<script>var fake = '<table><tr><td>规章</td><td>5</td></tr></table>'; document.write('一、本年新收');</script></head>\
<body><div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/gk\">政务公开</a></div>\
<div class=\"main\"><h1>{title}</h1><p>发布日期：{pub_date}</p><p>{intro}</p>\
<p>一、总体情况</p><p>{s1}</p><p>二、主动公开政府信息情况</p>{t2}\n<p>三、{t3}\n<p>四、{t4}\
<p>五、存在的主要问题及改进情况</p><p>{s5}</p><p>六、其他需要报告的事项</p><p>{s6}</p>\
<p style=\"text-align:right\">{body}<br>{date}</p></div>\
<div class=\"sidebar\"><ul><li>相关链接</li><li>2020年报</li></ul></div></body></html>",
        title = story.title(),
        pub_date = story.published_iso(),
        intro = story.intro(),
        s1 = SECTION_1_TEXT,
        s5 = SECTION_5_TEXT,
        s6 = SECTION_6_TEXT,
        body = story.body,
        date = story.published(),
    )
}
