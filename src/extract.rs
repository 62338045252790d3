//! Matching: the rows of a [`Document`] → the cells of a [`Template`], by label.
//!
//! The walk keeps a buffer of recent label lines and a run of single-figure lines (the
//! cell-per-line layout). A table row is a set of figures with the labels that name it: its
//! own label cells when it has them, else the labels just before it. The row is found by the
//! label keys of the template (the shortest trailing run of labels that names a row), and its
//! figures are read left to right only when their count is the row's column count. A row that
//! cannot be placed with certainty is left unread with a note — a wrong number is worse than
//! none. Column headers are not trusted: converted reports carry wrong ones.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use crate::document::{Document, RowShape};
use crate::locate::heading_section;
use crate::normalize::{label_key, parse_cell, CellValue};
use crate::template::{RowDef, TableDef, Template, TEMPLATES};

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
    pub cells: BTreeMap<String, CellRead>,
    /// `t3.granted`: rows whose label was found.
    pub rows_found: HashSet<String>,
    pub notes: Vec<ReadNote>,
    /// Tables with figures that could not be attributed to a row.
    pub unplaced: HashSet<&'static str>,
    /// Line of the first row read in each table.
    pub table_lines: BTreeMap<&'static str, usize>,
    /// The template's equations evaluated over these cells, computed once for all rules.
    pub(crate) equations: std::cell::OnceCell<Vec<crate::rules::equations::Instance>>,
}

impl Extraction {
    /// The figure of a cell; a blank counts as 0. `None` when the cell is unknown (missing,
    /// unreadable, not a number): equations that need it are not checked.
    pub fn known(&self, id: &str) -> Option<f64> {
        match self.cells.get(id).map(|c| &c.state) {
            Some(CellState::Number(v)) => Some(*v),
            Some(CellState::Blank) => Some(0.0),
            _ => None,
        }
    }

    /// The figure as published: `None` for blanks too.
    pub fn number(&self, id: &str) -> Option<f64> {
        match self.cells.get(id).map(|c| &c.state) {
            Some(CellState::Number(v)) => Some(*v),
            _ => None,
        }
    }

    pub fn line(&self, id: &str) -> Option<usize> {
        self.cells.get(id).map(|c| c.line)
    }

    pub fn has_table(&self, id: &str) -> bool {
        self.table_lines.contains_key(id)
    }

    fn read_cells(&self) -> usize {
        self.cells.values().filter(|c| matches!(c.state, CellState::Number(_) | CellState::Blank)).count()
    }
}

/// Reads the document against every template and keeps the best fit: the template whose
/// distinctive labels appear, then the one that placed more figures.
pub fn extract(doc: &Document) -> Option<Extraction> {
    let rows = prepare(doc);
    let keys: Vec<&str> = rows.iter().flat_map(|r| r.cells.iter()).map(|c| c.key.as_str()).filter(|k| !k.is_empty()).collect();
    let signals: Vec<usize> =
        TEMPLATES.iter().map(|t| t.signals.iter().filter(|s| keys.iter().any(|k| k.contains(*s))).count()).collect();
    let most = signals.iter().copied().max().unwrap_or(0);
    let mut best: Option<(usize, Extraction)> = None;
    for (template, signals) in TEMPLATES.iter().zip(signals) {
        // A template's own labels outweigh any count of figures read: skip the walk for a
        // template with fewer of them than another.
        if signals < most {
            continue;
        }
        let extraction = Walker::new(template).walk(&rows);
        let read = extraction.read_cells();
        if read == 0 && signals == 0 {
            continue;
        }
        let score = signals * 1000 + read;
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, extraction));
        }
    }
    best.map(|(_, e)| e)
}

/// A cell classified once, shared by the walks over each template.
struct Prepared<'d> {
    text: &'d str,
    kind: CellValue,
    /// The label key, for text cells only.
    key: String,
    line: usize,
    inherited: bool,
}

struct PreparedRow<'d> {
    shape: RowShape,
    cells: Vec<Prepared<'d>>,
    /// The section a `Line` row is the heading of.
    heading: Option<u8>,
}

fn prepare(doc: &Document) -> Vec<PreparedRow<'_>> {
    doc.rows
        .iter()
        .filter(|row| !row.cells.is_empty())
        .map(|row| {
            let cells: Vec<Prepared> = row
                .cells
                .iter()
                .map(|c| {
                    let kind = parse_cell(&c.text);
                    // Prose is never a label: skip normalising it (most of a report's text).
                    let key = match kind {
                        CellValue::Text if c.text.len() > MAX_LABEL_CHARS * 4 => PROSE.to_string(),
                        CellValue::Text => label_key(&c.text),
                        _ => String::new(),
                    };
                    Prepared { text: &c.text, kind, key, line: c.line, inherited: c.inherited }
                })
                .collect();
            let heading = (row.shape == RowShape::Line && cells[0].kind == CellValue::Text)
                .then(|| heading_section(cells[0].text).map(|h| h.number))
                .flatten();
            PreparedRow { shape: row.shape, cells, heading }
        })
        .collect()
}

#[derive(Clone, Copy, Debug)]
struct Label<'d> {
    key: &'d str,
}

#[derive(Clone, Copy, Debug)]
struct Figure<'d> {
    text: &'d str,
    kind: CellValue,
    line: usize,
}

impl Figure<'_> {
    fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
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

struct Walker<'d> {
    template: &'static Template,
    /// Rows read, by table index and row id.
    found: Vec<Vec<bool>>,
    /// The last row read: table index and row index.
    last_row: Option<(usize, usize)>,
    /// Index in `template.tables` of the table being read; earlier tables are closed.
    stage: usize,
    started: bool,
    section_seen: u8,
    labels: Vec<Label<'d>>,
    run: Vec<Figure<'d>>,
    pending: Option<Pending<'d>>,
    out: Extraction,
}

impl<'d> Walker<'d> {
    fn new(template: &'static Template) -> Self {
        Walker {
            template,
            found: template.tables.iter().map(|t| vec![false; t.rows.len()]).collect(),
            last_row: None,
            stage: 0,
            started: false,
            section_seen: 0,
            labels: Vec::new(),
            run: Vec::new(),
            pending: None,
            out: Extraction {
                template,
                cells: BTreeMap::new(),
                rows_found: HashSet::new(),
                notes: Vec::new(),
                unplaced: HashSet::new(),
                table_lines: BTreeMap::new(),
                equations: std::cell::OnceCell::new(),
            },
        }
    }

    fn walk(mut self, rows: &'d [PreparedRow<'d>]) -> Extraction {
        for row in rows {
            match row.shape {
                RowShape::Line => {
                    let cell = &row.cells[0];
                    match cell.kind {
                        CellValue::Text => {
                            self.flush_run();
                            self.finish_pending();
                            if let Some(section) = row.heading {
                                self.section_seen = self.section_seen.max(section);
                            }
                            self.push_label(&cell.key);
                        }
                        kind => self.run.push(Figure { text: cell.text, kind, line: cell.line }),
                    }
                }
                RowShape::Grid => {
                    self.flush_run();
                    self.grid_row(row);
                }
            }
        }
        self.flush_run();
        self.finish_pending();
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

    fn flush_run(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let figures = std::mem::take(&mut self.run);
        self.figures(Vec::new(), figures);
    }

    fn grid_row(&mut self, row: &'d PreparedRow<'d>) {
        // Labels end at the last text cell before the first figure: text after a figure is a
        // cell that should hold one (`cell-not-number`), not a label.
        let cells = &row.cells;
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
            .map(|c| Figure { text: c.text, kind: c.kind, line: c.line })
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
            Some(last) => self.candidates(std::slice::from_ref(last)).iter().any(|(_, row, _, _)| width_fits(row)),
            None => figures.len() >= 2 && self.choose_row(&self.labels, 0, figures).is_some_and(|(_, row)| width_fits(row)),
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
        if own_count == 0 && self.single_run(&figures) {
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

    /// Table 四 as one run of all its figures with no row label.
    fn single_run(&mut self, figures: &[Figure<'d>]) -> bool {
        for (index, table) in self.template.tables.iter().enumerate() {
            let width: usize = table.rows.iter().map(|r| r.columns.len()).sum();
            if !table.single_run || index < self.stage || !self.may_open(index) || fitted(figures, width).len() != width {
                continue;
            }
            if self.found[index].iter().any(|f| *f) {
                continue;
            }
            let mut rest = fitted(figures, width);
            for row in table.rows {
                let (head, tail) = rest.split_at(row.columns.len());
                self.place(index, row, head.to_vec());
                rest = tail;
            }
            return true;
        }
        false
    }

    /// Whether rows of the table at `index` may be read now: table 四's labels (行政复议) also
    /// appear in prose, so it opens only after table 三 or its own section heading.
    fn may_open(&self, index: usize) -> bool {
        let table = &self.template.tables[index];
        table.id != "t4" || (self.started && self.stage > 0) || self.section_seen >= table.section
    }

    /// Rows whose keys appear in the joined label keys, best first: the match ending last,
    /// then the longest key.
    fn candidates(&self, labels: &[Label]) -> Vec<(usize, &'static RowDef, usize, usize)> {
        let joined: String = labels.iter().map(|l| l.key).collect();
        let index = key_index(self.template);
        // (table, row, key) → end of its last occurrence; keys are looked up by first char.
        let mut last: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (at, c) in joined.char_indices() {
            let from = index.partition_point(|k| k.first < c);
            for k in index[from..].iter().take_while(|k| k.first == c) {
                if joined[at..].starts_with(k.key) {
                    let end = at + k.key.len();
                    match last.iter_mut().find(|l| (l.0, l.1, l.3) == (k.table, k.row, k.key.len())) {
                        Some(l) => l.2 = end,
                        None => last.push((k.table, k.row, end, k.key.len())),
                    }
                }
            }
        }
        let mut found: Vec<(usize, &'static RowDef, usize, usize)> = last
            .into_iter()
            .filter(|&(table, row, _, _)| table >= self.stage && self.may_open(table) && !self.found[table][row])
            .map(|(table, row, end, len)| (table, &self.template.tables[table].rows[row], end, len))
            .collect();
        found.sort_by_key(|&(_, _, end, len)| std::cmp::Reverse((end, len)));
        found
    }

    /// The row the figures belong to: named in the shortest run of trailing labels that
    /// names a row not read yet, preferring (at any length) a row whose width fits the
    /// figures. With labels taken from the buffer, a distinctive label of another unread row
    /// before them makes the choice uncertain (scrambled PDF text): then nothing is chosen.
    fn choose_row(&self, labels: &[Label<'d>], own_count: usize, figures: &[Figure<'d>]) -> Option<(usize, &'static RowDef)> {
        let mut named = None;
        for k in 1..=labels.len().min(MAX_LABEL_PARTS) {
            let found = self.candidates(&labels[labels.len() - k..]);
            let Some(best) = found.first() else { continue };
            named.get_or_insert((k, best.0, best.1));
            let fitting = found.iter().find(|(_, row, _, _)| fitted(figures, row.columns.len()).len() == row.columns.len());
            if let Some(&(table, row, _, _)) = fitting {
                named = Some((k, table, row));
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
            Some((table, last)) => match self.template.tables[table].rows.get(last + 1) {
                Some(next) => (table, next),
                None => (table + 1, self.template.tables.get(table + 1)?.rows.first()?),
            },
            None => (0, self.template.tables.first()?.rows.first()?),
        };
        let item = next.label.rsplit_once(' ').map_or(next.label, |(_, item)| item);
        let fits = fitted(figures, next.columns.len()).len() == next.columns.len();
        let same_number = !number.is_empty() && item_number(&label_key(item)) == number;
        (same_number && fits && !self.is_found(table, next) && self.may_open(table)).then_some((table, next))
    }

    /// Labels taken from the buffer are trusted less: another unread row's label before
    /// them, or a short key (`总计`, also a column header) found several labels back before
    /// its table has started, makes the choice uncertain.
    fn is_found(&self, table: usize, row: &RowDef) -> bool {
        let rows = self.template.tables[table].rows;
        rows.iter().position(|r| std::ptr::eq(r, row)).is_some_and(|i| self.found[table][i])
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
        let def = &self.template.tables[table];
        def.rows.iter().any(|row| {
            row.id != chosen.id
                && !self.is_found(table, row)
                && row.keys.iter().any(|k| {
                    // The key's head is enough: labels broken across PDF lines get mixed.
                    let head = k.char_indices().nth(DISTINCTIVE_KEY_CHARS).map(|(at, _)| &k[..at]).unwrap_or(k);
                    head.chars().count() == DISTINCTIVE_KEY_CHARS && rfind_short(&joined, head).is_some()
                })
        })
    }

    fn place(&mut self, table: usize, row: &'static RowDef, figures: Vec<Figure<'d>>) {
        let width = row.columns.len();
        let figures = fitted(&figures, width).to_vec();
        if figures.len() < width && !figures.is_empty() {
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
        if self.is_found(table, row) {
            return;
        }
        let row_index = def.rows.iter().position(|r| std::ptr::eq(r, row)).expect("row of its table");
        self.found[table][row_index] = true;
        self.out.rows_found.insert(format!("{}.{}", def.id, row.id));
        let ids: Vec<String> = row.columns.iter().map(|c| format!("{}.{}.{}", def.id, row.id, c.id)).collect();
        let line = figures.first().map_or(0, |f| f.line);
        self.stage = table;
        self.last_row = self.template.tables[table].rows.iter().position(|r| r.id == row.id).map(|i| (table, i));
        self.started = true;
        self.out.table_lines.entry(def.id).or_insert(line);
        if figures.len() != row.columns.len() {
            self.unreadable(def.id, &ids, line, format!(
                "{}“{}”行读到 {} 个数字，应为 {} 个，无法确定各数字所属的列，未读取",
                def.name,
                row.label,
                figures.len(),
                row.columns.len()
            ));
            return;
        }
        for (id, figure) in ids.into_iter().zip(figures) {
            self.out.cells.insert(id, CellRead { state: state_of(&figure), line: figure.line });
        }
    }

    fn unreadable(&mut self, table: &'static str, ids: &[String], line: usize, message: String) {
        for id in ids {
            self.out.cells.insert(id.clone(), CellRead { state: CellState::Unreadable, line });
        }
        self.out.notes.push(ReadNote { table, message, cells: ids.to_vec(), line });
    }
}

/// A row key of a template, indexed by its first character.
struct IndexedKey {
    first: char,
    key: &'static str,
    table: usize,
    row: usize,
}

/// Every row key of the template, sorted by first character (built once per process).
fn key_index(template: &'static Template) -> &'static [IndexedKey] {
    static CACHE: OnceLock<Vec<(&'static str, Vec<IndexedKey>)>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        TEMPLATES
            .iter()
            .map(|t| {
                let mut keys: Vec<IndexedKey> = t
                    .tables
                    .iter()
                    .enumerate()
                    .flat_map(|(ti, table)| {
                        table.rows.iter().enumerate().flat_map(move |(ri, row)| {
                            row.keys.iter().map(move |key| IndexedKey {
                                first: key.chars().next().unwrap_or('\0'),
                                key,
                                table: ti,
                                row: ri,
                            })
                        })
                    })
                    .collect();
                keys.sort_by_key(|k| k.first);
                (t.id, keys)
            })
            .collect()
    });
    cache.iter().find(|(id, _)| *id == template.id).map_or(&[], |(_, keys)| keys.as_slice())
}

/// The item number a label key starts with: `6属于…` → `6`, `二上年结` → `二`.
fn item_number(key: &str) -> &str {
    let end = key
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit() && !"一二三四五六七八九十".contains(*c))
        .map_or(key.len(), |(at, _)| at);
    &key[..end]
}

/// The last occurrence of a short needle in a short haystack; cheaper than `str::rfind`,
/// whose searcher setup dominates at these sizes.
fn rfind_short(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, pin) = (haystack.as_bytes(), needle.as_bytes());
    let first = *pin.first()?;
    (0..=hay.len().checked_sub(pin.len())?).rev().find(|&at| hay[at] == first && &hay[at..at + pin.len()] == pin)
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

/// Figures beyond ±2^53 cannot be held exactly; they are reported, not rounded.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

fn state_of(figure: &Figure) -> CellState {
    match figure.kind {
        CellValue::Number(v) if v.abs() < MAX_EXACT => CellState::Number(v),
        CellValue::Number(_) | CellValue::Text => CellState::NotNumber(figure.text.trim().to_string()),
        CellValue::Blank => CellState::Blank,
    }
}
