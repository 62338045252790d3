//! The prose of a report as passages, sentences and clauses.
//!
//! A passage is a paragraph: consecutive lines outside the tables, joined where a line was
//! wrapped (PDF text breaks sentences across lines). Its characters are width-folded and
//! stripped of white space (kept only between two digits, so `1 234` stays two numbers), and
//! each character remembers the line it came from and where it sits in the text as written,
//! so a finding can quote the words as the report has them.
//!
//! Reading is the costly part of the narrative rules, so it is done once per report
//! ([`Prose`], shared by the rules through `rules::Report`) and kept lean: one pass over the
//! bytes of each line, a fast path for CJK ideographs, the text as written rebuilt only when a
//! finding quotes it, and the outline (sentences and clauses) found from the few characters
//! that mark it. Each clause carries the [`Keys`] it holds, so that sentences and clauses that
//! cannot state anything are passed over without reading their words.

use std::cell::OnceCell;
use std::ops::{BitOr, BitOrAssign, Range};

use super::lexicon::{contains, Sieve};
use crate::document::{Document, RowShape};
use crate::locate::SectionFound;
use crate::normalize::fold_width;

/// A wrapped line shorter than this (in visible characters) is not continued by the next one:
/// headings and labels are short, lines wrapped by a PDF are full.
const MIN_WRAPPED_LINE_CHARS: usize = 18;

/// The prose of a document: its passages in text order, with their sentences and clauses.
pub struct Prose<'a> {
    pub passages: Vec<Passage<'a>>,
    outline: Outline,
}

impl<'a> Prose<'a> {
    /// The prose of `doc`, whose section headings are `headings` (those `locate::sections`
    /// finds: the lines `locate::heading_section` accepts).
    pub fn of(doc: &'a Document, headings: &[SectionFound]) -> Prose<'a> {
        let mut outline = Outline::default();
        let passages = read_passages(doc, headings, &mut outline);
        Prose { passages, outline }
    }

    /// The sentences of a passage, each with its clauses: those `Passage::sentences` and
    /// `Passage::clauses` give.
    pub fn sentences<'p>(&'p self, passage: &Passage) -> impl Iterator<Item = (&'p SentenceParts, &'p [Clause])> {
        let outline = &self.outline;
        outline.sentences[passage.sentences.clone()].iter().map(|s| (s, &outline.clauses[s.clauses.clone()]))
    }

    /// All the clauses of a passage, in text order.
    pub fn clauses(&self, passage: &Passage) -> &[Clause] {
        let sentences = &self.outline.sentences[passage.sentences.clone()];
        match (sentences.first(), sentences.last()) {
            (Some(first), Some(last)) => &self.outline.clauses[first.clauses.start..last.clauses.end],
            _ => &[],
        }
    }
}

pub struct Passage<'a> {
    /// Width-folded characters, white space removed.
    pub chars: Vec<char>,
    /// The lines it was read from (`doc.lines`, untrimmed), the first being line `first_line`.
    lines: &'a [String],
    first_line: usize,
    /// Where each of `lines` after the first starts in `chars` (most passages are one line:
    /// nothing to keep).
    line_starts: Vec<usize>,
    /// The passage as written, for quotes: read again on the first quote.
    written: OnceCell<Written>,
    /// Its sentences in the outline of the prose.
    sentences: Range<usize>,
}

/// A passage as written (its trimmed lines joined as they are) and, for each character of
/// `chars`, the byte offset in `text` of the character it stands for.
struct Written {
    text: String,
    origin: Vec<usize>,
}

impl Passage<'_> {
    /// The 1-based line of the character at `index` (of the last character past the end; 0 for
    /// a passage without characters).
    pub fn line_at(&self, index: usize) -> usize {
        let Some(last) = self.chars.len().checked_sub(1) else { return 0 };
        let index = index.min(last);
        // The lines after the first that start at or before `index`: a line that reads to
        // nothing shares its start with the next line, which holds the character.
        self.first_line + self.line_starts.partition_point(|&start| start <= index)
    }

    /// The text as written for a range of `chars`, trimmed.
    pub fn quote(&self, range: Range<usize>) -> String {
        if range.is_empty() || range.end > self.chars.len() {
            return String::new();
        }
        let written = self.written.get_or_init(|| self.read_written());
        let from = written.origin[range.start];
        let last = written.origin[range.end - 1];
        let to = last + written.text[last..].chars().next().map_or(0, char::len_utf8);
        written.text[from..to].trim().to_string()
    }

    /// Reads the lines again, noting where each character comes from.
    fn read_written(&self) -> Written {
        let mut text = String::new();
        let mut origin = Vec::with_capacity(self.chars.len());
        let mut previous_visible = None;
        for line in self.lines {
            let base = text.len();
            let line = line.trim();
            text.push_str(line);
            previous_visible = read_line(line, previous_visible, |_, at| origin.push(base + at));
        }
        Written { text, origin }
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
        split(&self.chars, 0..self.chars.len(), |chars, i| matches!(Mark::of(chars[i]), Mark::SentenceEnd))
    }

    /// The clauses of a range: parts between commas, semicolons, colons and brackets. A comma
    /// between digits that is followed by three digits is a thousands separator.
    pub fn clauses(&self, range: Range<usize>) -> Vec<Range<usize>> {
        split(&self.chars, range, |chars, i| matches!(Mark::of(chars[i]), Mark::ClauseBreak) && !is_thousands_separator(chars, i))
    }
}

fn is_thousands_separator(chars: &[char], i: usize) -> bool {
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    chars[i] == ',' && i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
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

/// The sentences and clauses of all the passages of a text.
#[derive(Default)]
struct Outline {
    sentences: Vec<SentenceParts>,
    clauses: Vec<Clause>,
}

pub struct SentenceParts {
    pub range: Range<usize>,
    /// The keys of all its clauses.
    pub keys: Keys,
    /// Its clauses in the outline.
    clauses: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Clause {
    pub range: Range<usize>,
    pub keys: Keys,
}

impl Outline {
    /// Adds the sentences and clauses of a passage's `chars`, of which `marked` are the
    /// indices of those [`MARKED`] holds (the others play no part); returns the range of its
    /// sentences.
    fn add(&mut self, chars: &[char], marked: &[usize]) -> Range<usize> {
        let first_sentence = self.sentences.len();
        let mut sentence_start = 0;
        let mut clause_start = 0;
        let mut first_clause = self.clauses.len();
        // The keys of the clause, and of the sentence, read so far.
        let (mut keys, mut sentence_keys) = (Keys::NONE, Keys::NONE);
        for &i in marked {
            match Mark::of(chars[i]) {
                Mark::Key(key) => keys |= key,
                Mark::SentenceEnd => {
                    self.close_clause(clause_start..i, keys);
                    self.close_sentence(sentence_start..i, sentence_keys | keys, first_clause);
                    (sentence_start, clause_start, first_clause) = (i + 1, i + 1, self.clauses.len());
                    (keys, sentence_keys) = (Keys::NONE, Keys::NONE);
                }
                Mark::ClauseBreak if !is_thousands_separator(chars, i) => {
                    self.close_clause(clause_start..i, keys);
                    (clause_start, sentence_keys, keys) = (i + 1, sentence_keys | keys, Keys::NONE);
                }
                Mark::ClauseBreak | Mark::Other => {}
            }
        }
        self.close_clause(clause_start..chars.len(), keys);
        self.close_sentence(sentence_start..chars.len(), sentence_keys | keys, first_clause);
        first_sentence..self.sentences.len()
    }

    fn close_clause(&mut self, range: Range<usize>, keys: Keys) {
        if !range.is_empty() {
            self.clauses.push(Clause { range, keys });
        }
    }

    /// Closes a sentence whose clauses are those from `first_clause` on, holding `keys`.
    fn close_sentence(&mut self, range: Range<usize>, keys: Keys, first_clause: usize) {
        if !range.is_empty() {
            self.sentences.push(SentenceParts { range, keys, clauses: first_clause..self.clauses.len() });
        }
    }
}

/// Characters a clause holds that some statement needs, as bit flags: a clause without `件` or
/// `%` has no figure, one without `请` cannot say `未收到…申请`, and so on. No word holds a
/// clause break, so a word is in a clause only where each of its characters is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keys(u16);

impl Keys {
    pub const NONE: Keys = Keys(0);
    /// 件: a count.
    pub const PIECE: Keys = Keys(1);
    /// %: a share.
    pub const PERCENT: Keys = Keys(1 << 1);
    /// 结, 完: 办结, 办理完毕 (均已办结).
    pub const DONE: Keys = Keys(1 << 2);
    /// 请: 申请.
    pub const APPLICATION: Keys = Keys(1 << 3);
    /// 议: 复议.
    pub const REVIEW: Keys = Keys(1 << 4);
    /// 讼, 诉, 院: 诉讼, 起诉, 法院.
    pub const SUIT: Keys = Keys(1 << 5);
    /// 纠, 败: 纠错, 纠正, 败诉.
    pub const CORRECTED: Keys = Keys(1 << 6);
    /// 维: 维持.
    pub const UPHELD: Keys = Keys(1 << 7);
    /// 费, 取: 收费, 费用, 收取.
    pub const FEE: Keys = Keys(1 << 8);
    /// 除: 除…外 (an exception).
    pub const EXCEPT: Keys = Keys(1 << 9);

    pub const fn or(self, other: Keys) -> Keys {
        Keys(self.0 | other.0)
    }

    /// Holds one of `any`.
    pub fn has(self, any: Keys) -> bool {
        self.0 & any.0 != 0
    }
}

impl BitOr for Keys {
    type Output = Keys;
    fn bitor(self, other: Keys) -> Keys {
        self.or(other)
    }
}

impl BitOrAssign for Keys {
    fn bitor_assign(&mut self, other: Keys) {
        *self = self.or(other);
    }
}

/// What a character does in the outline of a passage.
enum Mark {
    SentenceEnd,
    /// A clause break, unless a comma between digits.
    ClauseBreak,
    Key(Keys),
    Other,
}

impl Mark {
    fn of(c: char) -> Mark {
        match c {
            '。' | '!' | '?' | '…' => Mark::SentenceEnd,
            ',' | ';' | ':' | '(' | ')' | '【' | '】' | '[' | ']' => Mark::ClauseBreak,
            '件' => Mark::Key(Keys::PIECE),
            '%' => Mark::Key(Keys::PERCENT),
            '结' | '完' => Mark::Key(Keys::DONE),
            '请' => Mark::Key(Keys::APPLICATION),
            '议' => Mark::Key(Keys::REVIEW),
            '讼' | '诉' | '院' => Mark::Key(Keys::SUIT),
            '纠' | '败' => Mark::Key(Keys::CORRECTED),
            '维' => Mark::Key(Keys::UPHELD),
            '费' | '取' => Mark::Key(Keys::FEE),
            '除' => Mark::Key(Keys::EXCEPT),
            _ => Mark::Other,
        }
    }
}

/// The characters that are not [`Mark::Other`] (a test checks them against [`Mark::of`]).
const MARKED: Sieve = Sieve::of(&[
    '。', '!', '?', '…', ',', ';', ':', '(', ')', '【', '】', '[', ']', '件', '%', '结', '完', '请', '议', '讼', '诉', '院', '纠',
    '败', '维', '费', '取', '除',
]);

/// The passages of a document: its lines outside the tables, wrapped lines joined.
#[cfg(test)]
pub fn passages(doc: &Document) -> Vec<Passage<'_>> {
    Prose::of(doc, &crate::locate::sections(doc)).passages
}

/// The passages of a document, their sentences and clauses added to `outline`.
fn read_passages<'a>(doc: &'a Document, headings: &[SectionFound], outline: &mut Outline) -> Vec<Passage<'a>> {
    let table_lines = table_lines(doc);
    let heading_lines = lines_of(doc, headings.iter().map(|h| h.line));
    let mut out = Vec::new();
    let mut current: Option<Builder> = None;
    // Where the marked characters of the current passage are: noted while reading, so the
    // outline looks at them only. Its space is reused from passage to passage.
    let mut marked = Vec::new();
    for (index, line) in doc.lines.iter().enumerate() {
        let number = index + 1;
        let text = crate::normalize::trim(line);
        let skipped = text.is_empty() || table_lines[number] || is_lone_figure(text);
        // A line continues a passage whose last line was wrapped, unless it is a heading or a
        // numbered item; asked in this order since most lines end a passage anyway.
        let starts_part = |text| heading_lines[number] || is_numbered(text);
        let continues = !skipped && current.as_ref().is_some_and(Builder::is_wrapped) && !starts_part(text);
        if !continues {
            if let Some(done) = current.take() {
                out.push(done.finish(doc, outline, &mut marked));
            }
        }
        if skipped {
            continue;
        }
        current.get_or_insert_with(|| Builder::new(number)).push(text, &mut marked);
    }
    if let Some(done) = current {
        out.push(done.finish(doc, outline, &mut marked));
    }
    out
}

/// Lines that hold a table row (pipe and tab rows, rows of three or more cells, and rows cut
/// out of flattened text), by
/// 1-based number.
fn table_lines(doc: &Document) -> Vec<bool> {
    let rows = doc.rows.iter().filter(|row| match row.shape {
        RowShape::Flat => true,
        RowShape::Grid => {
            let shown = row.cells.iter().filter(|c| !c.inherited).count();
            let text = doc.line_text(row.line());
            shown >= 3 || text.trim_start().starts_with('|') || text.contains('\t')
        }
        RowShape::Line => false,
    });
    lines_of(doc, rows.map(|row| row.line()))
}

/// Whether each line of `doc` (by 1-based number) is one of `lines`.
fn lines_of(doc: &Document, lines: impl Iterator<Item = usize>) -> Vec<bool> {
    let mut marked = vec![false; doc.lines.len() + 1];
    for line in lines {
        if let Some(m) = marked.get_mut(line) {
            *m = true;
        }
    }
    marked
}

/// A line that is only a figure (a cell of a one-cell-per-line table).
fn is_lone_figure(text: &str) -> bool {
    text.chars().map(fold_width).all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '—' | '/' | ' '))
}

/// A numbered item (`二、…`, `（三）…`): like a heading, it starts a new passage.
fn is_numbered(text: &str) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = text.chars().map(fold_width);
    match chars.next() {
        Some(c) if numeral(c) => chars.find(|c| !numeral(*c)) == Some('、'),
        Some('(') => chars.enumerate().find(|(_, c)| !numeral(*c)).is_some_and(|(inner, c)| inner > 0 && c == ')'),
        _ => false,
    }
}

/// A passage being read, line by line.
struct Builder<'a> {
    chars: Vec<char>,
    first_line: usize,
    line_starts: Vec<usize>,
    /// The last line read (trimmed).
    last_line: Option<&'a str>,
}

impl<'a> Builder<'a> {
    fn new(first_line: usize) -> Builder<'a> {
        Builder { chars: Vec::new(), first_line, line_starts: Vec::new(), last_line: None }
    }

    /// Reads a trimmed line, noting in `marked` where its marked characters are.
    fn push(&mut self, text: &'a str, marked: &mut Vec<usize>) {
        if self.last_line.is_some() {
            self.line_starts.push(self.chars.len());
        }
        let chars = &mut self.chars;
        chars.reserve(text.len()); // no more characters than bytes
        read_line(text, chars.last().copied(), |c, _| {
            if MARKED.may_hold(c) {
                marked.push(chars.len());
            }
            chars.push(c);
        });
        self.last_line = Some(text);
    }

    /// The last line was wrapped: long, and not ended by sentence punctuation.
    fn is_wrapped(&self) -> bool {
        let Some(last) = self.last_line.map(str::trim_end) else { return false };
        let ends = last.chars().next_back().map(fold_width);
        if matches!(ends, Some('。' | '!' | '?' | ';' | ':' | '…')) || last.len() < MIN_WRAPPED_LINE_CHARS {
            return false; // fewer bytes than the minimum: fewer characters too
        }
        last.chars().filter(|c| !c.is_whitespace()).take(MIN_WRAPPED_LINE_CHARS).count() >= MIN_WRAPPED_LINE_CHARS
    }

    /// The passage read, its outline added to `outline`; `marked` is left empty.
    fn finish(self, doc: &'a Document, outline: &mut Outline, marked: &mut Vec<usize>) -> Passage<'a> {
        let lines = &doc.lines[self.first_line - 1..self.first_line + self.line_starts.len()];
        let sentences = outline.add(&self.chars, marked);
        marked.clear();
        Passage {
            chars: self.chars,
            lines,
            first_line: self.first_line,
            line_starts: self.line_starts,
            written: OnceCell::new(),
            sentences,
        }
    }
}

/// Reads one trimmed line of a passage: `emit(c, at)` for each character `c` the passage
/// keeps, `at` being the byte offset in `line` of the character it stands for. White space
/// goes, except one space between two digits, which stands for the character before the
/// digit. `previous_visible` is the last character kept before the line; returns the last one
/// kept after it.
fn read_line(line: &str, mut previous_visible: Option<char>, mut emit: impl FnMut(char, usize)) -> Option<char> {
    let bytes = line.as_bytes();
    let mut pending_space = false;
    let mut previous_at = 0;
    let mut at = 0;
    while at < bytes.len() {
        let here = at;
        let before = std::mem::replace(&mut previous_at, here);
        if let Some(mut c) = ideograph_at(bytes, here) {
            // Most characters, read a run at a time: kept as they are (never white space, never
            // a digit).
            let mut start = here;
            loop {
                emit(c, start);
                at = start + 3;
                let Some(next) = ideograph_at(bytes, at) else { break };
                (start, c) = (at, next);
            }
            previous_at = start;
            pending_space = false;
            previous_visible = Some(c);
            continue;
        }
        let c = line[here..].chars().next().expect("at a character boundary");
        at += c.len_utf8();
        let c = fold_width(c);
        if is_blank(c) {
            pending_space = true;
            continue;
        }
        if pending_space && c.is_ascii_digit() && previous_visible.is_some_and(|p| p.is_ascii_digit()) {
            emit(' ', before);
        }
        pending_space = false;
        emit(c, here);
        previous_visible = Some(c);
    }
    previous_visible
}

/// The CJK ideograph (U+4000 to U+9FFF: lead byte E4 to E9) whose UTF-8 starts at `at`, if
/// one does: read without the general decoder. Width folding leaves it as it is.
#[inline]
fn ideograph_at(bytes: &[u8], at: usize) -> Option<char> {
    match *bytes.get(at..at + 3)? {
        [lead @ 0xE4..=0xE9, b1, b2] => {
            char::from_u32((u32::from(lead) & 0x0F) << 12 | (u32::from(b1) & 0x3F) << 6 | (u32::from(b2) & 0x3F))
        }
        _ => None,
    }
}

/// White space, the zero-width space and the byte-order mark. No white space comes after
/// U+3000, so most CJK characters are told apart with one comparison.
#[inline]
fn is_blank(c: char) -> bool {
    if c > '\u{3000}' {
        c == '\u{feff}'
    } else {
        c.is_whitespace() || c == '\u{200b}'
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

    #[test]
    fn the_sieve_passes_every_marked_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(matches!(Mark::of(c), Mark::Other) || MARKED.may_hold(c), "{c}");
        }
    }

    /// The outline found from the marked characters is the one splitting every character gives.
    #[test]
    fn outline_is_the_split() {
        let pieces = [
            "收到申请", "1,234", "1,2345", "件", "，", "。", "！", "；", "（", "）", "12", " ", "　", "\u{200b}", "办结", "维持", "费",
            "除外", "…", "%", "１",
        ];
        let mut seed = 7u64;
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed % 7 == 0 {
                    text.push('\n');
                }
            }
            let (_, _, doc) = read_str(&text, Some("txt"));
            let prose = Prose::of(&doc, &crate::locate::sections(&doc));
            for p in &prose.passages {
                let ranges = |clauses: &[Clause]| clauses.iter().map(|c| c.range.clone()).collect::<Vec<_>>();
                let found: Vec<_> = prose.sentences(p).map(|(s, clauses)| (s.range.clone(), ranges(clauses))).collect();
                let split: Vec<_> = p.sentences().into_iter().map(|s| (s.clone(), p.clauses(s))).collect();
                assert_eq!(found, split, "{text:?}");
            }
        }
    }

    #[test]
    fn quotes_and_lines_follow_the_text_as_written() {
        let (_, _, doc) = read_str("标题\n\n全年收到政府信息公开申请 3 4 件，上年结转政府信息公开\n申请２件。", Some("txt"));
        let prose = Prose::of(&doc, &crate::locate::sections(&doc));
        let p = &prose.passages[1];
        assert_eq!(p.chars.iter().collect::<String>(), "全年收到政府信息公开申请3 4件,上年结转政府信息公开申请2件。");
        assert_eq!(p.quote(12..15), "3 4", "the space between digits stands for the one written");
        assert_eq!(p.quote(25..31), "公开申请２件", "lines joined as written");
        assert_eq!((p.line_at(0), p.line_at(25), p.line_at(27), p.line_at(1000)), (3, 3, 4, 4));
    }
}
