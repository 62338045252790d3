//! Matching: the rows of a [`Document`] → the cells of a [`Template`], by label.
//!
//! The walk keeps a buffer of recent label lines and a run of single-figure lines (the
//! cell-per-line layout). A table row is a set of figures with the labels that name it: its
//! own label cells when it has them, else the labels just before it. The row is found by the
//! label keys of the template (the shortest trailing run of labels that names a row), and its
//! figures are read left to right only when their count is the row's column count. A row that
//! cannot be placed with certainty is left unread with a note — a wrong number is worse than
//! none. Column headers are not trusted: converted reports carry wrong ones.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use crate::document::{Document, RowShape};
use crate::locate::SectionFound;
use crate::normalize::{fold_width, label_key, parse_cell, CellValue};
use crate::word_index::WordIndex;
use crate::template::{RowDef, TableDef, Template, TEMPLATES};

mod glued;
use glued::GluedRun;

/// What was read for one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum CellState {
    Number(f64),
    /// Empty, dash, slash or 无: counted as 0 and reported by `cell-blank`.
    Blank,
    /// Text where a figure belongs (`cell-not-number`).
    NotNumber(String),
    /// The row was found but its figures could not be placed (wrong count, conflict).
    Unreadable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellRead {
    pub state: CellState,
    /// 1-based line in the document's text.
    pub line: usize,
}

/// Something the reader could not do, reported as a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadNote {
    pub table: &'static str,
    pub message: String,
    pub cells: Vec<String>,
    pub line: usize,
}

#[derive(Debug)]
pub struct Extraction {
    pub template: &'static Template,
    /// What was read for each cell, in the order of `template.cell_ids()`.
    cells: Vec<Option<CellRead>>,
    /// Rows whose label was found, by table and row index.
    rows_found: Vec<Vec<bool>>,
    /// Cells of rows read with fewer figures than columns, completed by blank cells the
    /// spacing implies, in the order of `template.cell_ids()`.
    spaced: Vec<bool>,
    /// Tables none of whose rows was read but whose row labels stand in their section, with
    /// the line of the first label.
    labelled_tables: BTreeMap<&'static str, usize>,
    pub notes: Vec<ReadNote>,
    /// Tables with figures that could not be attributed to a row.
    pub unplaced: HashSet<&'static str>,
    /// Line of the first row read in each table.
    pub table_lines: BTreeMap<&'static str, usize>,
    /// The template's equations evaluated over these cells, computed once for all rules.
    pub(crate) equations: std::cell::OnceCell<Vec<crate::rules::equations::Instance>>,
    /// Glued digit runs waiting for the equations to decide how they are cut.
    glued: Vec<GluedRun>,
    /// Cells of rows this report's layout leaves out as the template allows (a dropped 规章
    /// row; the rows a substitute row stands for): not part of the result, counted as 0.
    omitted: Vec<bool>,
    /// The template's deviations this report takes.
    pub deviations: Vec<&'static crate::template::Deviation>,
}

impl Extraction {
    fn new(template: &'static Template) -> Self {
        Extraction {
            template,
            cells: vec![None; template.cell_ids().len()],
            rows_found: template.tables.iter().map(|t| vec![false; t.rows.len()]).collect(),
            spaced: vec![false; template.cell_ids().len()],
            labelled_tables: BTreeMap::new(),
            notes: Vec::new(),
            unplaced: HashSet::new(),
            table_lines: BTreeMap::new(),
            equations: std::cell::OnceCell::new(),
            glued: Vec::new(),
            omitted: vec![false; template.cell_ids().len()],
            deviations: Vec::new(),
        }
    }

    /// Cells given one by one rather than read from a document (the authoring form): every row
    /// of every table counts as found; `cells` are in the order of `template.cell_ids()`.
    pub fn of_cells(template: &'static Template, cells: Vec<Option<CellRead>>) -> Self {
        let mut out = Extraction::new(template);
        out.cells = cells;
        out.rows_found.iter_mut().for_each(|rows| rows.fill(true));
        // Another revision's row counts only when cells were given for it.
        for (t, table) in template.tables.iter().enumerate() {
            for r in (0..table.rows.len()).filter(|&r| template.is_substitute(table, r)) {
                let first = template.row_start(t, r);
                out.rows_found[t][r] = out.cells[first..first + table.rows[r].columns.len()].iter().any(Option::is_some);
            }
        }
        out.table_lines = template.tables.iter().map(|t| (t.id, 0)).collect();
        out.apply_deviations();
        out
    }

    /// What was read for a cell, by id.
    pub fn cell(&self, id: &str) -> Option<&CellRead> {
        self.cell_at(self.template.cell_index(id)?)
    }

    /// What was read for a cell, by its position in `template.cell_ids()`.
    pub fn cell_at(&self, index: usize) -> Option<&CellRead> {
        self.cells.get(index)?.as_ref()
    }

    /// Every cell read, with its id, in id order (the order of the result's `cells`).
    pub fn cells(&self) -> impl Iterator<Item = (&'static str, &CellRead)> + '_ {
        let ids = self.template.cell_ids();
        self.template.cell_indices_by_id().filter_map(move |i| Some((ids[i].as_str(), self.cells[i].as_ref()?)))
    }

    /// The figure of a cell; a blank counts as 0. `None` when the cell is unknown (missing,
    /// unreadable, not a number): equations that need it are not checked.
    pub fn known(&self, id: &str) -> Option<f64> {
        self.known_at(self.template.cell_index(id)?)
    }

    /// [`known`](Self::known) by position in `template.cell_ids()`.
    pub fn known_at(&self, index: usize) -> Option<f64> {
        if self.omitted[index] {
            return Some(0.0);
        }
        match self.cell_at(index).map(|c| &c.state) {
            Some(CellState::Number(v)) => Some(*v),
            Some(CellState::Blank) => Some(0.0),
            _ => None,
        }
    }

    /// The figure as published: `None` for blanks too.
    pub fn number(&self, id: &str) -> Option<f64> {
        self.number_at(self.template.cell_index(id)?)
    }

    /// [`number`](Self::number) by position in `template.cell_ids()`.
    pub fn number_at(&self, index: usize) -> Option<f64> {
        match self.cell_at(index).map(|c| &c.state) {
            Some(CellState::Number(v)) => Some(*v),
            _ => None,
        }
    }

    pub fn line(&self, id: &str) -> Option<usize> {
        self.cell(id).map(|c| c.line)
    }

    /// The result's `cells`: every cell of the layout the report uses (rows it leaves out as
    /// its template allows are not part of it), by id, `None` where no figure was read.
    pub fn result_cells(&self) -> BTreeMap<&'static str, Option<crate::result::Num>> {
        let ids = self.template.cell_ids();
        // In id order already: the map's sort finds one run.
        self.template
            .cell_indices_by_id()
            .filter(|&i| !self.omitted[i])
            .map(|i| (ids[i].as_str(), self.number_at(i).map(crate::result::Num)))
            .collect()
    }

    /// The position of a cell id in `template.cell_ids()`.
    pub fn cell_index(&self, id: &str) -> Option<usize> {
        self.template.cell_index(id)
    }

    /// Whether a cell belongs to a row this report's layout leaves out (see [`Deviation`]).
    ///
    /// [`Deviation`]: crate::template::Deviation
    pub fn is_omitted(&self, index: usize) -> bool {
        self.omitted[index]
    }

    /// Whether a row is left out of this report's layout, by table and row index.
    pub fn row_omitted(&self, table: usize, row: usize) -> bool {
        self.omitted[self.template.row_start(table, row)]
    }

    /// Whether the label of a row was found, by table and row index in the template.
    pub fn row_found(&self, table: usize, row: usize) -> bool {
        self.rows_found[table][row]
    }

    pub fn has_table(&self, id: &str) -> bool {
        self.table_lines.contains_key(id)
    }

    /// Whether the table is in the report: a row of it was read, or the labels of at least
    /// [`LABELS_OF_A_TABLE`] of its rows stand in its section, whatever its cells hold.
    pub fn table_present(&self, id: &str) -> bool {
        self.has_table(id) || self.labelled_tables.contains_key(id)
    }

    /// Whether the cell's row was read with blank cells implied by its spacing (by position
    /// in `template.cell_ids()`).
    pub fn from_spacing(&self, index: usize) -> bool {
        self.spaced.get(index).copied().unwrap_or(false)
    }

    /// Sets aside readings the arithmetic puts in doubt (see
    /// [`doubtful_readings`](crate::rules::equations::doubtful_readings)): their cells become
    /// unreadable, with a note. Keeps the equations evaluated when nothing is in doubt.
    fn set_aside_doubts(&mut self) {
        let (instances, doubts) = crate::rules::equations::doubtful_readings(self);
        if doubts.is_empty() {
            let _ = self.equations.set(instances);
            return;
        }
        for doubt in doubts {
            for &index in &doubt.cells {
                self.cells[index] = Some(CellRead { state: CellState::Unreadable, line: doubt.line });
            }
            let ids = doubt.cells.iter().map(|&i| self.template.cell_ids()[i].clone()).collect();
            self.notes.push(ReadNote { table: doubt.table, message: doubt.message, cells: ids, line: doubt.line });
        }
    }

    fn read_cells(&self) -> usize {
        self.cells.iter().flatten().filter(|c| matches!(c.state, CellState::Number(_) | CellState::Blank)).count()
    }
}

/// Reads the document against every template and keeps the best fit: the template whose
/// distinctive labels appear, then the one that placed more figures.
/// `sections` are the document's section headings (`locate::sections`), in line order.
pub fn extract(doc: &Document, sections: &[SectionFound]) -> Option<Extraction> {
    let sheet = prepare(doc, sections);
    // Every label key, NUL-separated so that no signal is found across two of them.
    let mut keys = String::with_capacity(sheet.cells.iter().map(|c| c.key.len() + 1).sum());
    for cell in &sheet.cells {
        keys.push_str(&cell.key);
        keys.push('\0');
    }
    let signals: Vec<usize> = TEMPLATES.iter().map(|t| t.signals.iter().filter(|s| keys.contains(*s)).count()).collect();
    let most = signals.iter().copied().max().unwrap_or(0);
    let mut best: Option<(usize, Extraction)> = None;
    for (template, signals) in TEMPLATES.iter().zip(signals) {
        // A template's own labels outweigh any count of figures read: skip the walk for a
        // template with fewer of them than another.
        if signals < most {
            continue;
        }
        let extraction = Walker::new(template).walk(&sheet);
        let read = extraction.read_cells();
        if read == 0 && signals == 0 {
            continue;
        }
        let score = signals * 1000 + read;
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, extraction));
        }
    }
    best.map(|(_, mut e)| {
        e.set_aside_doubts();
        e
    })
}

/// A cell classified once, shared by the walks over each template.
struct Prepared<'d> {
    text: &'d str,
    kind: CellValue,
    /// The label key, for text cells only ([`PROSE`] for text too long to be a label).
    key: Cow<'static, str>,
    line: usize,
    inherited: bool,
}

struct PreparedRow {
    shape: RowShape,
    /// Blank lines between the previous row and this one (the spacing of one cell per line).
    gap: usize,
    /// Its cells in [`Sheet::cells`].
    cells: Range<usize>,
    /// The section a `Line` row is the heading of.
    heading: Option<u8>,
}

/// The document's rows, classified: one list of cells for all rows (one allocation, not one
/// per row).
struct Sheet<'d> {
    rows: Vec<PreparedRow>,
    cells: Vec<Prepared<'d>>,
    /// The blank lines that usually separate two cells of one cell per line, when there are
    /// some (see [`cell_gap`]).
    cell_gap: Option<usize>,
}

impl<'d> Sheet<'d> {
    fn cells(&self, row: &PreparedRow) -> &[Prepared<'d>] {
        &self.cells[row.cells.clone()]
    }
}

fn prepare<'d>(doc: &'d Document, sections: &[SectionFound]) -> Sheet<'d> {
    let cells = doc.rows.iter().map(|row| row.cells.len()).sum();
    let mut sheet = Sheet { rows: Vec::with_capacity(doc.rows.len()), cells: Vec::with_capacity(cells), cell_gap: None };
    let mut previous_line = 0;
    for row in doc.rows.iter().filter(|row| !row.cells.is_empty()) {
        let line = row.line();
        let between = doc.lines.get(previous_line..line.saturating_sub(1)).unwrap_or_default();
        let gap = between.iter().filter(|l| l.trim().is_empty()).count();
        previous_line = previous_line.max(row.cells.iter().map(|c| c.line).max().unwrap_or(line));
        let start = sheet.cells.len();
        sheet.cells.extend(row.cells.iter().map(|c| {
            let kind = parse_cell(&c.text);
            // Prose is never a label: skip normalising it (most of a report's text).
            let key = match kind {
                CellValue::Text if c.text.len() > MAX_LABEL_CHARS * 4 => Cow::Borrowed(PROSE),
                CellValue::Text => Cow::Owned(label_key(&c.text)),
                _ => Cow::Borrowed(""),
            };
            Prepared { text: &c.text, kind, key, line: c.line, inherited: c.inherited }
        }));
        // A `Line` row's cell is its line, trimmed: the line's heading, if any, was found already.
        let first = &sheet.cells[start];
        let heading = (row.shape == RowShape::Line && first.kind == CellValue::Text)
            .then(|| sections.binary_search_by_key(&first.line, |s| s.line).ok().map(|at| sections[at].heading.number))
            .flatten();
        sheet.rows.push(PreparedRow { shape: row.shape, gap, cells: start..sheet.cells.len(), heading });
    }
    sheet.cell_gap = cell_gap(&sheet);
    sheet
}

/// The spacing of one cell per line (text copied from a web page): the most common count of
/// blank lines before a line that holds one figure or a short label, after another such line.
/// `None` when that is 0 (no blank line between cells: a blank cell leaves no trace) or when
/// two counts are as common (no usual spacing to measure blank cells by).
fn cell_gap(sheet: &Sheet) -> Option<usize> {
    let is_cell = |row: &PreparedRow| row.shape == RowShape::Line && sheet.cells(row)[0].key != PROSE;
    // Runs longer than a separator can be are blank cells or page layout: not counted.
    let mut counts = [0usize; MAX_CELL_GAP + 1];
    for pair in sheet.rows.windows(2) {
        if pair[1].gap <= MAX_CELL_GAP && is_cell(&pair[0]) && is_cell(&pair[1]) {
            counts[pair[1].gap] += 1;
        }
    }
    let most = counts.iter().copied().max().filter(|n| *n > 0)?;
    let mut usual = (0..counts.len()).filter(|gap| counts[*gap] == most);
    match (usual.next(), usual.next()) {
        (Some(gap), None) if gap > 0 => Some(gap),
        _ => None,
    }
}

/// The most blank lines taken for a separator between two cells on lines of their own.
const MAX_CELL_GAP: usize = 4;

#[derive(Clone, Copy, Debug)]
struct Label<'d> {
    key: &'d str,
}

#[derive(Clone, Copy, Debug)]
struct Figure<'d> {
    text: &'d str,
    kind: CellValue,
    line: usize,
    /// A run of digits from flattened text, which may hold several figures written together.
    glued: bool,
    /// Blank lines before it, for a figure on a line of its own (0 in a grid).
    gap: usize,
    /// A blank cell the spacing of one cell per line implies: no text stands for it.
    implied: bool,
}

impl Figure<'_> {
    fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The most cells this figure may fill: one, or a digit each when it is a glued run.
    fn most_cells(&self) -> usize {
        if self.glued { self.text.trim().chars().count() } else { 1 }
    }

    fn implied_blank(line: usize) -> Self {
        Figure { text: "", kind: CellValue::Blank, line, glued: false, gap: 0, implied: true }
    }
}

/// Whether `text` is a run of ASCII digits that crawler text may have glued together.
fn is_digit_run(text: &str) -> bool {
    text.chars().count() > 1 && text.chars().all(|c| fold_width(c).is_ascii_digit())
}

/// A run of digits, full-width ones folded to ASCII; `None` for anything else.
fn ascii_digits(text: &str) -> Option<String> {
    let digits: String = text.chars().map(fold_width).collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A row that was found with fewer figures than columns: the rest may follow on the next
/// lines (PDF text breaks rows).
struct Pending<'d> {
    table: usize,
    row: &'static RowDef,
    figures: Vec<Figure<'d>>,
}

/// A label longer than this is prose, not a table label; it ends the label buffer.
const MAX_LABEL_CHARS: usize = 64;
/// The key given to text too long to be a label.
const PROSE: &str = "\u{0}prose";
/// How many trailing labels may together name a row (labels broken across lines).
const MAX_LABEL_PARTS: usize = 8;
/// Labels kept before the figures that follow them: enough to name a row and to see another
/// row's label left without figures; more would make reading quadratic in long label runs.
const MAX_BUFFERED_LABELS: usize = 3 * MAX_LABEL_PARTS;
/// Keys at least this long are distinctive enough to signal a row label left without figures.
const DISTINCTIVE_KEY_CHARS: usize = 4;
/// Row labels of one table that show the table is there (one may be a word in a heading).
const LABELS_OF_A_TABLE: usize = 2;
/// A label names a row when it is the row's key with at most this many characters more (an
/// item number, brackets, a note): a heading or a sentence that mentions the key does not.
const LABEL_SLACK_CHARS: usize = 6;

struct Walker<'d> {
    template: &'static Template,
    /// The last row read: table index and row index.
    last_row: Option<(usize, usize)>,
    /// Index in `template.tables` of the table being read; earlier tables are closed.
    stage: usize,
    started: bool,
    section_seen: u8,
    labels: Vec<Label<'d>>,
    run: Vec<Figure<'d>>,
    /// The document's spacing between cells on lines of their own ([`Sheet::cell_gap`]).
    cell_gap: Option<usize>,
    pending: Option<Pending<'d>>,
    out: Extraction,
}

impl<'d> Walker<'d> {
    fn new(template: &'static Template) -> Self {
        Walker {
            template,
            last_row: None,
            stage: 0,
            started: false,
            section_seen: 0,
            labels: Vec::new(),
            run: Vec::new(),
            cell_gap: None,
            pending: None,
            out: Extraction::new(template),
        }
    }

    fn walk(mut self, sheet: &'d Sheet<'d>) -> Extraction {
        self.cell_gap = sheet.cell_gap;
        let mut after_label = false;
        for row in &sheet.rows {
            let cells = sheet.cells(row);
            match row.shape {
                RowShape::Line => {
                    let cell = &cells[0];
                    match cell.kind {
                        CellValue::Text => {
                            if after_label {
                                self.blank_run(row.gap, cell.line);
                            }
                            self.flush_run(Some(row.gap));
                            self.finish_pending();
                            if let Some(section) = row.heading {
                                self.section_seen = self.section_seen.max(section);
                            }
                            self.push_label(&cell.key);
                            after_label = cell.key != PROSE;
                        }
                        kind => {
                            self.run.push(Figure { text: cell.text, kind, line: cell.line, glued: false, gap: row.gap, implied: false });
                            after_label = false;
                        }
                    }
                }
                RowShape::Grid | RowShape::Flat => {
                    self.flush_run(Some(row.gap));
                    self.grid_row(cells, row.shape == RowShape::Flat);
                    after_label = false;
                }
            }
        }
        self.flush_run(None);
        self.finish_pending();
        self.note_unread_tables(sheet);
        self.out.apply_deviations();
        self.out.resolve_glued();
        self.out
    }

    fn push_label(&mut self, key: &'d str) {
        if key == PROSE || key.chars().count() > MAX_LABEL_CHARS {
            self.labels.clear();
        } else if !key.is_empty() {
            if self.labels.len() == MAX_BUFFERED_LABELS {
                self.labels.remove(0);
            }
            self.labels.push(Label { key });
        }
    }

    /// A table none of whose rows was read is still there when the labels of
    /// [`LABELS_OF_A_TABLE`] of its rows stand in its section (before any section heading,
    /// in any): it is not missing, and its cells are left `null` with a note (unless figures
    /// were found there that no row label claimed, which `cell-unreadable` reports already).
    /// A second look at the labels, taken only when a table was not read.
    fn note_unread_tables(&mut self, sheet: &Sheet) {
        let tables = self.template.tables;
        let unread: Vec<usize> = (0..tables.len()).filter(|t| !self.out.has_table(tables[*t].id)).collect();
        if unread.is_empty() {
            return;
        }
        let mut labelled: Vec<Vec<bool>> = tables.iter().map(|t| vec![false; t.rows.len()]).collect();
        let mut first_line: Vec<Option<usize>> = vec![None; tables.len()];
        let mut section = 0;
        for row in &sheet.rows {
            section = section.max(row.heading.unwrap_or(0));
            for cell in sheet.cells(row).iter().filter(|c| c.kind == CellValue::Text && c.key != PROSE) {
                let chars = cell.key.chars().count();
                key_index(self.template).keys.find(&cell.key, usize::MAX, &mut |key, k, _| {
                    let in_section = section == 0 || section == tables[k.table].section;
                    if unread.contains(&k.table) && in_section && chars <= key.chars().count() + LABEL_SLACK_CHARS {
                        labelled[k.table][k.row] = true;
                        first_line[k.table].get_or_insert(cell.line);
                    }
                    false
                });
            }
        }
        for t in unread {
            let table = &tables[t];
            if labelled[t].iter().filter(|l| **l).count() < LABELS_OF_A_TABLE {
                continue;
            }
            let line = first_line[t].unwrap_or(0);
            self.out.labelled_tables.insert(table.id, line);
            if self.out.unplaced.contains(table.id) {
                continue;
            }
            let prefix = format!("{}.", table.id);
            let cells: Vec<String> = self.template.cell_ids().iter().filter(|id| id.starts_with(&prefix)).cloned().collect();
            let message = format!("{}的行标签在，但没有读到能确定所属单元格的数字，表中单元格未读取", table.name);
            self.out.notes.push(ReadNote { table: table.id, message, cells, line });
        }
    }

    /// Places the run of single-figure lines. Blank cells show only in the spacing: where it
    /// says exactly which cells are blank and the figures with those blanks fill the row the
    /// labels name, the blanks are read; otherwise the figures alone (whose count must then
    /// be the row's width, or the row is left unread). `gap_after` is the spacing after the
    /// last figure (`None` at the end of the document).
    fn flush_run(&mut self, gap_after: Option<usize>) {
        if self.run.is_empty() {
            return;
        }
        let visible = std::mem::take(&mut self.run);
        let figures = match self.with_blanks(&visible, gap_after) {
            Some(spaced) if self.fills_named_row(&spaced) => spaced,
            _ => visible,
        };
        self.figures(Vec::new(), figures);
    }

    /// A label followed by another after blank lines that stand for whole blank cells: a row
    /// (or table 四) left entirely blank, read when the labels name a row of exactly that width.
    fn blank_run(&mut self, gap: usize, line: usize) {
        let Some(count) = self.blank_cells(gap).filter(|n| *n > 0) else { return };
        let blanks = vec![Figure::implied_blank(line); count];
        if self.fills_named_row(&blanks) {
            self.figures(Vec::new(), blanks);
        }
    }

    /// How many blank cells `gap` blank lines stand for: each blank cell adds its own empty
    /// line and one more separator. `None` when the spacing is irregular or not measured.
    fn blank_cells(&self, gap: usize) -> Option<usize> {
        let usual = self.cell_gap?;
        let extra = gap.checked_sub(usual)?;
        (extra % (usual + 1) == 0).then_some(extra / (usual + 1))
    }

    /// The run with the blank cells its spacing implies, or `None` where any spacing is
    /// irregular or none is implied (most runs: nothing to build).
    fn with_blanks(&self, run: &[Figure<'d>], gap_after: Option<usize>) -> Option<Vec<Figure<'d>>> {
        let trailing = gap_after.map_or(Some(0), |gap| self.blank_cells(gap))?;
        let implied = trailing + run.iter().map(|f| self.blank_cells(f.gap)).sum::<Option<usize>>()?;
        if implied == 0 {
            return None;
        }
        let blank = Figure::implied_blank;
        let mut spaced = Vec::with_capacity(run.len() + implied);
        for figure in run {
            spaced.extend(std::iter::repeat_n(blank(figure.line), self.blank_cells(figure.gap).unwrap_or(0)));
            spaced.push(*figure);
        }
        spaced.extend(std::iter::repeat_n(blank(run.last().map_or(0, |f| f.line)), trailing));
        Some(spaced)
    }

    /// Whether the figures, named by the buffered labels alone, are exactly a row or table
    /// 四's single run.
    fn fills_named_row(&self, figures: &[Figure<'d>]) -> bool {
        self.single_run_table(figures).is_some_and(|index| table_width(&self.template.tables[index]) == figures.len())
            || self.choose_row(&self.labels, 0, figures).is_some_and(|(_, row)| row.columns.len() == figures.len())
    }

    fn grid_row(&mut self, cells: &'d [Prepared<'d>], flat: bool) {
        // Labels end at the last text cell before the first figure: text after a figure is a
        // cell that should hold one (`cell-not-number`), not a label.
        let first_number = cells.iter().position(|c| matches!(c.kind, CellValue::Number(_))).unwrap_or(cells.len());
        let last_label = cells[..first_number].iter().rposition(|c| c.kind == CellValue::Text);
        let (labels, rest) = match last_label {
            Some(at) => cells.split_at(at + 1),
            None => cells.split_at(0),
        };
        let own: Vec<Label> = labels.iter().filter(|c| !c.key.is_empty()).map(|c| Label { key: &c.key }).collect();
        let figures: Vec<Figure> = rest
            .iter()
            .filter(|c| !c.inherited)
            .map(|c| Figure { text: c.text, kind: c.kind, line: c.line, glued: flat && is_digit_run(c.text.trim()), gap: 0, implied: false })
            .collect();
        let has_figure = figures.iter().any(|f| !f.is_empty());
        if !has_figure && !self.names_blank_row(&own, &figures) {
            // A header or label-only row: its labels name what follows.
            self.finish_pending();
            for label in own {
                self.push_label(label.key);
            }
            return;
        }
        self.figures(own, figures);
    }

    /// A row whose figures are all blank is still a row when its last label names a row of
    /// exactly that width (a header row ends in labels, not in blank cells).
    /// An unlabelled all-blank row belongs to the row the buffered labels name, if that row
    /// has exactly its width (converted reports keep one small table per row group).
    fn names_blank_row(&self, own: &[Label<'d>], figures: &[Figure<'d>]) -> bool {
        let width_fits = |row: &RowDef| row.columns.len() == figures.len();
        match own.last() {
            Some(last) => self.candidates(std::slice::from_ref(last)).iter().any(|c| width_fits(c.row)),
            None => figures.len() >= 2 && self.fills_named_row(figures),
        }
    }

    /// Places a set of figures, named by `own` labels or, failing those, the buffered labels.
    fn figures(&mut self, own: Vec<Label<'d>>, figures: Vec<Figure<'d>>) {
        if own.is_empty() && self.extend_pending(&figures) {
            return;
        }
        self.finish_pending();
        let own_count = own.len();
        let mut labels = std::mem::take(&mut self.labels);
        labels.extend(own);
        if (own_count == 0 || !self.names_row_outside_single_run(&labels[labels.len() - own_count..])) && self.single_run(&figures) {
            return;
        }
        let choice = self.choose_row(&labels, own_count, &figures);
        match choice {
            Some((table, row)) => self.place(table, row, figures),
            None => {
                if self.started && figures.iter().any(|f| !f.is_empty()) {
                    self.out.unplaced.insert(self.template.tables[self.stage].id);
                }
            }
        }
    }

    /// Whether a row's own labels name a row (not read yet) of a table that never comes as one
    /// run: then its figures are that row's, not a whole table's.
    fn names_row_outside_single_run(&self, own: &[Label]) -> bool {
        self.candidates(own).iter().any(|c| !self.template.tables[c.table].single_run)
    }

    /// Table 四 as one run of all its figures with no row label (or with its column headers
    /// for a label, in flattened text).
    fn single_run(&mut self, figures: &[Figure<'d>]) -> bool {
        let Some(index) = self.single_run_table(figures) else { return false };
        let table = &self.template.tables[index];
        let width = table_width(table);
        if fitted(figures, width).len() != width {
            self.assign_glued(index, 0..table.rows.len(), figures);
            return true;
        }
        let mut rest = fitted(figures, width);
        for row in table.rows {
            let (head, tail) = rest.split_at(row.columns.len());
            self.place(index, row, head.to_vec());
            rest = tail;
        }
        true
    }

    /// The table, not read yet, whose single run (table 四) these figures are.
    fn single_run_table(&self, figures: &[Figure<'d>]) -> Option<usize> {
        self.template.tables.iter().enumerate().position(|(index, table)| {
            let width = table_width(table);
            table.single_run
                && index >= self.stage
                && self.may_open(index)
                && fits(figures, width)
                && !self.out.rows_found[index].iter().any(|f| *f)
        })
    }

    /// Whether rows of the table at `index` may be read now: table 四's labels (行政复议) also
    /// appear in prose, so it opens only after table 三 or its own section heading.
    fn may_open(&self, index: usize) -> bool {
        let table = &self.template.tables[index];
        table.id != "t4" || (self.started && self.stage > 0) || self.section_seen >= table.section
    }

    /// Rows whose keys appear in the joined label keys, best first: the match ending last,
    /// then the longest key.
    fn candidates(&self, labels: &[Label]) -> Vec<Candidate> {
        let end = labels.iter().map(|l| l.key.len()).sum();
        self.rank(&key_hits(self.template, labels), 0, end)
    }

    /// [`candidates`](Self::candidates) among the hits that start at or after byte `from` of
    /// the joined keys (the hits of a trailing run of the labels).
    /// A row of another revision (the single （六）其他处理) is named only by the last words of
    /// the labels, which end at byte `end`: followed by an item's words (`1.申请人…`), its key
    /// is the group label of this template's rows.
    fn rank(&self, hits: &[KeyHit], from: usize, end: usize) -> Vec<Candidate> {
        // (table, row, key length) → end of its last occurrence, in order of first occurrence.
        let mut last: Vec<KeyHit> = Vec::new();
        for hit in hits.iter().filter(|h| h.start >= from) {
            match last.iter_mut().find(|l| (l.table, l.row, l.len) == (hit.table, hit.row, hit.len)) {
                Some(l) => l.end = hit.end,
                None => last.push(*hit),
            }
        }
        let mut found: Vec<Candidate> = last
            .into_iter()
            .filter(|h| h.table >= self.stage && self.may_open(h.table) && !self.out.rows_found[h.table][h.row])
            .filter(|h| h.end == end || !self.template.is_substitute(&self.template.tables[h.table], h.row))
            .map(|h| Candidate { table: h.table, row: &self.template.tables[h.table].rows[h.row], end: h.end, len: h.len })
            .collect();
        found.sort_by_key(|c| std::cmp::Reverse((c.end, c.len)));
        found
    }

    /// The row the figures belong to: named in the shortest run of trailing labels that
    /// names a row not read yet, preferring (at any length) a row whose width fits the
    /// figures. With labels taken from the buffer, a distinctive label of another unread row
    /// before them makes the choice uncertain (scrambled PDF text): then nothing is chosen.
    fn choose_row(&self, labels: &[Label<'d>], own_count: usize, figures: &[Figure<'d>]) -> Option<(usize, &'static RowDef)> {
        let window = &labels[labels.len() - labels.len().min(MAX_LABEL_PARTS)..];
        // The keys are matched once over the whole window; each trailing run of k labels
        // takes the hits that start within it.
        let hits = key_hits(self.template, window);
        let window_end = window.iter().map(|l| l.key.len()).sum();
        let mut label_start = window.iter().rev().scan(window.iter().map(|l| l.key.len()).sum::<usize>(), |end, l| {
            *end -= l.key.len();
            Some(*end)
        });
        let mut named = None;
        for k in 1..=window.len() {
            let from = label_start.next().unwrap_or(0);
            let found = self.rank(&hits, from, window_end);
            let Some(best) = found.first() else { continue };
            named.get_or_insert((k, best.table, best.row));
            let fitting = found.iter().find(|c| fits(figures, c.row.columns.len()));
            if let Some(c) = fitting {
                named = Some((k, c.table, c.row));
                break;
            }
        }
        named
            .and_then(|(k, table, row)| self.unless_dangling(labels, own_count, k, table, row))
            .or_else(|| self.next_by_number(labels.last()?, figures))
    }

    /// A label cut short before its words (`6、属于` with the figures, `四类过程性信息` on the
    /// next line) still carries its item number: it names the row right after the last one
    /// read when that row has this number (`6`, or `二` for 二、上年结转) and the figures fit.
    fn next_by_number(&self, label: &Label, figures: &[Figure]) -> Option<(usize, &'static RowDef)> {
        let number = item_number(label.key);
        let (table, next) = match self.last_row {
            Some((table, last)) => {
                // Rows of another revision are not in this template's sequence of items.
                let def = &self.template.tables[table];
                match (last + 1..def.rows.len()).find(|&r| !self.template.is_substitute(def, r)) {
                    Some(next) => (table, &def.rows[next]),
                    None => (table + 1, self.template.tables.get(table + 1)?.rows.first()?),
                }
            }
            None => (0, self.template.tables.first()?.rows.first()?),
        };
        let item = next.label.rsplit_once(' ').map_or(next.label, |(_, item)| item);
        let fits = fits(figures, next.columns.len());
        let same_number = !number.is_empty() && item_number(&label_key(item)) == number;
        (same_number && fits && !self.is_found(table, next) && self.may_open(table)).then_some((table, next))
    }

    /// Labels taken from the buffer are trusted less: another unread row's label before
    /// them, or a short key (`总计`, also a column header) found several labels back before
    /// its table has started, makes the choice uncertain.
    fn is_found(&self, table: usize, row: &RowDef) -> bool {
        let rows = self.template.tables[table].rows;
        rows.iter().position(|r| std::ptr::eq(r, row)).is_some_and(|i| self.out.rows_found[table][i])
    }

    fn unless_dangling(&self, labels: &[Label], own_count: usize, k: usize, table: usize, row: &'static RowDef) -> Option<(usize, &'static RowDef)> {
        if k <= own_count {
            return Some((table, row));
        }
        let table_started = self.last_row.is_some_and(|(t, _)| t == table);
        let short_key = row.keys.iter().all(|key| key.chars().count() < DISTINCTIVE_KEY_CHARS);
        let dangles = self.other_row_dangles(&labels[..labels.len() - k], table, row);
        let right_before = k == own_count + 1;
        (!dangles && (right_before || table_started || !short_key)).then_some((table, row))
    }

    fn other_row_dangles(&self, before: &[Label], table: usize, chosen: &RowDef) -> bool {
        let joined: String = before.iter().map(|l| l.key).collect();
        let rows = self.template.tables[table].rows;
        // The key's head is enough: labels broken across PDF lines get mixed.
        key_index(self.template).heads.find(&joined, usize::MAX, &mut |_, head, _| {
            head.table == table
                && rows[head.row].id != chosen.id
                && !self.out.rows_found[table][head.row]
                // Another revision's row names its group (（六）其他处理) before this one's items.
                && !self.template.is_substitute(&self.template.tables[table], head.row)
        })
    }

    fn place(&mut self, table: usize, row: &'static RowDef, figures: Vec<Figure<'d>>) {
        let width = row.columns.len();
        let figures = fitted(&figures, width).to_vec();
        // Glued runs are whole rows: flattened text never continues a row in the next piece.
        if figures.len() < width && !figures.is_empty() && !fits(&figures, width) {
            self.pending = Some(Pending { table, row, figures });
            return;
        }
        self.assign(table, row, figures);
    }

    fn extend_pending(&mut self, figures: &[Figure<'d>]) -> bool {
        let Some(pending) = self.pending.as_mut() else { return false };
        if pending.figures.len() + figures.len() > pending.row.columns.len() {
            return false;
        }
        pending.figures.extend_from_slice(figures);
        if pending.figures.len() == pending.row.columns.len() {
            let done = self.pending.take().expect("pending row");
            self.assign(done.table, done.row, done.figures);
        }
        true
    }

    fn finish_pending(&mut self) {
        if let Some(done) = self.pending.take() {
            self.assign(done.table, done.row, done.figures);
        }
    }

    fn assign(&mut self, table: usize, row: &'static RowDef, figures: Vec<Figure<'d>>) {
        let def: &TableDef = &self.template.tables[table];
        let Some(row_index) = def.rows.iter().position(|r| std::ptr::eq(r, row)) else { return };
        if self.out.rows_found[table][row_index] {
            return;
        }
        self.out.rows_found[table][row_index] = true;
        let line = figures.first().map_or(0, |f| f.line);
        self.stage = table;
        self.last_row = Some((table, row_index));
        self.started = true;
        self.out.table_lines.entry(def.id).or_insert(line);
        let first = self.template.row_start(table, row_index);
        let cells = first..first + row.columns.len();
        if figures.len() < row.columns.len() && fits(&figures, row.columns.len()) {
            self.assign_glued(table, row_index..row_index + 1, &figures);
            return;
        }
        if figures.len() != row.columns.len() {
            let message = format!(
                "{}“{}”行读到 {} 个数字，应为 {} 个，无法确定各数字所属的列，未读取",
                def.name,
                row.label,
                figures.len(),
                row.columns.len()
            );
            for cell in &mut self.out.cells[cells.clone()] {
                *cell = Some(CellRead { state: CellState::Unreadable, line });
            }
            let ids = self.template.cell_ids()[cells].to_vec();
            self.out.notes.push(ReadNote { table: def.id, message, cells: ids, line });
            return;
        }
        let spaced = figures.iter().any(|f| f.implied);
        self.out.spaced[cells.clone()].fill(spaced);
        for (cell, figure) in self.out.cells[cells.clone()].iter_mut().zip(&figures) {
            *cell = Some(CellRead { state: state_of(figure), line: figure.line });
        }
        // Cells the PDF reader marked unreadable: one note for the row, naming their columns.
        let unreadable: Vec<usize> = (0..figures.len()).filter(|&i| figures[i].kind == CellValue::Unreadable).collect();
        if let Some(&first) = unreadable.first() {
            let columns: Vec<String> = unreadable.iter().map(|&i| format!("“{}”", row.columns[i].label)).collect();
            let message = format!(
                "{}“{}”行{}列：该格数字跨行折断或越过格线，无法确定完整数值，未读取",
                def.name,
                row.label,
                columns.join("")
            );
            let ids = unreadable.iter().map(|&i| self.template.cell_ids()[cells.start + i].clone()).collect();
            self.out.notes.push(ReadNote { table: def.id, message, cells: ids, line: figures[first].line });
        }
    }
}

impl<'d> Walker<'d> {
    /// Glued digit runs for the rows `rows` of a table (one row, or a whole single-run table):
    /// every way to cut them into the rows' cells is kept, and the equations decide once the
    /// whole report is read ([`Extraction::resolve_glued`]). Until then the cells are unread.
    fn assign_glued(&mut self, table: usize, rows: Range<usize>, figures: &[Figure<'d>]) {
        let def = &self.template.tables[table];
        let first = self.template.row_start(table, rows.start);
        let width: usize = def.rows[rows.clone()].iter().map(|r| r.columns.len()).sum();
        let cells = first..first + width;
        let line = figures.first().map_or(0, |f| f.line);
        for row in rows.clone() {
            self.out.rows_found[table][row] = true;
        }
        self.stage = table;
        self.last_row = Some((table, rows.end - 1));
        self.started = true;
        self.out.table_lines.entry(def.id).or_insert(line);
        for cell in &mut self.out.cells[cells.clone()] {
            *cell = Some(CellRead { state: CellState::Unreadable, line });
        }
        let runs: Vec<&str> = figures.iter().map(|f| f.text.trim()).collect();
        let digits: Option<Vec<String>> = runs.iter().map(|r| ascii_digits(r)).collect();
        let cuts = digits.and_then(|digits| {
            let digits: Vec<&str> = digits.iter().map(String::as_str).collect();
            // A digit a cell is the one reading, whatever the sums say (a wrong total is then
            // the report's error); longer runs are cut only as the equations allow.
            let one_digit_a_cell = digits.iter().map(|d| d.len()).sum::<usize>() == width;
            let sums = if one_digit_a_cell { Vec::new() } else { glued::local_sums(self.template, &cells) };
            glued::cuts(&digits, width, &sums)
        });
        match cuts {
            Some(cuts) if !cuts.is_empty() => self.out.glued.push(GluedRun { cells, line, cuts }),
            _ => {
                let labels: Vec<&str> = def.rows[rows].iter().map(|r| r.label).collect();
                let message = format!(
                    "{}“{}”的数字连写在一起（{}），无法确定如何拆分到各列，未读取",
                    def.name,
                    labels.join("、"),
                    runs.join(" ")
                );
                let ids = self.template.cell_ids()[cells].to_vec();
                self.out.notes.push(ReadNote { table: def.id, message, cells: ids, line });
            }
        }
    }
}

impl Extraction {
    /// Marks the rows the report's layout leaves out as its template allows: a row that may be
    /// omitted and is absent, the rows a substitute row stands for when the substitute was read
    /// (or the substitute, when it was not). A substitute read beside the rows it stands for
    /// makes no layout: its figures stay unread.
    fn apply_deviations(&mut self) {
        use crate::template::DeviationKind;
        let template = self.template;
        for deviation in template.deviations {
            let Some((table, row)) = template.row_index(deviation.row) else { continue };
            if !self.table_lines.contains_key(template.tables[table].id) {
                continue;
            }
            match deviation.kind {
                DeviationKind::MayOmit if !self.rows_found[table][row] => {
                    self.omit_row(table, row);
                    self.deviations.push(deviation);
                }
                DeviationKind::MayOmit => {}
                DeviationKind::StandsFor(rows) => {
                    let replaced: Vec<(usize, usize)> = rows.iter().filter_map(|r| template.row_index(r)).collect();
                    let any_replaced = replaced.iter().any(|&(t, r)| self.rows_found[t][r]);
                    if !self.rows_found[table][row] {
                        self.omit_row(table, row);
                    } else if any_replaced {
                        self.unread_row(table, row, "与它所代替的各行同时出现，无法确定其数字所属的行");
                    } else {
                        replaced.iter().for_each(|&(t, r)| self.omit_row(t, r));
                        self.deviations.push(deviation);
                    }
                }
            }
        }
    }

    fn omit_row(&mut self, table: usize, row: usize) {
        let first = self.template.row_start(table, row);
        let width = self.template.tables[table].rows[row].columns.len();
        self.omitted[first..first + width].fill(true);
    }

    /// Leaves a row that was read unread, with a note saying why.
    fn unread_row(&mut self, table: usize, row: usize, why: &str) {
        let def = &self.template.tables[table];
        let first = self.template.row_start(table, row);
        let cells = first..first + def.rows[row].columns.len();
        let line = self.cells[first].as_ref().map_or(0, |c| c.line);
        for cell in &mut self.cells[cells.clone()] {
            *cell = Some(CellRead { state: CellState::Unreadable, line });
        }
        let message = format!("{}“{}”行{}，未读取", def.name, def.rows[row].label, why);
        let ids = self.template.cell_ids()[cells].to_vec();
        self.notes.push(ReadNote { table: def.id, message, cells: ids, line });
    }

    /// Cuts the glued runs the equations decide; the rest stay unread, with a note.
    fn resolve_glued(&mut self) {
        if self.glued.is_empty() {
            return;
        }
        let runs = std::mem::take(&mut self.glued);
        let known: Vec<Option<f64>> = (0..self.cells.len()).map(|i| self.known_at(i)).collect();
        let decided = glued::resolve(self.template, &runs, &known);
        for (run, taken) in runs.iter().zip(decided) {
            match taken {
                Some(figures) => {
                    for (cell, value) in run.cells.clone().zip(figures) {
                        self.cells[cell] = Some(CellRead { state: CellState::Number(value), line: run.line });
                    }
                }
                None => {
                    let ids = self.template.cell_ids()[run.cells.clone()].to_vec();
                    let (table, message) = self.glued_note(run);
                    self.notes.push(ReadNote { table, message, cells: ids, line: run.line });
                }
            }
        }
    }

    fn glued_note(&self, run: &GluedRun) -> (&'static str, String) {
        let ids = self.template.cell_ids();
        let (table, row, _) = self.template.locate(&ids[run.cells.start]).expect("a template cell");
        let why = if run.cuts.is_empty() { "任何拆分都不能使勾稽关系成立" } else { "有多种拆分都能使勾稽关系成立" };
        (table.id, format!("{}“{}”起的数字连写在一起，{}，无法确定各列的数字，未读取", table.name, row.label, why))
    }
}

/// Whether the figures can fill a row of `width` cells: one figure a cell, or fewer figures
/// of which glued digit runs may hold several each.
fn fits(figures: &[Figure], width: usize) -> bool {
    let figures = fitted(figures, width);
    figures.len() == width || (figures.len() < width && figures.iter().map(Figure::most_cells).sum::<usize>() >= width)
}

/// A row the labels name, with where its key ends in the joined keys and the key's length.
struct Candidate {
    table: usize,
    row: &'static RowDef,
    end: usize,
    len: usize,
}

/// An occurrence of a row key in the joined label keys (byte offsets).
#[derive(Clone, Copy)]
struct KeyHit {
    table: usize,
    row: usize,
    start: usize,
    end: usize,
    len: usize,
}

/// Every occurrence of the template's row keys in the joined keys of `labels`, in order of
/// position (keys are looked up by their first character).
fn key_hits(template: &'static Template, labels: &[Label]) -> Vec<KeyHit> {
    let joined: String = labels.iter().map(|l| l.key).collect();
    let mut hits = Vec::new();
    key_index(template).keys.find(&joined, usize::MAX, &mut |key, k, at| {
        hits.push(KeyHit { table: k.table, row: k.row, start: at, end: at + key.len(), len: key.len() });
        false
    });
    hits
}

/// Where a row key stands: its table and row (indices in the template).
#[derive(Clone, Copy)]
struct KeyRow {
    table: usize,
    row: usize,
}

/// The row keys of a template and their distinctive heads, each sorted by first character.
struct KeyIndex {
    keys: WordIndex<KeyRow>,
    /// The first [`DISTINCTIVE_KEY_CHARS`] characters of every key at least that long.
    heads: WordIndex<KeyRow>,
}

/// The key index of a template (built once per process).
fn key_index(template: &'static Template) -> &'static KeyIndex {
    static CACHE: OnceLock<Vec<KeyIndex>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        TEMPLATES.iter().map(|t| KeyIndex { keys: indexed_keys(t, Some), heads: indexed_keys(t, distinctive_head) }).collect()
    });
    &cache[TEMPLATES.iter().position(|t| std::ptr::eq(*t, template)).expect("a registered template")]
}

fn distinctive_head(key: &'static str) -> Option<&'static str> {
    let head = key.char_indices().nth(DISTINCTIVE_KEY_CHARS).map_or(key, |(at, _)| &key[..at]);
    (head.chars().count() == DISTINCTIVE_KEY_CHARS).then_some(head)
}

/// `index_key` of every row key of the template.
fn indexed_keys(template: &'static Template, index_key: fn(&'static str) -> Option<&'static str>) -> WordIndex<KeyRow> {
    WordIndex::new(template.tables.iter().enumerate().flat_map(|(table, def)| {
        def.rows.iter().enumerate().flat_map(move |(row, def)| {
            def.keys.iter().filter_map(move |key| Some((index_key(key)?, KeyRow { table, row })))
        })
    }))
}

/// The item number a label key starts with: `6属于…` → `6`, `二上年结` → `二`.
fn item_number(key: &str) -> &str {
    let end = key
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit() && !"一二三四五六七八九十".contains(*c))
        .map_or(key.len(), |(at, _)| at);
    &key[..end]
}

/// The figures of a row of `width` columns: cells beyond the width that are empty at the
/// start (the rest of a label merged over several columns) or blank at the end (padding) are
/// layout, not figures.
fn fitted<'f, 'd>(figures: &'f [Figure<'d>], width: usize) -> &'f [Figure<'d>] {
    let mut figures = figures;
    while figures.len() > width && figures[0].text.trim().is_empty() {
        figures = &figures[1..];
    }
    while figures.len() > width && figures[figures.len() - 1].kind == CellValue::Blank {
        figures = &figures[..figures.len() - 1];
    }
    figures
}

/// The cells of all the table's rows.
fn table_width(table: &TableDef) -> usize {
    table.rows.iter().map(|r| r.columns.len()).sum()
}

/// Figures beyond ±2^53 cannot be held exactly; they are reported, not rounded.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

fn state_of(figure: &Figure) -> CellState {
    cell_state(figure.kind, figure.text)
}

/// The state of a cell whose text `parse_cell` classified as `kind`.
pub fn cell_state(kind: CellValue, text: &str) -> CellState {
    match kind {
        CellValue::Number(v) if v.abs() < MAX_EXACT => CellState::Number(v),
        CellValue::Number(_) | CellValue::Text => CellState::NotNumber(text.trim().to_string()),
        CellValue::Blank => CellState::Blank,
        CellValue::Unreadable => CellState::Unreadable,
    }
}
