//! Flattened articles. Text saved by web crawlers often holds a whole report on one line:
//! headings inline, table cells separated by single spaces or glued with none
//! (`一、本年新收政府信息公开申请数量1000001二、上年结转…`). Such a line is cut back into the
//! lines a reader would see — a heading, a sentence of prose, a table row with its labels and
//! figures — before the matcher reads it.
//!
//! A run of digits written without separators stays one cell of a [`RowShape::Flat`] row: only
//! the matcher, which knows the row's width and the table's equations, may split it.
//!
//! [`RowShape::Flat`]: crate::document::RowShape::Flat

use crate::locate::inline_heading_len;
use crate::normalize::{fold_width, is_figure_token, parse_cell, strip_unit, CellValue};
use std::sync::OnceLock;

use crate::template::TEMPLATES;
use crate::word_index::WordIndex;

/// Lines shorter than this are never taken for a flattened article.
const MIN_FLAT_CHARS: usize = 120;
/// Distinct table rows whose labels must appear in a line (besides inline headings) for it
/// to be read as a flattened table.
const MIN_ROW_LABELS: usize = 4;
/// Runs of digits a line without an inline heading must hold to be searched for row labels.
const MIN_TABLE_FIGURES: usize = 20;
/// How much of a line is searched for row labels: a report's tables come within its first
/// pages, and a line of megabytes must not be searched once per label.
const LABEL_SEARCH_BYTES: usize = 256 * 1024;
/// Numerals tried as the start of an inline heading, per line: a report has six headings and
/// a few dozen numbered labels; a line of nothing but `一、` must not cost a heading test each.
const MAX_HEADING_CANDIDATES: usize = 400;

/// One line as a reader would see it, cut out of a flattened line.
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    /// A heading, a sentence of prose, or words with no figure right after them (a header, a
    /// group label such as `（三）不予公开`).
    Text(&'a str),
    /// A table row: the text shown, its own label (the words right before its figures) and
    /// its figures.
    Row { shown: &'a str, label: Option<&'a str>, figures: Vec<&'a str> },
}

/// Whether a line holds a flattened article or table: long, with several section headings
/// inline or the labels of several table rows.
pub fn is_flattened(line: &str) -> bool {
    if line.len() < MIN_FLAT_CHARS || memchr::memchr(b'\t', line.as_bytes()).is_some() || line.trim_start().starts_with('|') {
        return false;
    }
    if line.chars().count() < MIN_FLAT_CHARS {
        return false;
    }
    let headings = heading_starts(line).take(2).count();
    if headings >= 2 {
        return true;
    }
    // Table text holds a figure per row at least: prose with few runs of digits is prose, and
    // is not searched for every row label (most long lines of a report). Without a heading,
    // a flattened table has dozens of rows.
    let runs_needed = if headings == 1 { MIN_ROW_LABELS } else { MIN_TABLE_FIGURES };
    if digit_runs(line) < runs_needed {
        return false;
    }
    let labels = row_labels_in(line);
    labels >= MIN_ROW_LABELS && (headings >= 1 || labels >= 2 * MIN_ROW_LABELS)
}

/// How many runs of ASCII digits a line holds (full-width ones are rare enough in tables to
/// leave to the headings). Written as a sum over byte pairs so that it compiles to vector code:
/// every long line of prose is counted.
fn digit_runs(line: &str) -> usize {
    let bytes = line.as_bytes();
    let is_digit = |b: u8| b.wrapping_sub(b'0') < 10;
    let starts = bytes.iter().zip(&bytes[1..]).map(|(&a, &b)| u32::from(!is_digit(a) & is_digit(b))).sum::<u32>();
    usize::from(bytes.first().is_some_and(|&b| is_digit(b))) + starts as usize
}

/// Distinct template rows one of whose distinctive keys (four characters or more) occurs in
/// the line as written: one pass over the line.
fn row_labels_in(line: &str) -> usize {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    distinctive_keys().find(line, LABEL_SEARCH_BYTES, &mut |_, row, _| {
        if !seen.contains(row) {
            seen.push(*row);
        }
        false
    });
    seen.len()
}

/// The keys of four characters or more of every template's rows, with their row (`table.id`,
/// `row.id`) (built once per process).
fn distinctive_keys() -> &'static WordIndex<(&'static str, &'static str)> {
    static KEYS: OnceLock<WordIndex<(&'static str, &'static str)>> = OnceLock::new();
    KEYS.get_or_init(|| {
        WordIndex::new(
            TEMPLATES
                .iter()
                .flat_map(|t| t.tables)
                .flat_map(|table| table.rows.iter().map(move |row| (table.id, row)))
                .flat_map(|(table, row)| row.keys.iter().map(move |key| (*key, (table, row.id))))
                .filter(|(key, _)| key.chars().count() >= 4),
        )
    })
}

/// Byte offsets where an inline section heading starts, with its length.
fn heading_starts(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut tried = 0;
    numerals_one_to_six(line).filter_map(move |at| {
        // `（一）` numbers a sub-section, and a numeral inside a word (`十九届二中`) none.
        let before = line[..at].chars().next_back();
        if before.is_some_and(|b| matches!(b, '（' | '(' | '第' | '十')) || tried >= MAX_HEADING_CANDIDATES {
            return None;
        }
        let separator = line[at + '一'.len_utf8()..].chars().next().map(fold_width);
        if !matches!(separator, Some('、' | '.' | ',' | '，' | ' ')) {
            return None;
        }
        tried += 1;
        inline_heading_len(&line[at..]).map(|len| (at, len))
    })
}

/// Byte offsets of 一 二 三 四 五 六 in `line`, found by their UTF-8 bytes rather than by
/// decoding every character: the scan runs over every long line of prose. Each block of 16
/// positions is tested at once (a test free of branches over a fixed-size window: vector code)
/// and only the blocks holding a numeral are searched for where.
fn numerals_one_to_six(line: &str) -> impl Iterator<Item = usize> + '_ {
    const BLOCK: usize = 16;
    let bytes = line.as_bytes();
    let starts = bytes.len().saturating_sub(2);
    let numeral_at = move |at: usize| is_numeral(bytes[at], bytes[at + 1], bytes[at + 2]);
    (0..starts).step_by(BLOCK).flat_map(move |block| {
        let end = (block + BLOCK).min(starts);
        let window = bytes.get(block..block + BLOCK + 2).and_then(|w| <&[u8; BLOCK + 2]>::try_from(w).ok());
        let any = window.is_none_or(|w| (0..BLOCK).fold(false, |any, i| any | is_numeral(w[i], w[i + 1], w[i + 2])));
        (block..if any { end } else { block }).filter(move |&at| numeral_at(at))
    })
}

/// Whether three bytes are the UTF-8 of 一 二 三 四 五 六, tested without branches (for vector
/// code): 一 E4 B8 80, 二 E4 BA 8C, 三 E4 B8 89, 四 E5 9B 9B, 五 E4 BA 94, 六 E5 85 AD.
fn is_numeral(b0: u8, b1: u8, b2: u8) -> bool {
    let e4 = (b1 == 0xB8) & ((b2 == 0x80) | (b2 == 0x89)) | (b1 == 0xBA) & ((b2 == 0x8C) | (b2 == 0x94));
    let e5 = (b1 == 0x9B) & (b2 == 0x9B) | (b1 == 0x85) & (b2 == 0xAD);
    (b0 == 0xE4) & e4 | (b0 == 0xE5) & e5
}

/// Cuts a flattened line into what a reader would see, in order.
pub fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut headings: Vec<(usize, usize)> = heading_starts(line).collect();
    // Headings must not overlap (a heading's own words cannot start another).
    headings.dedup_by(|later, earlier| later.0 < earlier.0 + earlier.1);
    for (at, len) in headings {
        body_pieces(&line[from..at], &mut out);
        out.push(Piece::Text(line[at..at + len].trim()));
        from = at + len;
    }
    body_pieces(&line[from..], &mut out);
    out
}

/// The text between two headings: sentences of prose (ending in 。！？), and what follows the
/// last sentence read as table rows when it holds figures.
fn body_pieces<'a>(text: &'a str, out: &mut Vec<Piece<'a>>) {
    let mut rest = text;
    while let Some(end) = rest.find(['。', '！', '？']) {
        let sentence_end = end + rest[end..].chars().next().map_or(0, char::len_utf8);
        push_text(&rest[..sentence_end], out);
        rest = &rest[sentence_end..];
    }
    table_pieces(rest, out);
}

fn push_text<'a>(text: &'a str, out: &mut Vec<Piece<'a>>) {
    let text = text.trim();
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
}

/// A part of a table's text: words, or a figure (one whitespace-separated token that reads as
/// a number or a blank, or a run of digits glued to the words around it).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Words(usize, usize),
    Figure(usize, usize),
}

/// Rows out of table text: each row is its words (cut where an item number starts:
/// `（三）不予公开` | `1.属于国家秘密`) followed by its figures.
fn table_pieces<'a>(text: &'a str, out: &mut Vec<Piece<'a>>) {
    let parts = table_parts(text);
    if !parts.iter().any(|p| matches!(p, Part::Figure(..))) {
        push_text(text, out);
        return;
    }
    let mut row_start = 0;
    while row_start < parts.len() {
        let figures_start = parts[row_start..].iter().position(|p| matches!(p, Part::Figure(..))).map(|i| row_start + i);
        let Some(figures_start) = figures_start else {
            // Words with no figure after them: a header or a label left without figures.
            let (start, end) = (span(parts[row_start]).0, span(parts[parts.len() - 1]).1);
            push_text(&text[start..end], out);
            break;
        };
        let row_end = parts[figures_start..]
            .iter()
            .position(|p| matches!(p, Part::Words(..)))
            .map_or(parts.len(), |i| figures_start + i);
        // The row's own label is its last words; those before it (a header, a group label) are
        // a line of their own.
        let own_start = if figures_start > row_start { figures_start - 1 } else { row_start };
        if own_start > row_start {
            push_text(&text[span(parts[row_start]).0..span(parts[own_start]).0], out);
        }
        let (start, end) = (span(parts[own_start]).0, span(parts[row_end - 1]).1);
        let label = match parts[own_start] {
            Part::Words(s, e) => Some(text[s..e].trim()).filter(|w| !w.is_empty()),
            Part::Figure(..) => None,
        };
        let figures = parts[figures_start..row_end].iter().map(|p| {
            let (s, e) = span(*p);
            text[s..e].trim()
        });
        out.push(Piece::Row { shown: text[start..end].trim(), label, figures: figures.collect() });
        row_start = row_end;
    }
}

fn span(part: Part) -> (usize, usize) {
    match part {
        Part::Words(s, e) | Part::Figure(s, e) => (s, e),
    }
}

/// Splits table text into words and figures. Whitespace separates tokens; a token that reads
/// as a figure (`0`, `2笔`, `984361元`, `—`) is one; other tokens are cut where digits meet
/// words (`规章000行政规范性文件417`), except an item number (`2.`, `3、`) that begins a label.
fn table_parts(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for (start, token) in tokens(text) {
        if is_figure_cell(token) {
            parts.push(Part::Figure(start, start + token.len()));
            continue;
        }
        let mut words_start = start;
        let chars: Vec<(usize, char)> = token.char_indices().map(|(i, c)| (start + i, c)).collect();
        let mut i = 0;
        while i < chars.len() {
            // A minus sign before digits (本年增/减 `-3`) belongs to the figure.
            let signed = fold_width(chars[i].1) == '-' && chars.get(i + 1).is_some_and(|(_, c)| is_digit(*c));
            if !is_digit(chars[i].1) && !signed {
                i += 1;
                continue;
            }
            let run_start = i;
            i += usize::from(signed);
            while i < chars.len() && (is_digit(chars[i].1) || is_decimal_point(&chars, i)) {
                i += 1;
            }
            let after = chars.get(i).map(|(_, c)| fold_width(*c));
            // Digits of a date or a time (`2023年1月5日`, `09:43`) are words, not figures.
            if matches!(after, Some('年' | '月' | '日' | '号' | ':')) {
                continue;
            }
            // A digit before `.`/`、` and a word begins a label (`1.属于`): the run's last digit
            // is that item number, the digits before it figures.
            let numbered = matches!(after, Some('.' | '、')) && chars.get(i + 1).is_some_and(|(_, c)| !is_digit(*c));
            let figures_end = if numbered { i - 1 } else { i };
            if figures_end > run_start {
                let (s, e) = (chars[run_start].0, chars[figures_end - 1].0 + chars[figures_end - 1].1.len_utf8());
                if s > words_start {
                    split_numbered(text, words_start, s, &mut parts);
                }
                parts.push(Part::Figure(s, e));
                words_start = e;
            }
        }
        let end = start + token.len();
        if end > words_start {
            split_numbered(text, words_start, end, &mut parts);
        }
    }
    parts
}

/// Words between figures, cut before each item number (`（三）`, `四、`, `1.`) so that a row's
/// own label is the last of them.
fn split_numbered(text: &str, start: usize, end: usize, parts: &mut Vec<Part>) {
    let words = &text[start..end];
    let mut from = 0;
    for (at, _) in words.char_indices().skip(1) {
        if starts_item_number(&words[at..]) {
            parts.push(Part::Words(start + from, start + at));
            from = at;
        }
    }
    parts.push(Part::Words(start + from, end));
}

/// `（一）`…`（九）`, `一、`…`九、`, `1.`/`1、`/`1．` at the start of `text`.
fn starts_item_number(text: &str) -> bool {
    let mut chars = text.chars().map(fold_width);
    match (chars.next(), chars.next(), chars.next()) {
        (Some('(' | '（'), Some(n), Some(')' | '）')) => "一二三四五六七八九十".contains(n),
        (Some(n), Some('.' | '、'), Some(next)) if n.is_ascii_digit() => !next.is_ascii_digit(),
        (Some(n), Some('、'), _) => "一二三四五六七八九十".contains(n),
        _ => false,
    }
}

/// Whitespace-separated tokens with their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| c.is_whitespace())
        .scan(0usize, move |offset, token| {
            let start = *offset;
            *offset += token.len() + text[start + token.len()..].chars().next().map_or(0, char::len_utf8);
            Some((start, token))
        })
        .filter(|(_, t)| !t.is_empty())
}

/// A token that is a whole cell: a figure, with or without a unit (`2笔`), or a blank mark.
/// Notes in brackets are not taken: in glued text a bracket after a figure opens the next
/// row's label (`0000000（二）部分公开`).
fn is_figure_cell(token: &str) -> bool {
    is_figure_token(token) || is_figure_token(strip_unit(token)) || parse_cell(token) == CellValue::Blank
}

fn is_digit(c: char) -> bool {
    fold_width(c).is_ascii_digit()
}

/// A `.` between two digits is a decimal point, part of the figure.
fn is_decimal_point(chars: &[(usize, char)], i: usize) -> bool {
    matches!(fold_width(chars[i].1), '.')
        && i > 0
        && is_digit(chars[i - 1].1)
        && chars.get(i + 1).is_some_and(|(_, c)| is_digit(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(Option<&str>, Vec<&str>)> {
        pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Row { label, figures, .. } => Some((label, figures)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn glued_rows_are_cut_at_labels_and_item_numbers() {
        let text = "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0 00 00 003.危及“三安全一稳定”0000000";
        assert_eq!(
            rows(text),
            vec![
                (Some("1.属于国家秘密"), vec!["0000000"]),
                (Some("2.其他法律行政法规禁止公开"), vec!["0", "00", "00", "00"]),
                (Some("3.危及“三安全一稳定”"), vec!["0000000"]),
            ]
        );
    }

    #[test]
    fn spaced_cells_and_units() {
        assert_eq!(
            rows("行政许可 0 1 0 其他对外管理服务事项 0 0 0 政府集中采购 2笔 984361元"),
            vec![
                (Some("行政许可"), vec!["0", "1", "0"]),
                (Some("其他对外管理服务事项"), vec!["0", "0", "0"]),
                (Some("政府集中采购"), vec!["2笔", "984361元"]),
            ]
        );
    }

    #[test]
    fn headings_and_sentences() {
        let line = "前言。一、总体情况 我局做了工作。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数规章000三、收到和处理政府信息公开申请情况（七）总计0.5";
        let shown: Vec<String> = pieces(line)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Row { shown, .. } => format!("row:{shown}"),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "前言。",
                "一、总体情况",
                "我局做了工作。",
                "二、主动公开政府信息情况",
                "第二十条第",
                "row:（一）项信息内容本年制发件数规章000",
                "三、收到和处理政府信息公开申请情况",
                "row:（七）总计0.5",
            ]
        );
    }

    #[test]
    fn only_long_lines_with_structure_are_flattened() {
        assert!(!is_flattened("一、总体情况"));
        assert!(!is_flattened(&"我局认真落实条例要求，扎实推进政务公开工作。".repeat(20)));
        let article = format!("{}一、总体情况{}二、主动公开政府信息情况规章000", "前言。".repeat(30), "正文。".repeat(10));
        assert!(is_flattened(&article));
    }

    #[test]
    fn numerals_are_found_in_every_block() {
        // Numerals at the start, across the 16-byte block boundaries and at the very end,
        // among characters sharing their first UTF-8 bytes (不 上 了 于 四 六 and 四 五's neighbours).
        let line = "一不上了于".repeat(5) + "a二b三" + &"业产".repeat(9) + "四x五y六" + "回兴" + "一";
        let expected: Vec<usize> =
            line.char_indices().filter(|(_, c)| matches!(c, '一' | '二' | '三' | '四' | '五' | '六')).map(|(at, _)| at).collect();
        for cut in 0..line.len() {
            if line.is_char_boundary(cut) {
                let part = &line[cut..];
                let want: Vec<usize> = expected.iter().filter(|&&at| at >= cut).map(|at| at - cut).collect();
                assert_eq!(numerals_one_to_six(part).collect::<Vec<_>>(), want, "from byte {cut}");
            }
        }
    }
}
