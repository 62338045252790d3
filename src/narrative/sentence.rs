//! Reading one sentence: each figure with the words before it, and the figure-less
//! statements of each clause ([`super::patterns`]).

use std::ops::Range;

use super::number::{figures, Figure, Unit};
use super::patterns;
use super::text::{self, Passage};
use super::words::{words, Hit, Topic, Word};
use super::{Base, Claim, ClaimKind, Context, Groups};

/// Words a passage or sentence contains that decide what its figures can be about.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Says {
    /// 申请: about applications.
    pub applications: bool,
    /// 信息公开 (依申请公开): about information disclosure.
    pub disclosure: bool,
}

/// The last count read in a sentence: a share that follows is its share (`予以公开 24 件，占 50%`).
#[derive(Clone, Copy, Debug)]
struct LastCount {
    topic: Topic,
    value: f64,
    /// Where the count's clause starts: the share quotes both clauses.
    clause_start: usize,
}

/// One sentence being read.
pub(super) struct Sentence<'a> {
    pub passage: &'a Passage,
    pub range: Range<usize>,
    context: Context,
    passage_says: Says,
    pub says: Says,
    /// 涉及, 相关…: refers back to what the passage said.
    refers_back: bool,
    /// 含上年结转: its 收到 counts carried-over applications too.
    includes_carried: bool,
    /// Where the first mention of 复议, of 诉讼 (法院, 起诉) and of 审结 (已结) ends.
    review_named_by: Option<usize>,
    suit_named_by: Option<usize>,
    settled_named_by: Option<usize>,
}

impl<'a> Sentence<'a> {
    pub fn new(passage: &'a Passage, range: Range<usize>, context: Context, passage_says: Says) -> Self {
        let has = |w: &str| passage.contains(range.clone(), w);
        let says = Says { applications: has("申请"), disclosure: has("信息公开") || has("依申请公开") };
        let refers_back = ["涉及", "相关", "此类", "该"].iter().any(|w| has(w));
        let includes_carried = words(&passage.chars, range.clone()).iter().any(|h| h.word == Word::IncludesCarried);
        let first_end = |options: &[&str]| {
            let chars = &passage.chars[..range.end];
            options.iter().filter_map(|w| text::find(chars, w, range.start).map(|at| at + w.chars().count())).min()
        };
        Sentence {
            passage,
            range: range.clone(),
            context,
            passage_says,
            says,
            refers_back,
            includes_carried,
            review_named_by: first_end(&["复议"]),
            suit_named_by: first_end(&["诉讼", "法院", "起诉"]),
            settled_named_by: first_end(&["审结", "已结"]),
        }
    }

    pub fn claims(&self, out: &mut Vec<Claim>) {
        let mut last_count: Option<LastCount> = None;
        for clause in self.passage.clauses(self.range.clone()) {
            let hits = words(&self.passage.chars, clause.clone());
            if self.out_of_scope(&hits) {
                last_count = None;
                continue;
            }
            self.figure_claims(clause.clone(), &mut last_count, out);
            for kind in patterns::statements(self, clause.clone(), &hits) {
                out.push(Claim { kind, quote: self.passage.quote(clause.clone()), line: self.passage.line_at(clause.start) });
            }
        }
    }

    /// The counts and shares of one clause, each read from the words since the figure before.
    fn figure_claims(&self, clause: Range<usize>, last_count: &mut Option<LastCount>, out: &mut Vec<Claim>) {
        let mut segment_start = clause.start;
        for figure in figures(&self.passage.chars, clause.clone()) {
            let segment = segment_start..figure.start;
            segment_start = figure.end;
            let (claim, quoted) = match figure.unit {
                Unit::Piece => {
                    let topic = self.count_topic(segment, &figure);
                    *last_count = topic.map(|topic| LastCount { topic, value: figure.value, clause_start: clause.start });
                    (topic.map(|topic| ClaimKind::Count { topic, stated: figure.value }), clause.clone())
                }
                Unit::Percent => match last_count.take() {
                    Some(count) => (self.share(segment, &figure, count), count.clause_start..self.closing(clause.end)),
                    None => (None, clause.clone()),
                },
            };
            if let Some(kind) = claim {
                out.push(Claim { kind, quote: self.passage.quote(quoted), line: self.passage.line_at(figure.start) });
            }
        }
    }

    /// `end`, or past the `）` closing a bracketed share there.
    fn closing(&self, end: usize) -> usize {
        if self.passage.chars.get(end) == Some(&')') {
            end + 1
        } else {
            end
        }
    }

    /// Another business or another body's figures: nothing in the clause is used.
    fn out_of_scope(&self, hits: &[Hit]) -> bool {
        hits.iter().any(|h| match h.word {
            Word::Foreign | Word::OtherScope => true,
            Word::Scope(level) => self.context.own_scope != Some(level),
            _ => false,
        })
    }

    /// About applications: the sentence says 申请; for a specific word the passage may say it;
    /// the outcome words of table 三 (予以公开, 不予处理…) name applications by themselves.
    fn about_applications(&self, topic: Topic, specific: bool) -> bool {
        topic.is_outcome() || self.says.applications || (specific && self.passage_says.applications)
    }

    /// About review and litigation over information disclosure (not those the body decides
    /// as a review organ): the sentence says 信息公开, or refers back (涉及, 相关) to a passage
    /// that does.
    pub fn about_disclosure_appeals(&self) -> bool {
        self.says.disclosure || (self.passage_says.disclosure && self.refers_back)
    }

    /// Which table 四 groups a clause names, or else the sentence up to the clause's end.
    pub fn groups_named(&self, clause: Range<usize>) -> Groups {
        let named = |range: Range<usize>| {
            let has = |w: &str| self.passage.contains(range.clone(), w);
            Groups { review: has("复议"), suit: has("诉讼") || has("法院") || has("起诉") }
        };
        let own = named(clause.clone());
        if own.review || own.suit {
            return own;
        }
        let before = |at: Option<usize>| at.is_some_and(|end| end <= clause.end);
        Groups { review: before(self.review_named_by), suit: before(self.suit_named_by) }
    }

    /// The sentence speaks of settled cases only (已审结的…均获维持).
    pub fn settled_only(&self) -> bool {
        self.settled_named_by.is_some()
    }

    /// The topic of a count: the words from the previous figure (or the clause start) to it.
    fn count_topic(&self, segment: Range<usize>, figure: &Figure) -> Option<Topic> {
        if figure.approximate || self.names_other_year(segment.clone()) {
            return None;
        }
        let hits = words(&self.passage.chars, segment);
        let (topic, specific) = self.single_topic(&hits)?;
        let blocked = hits.iter().any(|h| match h.word {
            Word::Compare | Word::OtherYear | Word::Channel => true,
            Word::Among => !specific,
            _ => false,
        });
        if blocked {
            return None;
        }
        let topic = if topic == Topic::Received && self.includes_carried { Topic::Accepted } else { topic };
        let relevant = if topic.is_table4() { self.about_disclosure_appeals() } else { self.about_applications(topic, specific) };
        relevant.then_some(topic)
    }

    /// The one topic the words name, and whether a specific word named it; `None` when they
    /// name none, or two joined by 和/及 (`受理并办结`), or two specific ones.
    fn single_topic(&self, hits: &[Hit]) -> Option<(Topic, bool)> {
        let named: Vec<(Topic, bool, usize)> = hits
            .iter()
            .filter_map(|h| match h.word {
                Word::Topic { topic, specific } => Some((topic, specific, h.start)),
                Word::Cases => self.cases_topic().map(|t| (t, true, h.start)),
                _ => None,
            })
            .collect();
        let specific: Vec<Topic> = named.iter().filter(|n| n.1).map(|n| n.0).collect();
        let pool: Vec<Topic> = if specific.is_empty() { named.iter().map(|n| n.0).collect() } else { specific };
        let topic = *pool.first()?;
        if pool.iter().any(|t| *t != topic) {
            return None;
        }
        let first = named.iter().map(|n| n.2).min()?;
        let last = named.iter().map(|n| n.2).max()?;
        let distinct = named.iter().any(|n| n.0 != topic);
        let joined = hits.iter().any(|h| h.word == Word::Conjunction && h.start > first && h.start < last);
        if distinct && joined {
            return None;
        }
        Some((topic, named.iter().any(|n| n.0 == topic && n.1)))
    }

    /// `相关案件`: the cases of the 行政复议/行政诉讼 the sentence names.
    fn cases_topic(&self) -> Option<Topic> {
        match (self.review_named_by.is_some(), self.suit_named_by.is_some()) {
            (true, true) => Some(Topic::ReviewAndSuit),
            (true, false) => Some(Topic::Review),
            (false, true) => Some(Topic::Suit),
            (false, false) => None,
        }
    }

    /// A year other than the report's (`2020年`) in the words before a figure.
    fn names_other_year(&self, segment: Range<usize>) -> bool {
        let chars = &self.passage.chars;
        (segment.start..segment.end.saturating_sub(4)).any(|i| {
            let digits = &chars[i..i + 4];
            let is_year = digits.iter().all(char::is_ascii_digit) && chars[i + 4] == '年' && (i == 0 || !chars[i - 1].is_ascii_digit());
            is_year && self.context.year != digits.iter().collect::<String>().parse().ok()
        })
    }

    /// `占 39.5%` after a count, or `208 件（17.46%）`: the share of that count.
    fn share(&self, segment: Range<usize>, figure: &Figure, LastCount { topic, value: count, .. }: LastCount) -> Option<ClaimKind> {
        let bracketed = segment.is_empty() && segment.start > 0 && self.passage.chars[segment.start - 1] == '(';
        if !topic.is_outcome() || figure.approximate || !(bracketed || self.passage.contains(segment.clone(), "占")) {
            return None;
        }
        // Only words that name the base may stand before the share (占办结总数的): 网上申请占,
        // 自然人占, 同比 are shares of something else.
        let mut base = Base::Unclear;
        for hit in words(&self.passage.chars, segment) {
            base = match hit.word {
                Word::Topic { topic: Topic::Answered, .. } => Base::Answered,
                Word::Topic { topic: Topic::Received, .. } => Base::New,
                Word::Topic { topic: Topic::Accepted, .. } => Base::Accepted,
                Word::Topic { topic: Topic::Handled, .. } | Word::Mask | Word::Conjunction => base,
                _ => return None,
            };
        }
        Some(ClaimKind::Share { topic, count, percent: figure.value, decimals: figure.decimals, base })
    }
}
