//! Checking cells given one by one, as an author types them into the form, without a document:
//! the table rules and the statistics over an [`Extraction`] built from the cells' text.
//!
//! The result has the usual shape (`OUTPUT.md`) with `input.kind` = `cells`, no sections and no
//! lines. Where one value of one cell would make every equation hold, each arithmetic finding
//! carries that value as its `fix`, for the author to accept or not. `suspect-cell` is left out
//! where an equation it explains still has a blank cell: while tables are being typed, a
//! figure whose total is not yet filled in is not suspect.

use crate::document::Document;
use crate::extract::{cell_state, CellRead, CellState, Extraction};
use crate::locate::Meta;
use crate::normalize::parse_cell;
use crate::result::{Diagnostic, Fix, InputInfo, Num, ReportInfo, Summary, ValidationResult};
use crate::rules::equations::{instances, Instance};
use crate::rules::carry_chain::{self, ChainFacts};
use crate::rules::{self, Report};
use crate::template::Template;

/// The rules about the tables' cells alone: those the form can run while the author types.
pub const TABLE_RULES: &[&str] = &[
    "t3-balance",
    "t3-results-sum",
    "t3-row-total",
    "t4-total",
    "suspect-cell",
    "cell-not-number",
    "cell-negative",
    "cell-fraction",
    "cell-blank",
    "t2-in-force",
];

/// Why cells cannot be checked: a caller's mistake, not a finding about a report.
#[derive(Debug, PartialEq)]
pub enum CellsError {
    UnknownTemplate(String),
    UnknownCell(String),
}

impl std::fmt::Display for CellsError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            CellsError::UnknownTemplate(id) => write!(f, "unknown template {id:?} (expected \"2019\" or \"2021\")"),
            CellsError::UnknownCell(id) => write!(f, "no cell {id:?} in this template"),
        }
    }
}

impl std::error::Error for CellsError {}

/// Last year's tables, to compare this year's with (`carry-chain`): its template, its cells
/// as text (as [`validate_cells`] takes them), and how to name it in messages.
pub struct Previous<'a> {
    pub template: &'a str,
    pub cells: Vec<(&'a str, &'a str)>,
    /// The report's name or title (`2023年年度报告`).
    pub name: &'a str,
    pub year: Option<u32>,
}

/// Checks the tables of `template_id` (`"2019"`, `"2021"`) filled with `cells`: cell id → the
/// text typed (`"12"`, `"１２"`, `"—"`, `""`), read as a report's cell is. A cell not given is
/// blank. With `previous`, this year's 上年结转 is compared with last year's 结转下年度 (and,
/// both in the 2021 layout, the documents in force), as `carry-chain` compares two reports.
pub fn validate_cells<'a>(
    template_id: &str,
    cells: impl IntoIterator<Item = (&'a str, &'a str)>,
    previous: Option<&Previous>,
) -> Result<ValidationResult, CellsError> {
    let template = Template::by_id(template_id).ok_or_else(|| CellsError::UnknownTemplate(template_id.to_string()))?;
    let extraction = Extraction::of_cells(template, read_cells(template, cells)?);
    let report = Report {
        doc: &Document::default(),
        meta: &Meta::default(),
        sections: &[],
        extraction: Some(&extraction),
        prose: Default::default(),
    };
    let mut diagnostics = Vec::new();
    for id in TABLE_RULES {
        (rules::rule(id).expect("a registered rule").check)(&report, &mut diagnostics);
    }
    // A figure typed while its row's or column's total is still blank is not suspect: the
    // equation is unfinished, not wrong (its blanks are listed by `cell-blank`).
    diagnostics.retain(|d| d.rule != "suspect-cell" || !d.cells.iter().any(|c| in_unfinished_failure(&extraction, c)));
    if let Some(fix) = one_value_fix(&extraction) {
        for d in diagnostics.iter_mut().filter(|d| d.fix.is_none() && template.equations.iter().any(|e| e.rule == d.rule)) {
            d.fix = Some(Fix { cell: fix.cell.to_string(), value: fix.value });
        }
    }
    if let Some(previous) = previous {
        diagnostics.extend(against_previous(&extraction, previous)?);
    }
    // Ordered as a report's findings are, by the row of the table they point at; the form
    // has no lines to show, so none is given.
    crate::result::sort_diagnostics(&mut diagnostics);
    diagnostics.iter_mut().for_each(|d| d.line = None);
    let ids = template.cell_ids();
    Ok(ValidationResult {
        engine: crate::ENGINE.to_string(),
        input: InputInfo { kind: "cells", chars: 0, name: None },
        template: Some(template.id),
        report: ReportInfo::default(),
        sections: Vec::new(),
        cells: template.cell_indices_by_id().map(|i| (ids[i].as_str(), extraction.number_at(i).map(Num))).collect(),
        summary: Summary::of(&diagnostics),
        diagnostics,
        stats: crate::stats::stats(&extraction),
        links: Vec::new(),
    })
}

/// The `carry-chain` findings of this year's cells against last year's.
fn against_previous(this_year: &Extraction, previous: &Previous) -> Result<Vec<Diagnostic>, CellsError> {
    let template =
        Template::by_id(previous.template).ok_or_else(|| CellsError::UnknownTemplate(previous.template.to_string()))?;
    let last_year = Extraction::of_cells(template, read_cells(template, previous.cells.iter().copied())?);
    let doc = Document::default();
    let meta = Meta { year: previous.year, ..Meta::default() };
    let last = ChainFacts::of(previous.name, &doc, &meta, Some(&last_year));
    let this = ChainFacts::of("", &doc, &Meta::default(), Some(this_year));
    Ok(carry_chain::compare(&last, &this))
}

/// Each cell's state in template order; a cell not given is blank. A cell's `line` is its
/// row's place in the three tables, so findings sort as they would in a report.
fn read_cells<'a>(
    template: &'static Template,
    cells: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<Option<CellRead>>, CellsError> {
    let mut out = Vec::with_capacity(template.cell_ids().len());
    let rows = template.tables.iter().flat_map(|t| t.rows);
    for (line, row) in (1..).zip(rows) {
        out.extend(row.columns.iter().map(|_| Some(CellRead { state: CellState::Blank, line })));
    }
    for (id, text) in cells {
        let at = template.cell_index(id).ok_or_else(|| CellsError::UnknownCell(id.to_string()))?;
        let line = out[at].as_ref().map_or(0, |c| c.line);
        out[at] = Some(CellRead { state: cell_state(parse_cell(text), text), line });
    }
    Ok(out)
}

/// The one cell and value that would make every equation hold: the cell must be in every
/// failing equation, move each by the same amount, be in no equation that holds now, and the
/// value must be a count (a whole number ≥ 0). When several cells could, the one still blank
/// is offered if it is the only blank one (the author has not typed it yet: completing it is
/// no guess about a figure typed); otherwise nothing is.
fn one_value_fix(extraction: &Extraction) -> Option<Fix> {
    let all = instances(extraction);
    let failing: Vec<&Instance> = all.iter().filter(|i| !i.holds()).collect();
    let first = failing.first()?;
    let mut candidates: Vec<(Fix, bool)> = Vec::new();
    for cell in first.cells() {
        let Some(current) = extraction.known(cell) else { continue };
        let Some(delta) = common_shift(cell, &failing) else { continue };
        let value = current + delta;
        let breaks_other = all.iter().any(|i| i.holds() && weight(i, cell) != 0.0);
        if breaks_other || value < 0.0 || value.fract() != 0.0 || candidates.iter().any(|(f, _)| f.cell == *cell) {
            continue;
        }
        let blank = extraction.cell(cell).is_some_and(|c| c.state == CellState::Blank);
        candidates.push((Fix { cell: cell.clone(), value: Num(value) }, blank));
    }
    if candidates.len() > 1 {
        candidates.retain(|(_, blank)| *blank);
    }
    match candidates.len() {
        1 => candidates.pop().map(|(fix, _)| fix),
        _ => None,
    }
}

/// Whether a failing equation with `cell` in it has a blank cell.
fn in_unfinished_failure(extraction: &Extraction, cell: &str) -> bool {
    let blank = |id: &String| extraction.cell(id).is_some_and(|c| c.state == CellState::Blank);
    instances(extraction).iter().any(|i| !i.holds() && i.involves(cell) && i.cells().any(blank))
}

/// How often a cell counts on the left of an equation minus on its right.
fn weight(inst: &Instance, cell: &str) -> f64 {
    let count = |side: &[String]| side.iter().filter(|c| *c == cell).count() as f64;
    count(inst.left) - count(inst.right)
}

/// The change of `cell` that makes every one of `failing` hold, if one change does.
fn common_shift(cell: &str, failing: &[&Instance]) -> Option<f64> {
    let mut shift: Option<f64> = None;
    for inst in failing {
        let w = weight(inst, cell);
        if w == 0.0 {
            return None;
        }
        let delta = (inst.right_sum - inst.left_sum) / w;
        if shift.is_some_and(|s| (s - delta).abs() > 1e-6) {
            return None;
        }
        shift = Some(delta);
    }
    shift
}

#[cfg(test)]
mod tests;
