//! `copied-text`: a report's narrative carried over from the same body's previous report in
//! the batch, section by section (warning for sections 一 and 五).
//!
//! Each sentence is fingerprinted with its figures and punctuation left out
//! ([`crate::desk::narrative::fingerprint`]), so a sentence whose only change is the year or a
//! count is the same sentence. A batch rule: its `check` over one report finds nothing; the
//! batch ([`crate::batch::Batch::finish`]) pairs the reports and calls [`compare`].

use std::collections::HashSet;

use serde::Serialize;

use super::{Report, Rule};
use crate::desk::narrative::{fingerprint, SentenceText, MIN_SENTENCE_CHARS};
use crate::desk::round4;
use crate::result::{Diagnostic, Num, Severity};

pub const RULE: Rule = Rule {
    id: "copied-text",
    severity: Severity::Warning,
    summary: "与同一机关上一年度报告相比，第一或第五部分的大部分句子原样照搬（或只改了年份和数字）",
    doc: "同时检查多份报告时，把每份报告的文字部分与同一机关最近一个较早年度的报告逐部分比较。\
每个句子（以。！？；分隔）去掉数字（含汉字数字）和标点后取指纹，不足 12 个字的短句不计；与上一年度报告某句指纹相同，\
即算“照搬或只改了年份和数字”。第一部分“总体情况”或第五部分“存在的主要问题及改进情况”中至少有 2 个句子、\
且照搬的句子占一半以上（≥ 50%）时给出 warning，写明句数、比例和上一年度报告；各部分的比例和照搬的句子见批量结果的 desk.copied。\
评估中第五部分照搬上年是扣分最多的做法之一。只检查一份报告时本规则不适用。\
例：2024 年报告第五部分 6 句中有 5 句与 2023 年报告相同，只是“2023年”改成了“2024年”。",
    check,
};

fn check(_: &Report, _: &mut Vec<Diagnostic>) {}

/// A section is flagged from this share of sentences carried over.
pub const WARN_SHARE: f64 = 0.5;
/// …when it has at least this many sentences that count.
pub const MIN_SENTENCES: usize = 2;
/// The sections whose copying is a finding (the others are reported in `desk.copied` only:
/// section 六's fee sentence is rightly the same every year).
const WARNED_SECTIONS: [u8; 2] = [1, 5];

/// One sentence of a report, as the comparison needs it.
#[derive(Clone, Debug)]
struct SentenceFact {
    section: Option<u8>,
    fingerprint: u64,
    chars: usize,
    line: usize,
    text: String,
}

/// The sentences of one report that count (at least [`MIN_SENTENCE_CHARS`] characters).
#[derive(Clone, Debug, Default)]
pub struct CopyFacts {
    sentences: Vec<SentenceFact>,
}

impl CopyFacts {
    /// The facts of a report whose sentences are `sentences` (those of [`all_sentences`]).
    pub fn of(report: &Report, sentences: &[SentenceText]) -> CopyFacts {
        let prose = report.prose();
        let sentences = sentences
            .iter()
            .filter_map(|s| {
                let (fingerprint, chars) = fingerprint(s.chars);
                (chars >= MIN_SENTENCE_CHARS).then(|| SentenceFact {
                    section: s.section,
                    fingerprint,
                    chars,
                    line: s.line,
                    // Quoted (a costly read of the text as written) only where a copy is reported.
                    text: match s.section {
                        Some(n) if WARNED_SECTIONS.contains(&n) => prose.passages[s.passage].quote(s.range.clone()),
                        _ => String::new(),
                    },
                })
            })
            .collect();
        CopyFacts { sentences }
    }
}

/// What of one report was carried over from an earlier one (`desk.copied`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Copied {
    /// Index in the batch of the later report, and of the earlier one compared with.
    pub report: usize,
    pub previous: usize,
    /// Share of the characters of sections 一 and 五 (in sentences that count) carried over,
    /// 0–1: the free narrative, without the template's own sentences.
    pub share: Num,
    /// Each section 1–6 that has sentences that count: how many, how many carried over.
    pub sections: Vec<CopiedSection>,
    /// Every sentence of sections 一 and 五 carried over: its line in the later report and
    /// its text as written (for marking in the text view).
    pub passages: Vec<CopiedPassage>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopiedSection {
    /// 1–6.
    pub number: u8,
    pub sentences: usize,
    pub copied: usize,
    pub share: Num,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CopiedPassage {
    pub section: u8,
    pub line: usize,
    pub text: String,
}

const SECTION_NAMES: [&str; 7] =
    ["", "第一部分“总体情况”", "第二部分", "第三部分", "第四部分", "第五部分“存在的主要问题及改进情况”", "第六部分"];

/// Compares `next` with `previous` (its body's report of an earlier year, indices `indices`
/// in the batch, `previous_title` naming it): the findings for `next` and what was carried
/// over (`None` when `next` has no sentence that counts).
pub fn compare(previous: &CopyFacts, next: &CopyFacts, indices: (usize, usize), previous_title: &str) -> Option<(Vec<Diagnostic>, Copied)> {
    if !next.sentences.iter().any(|s| s.section.is_some()) {
        return None;
    }
    let before: HashSet<u64> = previous.sentences.iter().map(|s| s.fingerprint).collect();
    let mut sections: Vec<CopiedSection> = Vec::new();
    let mut passages = Vec::new();
    let (mut all_chars, mut copied_chars) = (0, 0);
    // Text before section 一 (title, the preamble every report shares) is not compared.
    for s in next.sentences.iter().filter(|s| s.section.is_some()) {
        let number = s.section.unwrap_or(0);
        let copied = before.contains(&s.fingerprint);
        // Kept in section order as they come.
        let at = match sections.binary_search_by_key(&number, |c| c.number) {
            Ok(at) => at,
            Err(at) => {
                sections.insert(at, CopiedSection { number, sentences: 0, copied: 0, share: Num(0.0) });
                at
            }
        };
        let section = &mut sections[at];
        section.sentences += 1;
        section.copied += usize::from(copied);
        if WARNED_SECTIONS.contains(&number) {
            all_chars += s.chars;
            if copied {
                copied_chars += s.chars;
                passages.push(CopiedPassage { section: number, line: s.line, text: s.text.clone() });
            }
        }
    }
    let mut found = Vec::new();
    for section in &mut sections {
        let share = section.copied as f64 / section.sentences as f64;
        section.share = Num(round4(share));
        if WARNED_SECTIONS.contains(&section.number) && section.sentences >= MIN_SENTENCES && share >= WARN_SHARE {
            let first = passages.iter().find(|p| p.section == section.number);
            let mut d = RULE
                .diagnostic(format!(
                    "{}共 {} 句，其中 {} 句（{:.0}%）与上一年度报告{}相同或只改了年份、数字",
                    SECTION_NAMES[usize::from(section.number)],
                    section.sentences,
                    section.copied,
                    share * 100.0,
                    previous_title
                ))
                .line(first.map(|p| p.line));
            d.source = first.map(|p| p.text.chars().take(200).collect());
            found.push(d);
        }
    }
    let share = if all_chars == 0 { 0.0 } else { copied_chars as f64 / all_chars as f64 };
    Some((found, Copied { report: indices.1, previous: indices.0, share: Num(round4(share)), sections, passages }))
}
