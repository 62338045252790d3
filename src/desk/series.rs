//! One body across years: its key figures year by year, with the change from the year before.

use std::collections::BTreeMap;

use serde::Serialize;

use super::bodies::Body;
use super::round4;
use crate::result::{Num, ValidationResult};
use crate::stats::Stats;

/// How a key figure is taken from a report's statistics.
pub type Figure = fn(&Stats) -> Option<Num>;

/// The key figures a series shows: (key, label in Chinese, is a rate, the figure).
pub const FIGURES: [(&str, &str, bool, Figure); 9] = [
    ("received", "本年新收申请", false, |s| s.received),
    ("carried", "上年结转", false, |s| s.carried),
    ("handled", "办结", false, |s| s.handled),
    ("carried_forward", "结转下年度", false, |s| s.carried_forward),
    ("disclosure_rate", "公开率", true, |s| s.disclosure_rate),
    ("review_total", "行政复议", false, |s| s.review_total),
    ("review_correction_rate", "复议纠错率", true, |s| s.review_correction_rate),
    ("suit_total", "行政诉讼", false, |s| s.suit_total),
    ("suit_correction_rate", "诉讼纠错率", true, |s| s.suit_correction_rate),
];

/// A body's figures over its years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// The body's key (`desk.bodies[].key`).
    pub body: String,
    /// One point a year, ascending; a year with two reports takes the first.
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub year: u32,
    pub report: usize,
    /// Each key figure of [`FIGURES`] (`null` where the report does not give it).
    pub figures: BTreeMap<&'static str, Option<Num>>,
    /// The change of each figure from the previous point: the difference (percentage points
    /// ×0.01 for rates) and, for counts, the ratio. Absent for the first point.
    pub changes: BTreeMap<&'static str, Change>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub from_year: u32,
    pub difference: Num,
    /// This year's figure over last year's (counts only, and only when last year's is not 0).
    pub ratio: Option<Num>,
}

pub fn series(body: &Body, results: &[ValidationResult]) -> Series {
    let mut points: Vec<Point> = Vec::new();
    for year in &body.years {
        let report = year.reports[0];
        let stats = &results[report].stats;
        let figures: BTreeMap<_, _> = FIGURES.iter().map(|(key, _, _, figure)| (*key, figure(stats))).collect();
        let mut changes = BTreeMap::new();
        if let Some(previous) = points.last() {
            for (key, _, is_rate, _) in FIGURES {
                let (Some(Some(before)), Some(Some(now))) = (previous.figures.get(key), figures.get(key)) else { continue };
                let ratio = (!is_rate && before.0 != 0.0).then(|| Num(round4(now.0 / before.0)));
                changes.insert(key, Change { from_year: previous.year, difference: Num(round4(now.0 - before.0)), ratio });
            }
        }
        points.push(Point { year: year.year, report, figures, changes });
    }
    Series { body: body.key.clone(), points }
}
