//! Turns the elements of `word/document.xml` into a [`Document`], in document order:
//! a paragraph outside tables becomes text lines (one per `w:br`), a table row becomes a grid
//! row with horizontally merged cells once and vertically merged cells repeated as inherited.

use std::collections::BTreeMap;

use super::numbering::{ListLabels, ParagraphNumbering};
use super::ooxml::{walk, Handler, Name, Namespace, WalkError};
use super::xml::{decode_text, Tag};
use crate::document::{Document, ReadProblem};
use crate::read::Limits;

/// What an open element means to the reader; kept on a stack parallel to the XML nesting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Read through: its content counts as if the element were not there.
    Transparent,
    /// Deleted text, field codes, fallback copies: its content is not shown.
    Skipped,
    Paragraph,
    ParagraphProperties,
    NumberingProperties,
    Run,
    /// A run formatted as hidden text (`w:vanish`): not shown, so not read.
    HiddenRun,
    RunProperties,
    Text,
    Table,
    /// A table inside a cell: its text is flattened into the outer cell.
    NestedTable,
    Row,
    RowProperties,
    Cell,
    NestedCell,
    CellProperties,
}

#[derive(Default)]
struct Paragraph {
    /// Lines ended by `w:br`/`w:cr`.
    finished: Vec<String>,
    current: String,
    numbering: ParagraphNumbering,
}

impl Paragraph {
    fn break_line(&mut self) {
        self.finished.push(std::mem::take(&mut self.current));
    }

    fn into_lines(mut self) -> Vec<String> {
        self.finished.push(self.current);
        self.finished
    }
}

/// How much of a cell's text the cells below it in a vertical merge carry. Row labels are far
/// shorter; the cap keeps a long cell merged down thousands of rows from being copied whole
/// into each (as the HTML reader does for `rowspan`).
const MAX_CARRIED_CHARS: usize = 100;

#[derive(Default)]
struct Table {
    /// Text of the cell that started a vertical merge (at most `MAX_CARRIED_CHARS`), by grid
    /// column.
    merge_origins: BTreeMap<usize, String>,
    row: Option<TableRow>,
}

#[derive(Default)]
struct TableRow {
    cells: Vec<(String, bool)>,
    /// Grid column where the next cell starts.
    column: usize,
    cell: Option<TableCell>,
}

/// Part of a cell's text, joined when the cell closes.
enum Piece {
    /// A paragraph, or a line of one ended by a break.
    Line(String),
    /// The end of a nested table's cell: the texts around it stay apart.
    Gap,
}

#[derive(Default)]
struct TableCell {
    pieces: Vec<Piece>,
    column: usize,
    span: usize,
    vertical_merge: VerticalMerge,
    /// Legacy `w:hMerge` continuation: the cell is part of the one to its left.
    continues_left: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum VerticalMerge {
    #[default]
    None,
    Restart,
    Continue,
}

pub fn read_body(xml: &str, limits: &Limits, labels: ListLabels) -> Document {
    let mut reader = BodyReader {
        doc: Document::default(),
        limits: *limits,
        labels,
        roles: Vec::new(),
        skipped: 0,
        paragraphs: Vec::new(),
        table: None,
        nested_tables: 0,
        cells: 0,
        stopped: false,
    };
    let outcome = walk(xml, limits.max_depth, &mut reader);
    let mut doc = reader.doc;
    if let Err(error) = outcome {
        let message = match error {
            WalkError::TooDeep => format!(
                "DOCX 内容嵌套超过 {} 层，无法读取：请在 Word 中另存为 .docx 后再检查",
                limits.max_depth
            ),
            WalkError::Incomplete => {
                "DOCX 文件已损坏（word/document.xml 不完整）：请重新下载，或在 Word 中另存为 .docx 后再检查"
                    .to_string()
            }
        };
        doc.problems.push(ReadProblem { message, fatal: true });
    }
    doc
}

struct BodyReader {
    doc: Document,
    limits: Limits,
    labels: ListLabels,
    roles: Vec<Role>,
    /// Open `Skipped` elements; while above zero nothing is read.
    skipped: usize,
    /// Open paragraphs, innermost last (a text box puts a paragraph inside a paragraph).
    paragraphs: Vec<Paragraph>,
    /// The outermost open table.
    table: Option<Table>,
    nested_tables: usize,
    /// Cells emitted so far, over all tables.
    cells: usize,
    /// A limit was reached: a fatal problem is recorded and reading stops.
    stopped: bool,
}

impl<'a> Handler<'a> for BodyReader {
    fn start(&mut self, name: Name<'a>, tag: &Tag<'a>) {
        let role = if self.skipped > 0 { Role::Skipped } else { self.open(name, tag) };
        if role == Role::Skipped {
            self.skipped += 1;
        }
        self.roles.push(role);
    }

    fn end(&mut self, _: Name<'a>) {
        match self.roles.pop() {
            Some(Role::Skipped) => self.skipped = self.skipped.saturating_sub(1),
            Some(Role::Paragraph) => self.close_paragraph(),
            Some(Role::Table) => self.table = None,
            Some(Role::NestedTable) => self.nested_tables = self.nested_tables.saturating_sub(1),
            Some(Role::Row) => self.close_row(),
            Some(Role::Cell) => self.close_cell(),
            Some(Role::NestedCell) => {
                if let Some(cell) = self.open_cell() {
                    cell.pieces.push(Piece::Gap);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, raw: &'a str, is_cdata: bool) {
        if self.skipped > 0 || self.parent() != Some(Role::Text) {
            return;
        }
        if let Some(paragraph) = self.paragraphs.last_mut() {
            if is_cdata {
                paragraph.current.push_str(raw);
            } else {
                paragraph.current.push_str(&decode_text(raw));
            }
        }
    }

    fn is_done(&self) -> bool {
        self.stopped
    }
}

impl BodyReader {
    fn parent(&self) -> Option<Role> {
        self.roles.last().copied()
    }

    /// Acts on an opening element and returns its role.
    fn open(&mut self, name: Name<'_>, tag: &Tag<'_>) -> Role {
        match name.namespace {
            Namespace::Word => self.open_word(name.local, tag),
            // Both branches of mc:AlternateContent hold the same content; read the first.
            Namespace::MarkupCompatibility if name.local == "Fallback" => Role::Skipped,
            _ => Role::Transparent,
        }
    }

    fn open_word(&mut self, local: &str, tag: &Tag<'_>) -> Role {
        let parent = self.parent();
        match (local, parent) {
            ("del" | "moveFrom" | "delText" | "instrText" | "delInstrText", _) => Role::Skipped,
            ("p", _) => {
                self.paragraphs.push(Paragraph::default());
                Role::Paragraph
            }
            ("pPr", Some(Role::Paragraph)) => Role::ParagraphProperties,
            ("numPr", Some(Role::ParagraphProperties)) => Role::NumberingProperties,
            ("pStyle", Some(Role::ParagraphProperties)) => {
                self.set_numbering(|numbering| numbering.style = value(tag));
                Role::Transparent
            }
            ("numId", Some(Role::NumberingProperties)) => {
                self.set_numbering(|numbering| numbering.num_id = number(tag));
                Role::Transparent
            }
            ("ilvl", Some(Role::NumberingProperties)) => {
                self.set_numbering(|numbering| numbering.level = number(tag));
                Role::Transparent
            }
            ("r", _) => Role::Run,
            ("rPr", Some(Role::Run)) => Role::RunProperties,
            ("vanish", Some(Role::RunProperties)) => {
                if !is_off(tag) {
                    self.hide_enclosing_run();
                }
                Role::Transparent
            }
            ("t", Some(Role::Run)) if !self.paragraphs.is_empty() => Role::Text,
            ("tab" | "ptab", Some(Role::Run)) => {
                self.push_to_line("\t");
                Role::Transparent
            }
            ("noBreakHyphen", Some(Role::Run)) => {
                self.push_to_line("-");
                Role::Transparent
            }
            ("br" | "cr", Some(Role::Run)) => {
                if let Some(paragraph) = self.paragraphs.last_mut() {
                    paragraph.break_line();
                }
                Role::Transparent
            }
            ("tbl", _) => self.open_table(),
            // Rows and cells may sit inside content controls (w:sdt) or w:customXml, so
            // they are recognised by the reader's state, not by their parent element.
            ("tr", _) if self.nested_tables == 0 && self.table.as_ref().is_some_and(|t| t.row.is_none()) => {
                if let Some(table) = self.table.as_mut() {
                    table.row = Some(TableRow::default());
                }
                Role::Row
            }
            ("trPr", Some(Role::Row)) => Role::RowProperties,
            ("gridBefore", Some(Role::RowProperties)) => {
                if let Some(row) = self.open_row() {
                    row.column = row.column.saturating_add(number(tag).unwrap_or(0));
                }
                Role::Transparent
            }
            ("tc", _) if self.nested_tables > 0 => Role::NestedCell,
            ("tc", _) if self.open_row().is_some_and(|row| row.cell.is_none()) => {
                if let Some(row) = self.open_row() {
                    row.cell = Some(TableCell { column: row.column, span: 1, ..TableCell::default() });
                }
                Role::Cell
            }
            ("tcPr", Some(Role::Cell)) => Role::CellProperties,
            ("gridSpan", Some(Role::CellProperties)) => {
                if let Some(cell) = self.open_cell() {
                    cell.span = number(tag).unwrap_or(1).max(1);
                }
                Role::Transparent
            }
            ("vMerge", Some(Role::CellProperties)) => {
                if let Some(cell) = self.open_cell() {
                    cell.vertical_merge = match value(tag).as_deref() {
                        Some("restart") => VerticalMerge::Restart,
                        _ => VerticalMerge::Continue,
                    };
                }
                Role::Transparent
            }
            ("hMerge", Some(Role::CellProperties)) => {
                if let Some(cell) = self.open_cell() {
                    cell.continues_left = value(tag).as_deref() != Some("restart");
                }
                Role::Transparent
            }
            _ => Role::Transparent,
        }
    }

    fn open_table(&mut self) -> Role {
        if self.table.is_none() {
            self.table = Some(Table::default());
            Role::Table
        } else {
            self.nested_tables += 1;
            Role::NestedTable
        }
    }

    /// Called inside the run's `w:rPr`, the second-innermost open element.
    fn hide_enclosing_run(&mut self) {
        if let Some(run) = self.roles.iter_mut().rev().nth(1) {
            if *run == Role::Run {
                *run = Role::HiddenRun;
            }
        }
    }

    fn set_numbering(&mut self, set: impl FnOnce(&mut ParagraphNumbering)) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            set(&mut paragraph.numbering);
        }
    }

    fn push_to_line(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.current.push_str(text);
        }
    }

    /// The row of the outermost table being read, if any.
    fn open_row(&mut self) -> Option<&mut TableRow> {
        self.table.as_mut()?.row.as_mut()
    }

    /// The cell of the outermost table being read, if any.
    fn open_cell(&mut self) -> Option<&mut TableCell> {
        self.open_row()?.cell.as_mut()
    }

    fn close_paragraph(&mut self) {
        let Some(paragraph) = self.paragraphs.pop() else { return };
        let label = self.labels.label(&paragraph.numbering);
        let mut lines = paragraph.into_lines();
        if let (Some(label), Some(first)) = (label, lines.first_mut()) {
            first.insert_str(0, &label);
        }
        if let Some(cell) = self.open_cell() {
            cell.pieces.extend(lines.into_iter().map(Piece::Line));
            return;
        }
        for line in lines {
            if !self.has_room_for_line() {
                return;
            }
            self.doc.push_text_line(&line);
        }
    }

    fn close_cell(&mut self) {
        let Some(table) = self.table.as_mut() else { return };
        let Some(row) = table.row.as_mut() else { return };
        let Some(cell) = row.cell.take() else { return };
        row.column = cell.column.saturating_add(cell.span);
        if cell.continues_left {
            return;
        }
        let text = join_cell_text(&cell.pieces);
        let entry = match cell.vertical_merge {
            VerticalMerge::Restart => {
                table.merge_origins.insert(cell.column, text.chars().take(MAX_CARRIED_CHARS).collect());
                (text, false)
            }
            VerticalMerge::Continue => (table.merge_origins.get(&cell.column).cloned().unwrap_or(text), true),
            VerticalMerge::None => {
                table.merge_origins.remove(&cell.column);
                (text, false)
            }
        };
        row.cells.push(entry);
    }

    fn close_row(&mut self) {
        let Some(row) = self.table.as_mut().and_then(|table| table.row.take()) else { return };
        // A row of empty cells is kept when it has two or more of its own (table 四 left blank).
        let own_cells = row.cells.iter().filter(|(_, inherited)| !inherited).count();
        if row.cells.iter().all(|(text, _)| text.is_empty()) && own_cells < 2 {
            return;
        }
        self.cells = self.cells.saturating_add(row.cells.len());
        if self.cells > self.limits.max_cells {
            let limit = self.limits.max_cells;
            self.stop(format!("DOCX 表格单元格超过上限 {limit} 个，未作检查"));
            return;
        }
        if self.has_room_for_line() {
            self.doc.push_grid_row(row.cells);
        }
    }

    fn has_room_for_line(&mut self) -> bool {
        if self.doc.lines.len() < self.limits.max_lines {
            return true;
        }
        let limit = self.limits.max_lines;
        self.stop(format!("DOCX 文字超过上限 {limit} 行，未作检查"));
        false
    }

    fn stop(&mut self, message: String) {
        if !self.stopped {
            self.stopped = true;
            self.doc.problems.push(ReadProblem { message, fatal: true });
        }
    }
}

/// The `w:val` attribute.
fn value(tag: &Tag<'_>) -> Option<String> {
    tag.attribute("val").map(|value| value.trim().to_string())
}

/// A toggle property such as `<w:vanish w:val="false"/>` switched off.
fn is_off(tag: &Tag<'_>) -> bool {
    matches!(value(tag).as_deref(), Some("0" | "false" | "off"))
}

fn number(tag: &Tag<'_>) -> Option<usize> {
    value(tag)?.parse().ok()
}

/// A cell's paragraphs and lines joined into one label or value: CJK text split over lines
/// (商业 / 企业) joins without a gap, ASCII words and numbers keep a space between them.
fn join_cell_text(pieces: &[Piece]) -> String {
    let mut text = String::new();
    let mut gap = false;
    for piece in pieces {
        let line = match piece {
            Piece::Line(line) => collapse_whitespace(line),
            Piece::Gap => {
                gap = true;
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        let between_words = text.ends_with(|c: char| c.is_ascii_alphanumeric())
            && line.starts_with(|c: char| c.is_ascii_alphanumeric());
        if !text.is_empty() && (gap || between_words) {
            text.push(' ');
        }
        text.push_str(&line);
        gap = false;
    }
    text
}

/// Trims and turns every run of whitespace (tabs, no-break and ideographic spaces) into one
/// space.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
