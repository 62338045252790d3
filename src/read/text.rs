//! Text reader: pasted text in any of the layouts people produce.
//!
//! - one cell per line (copied from a web page), blank lines between;
//! - tab-separated rows (copied from Word or Excel; merged cells appear once);
//! - markdown pipe tables (`| 规章 | 0 | 0 | 0 |`, separator rows skipped);
//! - text extracted from PDF: a label followed by its figures on one line
//!   (`行政许可 97`, `（七）总计 33 2 0 0 0 0 35`), or figures alone (`0 0 0 0 0 0 0`).
//!
//! Each line becomes one [`Row`](crate::document::Row): prose and single cells as `Line` rows,
//! the rest as `Grid` rows. Line numbers are those of the input.

use super::{flat, Limits};
use crate::document::{Cell, Document, ReadProblem, Row, RowShape};
use crate::normalize::{fold_width, is_figure_token, is_invisible, trim};

pub fn read_text(text: &str, limits: &Limits) -> Document {
    let mut doc = Document::default();
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    // Room for a line and a row per input line, once (a flattened line adds more).
    doc.lines.reserve(breaks.min(limits.max_lines) + 1);
    doc.rows.reserve(breaks.min(limits.max_lines) + 1);
    let mut cells = 0usize;
    for (index, raw) in split_lines(text).enumerate() {
        if index >= limits.max_lines {
            doc.problems.push(ReadProblem {
                message: format!("文本行数过多：超过上限 {} 行，未作检查", limits.max_lines),
                fatal: true,
            });
            break;
        }
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if flat::is_flattened(line) {
            cells += read_flattened(line, &mut doc);
            if cells > limits.max_cells || doc.lines.len() > limits.max_lines {
                doc.problems.push(ReadProblem {
                    message: format!("表格单元格或文本行过多：超过上限 {} 个单元格或 {} 行，未作检查", limits.max_cells, limits.max_lines),
                    fatal: true,
                });
                break;
            }
            continue;
        }
        let line_no = doc.lines.len() + 1;
        let row = split_row(line, line_no);
        // Prose and blank lines are bounded by the line limit; only table rows count as cells.
        cells += row.as_ref().map_or(0, Vec::len);
        if cells > limits.max_cells {
            doc.problems.push(ReadProblem {
                message: format!("表格单元格过多：超过上限 {} 个，未作检查", limits.max_cells),
                fatal: true,
            });
            break;
        }
        match row {
            Some(cells) if cells.is_empty() => {
                doc.push_line(line);
            }
            Some(cells) => {
                doc.push_line(line);
                doc.rows.push(Row { cells, shape: RowShape::Grid });
            }
            None => {
                doc.push_text_line(line);
            }
        }
    }
    doc
}

/// The lines of `text` split at `\n` (as `str::split` would), found with SIMD.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.scan(0, move |start, end| {
        let line = &text[*start..end];
        *start = end + 1;
        Some(line)
    })
}

/// A flattened line (a whole article on one line, as crawlers save it) as the lines a reader
/// would see: headings, sentences and label-only words as text lines, table rows as `Flat`
/// rows. Line numbers then count these lines, not the input's. Returns the cells added.
fn read_flattened(line: &str, doc: &mut Document) -> usize {
    let mut cells = 0;
    for piece in flat::pieces(line) {
        match piece {
            flat::Piece::Text(text) => {
                doc.push_text_line(text);
            }
            flat::Piece::Row { shown, label, figures } => {
                let line_no = doc.push_line(shown);
                let row: Vec<Cell> = label.into_iter().chain(figures).map(|text| cell(text, line_no)).collect();
                cells += row.len();
                doc.rows.push(Row { cells: row, shape: RowShape::Flat });
            }
        }
    }
    cells
}

/// A grid cell shown on line `line_no`, the input line it was read from.
fn cell(text: &str, line_no: usize) -> Cell {
    Cell { text: text.to_string(), line: line_no, inherited: false }
}

/// The cells of a line that is a table row, or `None` for prose and single cells.
fn split_row(line: &str, line_no: usize) -> Option<Vec<Cell>> {
    let trimmed = trim(line);
    // Tabs alone are a row of empty cells (table 四 left blank) when there are two or more; a
    // lone tab is stray whitespace.
    if trimmed.is_empty() && line.bytes().filter(|&b| b == b'\t').nth(1).is_none() {
        return None;
    }
    if let Some(inner) = trimmed.strip_prefix('|') {
        return Some(pipe_cells(inner, line_no));
    }
    if memchr::memchr(b'\t', line.as_bytes()).is_some() {
        // A row of empty cells stays a row: table 四 left blank is one.
        return Some(line.split('\t').map(|c| cell(c.trim(), line_no)).collect());
    }
    label_and_figures(trimmed, line_no)
}

/// A markdown pipe row; separator rows (`|---|:--:|`) give an empty row that is skipped. A row
/// of lone `-` is a row of blank cells (`| - | - |`), not a separator.
fn pipe_cells(inner: &str, line_no: usize) -> Vec<Cell> {
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let is_separator = |c: &str| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '));
    if inner.split('|').all(|c| is_separator(c.trim())) && !inner.split('|').all(|c| c.trim() == "-") {
        return Vec::new();
    }
    inner.split('|').map(|c| cell(c.trim(), line_no)).collect()
}

/// `行政许可 97` → [`行政许可`, `97`]; `0 0 0 0 0 0 0` → seven cells; a single figure or prose → None.
fn label_and_figures(line: &str, line_no: usize) -> Option<Vec<Cell>> {
    // Most lines are prose that ends in a word, while a figure ends in a digit, a dash or a
    // slash: look at the last visible character before splitting the line.
    let last = line.chars().rev().find(|c| !is_invisible(*c)).map(fold_width);
    if !last.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '/')) {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let figures = tokens.iter().rev().take_while(|t| is_figure_token(t)).count();
    if figures == 0 || (figures == 1 && tokens.len() == 1) {
        return None;
    }
    let label_end = tokens.len() - figures;
    let label = &tokens[..label_end];
    if label.iter().any(|t| is_prose(t)) || label.iter().skip(1).any(|t| is_figure_token(t)) {
        return None;
    }
    let mut cells = Vec::with_capacity(figures + 1);
    if label_end > 0 {
        cells.push(cell(&label.join(" "), line_no));
    }
    cells.extend(tokens[label_end..].iter().map(|t| cell(t, line_no)));
    Some(cells)
}

/// A label with a figure or sentence punctuation inside is prose (`同意公开答复 9 件，…`):
/// table labels carry no figures beyond their leading number (`1.`), which may come after an
/// invisible mark (`\u{200e}1.`).
fn is_prose(token: &str) -> bool {
    let body =
        token.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、' | '．') || is_invisible(c));
    body.chars().any(|c| c.is_ascii_digit() || matches!(c, '。' | '；' | ';' | '：'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::LIMITS;

    fn rows(text: &str) -> Vec<(RowShape, Vec<String>)> {
        read_text(text, &LIMITS)
            .rows
            .into_iter()
            .map(|r| (r.shape, r.cells.into_iter().map(|c| c.text).collect()))
            .collect()
    }

    #[test]
    fn layouts() {
        assert_eq!(rows("规章\n\n0\n"), vec![(RowShape::Line, vec!["规章".into()]), (RowShape::Line, vec!["0".into()])]);
        assert_eq!(rows("行政许可 97")[0].1, vec!["行政许可", "97"]);
        assert_eq!(rows("0 0 1")[0].1, vec!["0", "0", "1"]);
        assert_eq!(rows("| 规章 | 0 | - |")[0].1, vec!["规章", "0", "-"]);
        assert!(rows("|---|:-:|").is_empty(), "separator rows are skipped");
        assert_eq!(rows("规章\t\t\t")[0].1, vec!["规章", "", "", ""]);
        assert_eq!(rows("\t\t")[0], (RowShape::Grid, vec![String::new(), String::new(), String::new()]));
        assert!(rows(" \t ").is_empty(), "a lone tab is whitespace");
        assert_eq!(rows("| - | - |")[0].1, vec!["-", "-"], "a row of dashes is blank cells");
        assert_eq!(rows("同意公开答复 9 件，不予公开 2")[0].0, RowShape::Line);
        assert_eq!(rows("\t2.重复申请\t1\t0")[0].1, vec!["", "2.重复申请", "1", "0"]);
        assert_eq!(rows("全年收到申请 34 件")[0].0, RowShape::Line);
        // Ending like a figure is not enough: a line without one is prose.
        assert_eq!(rows("行政许可—")[0], (RowShape::Line, vec!["行政许可—".into()]));
        assert_eq!(rows("http://www.example.gov.cn/")[0].0, RowShape::Line);
    }

    #[test]
    fn line_numbers_follow_input() {
        let doc = read_text("a\r\n\r\nb 1 2", &LIMITS);
        assert_eq!(doc.rows[1].cells[0].line, 3);
        assert_eq!(doc.lines.len(), 3);
    }

    #[test]
    fn line_limit_is_fatal() {
        let limits = Limits { max_lines: 3, ..LIMITS };
        let doc = read_text("1\n2\n3\n4\n", &limits);
        assert!(doc.problems[0].fatal);
    }
}
