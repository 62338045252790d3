//! The supervisor's desk: what a batch of reports of many bodies over many years adds up to.
//!
//! ```text
//! results ──bodies──▶ body × year matrix (missing years, duplicates)
//!         ──series──▶ each body's key figures year by year, with changes
//!         ──score───▶ 0–100 per report from the indicators of `weights`, ranking, distribution
//!         ──documents──▶ 审查意见 per report, 汇总分析 per batch (Markdown, HTML, DOCX)
//! ```
//!
//! The batch rules `copied-text` and `figure-jump` compare each report with its body's report
//! of the nearest earlier year ([`pairs`]); [`crate::batch::Batch::finish`] runs them and
//! builds the [`Desk`].

pub mod bodies;
pub mod document;
pub mod docx;
pub mod letters;
pub mod narrative;
pub mod problems;
pub mod score;
pub mod series;
pub mod weights;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::result::{Num, ValidationResult};
use crate::rules::copied_text::{Copied, CopyFacts};
use bodies::{year_of, Body};
use problems::Problem;
use score::{Context, Score, Weights};
use series::Series;

/// What the desk keeps of a report while the batch is read (its text is gone by `finish`).
#[derive(Clone, Debug, Default)]
pub struct ReportFacts {
    pub copy: CopyFacts,
    pub oversight: [bool; 3],
}

impl ReportFacts {
    pub fn of(report: &crate::rules::Report) -> ReportFacts {
        let sentences = narrative::all_sentences(report);
        let mut oversight = [false; 3];
        for s in &sentences {
            score::oversight_words(s.chars, &mut oversight);
        }
        ReportFacts { copy: CopyFacts::of(report, &sentences), oversight }
    }
}

/// The batch-level objects (`desk` in a batch result; OUTPUT.md, README "Additions").
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Desk {
    /// Every report year in the batch, ascending: the columns of the body × year matrix.
    pub years: Vec<u32>,
    /// The rows: one per body, by name.
    pub bodies: Vec<Body>,
    /// Reports that name no body or no year.
    pub unassigned: Vec<usize>,
    /// One per body, in the order of `bodies`.
    pub series: Vec<Series>,
    /// Per report compared with an earlier one of its body: what was carried over.
    pub copied: Vec<Copied>,
    /// Per report (input order), its findings grouped one mistake one problem.
    pub problems: Vec<Vec<Problem>>,
    /// One per readable report, input order.
    pub scores: Vec<Score>,
    /// Indices of the scored reports, best score first (ties: input order).
    pub ranking: Vec<usize>,
    /// How many scores fall in 0–9, 10–19, …, 90–100.
    pub distribution: [usize; 10],
    /// The rules that found problems, most reports first.
    pub defects: Vec<Defect>,
    /// Key figures summed over the reports of each year.
    pub totals: Vec<YearTotals>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Defect {
    pub rule: &'static str,
    pub severity: crate::Severity,
    pub summary: &'static str,
    /// How many reports have it, and how many problems in all.
    pub reports: usize,
    pub problems: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearTotals {
    pub year: u32,
    pub reports: usize,
    /// Sums over the reports that give the figure (`null` when none does).
    pub received: Option<Num>,
    pub handled: Option<Num>,
    pub review_total: Option<Num>,
    pub suit_total: Option<Num>,
    pub mean_score: Option<Num>,
}

/// Pairs of reports (earlier, later) of one body compared by the batch rules: each report with
/// its body's report of the nearest earlier year, where both years have one report only (with
/// two versions of a year it is not known which one to compare).
pub fn pairs(bodies: &[Body]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for body in bodies {
        let mut last = None;
        for year in &body.years {
            match year.reports.as_slice() {
                [only] => {
                    if let Some(previous) = last {
                        out.push((previous, *only));
                    }
                    last = Some(*only);
                }
                _ => last = None,
            }
        }
    }
    out
}

/// The desk of a batch whose results are final (batch findings added), given the facts kept
/// of each report, what was carried over, and the weights of the score.
pub fn build(results: &[ValidationResult], facts: &[ReportFacts], bodies: Vec<Body>, unassigned: Vec<usize>, copied: Vec<Copied>, weights: &Weights) -> Desk {
    let mut years: Vec<u32> = Vec::new();
    for year in results.iter().filter_map(year_of) {
        insert_sorted(&mut years, year);
    }
    let series = bodies.iter().map(|b| series::series(b, results)).collect();
    let previous: Vec<bool> = {
        let mut has = vec![false; results.len()];
        for (_, next) in pairs(&bodies) {
            has[next] = true;
        }
        has
    };
    let problems: Vec<Vec<Problem>> = results.iter().map(|r| problems::problems(&r.diagnostics)).collect();
    let scores: Vec<Score> = (0..results.len())
        .filter(|i| !results[*i].diagnostics.iter().any(|d| d.rule == "input-unreadable"))
        .map(|i| {
            let context = Context {
                report: i,
                result: &results[i],
                problems: &problems[i],
                has_previous: previous[i],
                copied_share: copied.iter().find(|c| c.report == i).map(|c| {
                    // The worse of sections 一 and 五: a section 五 copied whole is not excused
                    // by a new overview.
                    c.sections.iter().filter(|s| matches!(s.number, 1 | 5)).map(|s| s.share.0).fold(0.0, f64::max)
                }),
                oversight: facts.get(i).map_or([false; 3], |f| f.oversight),
            };
            score::score(&context, weights)
        })
        .collect();
    let ranking = order_by(scores.len(), &|a, b| scores[b].score.0.total_cmp(&scores[a].score.0));
    let mut distribution = [0; 10];
    for s in &scores {
        distribution[((s.score.0 / 10.0) as usize).min(9)] += 1;
    }
    let defects = defects(results, &problems);
    let totals = totals(results, &years, &scores);
    Desk {
        years,
        bodies,
        unassigned,
        series,
        copied,
        ranking: ranking.iter().map(|i| scores[*i].report).collect(),
        problems,
        scores,
        distribution,
        defects,
        totals,
    }
}

fn defects(results: &[ValidationResult], problems: &[Vec<Problem>]) -> Vec<Defect> {
    let mut by_rule: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    for (result, problems) in results.iter().zip(problems) {
        let mut seen: Vec<&str> = Vec::new();
        for p in problems {
            let rule = result.diagnostics[p.finding].rule;
            let entry = by_rule.entry(rule).or_default();
            entry.1 += 1;
            if !seen.contains(&rule) {
                seen.push(rule);
                entry.0 += 1;
            }
        }
    }
    let found: Vec<Defect> = by_rule
        .into_iter()
        .filter_map(|(rule, (reports, problems))| {
            let r = crate::rules::rule(rule)?;
            Some(Defect { rule: r.id, severity: r.severity, summary: r.summary, reports, problems })
        })
        .collect();
    // Most reports first, then most problems; by rule id (the map's order) last.
    let order = order_by(found.len(), &|a, b| (found[b].reports, found[b].problems).cmp(&(found[a].reports, found[a].problems)));
    order.into_iter().map(|i| found[i].clone()).collect()
}

fn totals(results: &[ValidationResult], years: &[u32], scores: &[Score]) -> Vec<YearTotals> {
    let sum = |reports: &[usize], figure: fn(&crate::stats::Stats) -> Option<Num>| -> Option<Num> {
        let known: Vec<f64> = reports.iter().filter_map(|i| figure(&results[*i].stats)).map(|n| n.0).collect();
        (!known.is_empty()).then(|| Num(known.iter().sum()))
    };
    years
        .iter()
        .map(|year| {
            let reports: Vec<usize> = (0..results.len()).filter(|i| year_of(&results[*i]) == Some(*year)).collect();
            let scored: Vec<f64> = scores.iter().filter(|s| reports.contains(&s.report)).map(|s| s.score.0).collect();
            YearTotals {
                year: *year,
                reports: reports.len(),
                received: sum(&reports, |s| s.received),
                handled: sum(&reports, |s| s.handled),
                review_total: sum(&reports, |s| s.review_total),
                suit_total: sum(&reports, |s| s.suit_total),
                mean_score: (!scored.is_empty()).then(|| Num(round4(scored.iter().sum::<f64>() / scored.len() as f64))),
            }
        })
        .collect()
}

/// The indices `0..len` in the order `before` gives (ties: by index). One sort for every order
/// the desk needs: each `sort_by` over a type of its own costs the wasm a copy of the sort.
pub fn order_by(len: usize, before: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|a, b| before(*a, *b).then(a.cmp(b)));
    order
}

/// Adds `value` to an ascending list without duplicates.
fn insert_sorted(list: &mut Vec<u32>, value: u32) {
    if let Err(at) = list.binary_search(&value) {
        list.insert(at, value);
    }
}

/// A share or a change to four decimals: the same JSON natively and in wasm, and readable.
pub fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}
