//! Statements without a figure that still say what a table holds: 均已办结 (nothing carried
//! forward), 未发生行政复议和行政诉讼 (table 四 empty), 未被纠错, 均获维持.

use std::ops::Range;

use super::lexicon::{first_char, starts_with, Lexicon, Sieve};
use super::number::{Figure, Unit};
use super::sentence::Sentence;
use super::text::{Clause, Keys};
use super::words::{Hit, Topic, Word};
use super::{ClaimKind, Groups};

/// `均已`, `全部`… before a completion word.
const ALL: &[&str] = &["均已", "全部", "均", "都已", "全都", "悉数"];
const DONE: Lexicon = Lexicon::new(&["办结", "办理完成", "办理完毕", "处理完毕", "处理完成", "办理完", "答复完毕"]);
/// How far `均已` may be from the completion word (`均已按要求办理完成`).
const MAX_ALL_GAP: usize = 8;
/// In a 均已办结 clause these make it about timeliness or a part, not about everything.
const NOT_ALL_DONE: Lexicon = Lexicon::new(&["未", "除", "期限", "时限", "按时", "按期", "及时", "当场", "当日"]);

const NO_APPEAL: &[&str] = &["未发生", "不存在", "没有", "未有", "未出现", "未产生", "未收到", "未被申请", "未被提起", "无"];
/// How far a negation may be from 行政复议/行政诉讼 (`不存在有关政府信息公开行政复议`).
const MAX_NEGATION_GAP: usize = 16;

/// Outcomes of a review or suit: a clause that names one speaks of outcomes, not of whether
/// there were any cases (`未发生…被行政复议纠错或行政诉讼败诉情形`).
const OUTCOME_WORDS: Lexicon = Lexicon::new(&["纠错", "纠正", "败诉", "撤销", "违法", "维持"]);
/// A correction or a lost suit: `未被纠错`, `未发生…纠错…败诉`.
const CORRECTED: Lexicon = Lexicon::new(&["纠错", "纠正", "败诉"]);
const NOT_CORRECTED_NEGATIONS: &[&str] = &["未被", "未发生", "未出现", "没有", "没有被", "无", "未有", "均未"];
const ALL_UPHELD: Lexicon = Lexicon::new(&[
    "均获维持", "均被维持", "全部维持", "均予维持", "均予以维持", "均维持", "全部获得维持", "均得到维持", "全部被维持",
]);

/// `未收到政府信息公开申请`: no application this year.
const NONE_RECEIVED: &[(&str, Topic)] = &[
    ("未收到", Topic::Received),
    ("未接到", Topic::Received),
    ("没有收到", Topic::Received),
    ("没有接到", Topic::Received),
    ("未收悉", Topic::Received),
    ("未受理", Topic::Accepted),
    ("没有受理", Topic::Accepted),
    ("无", Topic::Received),
];
/// The first characters of [`NONE_RECEIVED`].
const NONE_RECEIVED_FIRSTS: Sieve = {
    let mut sieve = Sieve::EMPTY;
    let mut i = 0;
    while i < NONE_RECEIVED.len() {
        sieve.insert(first_char(NONE_RECEIVED[i].0));
        i += 1;
    }
    sieve
};
/// What may stand between `未收到` and `申请` (`未收到任何政府信息公开申请`).
const APPLICATION_FILLER: &str = "政府信息公开依任何相关有关的";
const MAX_FILLER: usize = 12;

/// The figure-less statements of one clause, whose figures are `figures`. Each statement is
/// looked for only where the clause holds the keys its words need.
pub(super) fn statements(sentence: &Sentence, clause: &Clause, hits: &[Hit], figures: &[Figure]) -> Vec<ClaimKind> {
    let mut out = Vec::new();
    let range = clause.range.clone();
    let chars = &sentence.passage.chars[..range.end];
    if clause.keys.has(Keys::DONE) && all_done(sentence, chars, range.clone(), hits) {
        out.push(ClaimKind::AllDone);
    }
    if clause.keys.has(Keys::APPLICATION) {
        if let Some(topic) = none_received(chars, range.clone(), hits, figures) {
            out.push(ClaimKind::Count { topic, stated: 0.0 });
        }
    }
    // The rest is about 行政复议 and 行政诉讼: only where the clause names them or their outcome.
    if !clause.keys.has(Keys::REVIEW | Keys::SUIT | Keys::CORRECTED | Keys::UPHELD) || !sentence.about_disclosure_appeals() {
        return out;
    }
    if clause.keys.has(Keys::REVIEW | Keys::SUIT) {
        if let Some(groups) = no_appeals(chars, range.clone(), hits, figures) {
            out.push(ClaimKind::NoAppeals(groups));
        }
    }
    if !clause.keys.has(Keys::CORRECTED | Keys::UPHELD) {
        return out;
    }
    let named = sentence.groups_named(clause);
    if named.review || named.suit {
        if clause.keys.has(Keys::CORRECTED) && not_corrected(chars, range.clone()) {
            out.push(ClaimKind::NotCorrected(named));
        } else if clause.keys.has(Keys::UPHELD) && ALL_UPHELD.occurs(chars, range.start) {
            out.push(ClaimKind::AllUpheld { groups: named, settled_only: sentence.settled_only() });
        }
    }
    out
}

/// `所有申请均已按要求办理完成`: about all applications (no other topic in the clause), not
/// about timeliness or a part.
fn all_done(sentence: &Sentence, chars: &[char], clause: Range<usize>, hits: &[Hit]) -> bool {
    if !sentence.says().applications {
        return false;
    }
    let other_topic = hits.iter().any(|h| match h.word {
        Word::Topic { topic, .. } => !topic.is_generic(),
        Word::Cases | Word::Among | Word::Channel | Word::OtherYear => true,
        _ => false,
    });
    if other_topic {
        return false;
    }
    let all_done =
        (clause.start..clause.end).any(|d| DONE.starts_at(chars, d) && word_ends_near(chars, ALL, clause.start, d, MAX_ALL_GAP));
    all_done && !NOT_ALL_DONE.occurs(chars, clause.start)
}

/// One of `words` ends at most `gap` characters before `at` (and starts at or after `start`).
fn word_ends_near(chars: &[char], words: &[&str], start: usize, at: usize, gap: usize) -> bool {
    words.iter().any(|w| {
        let n = w.chars().count();
        let earliest = at.saturating_sub(gap + n).max(start);
        (earliest..=at.saturating_sub(n)).any(|s| s + n <= at && starts_with(chars, s, w))
    })
}

/// `本年度未收到政府信息公开申请`: the clause says no application came, and nothing else
/// (no figure, no review, nothing after 申请 but 情况).
fn none_received(chars: &[char], clause: Range<usize>, hits: &[Hit], figures: &[Figure]) -> Option<Topic> {
    let other_topic = hits.iter().any(|h| matches!(h.word, Word::Topic { topic, .. } if topic.is_table4() || topic.is_outcome()));
    if other_topic || !figures.is_empty() {
        return None;
    }
    for start in clause.clone() {
        if !NONE_RECEIVED_FIRSTS.may_hold(chars[start]) {
            continue; // no negation starts here
        }
        for (negation, topic) in NONE_RECEIVED {
            if !starts_with(chars, start, negation) {
                continue;
            }
            let mut at = start + negation.chars().count();
            let filler_start = at;
            while at < clause.end && at - filler_start < MAX_FILLER && APPLICATION_FILLER.contains(chars[at]) {
                at += 1;
            }
            if !starts_with(chars, at, "申请") {
                continue;
            }
            let rest = &chars[at + 2..clause.end];
            if ["", "情况", "的情况"].iter().any(|end| rest.iter().copied().eq(end.chars())) {
                return Some(*topic);
            }
        }
    }
    None
}

/// `不存在有关政府信息公开行政复议和行政诉讼情况`, `未发生行政复议`, `行政复议和行政诉讼均为零`.
fn no_appeals(chars: &[char], clause: Range<usize>, hits: &[Hit], figures: &[Figure]) -> Option<Groups> {
    let mut groups = Groups { review: false, suit: false };
    for hit in hits {
        let Word::Topic { topic, .. } = hit.word else { continue };
        if !topic.is_table4() || !(negated_before(chars, clause.start, hit.start) || zero_after(chars, hit.end, clause.end)) {
            continue;
        }
        groups.review |= matches!(topic, Topic::Review | Topic::ReviewAndSuit);
        groups.suit |= matches!(topic, Topic::Suit | Topic::ReviewAndSuit);
    }
    if !(groups.review || groups.suit) {
        return None;
    }
    let names_outcome = OUTCOME_WORDS.occurs(chars, clause.start);
    if names_outcome || figures.iter().any(|f| f.unit == Unit::Piece) {
        return None;
    }
    Some(groups)
}

fn negated_before(chars: &[char], start: usize, keyword: usize) -> bool {
    NO_APPEAL.iter().any(|neg| {
        let n = neg.chars().count();
        let earliest = keyword.saturating_sub(MAX_NEGATION_GAP + n).max(start);
        (earliest..keyword).any(|s| {
            let end = s + n;
            end <= keyword
                && starts_with(chars, s, neg)
                && !(*neg == "无" && chars.get(end).is_some_and(|c| "法正需论".contains(*c)))
                && !chars[end..keyword].iter().any(|c| matches!(c, '但' | '仅'))
        })
    })
}

/// `均为零`, `为零` or `均无` starting at most 6 characters after `from` (and before `end`).
fn zero_after(chars: &[char], from: usize, end: usize) -> bool {
    let chars = &chars[..end];
    ["均为零", "为零", "均无"].iter().any(|w| (from..=from + 6).any(|at| starts_with(chars, at, w)))
}

/// `该行政复议件未被复议审查机关纠错`, `均未被纠错`, `未发生…被行政复议纠错或行政诉讼败诉情形`.
fn not_corrected(chars: &[char], clause: Range<usize>) -> bool {
    (clause.start..clause.end).any(|at| {
        CORRECTED.starts_at(chars, at)
            && word_ends_near(chars, NOT_CORRECTED_NEGATIONS, clause.start, at, MAX_NEGATION_GAP)
    })
}
