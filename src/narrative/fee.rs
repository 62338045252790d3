//! Section 六 and the 信息处理费: whether the section speaks of fees at all, and whether it
//! says that no fee matter arose (未发生收费事项, 未发出收费通知) — which table 三 contradicts
//! when applications lapsed for unpaid fees (`t3.other.unpaid_fee`), since a fee notice was
//! then sent. "未收取信息处理费" alone is no such statement: a notice may go unpaid.

use std::ops::Range;

use super::lexicon::{starts_with, Lexicon};
use super::text::{Clause, Keys, Passage, Prose};
use crate::document::Document;
use crate::locate::{Meta, SectionFound};

/// Words that show a passage speaks of fees.
const FEE_WORDS: Lexicon = Lexicon::new(&["处理费", "收费", "费用", "缴费", "收取"]);
const NOTICE_WORDS: Lexicon = Lexicon::new(&["收费通知", "缴费通知", "收费告知", "缴费告知", "收费决定"]);
/// `未发出收费通知`.
const NOT_SENT: Lexicon = Lexicon::new(&[
    "未发出", "未发送", "未下发", "未送达", "未开具", "未出具", "未寄送", "没有发出", "没有发送", "未曾发出", "未向申请人发出",
    "未向申请人发送", "未发",
]);
/// `未发生收费事项`, `不存在收费情况`.
const NOT_ARISEN: Lexicon =
    Lexicon::new(&["未发生", "不存在", "未产生", "未出现", "未涉及", "不涉及", "没有发生", "没有产生", "没有涉及", "未有", "无"]);
const MATTERS: &[&str] = &["事项", "情况", "行为", "活动", "问题", "业务", "工作"];
const MAX_GAP: usize = 16;

/// What section 六 says of fees.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeeSection {
    /// The line of the section's heading.
    pub heading_line: usize,
    pub mentions_fees: bool,
    /// A fee notice is spoken of as sent (or its lapse described).
    pub mentions_notices: bool,
    /// Statements that no fee matter arose or no notice was sent: (quote, line).
    pub no_fee_matter: Vec<(String, usize)>,
}

/// Section 六 from its heading line (which may carry text after a colon) to the next section
/// heading, the signature date or the end of the document; `sections` are the headings
/// `locate::sections` finds.
pub fn fee_section(doc: &Document, sections: &[SectionFound], meta: &Meta) -> Option<FeeSection> {
    fee_section_in(&Prose::of(doc, sections), doc, sections, meta)
}

/// [`fee_section`] of a document whose prose is read already.
pub fn fee_section_in(prose: &Prose, doc: &Document, sections: &[SectionFound], meta: &Meta) -> Option<FeeSection> {
    let heading = sections.iter().rev().find(|s| s.heading.number == 6)?;
    let end = sections
        .iter()
        .map(|s| s.line)
        .chain(meta.published_line)
        .filter(|line| *line > heading.line)
        .min()
        .unwrap_or(doc.lines.len() + 1);
    let mut section = FeeSection { heading_line: heading.line, ..FeeSection::default() };
    for passage in &prose.passages {
        let first = passage.line_at(0);
        if first < heading.line || first >= end {
            continue;
        }
        read_passage(passage, prose.clauses(passage), &mut section);
    }
    Some(section)
}

/// Reads a passage, whose clauses are `clauses`.
fn read_passage(passage: &Passage, clauses: &[Clause], section: &mut FeeSection) {
    let chars = &passage.chars;
    // Every fee word holds 费 or 取, and no word holds a clause break; every statement below
    // names a fee (收费, 缴费…).
    section.mentions_fees |= clauses.iter().any(|c| c.keys.has(Keys::FEE)) && FEE_WORDS.occurs(chars, 0);
    for clause in clauses {
        // A clause with 除 (除…外) speaks of an exception: skipped.
        if !clause.keys.has(Keys::FEE) || clause.keys.has(Keys::EXCEPT) {
            continue;
        }
        let range = clause.range.clone();
        let denies_notice = notice_not_sent(chars, range.clone());
        if denies_notice || no_fee_matter(chars, range.clone()) {
            section.no_fee_matter.push((passage.quote(range.clone()), passage.line_at(range.start)));
        }
        let names_notice = NOTICE_WORDS.occurs(&chars[..range.end], range.start);
        section.mentions_notices |= names_notice && !denies_notice;
    }
}

fn notice_not_sent(chars: &[char], clause: Range<usize>) -> bool {
    negation_then(chars, clause, &NOT_SENT, |chars, at, _| NOTICE_WORDS.starts_at(chars, at))
}

/// `未发生政府信息公开收费事项`: a negation of existence, then 收费 as a matter (收费事项,
/// 收费的情况, or 收费 ending the clause). `向申请人收费` is about collecting: not this.
fn no_fee_matter(chars: &[char], clause: Range<usize>) -> bool {
    negation_then(chars, clause, &NOT_ARISEN, |chars, at, end| {
        if !starts_with(chars, at, "收费") {
            return false;
        }
        let mut k = at + 2;
        if chars.get(k) == Some(&'的') {
            k += 1;
        }
        k >= end || MATTERS.iter().any(|m| starts_with(chars, k, m))
    })
}

/// A negation from `negations` followed, within [`MAX_GAP`] characters and with no 向/收取/但
/// between, by what `object` accepts.
fn negation_then(chars: &[char], clause: Range<usize>, negations: &Lexicon, object: impl Fn(&[char], usize, usize) -> bool) -> bool {
    for start in clause.clone() {
        if !negations.may_start(chars, start) {
            continue; // no negation starts here
        }
        for negation in negations.words {
            if !starts_with(chars, start, negation) {
                continue;
            }
            let from = start + negation.chars().count();
            let gap = if *negation == "无" { 2 } else { MAX_GAP };
            for at in from..clause.end.min(from + gap + 1) {
                if matches!(chars[at], '向' | '但') || starts_with(chars, at, "收取") {
                    break;
                }
                if object(chars, at, clause.end) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(text: &str) -> FeeSection {
        let input = format!("六、其他需要报告的事项\n{text}\n");
        let (_, _, doc) = crate::read::read_str(&input, Some("txt"));
        let sections = crate::locate::sections(&doc);
        fee_section(&doc, &sections, &Meta::default()).unwrap()
    }

    #[test]
    fn statements() {
        let s = section("本年度未收取信息处理费。");
        assert!(s.mentions_fees && s.no_fee_matter.is_empty());
        let s = section("2024 年，本机关未发生政府信息公开收费事项。");
        assert_eq!(s.no_fee_matter.len(), 1);
        let s = section("本年度未向申请人发出收费通知，未收取费用。");
        assert_eq!(s.no_fee_matter.len(), 1);
        let s = section("本年度不涉及收费事项，无收费情况。");
        assert_eq!(s.no_fee_matter.len(), 2);
        let s = section("本年度没有向申请人收费的情况。");
        assert!(s.no_fee_matter.is_empty());
        let s = section("发出收费通知2件，申请人均未缴费。");
        assert!(s.mentions_notices && s.no_fee_matter.is_empty());
        let s = section("本机关无其他需要报告的事项。");
        assert!(!s.mentions_fees);
        let (_, _, doc) = crate::read::read_str("六、其他需要报告的事项：本年度未收取信息处理费。\n", Some("txt"));
        let sections = crate::locate::sections(&doc);
        assert!(fee_section(&doc, &sections, &Meta::default()).unwrap().mentions_fees);
    }
}
