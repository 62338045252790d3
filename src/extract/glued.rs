//! Figures written together with no separator, as crawler text keeps table rows
//! (`1000001` for the seven cells 1, 0, 0, 0, 0, 0, 1). A run of digits is cut into a row's
//! cells only where the cut is certain: the one way to cut it into numbers (no number but 0
//! starts with 0), or, among several, the one way that satisfies every equation the cells take
//! part in (R1–R4) and no other. Anything else stays unread.

use std::ops::Range;

use crate::rules::equations::cell_sums;
use crate::template::Template;

/// More ways to cut a run than this and it is not cut at all.
const MAX_CUTS: usize = 1024;
/// Steps of the search for cuts before it gives up (runs of many long figures).
const MAX_STEPS: usize = 200_000;
/// Digits a cut figure may have and still be held exactly.
const MAX_FIGURE_DIGITS: usize = 15;

/// An equation whose cells all lie in one run: positions in the run, summed on each side.
pub struct LocalSum {
    left: Vec<usize>,
    right: Vec<usize>,
    /// The last position it needs: it is checked as soon as the cut reaches it.
    last: usize,
}

/// The equations of the template whose cells all lie in `cells` (a row's total, R3 or R4).
pub fn local_sums(template: &'static Template, cells: &Range<usize>) -> Vec<LocalSum> {
    cell_sums(template)
        .filter(|(left, right)| left.iter().chain(*right).all(|c| cells.contains(c)))
        .map(|(left, right)| {
            let relative = |at: &[usize]| at.iter().map(|c| c - cells.start).collect::<Vec<_>>();
            let (left, right) = (relative(left), relative(right));
            let last = left.iter().chain(&right).copied().max().unwrap_or(0);
            LocalSum { left, right, last }
        })
        .collect()
}

/// The ways to cut `runs` (each a run of ASCII digits) into exactly `width` numbers, in order,
/// that satisfy `sums`: every run gives one or more numbers, none with a leading zero. `None`
/// when there are more than [`MAX_CUTS`] ways or the search takes more than [`MAX_STEPS`].
pub fn cuts(runs: &[&str], width: usize, sums: &[LocalSum]) -> Option<Vec<Vec<f64>>> {
    let mut search = Search { sums, out: Vec::new(), current: Vec::with_capacity(width), steps: 0 };
    search.runs(runs, width).then_some(search.out)
}

struct Search<'s> {
    sums: &'s [LocalSum],
    out: Vec<Vec<f64>>,
    current: Vec<f64>,
    steps: usize,
}

impl Search<'_> {
    /// Cuts `runs` into `cells` numbers after `current`; false once the search is too large.
    fn runs(&mut self, runs: &[&str], cells: usize) -> bool {
        let Some((run, rest)) = runs.split_first() else {
            if cells == 0 {
                self.out.push(self.current.clone());
            }
            return self.out.len() <= MAX_CUTS;
        };
        // Every later run needs at least one cell, and no run gives more numbers than digits.
        let most = cells.saturating_sub(rest.len()).min(run.len());
        (1..=most).all(|parts| self.run(run, parts, rest, cells - parts))
    }

    /// Cuts one run into `parts` numbers, then the rest of the runs into `cells` numbers.
    fn run(&mut self, run: &str, parts: usize, rest: &[&str], cells: usize) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return false;
        }
        // The first number takes 1.. digits (all of them when it is the last part), leaving
        // at least one digit for each later part.
        let lengths = if parts == 1 { run.len()..=run.len() } else { 1..=run.len() - (parts - 1) };
        for len in lengths {
            let Some(number) = figure(&run[..len]) else { continue };
            self.current.push(number);
            let within = if !self.sums_hold() {
                true
            } else if parts == 1 {
                self.runs(rest, cells)
            } else {
                self.run(&run[len..], parts - 1, rest, cells)
            };
            self.current.pop();
            if !within {
                return false;
            }
        }
        true
    }

    /// Whether the equations whose last cell was just cut hold.
    fn sums_hold(&self) -> bool {
        let at = self.current.len() - 1;
        let sum = |cells: &[usize]| cells.iter().map(|&c| self.current[c]).sum::<f64>();
        self.sums.iter().filter(|s| s.last == at).all(|s| (sum(&s.left) - sum(&s.right)).abs() < 1e-6)
    }
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
/// while every equation over its cells whose other cells are known holds, and a run left with
/// one cut takes it (its figures then help decide the others), until nothing changes. Runs
/// still open (several rows ambiguous in the same columns) are decided together when exactly
/// one choice of cuts for all of them satisfies every equation. Returns, for each run, the
/// figures it takes, or `None` when it stays unread.
pub fn resolve(template: &'static Template, runs: &[GluedRun], known: &[Option<f64>]) -> Vec<Option<Vec<f64>>> {
    let cells: Vec<Touching> = runs
        .iter()
        .map(|r| Touching {
            cells: &r.cells,
            sums: cell_sums(template).filter(|(left, right)| left.iter().chain(*right).any(|c| r.cells.contains(c))).collect(),
        })
        .collect();
    let mut state = State { cuts: runs.iter().map(|r| r.cuts.clone()).collect(), known: known.to_vec() };
    for run in runs {
        if let [only] = run.cuts.as_slice() {
            state.take(run.cells.clone(), only);
        }
    }
    let mut budget = MAX_CHECKS;
    let consistent = state.propagate(&cells, &mut budget);
    if consistent && state.cuts.iter().any(|c| c.len() > 1) {
        let mut solution = None;
        if state.clone().count_solutions(&cells, &mut budget, &mut solution) == 1 {
            state = solution.expect("the one solution found");
        }
    }
    state.cuts.into_iter().map(|c| if c.len() == 1 { c.into_iter().next() } else { None }).collect()
}

/// Cuts checked against the equations, in all, before the search gives up (the runs still
/// open then stay unread): bounds the time a hostile page can take.
const MAX_CHECKS: usize = 1_000_000;

/// A run's cells and the equations that touch them.
struct Touching<'t> {
    cells: &'t Range<usize>,
    sums: Vec<(&'static [usize], &'static [usize])>,
}

/// The cuts left for each run, and the cells known so far (decided runs included).
#[derive(Clone)]
struct State {
    cuts: Vec<Vec<Vec<f64>>>,
    known: Vec<Option<f64>>,
}

impl State {
    /// The cells hold `figures` from now on.
    fn take(&mut self, cells: Range<usize>, figures: &[f64]) {
        for (cell, value) in cells.zip(figures) {
            self.known[cell] = Some(*value);
        }
    }

    /// Drops the cuts the known cells rule out, deciding runs left with one, until nothing
    /// changes. False when a run is left with none: no cut fits.
    /// Every check counts against `budget`; past it, the state is left as it is (and taken as
    /// consistent: nothing more is decided).
    fn propagate(&mut self, runs: &[Touching], budget: &mut usize) -> bool {
        loop {
            let mut progress = false;
            for (i, run) in runs.iter().enumerate() {
                if self.cuts[i].len() <= 1 {
                    continue;
                }
                if *budget < self.cuts[i].len() {
                    return true;
                }
                *budget -= self.cuts[i].len();
                let known = &self.known;
                self.cuts[i].retain(|cut| holds_everywhere(run, cut, known));
                if let [only] = self.cuts[i].as_slice() {
                    let only = only.clone();
                    self.take(run.cells.clone(), &only);
                    progress = true;
                } else if self.cuts[i].is_empty() {
                    return false;
                }
            }
            if !progress {
                return true;
            }
        }
    }

    /// Counts the ways (0, 1, or 2 for "more than one") to decide every open run so that
    /// every equation holds, keeping the first one found. Past the budget the search stops
    /// and counts as "more than one".
    fn count_solutions(mut self, runs: &[Touching], budget: &mut usize, found: &mut Option<State>) -> usize {
        if !self.propagate(runs, budget) {
            return 0;
        }
        if *budget == 0 {
            return 2;
        }
        let open = (0..runs.len()).filter(|&i| self.cuts[i].len() > 1).min_by_key(|&i| self.cuts[i].len());
        let Some(branch) = open else {
            *found = Some(self);
            return 1;
        };
        let mut count = 0;
        for cut in self.cuts[branch].clone() {
            let mut next = self.clone();
            next.take(runs[branch].cells.clone(), &cut);
            next.cuts[branch] = vec![cut];
            count += next.count_solutions(runs, budget, found);
            if count > 1 {
                return 2;
            }
        }
        count
    }
}

/// Whether every equation touching `cells`, with `cut` in them, holds wherever its other
/// cells are known.
fn holds_everywhere(run: &Touching, cut: &[f64], known: &[Option<f64>]) -> bool {
    let cells = run.cells;
    let value = |cell: usize| if cells.contains(&cell) { Some(cut[cell - cells.start]) } else { known[cell] };
    let sum = |at: &[usize]| at.iter().map(|&c| value(c)).sum::<Option<f64>>();
    run.sums.iter().all(|(left, right)| match (sum(left), sum(right)) {
        (Some(l), Some(r)) => (l - r).abs() < 1e-6,
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_digit_a_cell_is_the_only_cut() {
        assert_eq!(cuts(&["1000001"], 7, &[]).unwrap(), vec![vec![1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]]);
        assert_eq!(cuts(&["000000", "0"], 7, &[]).unwrap().len(), 1);
    }

    #[test]
    fn no_number_starts_with_zero() {
        assert_eq!(cuts(&["100"], 2, &[]).unwrap(), vec![vec![10.0, 0.0]]);
        assert!(cuts(&["000"], 2, &[]).unwrap().is_empty());
        assert_eq!(cuts(&["1234"], 2, &[]).unwrap().len(), 3);
    }

    #[test]
    fn too_many_ways_is_no_answer() {
        assert!(cuts(&["123456789123456789123456789"], 12, &[]).is_none());
    }

    #[test]
    fn a_row_total_prunes_the_cuts() {
        // 12 | 3 | 15 (total = the two before it) is the one cut of `12315` that adds up.
        let total = [LocalSum { left: vec![2], right: vec![0, 1], last: 2 }];
        assert_eq!(cuts(&["12315"], 3, &total).unwrap(), vec![vec![12.0, 3.0, 15.0]]);
    }
}
