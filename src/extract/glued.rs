//! Figures written together with no separator, as crawler text keeps table rows
//! (`1000001` for the seven cells 1, 0, 0, 0, 0, 0, 1). A run of digits is cut into a row's
//! cells only where the cut is certain: the one way to cut it into numbers (no number but 0
//! starts with 0), or, among several, the one way that satisfies every equation the cells take
//! part in (R1–R4) and no other. Anything else stays unread.

use std::ops::Range;

use crate::rules::equations::cell_sums;
use crate::template::Template;

/// More ways to cut a run than this and it is not cut at all.
const MAX_CUTS: usize = 4096;
/// Digits a cut figure may have and still be held exactly.
const MAX_FIGURE_DIGITS: usize = 15;

/// The ways to cut `runs` (each a run of ASCII digits) into exactly `width` numbers, in order:
/// every run gives one or more numbers, none with a leading zero. `None` when there are more
/// than [`MAX_CUTS`] ways.
pub fn cuts(runs: &[&str], width: usize) -> Option<Vec<Vec<f64>>> {
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(width);
    cut_runs(runs, width, &mut current, &mut out).then_some(out)
}

/// Cuts `runs` into `cells` numbers after `current`; false once there are too many ways.
fn cut_runs(runs: &[&str], cells: usize, current: &mut Vec<f64>, out: &mut Vec<Vec<f64>>) -> bool {
    let Some((run, rest)) = runs.split_first() else {
        if cells == 0 {
            out.push(current.clone());
        }
        return out.len() <= MAX_CUTS;
    };
    // Every later run needs at least one cell, and no run gives more numbers than digits.
    let most = cells.saturating_sub(rest.len()).min(run.len());
    (1..=most).all(|parts| cut_run(run, parts, rest, cells - parts, current, out))
}

/// Cuts one run into `parts` numbers, then the rest of the runs into `cells` numbers.
fn cut_run(run: &str, parts: usize, rest: &[&str], cells: usize, current: &mut Vec<f64>, out: &mut Vec<Vec<f64>>) -> bool {
    if parts == 1 {
        let Some(number) = figure(run) else { return true };
        current.push(number);
        let within = cut_runs(rest, cells, current, out);
        current.pop();
        return within;
    }
    // The first number takes 1.. digits, leaving at least one digit for each later part.
    for len in 1..=run.len() - (parts - 1) {
        let Some(number) = figure(&run[..len]) else { continue };
        current.push(number);
        let within = cut_run(&run[len..], parts - 1, rest, cells, current, out);
        current.pop();
        if !within {
            return false;
        }
    }
    true
}

/// A cut piece as a number: `0`, or digits not starting with 0.
fn figure(digits: &str) -> Option<f64> {
    let valid = digits == "0" || !digits.starts_with('0');
    (valid && digits.len() <= MAX_FIGURE_DIGITS).then(|| digits.parse::<f64>().ok()).flatten()
}

/// A run of digits that may hold several figures, with the ways to cut it that are left.
#[derive(Debug)]
pub struct GluedRun {
    /// The cells it fills, by position in the template's `cell_ids()` (one row, or all of
    /// table 四's rows when the table came as one run).
    pub cells: Range<usize>,
    pub line: usize,
    pub cuts: Vec<Vec<f64>>,
}

/// Decides the runs that several cuts could fill, by the template's equations: a cut is kept
/// while every equation over its cells whose other cells are known holds. A run left with one
/// cut takes it (and its figures help decide the others); repeated until nothing changes.
/// Returns, for each run, the figures it takes, or `None` when it stays unread.
pub fn resolve(template: &'static Template, runs: &mut [GluedRun], known: &mut [Option<f64>]) -> Vec<Option<Vec<f64>>> {
    let mut decided: Vec<Option<Vec<f64>>> = vec![None; runs.len()];
    let mut open: Vec<bool> = runs.iter().map(|r| r.cuts.len() > 1).collect();
    for (run, taken) in runs.iter().zip(&mut decided) {
        if let [only] = run.cuts.as_slice() {
            take(run, only, known);
            *taken = Some(only.clone());
        }
    }
    loop {
        let mut progress = false;
        for (i, run) in runs.iter_mut().enumerate() {
            if !open[i] {
                continue;
            }
            run.cuts.retain(|cut| holds_everywhere(template, &run.cells, cut, known));
            if run.cuts.len() <= 1 {
                open[i] = false;
                progress = true;
                if let [only] = run.cuts.as_slice() {
                    take(run, only, known);
                    decided[i] = Some(only.clone());
                }
            }
        }
        if !progress {
            return decided;
        }
    }
}

/// The run's cells hold `figures` from now on.
fn take(run: &GluedRun, figures: &[f64], known: &mut [Option<f64>]) {
    for (cell, value) in run.cells.clone().zip(figures) {
        known[cell] = Some(*value);
    }
}

/// Whether every equation touching `cells`, with `cut` in them, holds wherever its other
/// cells are known.
fn holds_everywhere(template: &'static Template, cells: &Range<usize>, cut: &[f64], known: &[Option<f64>]) -> bool {
    let value = |cell: usize| if cells.contains(&cell) { Some(cut[cell - cells.start]) } else { known[cell] };
    let sum = |at: &[usize]| at.iter().map(|&c| value(c)).sum::<Option<f64>>();
    cell_sums(template).filter(|(left, right)| left.iter().chain(*right).any(|c| cells.contains(c))).all(|(left, right)| {
        match (sum(left), sum(right)) {
            (Some(l), Some(r)) => (l - r).abs() < 1e-6,
            _ => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_digit_a_cell_is_the_only_cut() {
        assert_eq!(cuts(&["1000001"], 7).unwrap(), vec![vec![1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]]);
        assert_eq!(cuts(&["000000", "0"], 7).unwrap().len(), 1);
    }

    #[test]
    fn no_number_starts_with_zero() {
        assert_eq!(cuts(&["100"], 2).unwrap(), vec![vec![10.0, 0.0]]);
        assert!(cuts(&["000"], 2).unwrap().is_empty());
        assert_eq!(cuts(&["1234"], 2).unwrap().len(), 3);
    }

    #[test]
    fn too_many_ways_is_no_answer() {
        assert!(cuts(&["123456789123456789123456789"], 12).is_none());
    }
}
