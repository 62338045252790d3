//! The narrative of a report section by section: which passages of prose lie in which of
//! the six sections, their text, and a fingerprint of each sentence that stays the same when
//! only the year or the figures change (the `copied-text` rule compares them across years).

use std::ops::Range;

use crate::rules::Report;

/// A sentence counts for copied text only with at least this many characters once figures and
/// punctuation are left out: shorter ones (`无。`, `（一）存在的问题`) are alike in every report.
pub const MIN_SENTENCE_CHARS: usize = 12;

/// The lines of section `number` (1–6): from its heading to the next heading, the signature
/// date or the end of the text. `None` when the heading is not found.
pub fn section_lines(report: &Report, number: u8) -> Option<Range<usize>> {
    let heading = report.sections.iter().find(|s| s.heading.number == number)?;
    let end = (report.sections.iter().map(|s| s.line))
        .chain(report.meta.published_line)
        .filter(|line| *line > heading.line)
        .min()
        .unwrap_or(report.doc.lines.len() + 1);
    Some(heading.line..end)
}

/// The section (1–6) a line lies in: the last heading at or before it.
pub fn section_at(report: &Report, line: usize) -> Option<u8> {
    report.sections.iter().filter(|s| s.line <= line).max_by_key(|s| s.line).map(|s| s.heading.number)
}

/// The prose of section `number` as width-folded characters without white space, the heading
/// left out. `None` when the heading is not found.
pub fn section_chars(report: &Report, number: u8) -> Option<Vec<char>> {
    let lines = section_lines(report, number)?;
    let prose = report.prose();
    let mut chars = Vec::new();
    for passage in prose.passages.iter().filter(|p| lines.contains(&p.line_at(0))) {
        for (n, (sentence, _)) in prose.sentences(passage).enumerate() {
            if n == 0 && passage.line_at(0) == lines.start {
                continue; // the heading
            }
            chars.extend_from_slice(&passage.chars[sentence.range.clone()]);
        }
    }
    Some(chars)
}

/// A sentence of the prose with the section it lies in.
pub struct SentenceText<'p> {
    pub section: Option<u8>,
    pub line: usize,
    /// Width-folded, white space removed.
    pub chars: &'p [char],
    /// The passage and the range, to quote it as written.
    pub passage: usize,
    pub range: Range<usize>,
}

/// Every sentence of the prose, section headings left out, in text order.
pub fn all_sentences<'p>(report: &'p Report) -> Vec<SentenceText<'p>> {
    let prose = report.prose();
    let mut out = Vec::new();
    for (index, passage) in prose.passages.iter().enumerate() {
        let first_line = passage.line_at(0);
        let is_heading = report.sections.iter().any(|s| s.line == first_line);
        // The heading is the passage's first sentence (it holds no full stop).
        for (sentence, _) in prose.sentences(passage).skip(usize::from(is_heading)) {
            let line = passage.line_at(sentence.range.start);
            out.push(SentenceText {
                section: section_at(report, line),
                line,
                chars: &passage.chars[sentence.range.clone()],
                passage: index,
                range: sentence.range.clone(),
            });
        }
    }
    out
}

/// Characters that do not tell two sentences apart: figures (ASCII and Chinese numerals, so
/// `2023年` and `二〇二四年` are alike), and punctuation.
fn is_ignored(c: char) -> bool {
    match c {
        // CJK ideographs first: most of the text, and `is_alphanumeric` is slow on them.
        '\u{4E00}'..='\u{9FFF}' => {
            matches!(c, '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '亿' | '两')
        }
        '〇' => true,
        c if c.is_ascii() => !c.is_ascii_alphabetic(),
        c => !c.is_alphanumeric(),
    }
}

/// A sentence's fingerprint (FNV-1a over its characters that are not figures or punctuation)
/// and how many such characters it has. Deterministic across runs and platforms.
pub fn fingerprint(chars: &[char]) -> (u64, usize) {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut count = 0;
    for &c in chars.iter().filter(|c| !is_ignored(**c)) {
        count += 1;
        for byte in u32::from(c).to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (hash, count)
}

/// How many characters of `chars` are not figures or punctuation, counted up to `enough`:
/// the rules only ask whether a section reaches a length.
pub fn content_chars(chars: &[char], enough: usize) -> usize {
    chars.iter().filter(|c| !is_ignored(**c)).take(enough).count()
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn figures_and_years_do_not_change_a_fingerprint() {
        let a: Vec<char> = "2023年共收到申请12件，全部按时答复。".chars().collect();
        let b: Vec<char> = "二〇二四年共收到申请340件,全部按时答复".chars().collect();
        let c: Vec<char> = "2024年共收到申请12件，大部分按时答复。".chars().collect();
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a).0, fingerprint(&c).0);
    }
}
