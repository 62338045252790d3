//! The narrative: what the prose of a report says about its own figures.
//!
//! ```text
//! Document ──text──▶ passages ▶ sentences ▶ clauses
//!                       clause ──number──▶ figures (749件, 39.5%)
//!                       clause ──words───▶ what each figure is about (收到, 予以公开, 行政复议…)
//!                                  └──────▶ claims ──judge──▶ agree / disagree with the tables
//! ```
//!
//! Precision comes first: a figure becomes a [`Claim`] only when the words before it name
//! one thing unambiguously, in a sentence about information-disclosure applications (or, for
//! table 四, about 政府信息公开 review and litigation), with no estimate (余/近/约), no other
//! scope (各部门, 全市 in a department's report), no other business (留言, 热线, 信访), no other
//! year, and no part-of-a-whole (其中 网上申请). Where two readings are plausible (受理 = new,
//! or new + carried over) both are accepted. The rules `text-table-mismatch` and
//! `fee-statement` use this module, on the [`Prose`] read once per report.
//!
//! Most of the prose states nothing the tables hold, so the scanner is built to pass it over
//! cheaply: the outline of each passage notes which key characters (件, %, 申请…) each clause
//! holds, and only clauses that hold one have their words and figures read.

pub mod fee;
pub mod judge;
pub(crate) mod lexicon;
mod number;
mod patterns;
mod sentence;
mod text;
mod words;

use std::cell::OnceCell;
use std::ops::Range;

use crate::document::Document;
use crate::locate::Meta;
pub use judge::{judge, verdict, Verdict};
use sentence::{Sentence, STATES};
use text::Passage;
pub use text::Prose;
pub use words::Topic;

/// A figure or fact the narrative states.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The clause that states it, as written.
    pub quote: String,
    /// 1-based line of the figure (or of the clause).
    pub line: usize,
}

/// Which groups of table 四 a statement is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Groups {
    pub review: bool,
    pub suit: bool,
}

/// What a percentage is a share of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// 占办结总数: （七）总计.
    Answered,
    /// 占收到申请: 一、本年新收.
    New,
    /// 占受理: new, or new plus carried over.
    Accepted,
    /// Not said: （七）总计, new, or new plus carried over.
    Unclear,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClaimKind {
    /// `予以公开 50 件`; `未收到政府信息公开申请` is a count of 0.
    Count { topic: Topic, stated: f64 },
    /// `占 39.5%`, after a count that agreed with the tables.
    Share { topic: Topic, count: f64, percent: f64, decimals: u32, base: Base },
    /// `均已办结`: nothing carried forward.
    AllDone,
    /// `未发生行政复议和行政诉讼`: the totals of table 四 are 0.
    NoAppeals(Groups),
    /// `未被纠错`: no 结果纠正.
    NotCorrected(Groups),
    /// `均获维持`: no 结果纠正, and (unless only the settled ones are meant) none pending.
    AllUpheld { groups: Groups, settled_only: bool },
}

/// What the scanner knows of the report itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The level (市, 县, 区…) when the body is that level's government: 全县 in a county
    /// government's report is the report's own scope.
    pub own_scope: Option<char>,
    /// The report year: figures of another year are not this report's.
    pub year: Option<u32>,
}

impl Context {
    pub fn of(meta: &Meta) -> Context {
        Context { own_scope: meta.body.as_deref().and_then(government_level), year: meta.year.or(meta.period_year) }
    }
}

/// `沭阳县人民政府` → 县, `锡林浩特市` → 市; a department (`上海市科委`, `某某区财政局`) → None.
pub fn government_level(body: &str) -> Option<char> {
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let place = compact.strip_suffix("人民政府").or_else(|| compact.strip_suffix("政府")).unwrap_or(&compact);
    place.chars().next_back().filter(|c| "省市县区旗州盟镇乡".contains(*c))
}

/// Every claim the narrative of a document makes, in text order.
pub fn scan(doc: &Document, meta: &Meta) -> Vec<Claim> {
    let prose = Prose::of(doc, &crate::locate::sections(doc));
    claims(&prose, doc, meta).into_iter().map(Stated::into_claim).collect()
}

/// A claim as found: its quote is taken only when asked for, since most claims agree with
/// the tables and are never shown.
pub struct Stated<'p> {
    pub kind: ClaimKind,
    /// 1-based line of the figure (or of the clause).
    pub line: usize,
    passage: &'p Passage<'p>,
    quote: Range<usize>,
}

impl Stated<'_> {
    /// The clause that states it, as written.
    pub fn quote(&self) -> String {
        self.passage.quote(self.quote.clone())
    }

    pub fn into_claim(self) -> Claim {
        Claim { quote: self.quote(), kind: self.kind, line: self.line }
    }
}

/// Every claim the prose of `doc` makes, in text order ([`scan`] without the quotes).
pub fn claims<'p>(prose: &'p Prose<'_>, doc: &Document, meta: &Meta) -> Vec<Stated<'p>> {
    let setting = Setting { context: Context::of(meta), lines: &doc.lines, own_level_named: OnceCell::new() };
    let mut out = Vec::new();
    for passage in &prose.passages {
        passage_claims(prose, passage, &setting, &mut out);
    }
    out
}

/// What the scanner knows of the report, and what it finds out only when asked.
struct Setting<'a> {
    context: Context,
    lines: &'a [String],
    /// Some line says 本级.
    own_level_named: OnceCell<bool>,
}

impl Setting<'_> {
    /// 全县 (`level`) is the report's own scope: its body is that level's government, and no
    /// line says 本级 (市政府本级 set against 全市: the tables are then the government's own,
    /// 全市 is wider).
    fn is_own_scope(&self, level: char) -> bool {
        self.context.own_scope == Some(level) && !*self.own_level_named.get_or_init(|| names_own_level(self.lines))
    }

    fn year(&self) -> Option<u32> {
        self.context.year
    }
}

/// Some line says 本级 (looked for by its rarer character, 级).
fn names_own_level(lines: &[String]) -> bool {
    lines.iter().any(|l| l.match_indices('级').any(|(i, _)| l[..i].ends_with('本')))
}

fn passage_claims<'p>(prose: &Prose, passage: &'p Passage<'p>, setting: &Setting, out: &mut Vec<Stated<'p>>) {
    let passage_says = OnceCell::new();
    let mut found = Vec::new();
    for (sentence, clauses) in prose.sentences(passage) {
        // Most sentences hold neither a figure nor a statement word: their words go unread.
        if !sentence.keys.has(STATES) {
            continue;
        }
        Sentence::new(passage, sentence.range.clone(), setting, &passage_says).claims(clauses, &mut found);
    }
    out.extend(found.into_iter().map(|f| Stated { kind: f.kind, line: f.line, passage, quote: f.quote }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::read_str;

    fn claims(text: &str, body: &str) -> Vec<ClaimKind> {
        let (_, _, doc) = read_str(text, Some("txt"));
        let meta = Meta { body: Some(body.into()), year: Some(2023), ..Meta::default() };
        scan(&doc, &meta).into_iter().map(|c| c.kind).collect()
    }

    fn count(topic: Topic, stated: f64) -> ClaimKind {
        ClaimKind::Count { topic, stated }
    }

    #[test]
    fn levels() {
        assert_eq!(government_level("沭阳县人民政府"), Some('县'));
        assert_eq!(government_level("锡林浩特市"), Some('市'));
        assert_eq!(government_level("上海市科委"), None);
        assert_eq!(government_level("某某区财政局"), None);
    }

    #[test]
    fn counts_by_topic() {
        let found = claims("本年度共收到政府信息公开申请 12 件，上年结转 2 件，办结 13 件，结转下年度 1 件。", "某某局");
        assert_eq!(
            found,
            vec![count(Topic::Received, 12.0), count(Topic::Carried, 2.0), count(Topic::Answered, 13.0), count(Topic::CarriedForward, 1.0)]
        );
        let found = claims("所有办结的申请中同意公开答复９件，转下一年度办理答复的有1件。", "某某局");
        assert_eq!(found, vec![count(Topic::Granted, 9.0), count(Topic::CarriedForward, 1.0)]);
    }

    #[test]
    fn unusable_figures_are_skipped() {
        assert!(claims("全年收到政府信息公开申请20余件。", "某某局").is_empty());
        assert!(claims("全市共收到政府信息公开申请 300 件。", "某某局").is_empty());
        assert_eq!(claims("全县共受理政府信息公开申请 30 件。", "某某县人民政府"), vec![count(Topic::Accepted, 30.0)]);
        assert!(claims("全年办理网民留言申请 30 件。", "某某局").is_empty());
        assert!(claims("收到申请 30 件，其中网上申请 20 件。", "某某局").len() == 1);
        assert!(claims("受理并办结政府信息公开申请 30 件。", "某某局").is_empty());
        assert!(claims("收到申请较上年增加 5 件。", "某某局").is_empty());
        assert!(claims("2020年收到申请 5 件。", "某某局").is_empty());
    }

    #[test]
    fn phrases_that_are_not_statements() {
        let body = "某某县人民政府";
        assert_eq!(
            claims("办理政府信息公开申请 50 件（含上年结转 4 件），办结率 100%。", body),
            vec![count(Topic::Handled, 50.0)]
        );
        let found = claims("上年结转的 4 件申请已全部办结。", body);
        assert_eq!(found, vec![count(Topic::Carried, 4.0)], "全部办结 of the carried-over ones only");
        assert!(claims("本年度收到的申请均在法定期限内答复。", body).is_empty());
        assert!(claims("收到申请同比增长 20%。", body).is_empty());
        assert!(claims("全年共办理依申请公开事项 50 件。", body).is_empty());
        assert!(claims("本年度收到行政复议申请 3 件。", body).is_empty(), "review decided by the body, not about disclosure");
        assert!(claims("全年收到申请 46 件，比2022年增加 11 件。", body).len() == 1);
        assert!(claims("予以公开 24 件（其中主动公开 3 件）。", body).len() == 1);
        assert!(claims("连同上年结转共答复申请 48 件。", body).is_empty(), "two readings joined");
    }

    #[test]
    fn own_scope_is_lost_where_the_report_has_its_own_level() {
        let (_, _, doc) = read_str("全市共收到政府信息公开申请 300 件，市政府本级收到 20 件。", Some("txt"));
        let meta = Meta { body: Some("某某市人民政府".into()), year: Some(2023), ..Meta::default() };
        assert!(scan(&doc, &meta).iter().all(|c| !c.quote.contains("全市")));
    }

    #[test]
    fn no_application_statements() {
        let body = "某某局";
        assert_eq!(claims("2023年，我局未收到政府信息公开申请。", body), vec![count(Topic::Received, 0.0)]);
        assert_eq!(claims("全年未受理任何政府信息公开申请。", body), vec![count(Topic::Accepted, 0.0)]);
        assert!(claims("全年未收到行政复议申请。", body).is_empty());
        assert!(claims("未收到对政府信息公开申请答复的投诉。", body).is_empty());
        assert!(claims("全年未收到行政许可申请。", body).is_empty());
    }

    #[test]
    fn all_applicants_are_not_organisations() {
        // 公民、法人或其他组织 means every applicant; the phrase also names a channel.
        assert!(claims("累计办理公民、法人或其他组织通过门户网站等途径提出的申请合计12件。", "某某市人民政府").is_empty());
        assert_eq!(
            claims("累计办理公民、法人或其他组织提出的政府信息公开申请合计12件。", "某某市人民政府"),
            vec![count(Topic::Handled, 12.0)]
        );
    }

    #[test]
    fn appeals_statements() {
        let body = "某某局";
        let both = Groups { review: true, suit: true };
        assert_eq!(claims("本年度未发生因政府信息公开引起的行政复议和行政诉讼。", body), vec![ClaimKind::NoAppeals(both)]);
        assert_eq!(
            claims("本年度因政府信息公开被申请行政复议 2 件，均未被纠错。", body),
            vec![count(Topic::Review, 2.0), ClaimKind::NotCorrected(Groups { review: true, suit: false })]
        );
        assert_eq!(
            claims("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。", body),
            vec![ClaimKind::NotCorrected(both)],
            "about outcomes, not about whether there were cases"
        );
        assert_eq!(
            claims("本年度未发生因政府信息公开申请行政复议、提起行政诉讼情况。", body),
            vec![ClaimKind::NoAppeals(both)]
        );
        assert_eq!(
            claims("政府信息公开行政诉讼案件均获维持。", body),
            vec![ClaimKind::AllUpheld { groups: Groups { review: false, suit: true }, settled_only: false }]
        );
    }

    #[test]
    fn shares_of_something_else_are_not_read() {
        let body = "某某局";
        assert_eq!(claims("收到申请 46 件，其中网上申请占 65%。", body), vec![count(Topic::Received, 46.0)]);
        assert_eq!(claims("予以公开 24 件，自然人申请占 90%。", body), vec![count(Topic::Granted, 24.0)]);
        assert_eq!(claims("予以公开 24 件，同比增长 20%。", body), vec![count(Topic::Granted, 24.0)]);
    }

    #[test]
    fn shares_follow_counts() {
        let found = claims("本年共办结申请 8 件，其中予以公开 3 件，占比 37.5%。", "某某局");
        assert_eq!(found[2], ClaimKind::Share { topic: Topic::Granted, count: 3.0, percent: 37.5, decimals: 1, base: Base::Unclear });
    }
}
