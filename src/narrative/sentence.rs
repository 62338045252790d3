//! Reading one sentence: each figure with the words before it, and the figure-less
//! statements of each clause ([`super::patterns`]).

use std::cell::OnceCell;
use std::ops::Range;

use super::lexicon::{starts_with, Sieve};
use super::number::{figures, Figure, Unit};
use super::patterns;
use super::text::{Clause, Keys, Passage};
use super::words::{hits_in, words, words_into, Hit, Topic, Word};
use super::{Base, ClaimKind, Groups, Setting};

/// The keys without which a clause states nothing: every claim needs a figure (件, %) or a
/// statement word (办结/办理完毕, 申请, 复议/诉讼, 纠错/败诉, 维持) in its clause.
pub(super) const STATES: Keys = Keys::PIECE
    .or(Keys::PERCENT)
    .or(Keys::DONE)
    .or(Keys::APPLICATION)
    .or(Keys::REVIEW)
    .or(Keys::SUIT)
    .or(Keys::CORRECTED)
    .or(Keys::UPHELD);

/// Words a passage or sentence contains that decide what its figures can be about.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Says {
    /// 申请: about applications.
    pub applications: bool,
    /// 信息公开 (依申请公开): about information disclosure.
    pub disclosure: bool,
}

impl Says {
    /// What `passage.chars[range]` says.
    pub fn of(passage: &Passage, range: Range<usize>) -> Says {
        let has = |w: &str| passage.contains(range.clone(), w);
        Says { applications: has("申请"), disclosure: has("信息公开") || has("依申请公开") }
    }
}

/// The last count read in a sentence: a share that follows is its share (`予以公开 24 件，占 50%`).
#[derive(Clone, Copy, Debug)]
struct LastCount {
    topic: Topic,
    value: f64,
    /// Where the count's clause starts: the share quotes both clauses.
    clause_start: usize,
}

/// The first characters of the words [`Marks::read`] looks for.
const MARK_STARTS: Sieve = Sieve::of(&['申', '信', '依', '涉', '相', '此', '该', '复', '诉', '法', '起', '审', '已']);

/// What a sentence says of itself: the words that set what its figures can be about.
#[derive(Clone, Copy, Debug, Default)]
struct Marks {
    says: Says,
    /// 涉及, 相关…: refers back to what the passage said.
    refers_back: bool,
    /// Where the first mention of 复议, of 诉讼 (法院, 起诉) and of 审结 (已结) ends.
    review_named_by: Option<usize>,
    suit_named_by: Option<usize>,
    settled_named_by: Option<usize>,
}

impl Marks {
    /// The marks of `passage.chars[range]`, found in one pass: at each character only the
    /// words starting with it are tried.
    fn read(passage: &Passage, range: Range<usize>) -> Marks {
        let chars = &passage.chars[..range.end];
        let at = |i: usize, w: &str| starts_with(chars, i, w).then(|| i + w.chars().count());
        let earliest = |named_by: &mut Option<usize>, end: Option<usize>| {
            if let Some(end) = end {
                *named_by = Some(named_by.map_or(end, |n| n.min(end)));
            }
        };
        let mut marks = Marks::default();
        for i in range {
            if !MARK_STARTS.may_hold(chars[i]) {
                continue; // most characters
            }
            match chars[i] {
                '申' => marks.says.applications |= at(i, "申请").is_some(),
                '信' => marks.says.disclosure |= at(i, "信息公开").is_some(),
                '依' => marks.says.disclosure |= at(i, "依申请公开").is_some(),
                '涉' => marks.refers_back |= at(i, "涉及").is_some(),
                '相' => marks.refers_back |= at(i, "相关").is_some(),
                '此' => marks.refers_back |= at(i, "此类").is_some(),
                '该' => marks.refers_back = true,
                '复' => earliest(&mut marks.review_named_by, at(i, "复议")),
                '诉' => earliest(&mut marks.suit_named_by, at(i, "诉讼")),
                '法' => earliest(&mut marks.suit_named_by, at(i, "法院")),
                '起' => earliest(&mut marks.suit_named_by, at(i, "起诉")),
                '审' => earliest(&mut marks.settled_named_by, at(i, "审结")),
                '已' => earliest(&mut marks.settled_named_by, at(i, "已结")),
                _ => {}
            }
        }
        marks
    }
}

/// One sentence being read. What it says of itself is read only when a figure or a
/// statement asks, and the words only of clauses that can state something.
pub(super) struct Sentence<'a> {
    pub passage: &'a Passage<'a>,
    pub range: Range<usize>,
    setting: &'a Setting<'a>,
    /// What the whole passage says: read only if a sentence needs it.
    passage_says: &'a OnceCell<Says>,
    marks: OnceCell<Marks>,
    /// 含上年结转: its 收到 counts carried-over applications too.
    includes_carried: OnceCell<bool>,
}

/// A statement found, quoted by its range in the passage.
pub(super) struct Found {
    pub kind: ClaimKind,
    pub quote: Range<usize>,
    pub line: usize,
}

impl<'a> Sentence<'a> {
    pub fn new(passage: &'a Passage<'a>, range: Range<usize>, setting: &'a Setting<'a>, passage_says: &'a OnceCell<Says>) -> Self {
        Sentence { passage, range, setting, passage_says, marks: OnceCell::new(), includes_carried: OnceCell::new() }
    }

    fn marks(&self) -> &Marks {
        self.marks.get_or_init(|| Marks::read(self.passage, self.range.clone()))
    }

    /// What the sentence says.
    pub fn says(&self) -> Says {
        self.marks().says
    }

    fn includes_carried(&self) -> bool {
        *self.includes_carried.get_or_init(|| {
            words(&self.passage.chars, self.range.clone()).iter().any(|h| h.word == Word::IncludesCarried)
        })
    }

    /// The claims of the sentence, whose clauses are `clauses`. The words of a clause are
    /// read afresh: no word holds a clause break, so they are those of the sentence in it.
    pub fn claims(&self, clauses: &[Clause], out: &mut Vec<Found>) {
        let mut last_count: Option<LastCount> = None;
        let mut hits = Vec::new(); // the words of a clause; its space reused clause to clause
        for clause in clauses {
            let states = clause.keys.has(STATES);
            if !states && last_count.is_none() {
                continue; // no figure, no statement word, no count to forget: nothing to read
            }
            words_into(&self.passage.chars, clause.range.clone(), &mut hits);
            if self.out_of_scope(&hits) {
                last_count = None;
                continue;
            }
            if !states {
                continue;
            }
            let figures = if clause.keys.has(Keys::PIECE | Keys::PERCENT) {
                figures(&self.passage.chars, clause.range.clone())
            } else {
                Vec::new() // no unit: no figure
            };
            self.figure_claims(clause.range.clone(), &hits, &figures, &mut last_count, out);
            for kind in patterns::statements(self, clause, &hits, &figures) {
                out.push(Found { kind, quote: clause.range.clone(), line: self.passage.line_at(clause.range.start) });
            }
        }
    }

    /// The counts and shares of one clause, each read from the words since the figure before.
    fn figure_claims(
        &self,
        clause: Range<usize>,
        hits: &[Hit],
        figures: &[Figure],
        last_count: &mut Option<LastCount>,
        out: &mut Vec<Found>,
    ) {
        let mut segment_start = clause.start;
        for figure in figures {
            let segment = segment_start..figure.start;
            segment_start = figure.end;
            let (claim, quoted) = match figure.unit {
                Unit::Piece => {
                    let topic = self.count_topic(hits_in(hits, segment.clone()), segment, figure);
                    *last_count = topic.map(|topic| LastCount { topic, value: figure.value, clause_start: clause.start });
                    (topic.map(|topic| ClaimKind::Count { topic, stated: figure.value }), clause.clone())
                }
                Unit::Percent => match last_count.take() {
                    Some(count) => {
                        let share = self.share(hits_in(hits, segment.clone()), segment, figure, count);
                        (share, count.clause_start..self.closing(clause.end))
                    }
                    None => (None, clause.clone()),
                },
            };
            if let Some(kind) = claim {
                out.push(Found { kind, quote: quoted, line: self.passage.line_at(figure.start) });
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
            Word::Scope(level) => !self.setting.is_own_scope(level),
            _ => false,
        })
    }

    /// About applications: the sentence says 申请; for a specific word the passage may say it;
    /// the outcome words of table 三 (予以公开, 不予处理…) name applications by themselves.
    fn about_applications(&self, topic: Topic, specific: bool) -> bool {
        topic.is_outcome() || self.says().applications || (specific && self.passage_says().applications)
    }

    /// About review and litigation over information disclosure (not those the body decides
    /// as a review organ): the sentence says 信息公开, or refers back (涉及, 相关) to a passage
    /// that does.
    pub fn about_disclosure_appeals(&self) -> bool {
        self.says().disclosure || (self.marks().refers_back && self.passage_says().disclosure)
    }

    fn passage_says(&self) -> Says {
        *self.passage_says.get_or_init(|| Says::of(self.passage, 0..self.passage.chars.len()))
    }

    /// Which table 四 groups a clause names, or else the sentence up to the clause's end.
    pub fn groups_named(&self, clause: &Clause) -> Groups {
        // A word is looked for only where the clause holds its key.
        let has = |key: Keys, w: &str| clause.keys.has(key) && self.passage.contains(clause.range.clone(), w);
        let own = Groups {
            review: has(Keys::REVIEW, "复议"),
            suit: has(Keys::SUIT, "诉讼") || has(Keys::SUIT, "法院") || has(Keys::SUIT, "起诉"),
        };
        if own.review || own.suit {
            return own;
        }
        let before = |at: Option<usize>| at.is_some_and(|end| end <= clause.range.end);
        Groups { review: before(self.marks().review_named_by), suit: before(self.marks().suit_named_by) }
    }

    /// The sentence speaks of settled cases only (已审结的…均获维持).
    pub fn settled_only(&self) -> bool {
        self.marks().settled_named_by.is_some()
    }

    /// The topic of a count: the words (`hits`) from the previous figure (or the clause
    /// start) to it (`segment`).
    fn count_topic(&self, hits: &[Hit], segment: Range<usize>, figure: &Figure) -> Option<Topic> {
        if figure.approximate || self.names_other_year(segment) {
            return None;
        }
        let (topic, specific) = self.single_topic(hits)?;
        let blocked = hits.iter().any(|h| match h.word {
            Word::Compare | Word::OtherYear | Word::Channel => true,
            Word::Among => !specific,
            _ => false,
        });
        if blocked {
            return None;
        }
        let topic = if topic == Topic::Received && self.includes_carried() { Topic::Accepted } else { topic };
        let relevant = if topic.is_table4() { self.about_disclosure_appeals() } else { self.about_applications(topic, specific) };
        relevant.then_some(topic)
    }

    /// The one topic the words name, and whether a specific word named it; `None` when they
    /// name none, or two joined by 和/及 (`受理并办结`), or two specific ones.
    fn single_topic(&self, hits: &[Hit]) -> Option<(Topic, bool)> {
        // (topic, specific, start) of each word that names a topic; read again, not collected.
        let named = || {
            hits.iter().filter_map(|h| match h.word {
                Word::Topic { topic, specific } => Some((topic, specific, h.start)),
                Word::Cases => self.cases_topic().map(|t| (t, true, h.start)),
                _ => None,
            })
        };
        // The specific words if any, else all.
        let any_specific = named().any(|n| n.1);
        let mut pool = named().filter(|n| n.1 || !any_specific).map(|n| n.0);
        let topic = pool.next()?;
        if pool.any(|t| t != topic) {
            return None;
        }
        let first = named().map(|n| n.2).min()?;
        let last = named().map(|n| n.2).max()?;
        let distinct = named().any(|n| n.0 != topic);
        let joined = hits.iter().any(|h| h.word == Word::Conjunction && h.start > first && h.start < last);
        if distinct && joined {
            return None;
        }
        Some((topic, named().any(|n| n.0 == topic && n.1)))
    }

    /// `相关案件`: the cases of the 行政复议/行政诉讼 the sentence names.
    fn cases_topic(&self) -> Option<Topic> {
        match (self.marks().review_named_by.is_some(), self.marks().suit_named_by.is_some()) {
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
            is_year && self.setting.year() != digits.iter().collect::<String>().parse().ok()
        })
    }

    /// `占 39.5%` after a count, or `208 件（17.46%）`: the share of that count, whose words
    /// before it are `hits`.
    fn share(&self, hits: &[Hit], segment: Range<usize>, figure: &Figure, LastCount { topic, value: count, .. }: LastCount) -> Option<ClaimKind> {
        let bracketed = segment.is_empty() && segment.start > 0 && self.passage.chars[segment.start - 1] == '(';
        if !topic.is_outcome() || figure.approximate || !(bracketed || self.passage.contains(segment.clone(), "占")) {
            return None;
        }
        // Only words that name the base may stand before the share (占办结总数的): 网上申请占,
        // 自然人占, 同比 are shares of something else.
        let mut base = Base::Unclear;
        for hit in hits {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::read_str;

    /// Every word the marks are read from is found (its first character is in the sieve).
    #[test]
    fn marks_find_their_words() {
        let read = |text: &str| {
            let (_, _, doc) = read_str(text, Some("txt"));
            let prose = super::super::Prose::of(&doc, &[]);
            let passage = &prose.passages[0];
            Marks::read(passage, 0..passage.chars.len())
        };
        assert!(read("申请").says.applications);
        for text in ["信息公开", "依申请公开"] {
            assert!(read(text).says.disclosure, "{text}");
        }
        for text in ["涉及", "相关", "此类", "该"] {
            assert!(read(text).refers_back, "{text}");
        }
        assert_eq!(read("某复议").review_named_by, Some(3));
        for text in ["某诉讼", "某法院", "某起诉"] {
            assert_eq!(read(text).suit_named_by, Some(3), "{text}");
        }
        for text in ["某审结", "某已结"] {
            assert_eq!(read(text).settled_named_by, Some(3), "{text}");
        }
        let none = read("某某某某");
        assert!(!none.says.applications && !none.refers_back && none.suit_named_by.is_none());
    }
}
