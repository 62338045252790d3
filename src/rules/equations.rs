//! The template's equations (勾稽关系) evaluated over the cells read. Shared by the four
//! arithmetic rules and `suspect-cell`. An equation that needs a cell the reader could not
//! read is not evaluated: its failure would say nothing about the report.
//!
//! Before any arithmetic error is reported, the reading itself is questioned
//! ([`doubtful_readings`]): a failure that a figure cut short explains (83 read, 839 would make
//! every failing equation it is in hold), or that involves a row read with fewer figures than
//! columns (completed by blank cells its spacing implies), says more about the reading than
//! about the report. Those cells are set aside as unreadable, so no error rests on them.

use super::{fmt_num, Report};
use crate::extract::Extraction;
use std::sync::OnceLock;

use crate::template::{Each, Equation, Template, T3_COLUMNS, TEMPLATES};

/// An equation written out for one column or row, with its cell ids.
pub struct Expanded {
    pub rule: &'static str,
    /// The column or row label it is about.
    pub subject: &'static str,
    pub left: Vec<String>,
    pub right: Vec<String>,
    /// The positions of `left` and `right` in the template's `cell_ids()`.
    left_at: Vec<usize>,
    right_at: Vec<usize>,
}

/// One instance of an equation evaluated over a report: a column of R1, a row of R3 …
#[derive(Debug)]
pub struct Instance {
    pub rule: &'static str,
    pub subject: &'static str,
    pub left: &'static [String],
    pub right: &'static [String],
    pub left_sum: f64,
    pub right_sum: f64,
}

impl Instance {
    pub fn holds(&self) -> bool {
        (self.left_sum - self.right_sum).abs() < 1e-6
    }

    pub fn cells(&self) -> impl Iterator<Item = &'static String> {
        self.left.iter().chain(self.right)
    }

    pub fn involves(&self, cell: &str) -> bool {
        self.cells().any(|c| c == cell)
    }
}

/// The template's equations written out once per process (templates are static data).
fn expanded(template: &'static Template) -> &'static [Expanded] {
    static CACHE: OnceLock<Vec<(&'static str, Vec<Expanded>)>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        TEMPLATES
            .iter()
            .map(|t| {
                let equations = t
                    .equations
                    .iter()
                    .flat_map(|eq| {
                        elements(t, eq).into_iter().map(move |(each, subject)| {
                            let (left, right) = (expand(eq.left, each), expand(eq.right, each));
                            let (left_at, right_at) = (positions(t, &left), positions(t, &right));
                            Expanded { rule: eq.rule, subject, left, right, left_at, right_at }
                        })
                    })
                    .collect();
                (t.id, equations)
            })
            .collect()
    });
    cache.iter().find(|(id, _)| *id == template.id).map_or(&[], |(_, e)| e.as_slice())
}

/// Every equation of the template written out, as the positions (in `cell_ids()`) of the
/// cells summed on each side.
pub(crate) fn cell_sums(template: &'static Template) -> impl Iterator<Item = (&'static [usize], &'static [usize])> {
    expanded(template).iter().map(|eq| (eq.left_at.as_slice(), eq.right_at.as_slice()))
}

/// Every equation instance whose cells are all known, with its two sums (evaluated once per
/// report and kept with its cells).
pub fn instances(cells: &Extraction) -> &[Instance] {
    cells.equations.get_or_init(|| evaluate(cells.template, cells))
}

/// A reading a failing equation puts in doubt: the cells to set aside (positions in the
/// template's `cell_ids()`), why, in Chinese, and where.
pub(crate) struct Doubt {
    pub table: &'static str,
    pub cells: Vec<usize>,
    pub message: String,
    pub line: usize,
}

/// The equations evaluated over the cells as read, and the readings their failures put in
/// doubt (see the module documentation). A figure that is simply different (7 read, 9 wanted)
/// is no doubt about the reading: it stays an error, and so do the failures it explains.
pub(crate) fn doubtful_readings(extraction: &Extraction) -> (Vec<Instance>, Vec<Doubt>) {
    let template = extraction.template;
    let all = evaluate(template, extraction);
    let failing: Vec<usize> = (0..all.len()).filter(|i| !all[*i].holds()).collect();
    let mut doubts: Vec<Doubt> = Vec::new();
    if failing.is_empty() {
        return (all, doubts);
    }
    let cells_of = |i: &usize| all[*i].cells().filter_map(|id| Some((id.as_str(), template.cell_index(id)?)));
    let mut unique: Vec<(&str, usize)> = failing.iter().flat_map(cells_of).collect();
    unique.sort_by_key(|(_, index)| *index);
    unique.dedup_by_key(|(_, index)| *index);
    // Failures one cell read whole explains: a figure cut short, or one simply different.
    let mut explained = std::collections::HashSet::new();
    for &(cell, index) in unique.iter().filter(|(_, index)| !extraction.from_spacing(*index)) {
        let Some(current) = extraction.known_at(index) else { continue };
        let Some((whole, involved)) = completing_value(cell, current, &all, &failing) else { continue };
        let read = extraction.number_at(index);
        if read.is_some_and(|read| is_cut_short(read, whole)) {
            let message = format!(
                "{}读到 {}，而 {} 能使所在的勾稽关系都成立：可能少读了最后一位数字（文字折行、粘连或截断），该单元格未读取，请对照原表核对",
                template.describe(cell),
                fmt_num(current),
                fmt_num(whole)
            );
            let table = template.locate(cell).map_or("", |(t, _, _)| t.id);
            doubts.push(Doubt { table, cells: vec![index], message, line: extraction.line(cell).unwrap_or(0) });
        } else if involved.len() < 2 {
            continue;
        }
        explained.extend(involved);
    }
    // Failures left over a row completed by blank cells its spacing implies.
    let mut rows_doubted = std::collections::HashSet::new();
    for (cell, index) in failing.iter().filter(|i| !explained.contains(*i)).flat_map(cells_of) {
        let Some((table, row, _)) = template.locate(cell).filter(|_| extraction.from_spacing(index)) else { continue };
        if !rows_doubted.insert((table.id, row.id)) {
            continue;
        }
        let first = template.cell_index(&format!("{}.{}.{}", table.id, row.id, row.columns[0].id)).unwrap_or(index);
        let message = format!(
            "{}“{}”行读到的数字少于列数，空白单元格是按空行推断的，但涉及该行的勾稽关系不成立：推断可能有误，该行未读取，请对照原表核对",
            table.name, row.label
        );
        let line = extraction.line(cell).unwrap_or(0);
        doubts.push(Doubt { table: table.id, cells: (first..first + row.columns.len()).collect(), message, line });
    }
    (all, doubts)
}

/// `read` is `whole` but its last digit (83 of 839): a figure cut short where a line broke or
/// digits ran together. More digits lost would be a coincidence more often than a misreading.
fn is_cut_short(read: f64, whole: f64) -> bool {
    read >= 1.0 && read.fract() == 0.0 && whole.fract() == 0.0 && (whole / 10.0).floor() == read
}

/// The value of `cell` (now `current`) that makes every failing equation it is in hold, with
/// those equations (indexes in `all`), if there is one, it is a count (whole, not negative),
/// and it breaks no equation that holds now.
pub(crate) fn completing_value(cell: &str, current: f64, all: &[Instance], failing: &[usize]) -> Option<(f64, Vec<usize>)> {
    let shift = |inst: &Instance| {
        let diff = inst.left_sum - inst.right_sum;
        let on_left = inst.left.iter().filter(|c| *c == cell).count() as f64;
        let on_right = inst.right.iter().filter(|c| *c == cell).count() as f64;
        let weight = on_left - on_right;
        (weight != 0.0).then(|| -diff / weight)
    };
    let involved: Vec<usize> = failing.iter().copied().filter(|i| all[*i].involves(cell)).collect();
    let delta = shift(all.get(*involved.first()?)?)?;
    if involved.iter().any(|i| shift(&all[*i]).is_none_or(|d| (d - delta).abs() > 1e-6)) {
        return None;
    }
    let value = current + delta;
    if value < 0.0 || value.fract() != 0.0 {
        return None;
    }
    let breaks_other = all.iter().enumerate().any(|(i, inst)| inst.holds() && !involved.contains(&i) && inst.involves(cell));
    (!breaks_other).then_some((value, involved))
}

fn evaluate(template: &'static Template, cells: &Extraction) -> Vec<Instance> {
    let sum = |at: &[usize]| at.iter().map(|&i| cells.known_at(i)).sum::<Option<f64>>();
    expanded(template)
        .iter()
        .filter_map(|eq| {
            Some(Instance {
                rule: eq.rule,
                subject: eq.subject,
                left: &eq.left,
                right: &eq.right,
                left_sum: sum(&eq.left_at)?,
                right_sum: sum(&eq.right_at)?,
            })
        })
        .collect()
}

fn elements(template: &Template, equation: &Equation) -> Vec<(&'static str, &'static str)> {
    match equation.each {
        Each::T3Column => T3_COLUMNS.iter().map(|c| (c.id, c.label)).collect(),
        Each::Row(table) => template
            .table(table)
            .map(|t| t.rows.iter().map(|r| (r.id, r.label)).collect())
            .unwrap_or_default(),
    }
}

fn expand(terms: &[&str], each: &str) -> Vec<String> {
    terms.iter().map(|t| t.replace("{}", each)).collect()
}

/// Where each cell sits in the template's `cell_ids()`; a cell the template lacks is a bug in
/// the template data, caught by the tests of every template.
fn positions(template: &'static Template, ids: &[String]) -> Vec<usize> {
    ids.iter().map(|id| template.cell_index(id).unwrap_or_else(|| panic!("{}: no cell {id}", template.id))).collect()
}

/// The failing instances of one rule as findings: `{subject}：{left}={l}，但{right}={r}`.
pub fn report_failures(
    rule: &super::Rule,
    report: &Report,
    out: &mut Vec<crate::result::Diagnostic>,
    describe: fn(&Instance) -> (String, &'static str, &'static str),
) {
    let Some(extraction) = report.extraction else { return };
    for inst in instances(extraction).iter().filter(|i| i.rule == rule.id && !i.holds()) {
        let (subject, left_name, right_name) = describe(inst);
        let message = format!(
            "{subject}：{left_name}={}，但{right_name}={}，两者应相等（相差 {}）",
            fmt_num(inst.left_sum),
            fmt_num(inst.right_sum),
            fmt_num((inst.left_sum - inst.right_sum).abs())
        );
        out.push(
            rule.diagnostic(message)
                // Cells of rows the report's layout leaves out are counted as 0, not named.
                .cells(inst.cells().filter(|c| !extraction.cell_index(c).is_some_and(|i| extraction.is_omitted(i))).cloned())
                .figures(inst.right_sum, inst.left_sum)
                .line(extraction.line(&inst.left[0])),
        );
    }
}
