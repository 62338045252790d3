//! The reader-independent form of a report: the text a user sees, line by line, and the
//! rows of cells found in it. Every reader (text, HTML, DOCX) produces a `Document`; nothing
//! downstream knows which reader made it.

/// What kind of input the document was read from (`input.kind` in the result).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Html,
    Docx,
}

impl InputKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Html => "html",
            InputKind::Docx => "docx",
        }
    }
}

/// One cell of a row. For a line of prose or a cell-per-line text, a row has one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    /// 1-based line in `Document::lines` where the cell's text is shown.
    pub line: usize,
    /// The cell continues a `rowspan` from a row above; it carries a label, never a value.
    pub inherited: bool,
}

/// Where a row came from, which decides how the matcher groups its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowShape {
    /// A line of text: prose, a label, or one value of a cell-per-line table. Consecutive
    /// single-value lines form one table row.
    Line,
    /// A row of a grid (HTML/DOCX table, tab-separated or pipe row, a PDF line carrying a label
    /// and its figures): its cells are one table row.
    Grid,
    /// A table row cut out of a flattened line (crawler text): read like a `Grid` row, except
    /// that a run of digits may hold several figures written together.
    Flat,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub shape: RowShape,
}

impl Row {
    pub fn line(&self) -> usize {
        self.cells.first().map_or(0, |c| c.line)
    }
}

/// A problem the reader met that the user must hear about (a limit, undecodable bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct ReadProblem {
    pub message: String,
    /// When true the document could not be read at all (CLI exit status 2).
    pub fatal: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The text shown to the user, one entry per line; `Cell::line` indexes it from 1.
    pub lines: Vec<String>,
    pub rows: Vec<Row>,
    pub problems: Vec<ReadProblem>,
}

impl Document {
    /// The text of a 1-based line, or "" when out of range.
    pub fn line_text(&self, line: usize) -> &str {
        line.checked_sub(1).and_then(|i| self.lines.get(i)).map_or("", String::as_str)
    }

    /// Adds a line of text and returns its 1-based number.
    pub fn push_line(&mut self, text: impl Into<String>) -> usize {
        self.lines.push(text.into());
        self.lines.len()
    }

    /// Adds a prose/label line as a one-cell `Line` row (nothing is added for blank lines, but
    /// the line is still counted so line numbers stay true to the input).
    pub fn push_text_line(&mut self, text: &str) -> usize {
        let line = self.push_line(text);
        let trimmed = crate::normalize::trim(text);
        if !trimmed.is_empty() {
            self.rows.push(Row {
                cells: vec![Cell { text: trimmed.to_string(), line, inherited: false }],
                shape: RowShape::Line,
            });
        }
        line
    }

    /// Adds a grid row shown as one tab-separated line.
    pub fn push_grid_row(&mut self, cells: Vec<(String, bool)>) -> usize {
        let shown: Vec<&str> = cells.iter().filter(|(_, inh)| !inh).map(|(t, _)| t.as_str()).collect();
        let line = self.push_line(shown.join("\t"));
        self.rows.push(Row {
            cells: cells
                .into_iter()
                .map(|(text, inherited)| Cell { text, line, inherited })
                .collect(),
            shape: RowShape::Grid,
        });
        line
    }
}
