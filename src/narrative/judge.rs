//! A claim against the tables: the readings of each topic (which cells it may mean), and the
//! verdict. A claim disagrees only when every reading is known and none matches.

use super::{Base, Claim, ClaimKind, Groups, Topic};
use crate::extract::Extraction;
use crate::rules::fmt_num;

/// A part of a table figure.
#[derive(Clone, Copy, Debug)]
pub enum Term {
    /// A row's 总计 (`t3.new` → `t3.new.total`); when that cell is blank or unread, the sum of
    /// the row's other columns if all are known.
    Total(&'static str),
    /// The 总计 of every row under a prefix (`t3.denied` → `t3.denied.*.total`).
    Totals(&'static str),
    /// One cell.
    Cell(&'static str),
    /// A row's 总计 taken away (`Less("t3.carried_forward")`).
    Less(&'static str),
}

/// One way to read a topic: what it is called and the terms that add up to it.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub name: &'static str,
    pub terms: &'static [Term],
}

use Term::{Cell, Less, Total, Totals};

const NEW: Reading = Reading { name: "表三本年新收申请", terms: &[Total("t3.new")] };
const NEW_AND_CARRIED: Reading = Reading { name: "表三本年新收与上年结转之和", terms: &[Total("t3.new"), Total("t3.carried")] };
const RESULTS: Reading = Reading { name: "表三（七）总计", terms: &[Total("t3.results_total")] };
/// 收到 46 件，办结 44 件，正在办理 2 件: the new applications finished, carried-over ones left out.
const NEW_FINISHED: Reading =
    Reading { name: "表三本年新收减结转下年度", terms: &[Total("t3.new"), Less("t3.carried_forward")] };

/// The readings of a topic, most likely first.
pub fn readings(topic: Topic) -> &'static [Reading] {
    match topic {
        Topic::Received => &[NEW],
        Topic::Accepted => &[NEW, NEW_AND_CARRIED],
        Topic::Carried => &[Reading { name: "表三上年结转", terms: &[Total("t3.carried")] }],
        Topic::Answered => &[RESULTS, NEW_FINISHED],
        Topic::Handled => &[RESULTS, NEW_AND_CARRIED, NEW_FINISHED],
        Topic::CarriedForward => &[Reading { name: "表三结转下年度继续办理", terms: &[Total("t3.carried_forward")] }],
        Topic::Granted => &[Reading { name: "表三（一）予以公开", terms: &[Total("t3.granted")] }],
        Topic::Partial => &[Reading { name: "表三（二）部分公开", terms: &[Total("t3.partial")] }],
        Topic::GrantedOrPartial => &[Reading { name: "表三予以公开与部分公开之和", terms: &[Total("t3.granted"), Total("t3.partial")] }],
        Topic::Denied => &[Reading { name: "表三（三）不予公开各项之和", terms: &[Totals("t3.denied")] }],
        Topic::Unable => &[Reading { name: "表三（四）无法提供各项之和", terms: &[Totals("t3.unable")] }],
        Topic::Rejected => &[Reading { name: "表三（五）不予处理各项之和", terms: &[Totals("t3.rejected")] }],
        Topic::Other => &[Reading { name: "表三（六）其他处理", terms: &[Totals("t3.other")] }],
        Topic::Natural => &[
            Reading { name: "表三本年新收“自然人”", terms: &[Cell("t3.new.natural")] },
            Reading { name: "表三新收与上年结转“自然人”之和", terms: &[Cell("t3.new.natural"), Cell("t3.carried.natural")] },
        ],
        Topic::Organisation => &[
            Reading {
                name: "表三本年新收法人或其他组织五列之和",
                terms: &[Cell("t3.new.commercial"), Cell("t3.new.research"), Cell("t3.new.nonprofit"), Cell("t3.new.legal"), Cell("t3.new.other_org")],
            },
            Reading {
                name: "表三新收与上年结转法人或其他组织之和",
                terms: &[
                    Cell("t3.new.commercial"),
                    Cell("t3.new.research"),
                    Cell("t3.new.nonprofit"),
                    Cell("t3.new.legal"),
                    Cell("t3.new.other_org"),
                    Cell("t3.carried.commercial"),
                    Cell("t3.carried.research"),
                    Cell("t3.carried.nonprofit"),
                    Cell("t3.carried.legal"),
                    Cell("t3.carried.other_org"),
                ],
            },
        ],
        Topic::Review => &[Reading { name: "表四行政复议总计", terms: &[Total("t4.review")] }],
        Topic::Suit => &[Reading { name: "表四行政诉讼总计（两类之和）", terms: &[Total("t4.suit_direct"), Total("t4.suit_after_review")] }],
        Topic::ReviewAndSuit => &[Reading {
            name: "表四行政复议与行政诉讼总计之和",
            terms: &[Total("t4.review"), Total("t4.suit_direct"), Total("t4.suit_after_review")],
        }],
    }
}

/// A reading's figure and the cells it took.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub name: &'static str,
    pub value: f64,
    pub cells: Vec<String>,
}

/// What the tables say of a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// A cell it needs is missing or unreadable.
    Unknown,
    Agrees,
    /// The tables say otherwise: `expected` is the tables' figure, `actual` the text's, and
    /// `explain` says what the tables hold, in Chinese.
    Disagrees { expected: f64, actual: f64, cells: Vec<String>, explain: String },
}

pub fn judge(claim: &Claim, extraction: &Extraction) -> Verdict {
    verdict(&claim.kind, extraction)
}

/// What the tables say of a claim of this kind.
pub fn verdict(kind: &ClaimKind, extraction: &Extraction) -> Verdict {
    let tables = Tables(extraction);
    match kind {
        ClaimKind::Count { topic, stated } => count(&tables, *topic, *stated),
        ClaimKind::Share { topic, count, percent, decimals, base } => share(&tables, *topic, *count, *percent, *decimals, *base),
        ClaimKind::AllDone => at_most(&tables, &Reading { name: "表三结转下年度继续办理", terms: &[Total("t3.carried_forward")] }, 0.0),
        ClaimKind::NoAppeals(groups) => at_most(&tables, &totals_of(*groups), 0.0),
        ClaimKind::NotCorrected(groups) => none_in(&tables, *groups, &["corrected"], "结果纠正"),
        ClaimKind::AllUpheld { groups, settled_only: true } => none_in(&tables, *groups, &["corrected"], "结果纠正"),
        ClaimKind::AllUpheld { groups, settled_only: false } => none_in(&tables, *groups, &["corrected", "pending"], "结果纠正或尚未审结"),
    }
}

struct Tables<'a>(&'a Extraction);

/// A cell a reading takes: a row's 总计, or one cell.
enum Took<'r> {
    Total(&'r str),
    Cell(&'r str),
}

impl Took<'_> {
    fn id(&self) -> String {
        match self {
            Took::Total(row) => format!("{row}.total"),
            Took::Cell(id) => id.to_string(),
        }
    }
}

impl Tables<'_> {
    fn figure(&self, reading: &Reading) -> Option<Figure> {
        let mut cells = Vec::new();
        let value = self.sum(reading, |cell| cells.push(cell.id()))?;
        Some(Figure { name: reading.name, value, cells })
    }

    /// A reading's figure without the cells it took: all a claim that agrees needs.
    fn value(&self, reading: &Reading) -> Option<f64> {
        self.sum(reading, |_| ())
    }

    /// A reading's figure, telling `took` each cell it takes.
    fn sum(&self, reading: &Reading, mut took: impl FnMut(Took)) -> Option<f64> {
        let mut value = 0.0;
        for term in reading.terms {
            match term {
                Total(row) => {
                    value += self.row_total(row)?;
                    took(Took::Total(row));
                }
                Totals(prefix) => {
                    for row in self.rows_under(prefix) {
                        value += self.row_total(&row)?;
                        took(Took::Total(&row));
                    }
                }
                Cell(id) => {
                    value += self.0.known(id)?;
                    took(Took::Cell(id));
                }
                Less(row) => {
                    value -= self.row_total(row)?;
                    took(Took::Total(row));
                }
            }
        }
        Some(value)
    }

    /// `t3.denied` → `t3.denied.secret`, …; `t3.other` → `t3.other` (2019) or `t3.other.*`.
    fn rows_under(&self, prefix: &str) -> Vec<String> {
        let (table, row) = prefix.split_once('.').unwrap_or((prefix, ""));
        let template = self.0.template;
        let Some(index) = template.tables.iter().position(|t| t.id == table) else { return Vec::new() };
        template.tables[index]
            .rows
            .iter()
            .enumerate()
            // Rows the report's layout leaves out (the 2021 （六） rows beside a single row) are not its.
            .filter(|(i, r)| {
                !self.0.row_omitted(index, *i) && (r.id == row || r.id.strip_prefix(row).is_some_and(|rest| rest.starts_with('.')))
            })
            .map(|(_, r)| format!("{table}.{}", r.id))
            .collect()
    }

    /// A row's 总计 as published, else (blank or unread) the sum of its other columns when all
    /// are known, else the blank read as 0.
    fn row_total(&self, row: &str) -> Option<f64> {
        let total = format!("{row}.total");
        if let Some(v) = self.0.number(&total) {
            return Some(v);
        }
        let (table, row_id) = row.split_once('.')?;
        let def = self.0.template.table(table)?.rows.iter().find(|r| r.id == row_id)?;
        let parts: Option<Vec<f64>> =
            def.columns.iter().filter(|c| c.id != "total").map(|c| self.0.known(&format!("{row}.{}", c.id))).collect();
        parts.map(|p| p.iter().sum()).or_else(|| self.0.known(&total))
    }
}

fn count(tables: &Tables, topic: Topic, stated: f64) -> Verdict {
    let values: Vec<Option<f64>> = readings(topic).iter().map(|r| tables.value(r)).collect();
    if values.iter().flatten().any(|v| same(*v, stated)) {
        return Verdict::Agrees;
    }
    if values.iter().any(Option::is_none) {
        return Verdict::Unknown;
    }
    // Every reading is known: their figures, with the cells they took, explain the disagreement.
    let figures: Vec<Figure> = readings(topic).iter().filter_map(|r| tables.figure(r)).collect();
    disagreement(&figures, stated, "件")
}

fn disagreement(figures: &[Figure], stated: f64, unit: &str) -> Verdict {
    let explain = figures.iter().map(|f| format!("{}为 {} {unit}", f.name, fmt_num(f.value))).collect::<Vec<_>>().join("，");
    let mut cells: Vec<String> = Vec::new();
    for f in figures {
        push_unique(&mut cells, &f.cells);
    }
    Verdict::Disagrees { expected: figures[0].value, actual: stated, cells, explain }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// A share against count ÷ base, for every base the words allow; written with `decimals`
/// decimals, it may be rounded or cut.
fn share(tables: &Tables, topic: Topic, stated_count: f64, percent: f64, decimals: u32, base: Base) -> Verdict {
    let Some(count) = readings(topic).iter().filter_map(|r| tables.figure(r)).find(|f| same(f.value, stated_count)) else {
        return Verdict::Unknown;
    };
    let bases: &[Reading] = match base {
        Base::Answered => &[RESULTS],
        Base::New => &[NEW],
        Base::Accepted => &[NEW, NEW_AND_CARRIED],
        Base::Unclear => &[RESULTS, NEW, NEW_AND_CARRIED],
    };
    let bases: Vec<Option<Figure>> = bases.iter().map(|r| tables.figure(r)).collect();
    let tolerance = 10f64.powi(-(decimals as i32)) + 1e-9;
    let shares: Vec<(f64, &Figure)> =
        bases.iter().flatten().filter(|b| b.value > 0.0).map(|b| (100.0 * count.value / b.value, b)).collect();
    if shares.iter().any(|(s, _)| (s - percent).abs() < tolerance) {
        return Verdict::Agrees;
    }
    if shares.is_empty() || bases.iter().any(Option::is_none) {
        return Verdict::Unknown;
    }
    let two_decimals = |v: f64| (v * 100.0).round() / 100.0;
    let explain = shares
        .iter()
        .map(|(s, b)| {
            let share = fmt_num(two_decimals(*s));
            format!("{} {} 件占{} {} 件的 {share}%", count.name, fmt_num(count.value), b.name, fmt_num(b.value))
        })
        .collect::<Vec<_>>()
        .join("，");
    let mut cells = count.cells.clone();
    for (_, b) in &shares {
        push_unique(&mut cells, &b.cells);
    }
    Verdict::Disagrees { expected: two_decimals(shares[0].0), actual: percent, cells, explain }
}

fn push_unique(cells: &mut Vec<String>, more: &[String]) {
    for c in more {
        if !cells.contains(c) {
            cells.push(c.clone());
        }
    }
}

/// The claim says the reading is at most `limit` (nothing carried forward, no appeals).
fn at_most(tables: &Tables, reading: &Reading, limit: f64) -> Verdict {
    match tables.figure(reading) {
        None => Verdict::Unknown,
        Some(f) if f.value <= limit => Verdict::Agrees,
        Some(f) => disagreement(&[f], limit, "件"),
    }
}

fn totals_of(groups: Groups) -> Reading {
    match (groups.review, groups.suit) {
        (true, false) => readings(Topic::Review)[0],
        (false, true) => readings(Topic::Suit)[0],
        _ => readings(Topic::ReviewAndSuit)[0],
    }
}

/// No case of the groups has one of `columns` (结果纠正, 尚未审结).
fn none_in(tables: &Tables, groups: Groups, columns: &[&str], what: &str) -> Verdict {
    let mut rows = Vec::new();
    if groups.review {
        rows.push(("t4.review", "行政复议"));
    }
    if groups.suit {
        rows.push(("t4.suit_direct", "行政诉讼（未经复议直接起诉）"));
        rows.push(("t4.suit_after_review", "行政诉讼（复议后起诉）"));
    }
    let mut value = 0.0;
    let mut cells = Vec::new();
    let mut parts = Vec::new();
    for (row, name) in rows {
        for column in columns {
            let id = format!("{row}.{column}");
            let Some(v) = tables.0.known(&id) else { return Verdict::Unknown };
            if v > 0.0 {
                parts.push(format!("{name} {} 件", fmt_num(v)));
            }
            value += v;
            cells.push(id);
        }
    }
    if value == 0.0 {
        return Verdict::Agrees;
    }
    Verdict::Disagrees { expected: value, actual: 0.0, cells, explain: format!("表四{what}：{}", parts.join("，")) }
}
