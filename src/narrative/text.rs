//! The prose of a report as passages, sentences and clauses.
//!
//! A passage is a paragraph: consecutive lines outside the tables, joined where a line was
//! wrapped (PDF text breaks sentences across lines). Its characters are width-folded and
//! stripped of white space (kept only between two digits, so `1 234` stays two numbers), and
//! each character remembers the line it came from and where it sits in the text as written,
//! so a finding can quote the words as the report has them.

use std::collections::HashSet;
use std::ops::Range;

use crate::document::{Document, RowShape};
use crate::locate::heading_section;
use crate::normalize::fold_width;

/// A wrapped line shorter than this (in visible characters) is not continued by the next one:
/// headings and labels are short, lines wrapped by a PDF are full.
const MIN_WRAPPED_LINE_CHARS: usize = 18;

pub struct Passage {
    /// Width-folded characters, white space removed.
    pub chars: Vec<char>,
    /// The 1-based line of each character.
    lines: Vec<usize>,
    /// For each character, its index in `written`.
    origin: Vec<usize>,
    /// The passage as written (lines joined as they are).
    written: Vec<char>,
}

impl Passage {
    pub fn line_at(&self, index: usize) -> usize {
        self.lines.get(index).or(self.lines.last()).copied().unwrap_or(0)
    }

    /// The text as written for a range of `chars`, trimmed.
    pub fn quote(&self, range: Range<usize>) -> String {
        if range.is_empty() || range.end > self.chars.len() {
            return String::new();
        }
        let from = self.origin[range.start];
        let to = self.origin[range.end - 1] + 1;
        let text: String = self.written[from..to].iter().collect();
        text.trim().to_string()
    }

    #[cfg(test)]
    pub fn text(&self, range: Range<usize>) -> String {
        self.chars[range].iter().collect()
    }

    pub fn contains(&self, range: Range<usize>, word: &str) -> bool {
        contains(&self.chars[range], word)
    }

    /// The sentences: ranges ending at 。！？ (or the passage end).
    pub fn sentences(&self) -> Vec<Range<usize>> {
        split(&self.chars, 0..self.chars.len(), |chars, i| matches!(chars[i], '。' | '!' | '?' | '…'))
    }

    /// The clauses of a range: parts between commas, semicolons, colons and brackets. A comma
    /// between digits that is followed by three digits is a thousands separator.
    pub fn clauses(&self, range: Range<usize>) -> Vec<Range<usize>> {
        split(&self.chars, range, |chars, i| match chars[i] {
            ',' => !is_thousands_separator(chars, i),
            ';' | ':' | '(' | ')' | '【' | '】' | '[' | ']' => true,
            _ => false,
        })
    }
}

fn is_thousands_separator(chars: &[char], i: usize) -> bool {
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
}

/// Splits `range` of `chars` at the characters `is_break` accepts (they are left out).
fn split(chars: &[char], range: Range<usize>, is_break: impl Fn(&[char], usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        if is_break(chars, i) {
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if range.end > start {
        out.push(start..range.end);
    }
    out
}

pub fn contains(chars: &[char], word: &str) -> bool {
    find(chars, word, 0).is_some()
}

/// The first index at or after `from` where `word` starts in `chars`.
pub fn find(chars: &[char], word: &str, from: usize) -> Option<usize> {
    let first = word.chars().next()?;
    let len = word.chars().count();
    if chars.len() < len {
        return None;
    }
    (from..=chars.len() - len).find(|&i| chars[i] == first && starts_with(chars, i, word))
}

pub fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(k, c)| chars.get(k) == Some(&c))
}

/// The passages of a document: its lines outside the tables, wrapped lines joined.
pub fn passages(doc: &Document) -> Vec<Passage> {
    let table_lines = table_lines(doc);
    let mut out = Vec::new();
    let mut current: Option<Builder> = None;
    for (index, line) in doc.lines.iter().enumerate() {
        let number = index + 1;
        let text = line.trim();
        let breaks = text.is_empty() || table_lines.contains(&number) || is_lone_figure(text) || starts_part(text);
        let continues = !breaks && current.as_ref().is_some_and(Builder::is_wrapped);
        if !continues {
            if let Some(done) = current.take() {
                out.push(done.finish());
            }
        }
        if text.is_empty() || table_lines.contains(&number) || is_lone_figure(text) {
            continue;
        }
        current.get_or_insert_with(Builder::default).push(text, number);
    }
    if let Some(done) = current {
        out.push(done.finish());
    }
    out
}

/// Lines that hold a table row: pipe and tab rows, and rows of three or more cells.
fn table_lines(doc: &Document) -> HashSet<usize> {
    let mut lines = HashSet::new();
    for row in doc.rows.iter().filter(|r| r.shape == RowShape::Grid) {
        let shown = row.cells.iter().filter(|c| !c.inherited).count();
        let line = row.line();
        let text = doc.line_text(line);
        if shown >= 3 || text.trim_start().starts_with('|') || text.contains('\t') {
            lines.insert(line);
        }
    }
    lines
}

/// A line that is only a figure (a cell of a one-cell-per-line table).
fn is_lone_figure(text: &str) -> bool {
    text.chars().map(fold_width).all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '—' | '/' | ' '))
}

/// A heading or a numbered item (`二、…`, `（三）…`) starts a new passage.
fn starts_part(text: &str) -> bool {
    if heading_section(text).is_some() {
        return true;
    }
    let folded: Vec<char> = text.chars().map(fold_width).collect();
    let numeral = |c: &char| "一二三四五六七八九十".contains(*c);
    let digits = folded.iter().take_while(|c| numeral(c)).count();
    if digits > 0 && folded.get(digits) == Some(&'、') {
        return true;
    }
    folded.first() == Some(&'(') && {
        let inner = folded[1..].iter().take_while(|c| numeral(c)).count();
        inner > 0 && folded.get(1 + inner) == Some(&')')
    }
}

#[derive(Default)]
struct Builder {
    chars: Vec<char>,
    lines: Vec<usize>,
    origin: Vec<usize>,
    written: Vec<char>,
    last_line: String,
}

impl Builder {
    fn push(&mut self, text: &str, line: usize) {
        let mut previous_visible: Option<char> = self.chars.last().copied();
        let mut pending_space = false;
        for c in text.chars() {
            let folded = fold_width(c);
            let at = self.written.len();
            self.written.push(c);
            if folded.is_whitespace() || folded == '\u{200b}' || folded == '\u{feff}' {
                pending_space = true;
                continue;
            }
            if pending_space && folded.is_ascii_digit() && previous_visible.is_some_and(|p| p.is_ascii_digit()) {
                self.chars.push(' ');
                self.lines.push(line);
                self.origin.push(at.saturating_sub(1));
            }
            pending_space = false;
            self.chars.push(folded);
            self.lines.push(line);
            self.origin.push(at);
            previous_visible = Some(folded);
        }
        self.last_line = text.to_string();
    }

    /// The last line was wrapped: long, and not ended by sentence punctuation.
    fn is_wrapped(&self) -> bool {
        let last = self.last_line.trim_end();
        let visible = last.chars().filter(|c| !c.is_whitespace()).count();
        let ends = last.chars().next_back().map(fold_width);
        visible >= MIN_WRAPPED_LINE_CHARS && !matches!(ends, Some('。' | '!' | '?' | ';' | ':' | '…'))
    }

    fn finish(self) -> Passage {
        Passage { chars: self.chars, lines: self.lines, origin: self.origin, written: self.written }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::read_str;

    fn texts(input: &str) -> Vec<String> {
        let (_, _, doc) = read_str(input, Some("txt"));
        passages(&doc).iter().map(|p| p.chars.iter().collect()).collect()
    }

    #[test]
    fn wrapped_lines_join_and_spaces_go() {
        let joined = texts("全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件。\n\n二、下一部分");
        assert_eq!(joined, vec!["全年收到政府信息公开申请34件,上年结转政府信息公开申请2件。", "二、下一部分"]);
    }

    #[test]
    fn tables_and_figures_break_passages() {
        let parts = texts("一段较长的文字说明用来测试这里没有句号结尾的情况\n| 规章 | 0 | 0 | 0 |\n8\n另一段。");
        assert_eq!(parts, vec!["一段较长的文字说明用来测试这里没有句号结尾的情况", "另一段。"]);
    }

    #[test]
    fn clauses_keep_thousands() {
        let (_, _, doc) = read_str("收到申请1,234件，办结1,200件。", Some("txt"));
        let p = &passages(&doc)[0];
        let sentence = p.sentences()[0].clone();
        let clauses: Vec<String> = p.clauses(sentence).into_iter().map(|r| p.text(r)).collect();
        assert_eq!(clauses, vec!["收到申请1,234件", "办结1,200件"]);
        assert_eq!(p.quote(0..4), "收到申请");
    }
}
