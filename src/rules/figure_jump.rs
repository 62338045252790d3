//! `figure-jump`: a key figure of one body changes from one year to the next by more than is
//! believable (info; a batch rule).
use super::{fmt_num, Report, Rule};
use crate::result::{Diagnostic, Severity, ValidationResult};
use crate::stats::Stats;

pub const RULE: Rule = Rule {
    id: "figure-jump",
    severity: Severity::Info,
    summary: "同一机关相邻年度的关键数字变化过大（新收申请、复议、诉讼数量 ×10，公开率、纠错率跳变 50 个百分点以上）",
    doc: "同时检查多份报告时，比较同一机关最近一个较早年度报告的关键数字。数量（本年新收申请、行政复议总计、行政诉讼总计）\
较大的一年不少于 30 件、且为较小一年的 10 倍以上（较小一年为 0 时按 1 计）时给出 info；比率（公开率、复议纠错率、诉讼纠错率）\
变化 50 个百分点以上、且两年的分母（办结总数、复议或诉讼总计）都不少于 10 时给出 info。数字可能是真的——一次集中申请、\
一批同类案件——所以只是提示核实，写明两年的数字。只检查一份报告时本规则不适用。\
例：2023 年新收申请 12 件，2024 年 480 件。",
    check,
};

fn check(_: &Report, _: &mut Vec<Diagnostic>) {}

/// A count jumps when the larger year has at least this many…
pub const MIN_COUNT: f64 = 30.0;
/// …and is this many times the smaller one.
pub const COUNT_RATIO: f64 = 10.0;
/// A rate jumps by this much (0.5 = 50 percentage points)…
pub const RATE_CHANGE: f64 = 0.5;
/// …when both years' denominators are at least this.
pub const MIN_BASE: f64 = 10.0;

type Figure = fn(&Stats) -> Option<f64>;

/// Counts: (name, cells, figure).
const COUNTS: [(&str, &[&str], Figure); 3] = [
    ("本年新收申请", &["t3.new.total"], |s| s.received.map(|n| n.0)),
    ("行政复议总计", &["t4.review.total"], |s| s.review_total.map(|n| n.0)),
    ("行政诉讼总计", &["t4.suit_direct.total", "t4.suit_after_review.total"], |s| s.suit_total.map(|n| n.0)),
];

/// Rates: (name, rate, denominator).
const RATES: [(&str, Figure, Figure); 3] = [
    ("公开率", |s| s.disclosure_rate.map(|n| n.0), |s| s.handled.map(|n| n.0)),
    ("行政复议纠错率", |s| s.review_correction_rate.map(|n| n.0), |s| s.review_total.map(|n| n.0)),
    ("行政诉讼纠错率", |s| s.suit_correction_rate.map(|n| n.0), |s| s.suit_total.map(|n| n.0)),
];

/// The findings for `next`, compared with `previous` (named by `previous_title`).
pub fn compare(previous: &ValidationResult, next: &ValidationResult, previous_title: &str) -> Vec<Diagnostic> {
    let (before, now) = (&previous.stats, &next.stats);
    let mut out = Vec::new();
    for (name, cells, figure) in COUNTS {
        let (Some(a), Some(b)) = (figure(before), figure(now)) else { continue };
        let (small, large) = (a.min(b).max(1.0), a.max(b));
        if large >= MIN_COUNT && large >= small * COUNT_RATIO {
            let message = format!(
                "{name}从上一年度报告{previous_title}的 {} 件变为 {} 件（{}），变化过大，请核实",
                fmt_num(a),
                fmt_num(b),
                if b > a { format!("约为上年的 {:.0} 倍", b / a.max(1.0)) } else { format!("约为上年的 1/{:.0}", a / b.max(1.0)) }
            );
            out.push(RULE.diagnostic(message).cells(cells.iter().copied()).figures(a, b));
        }
    }
    for (name, rate, base) in RATES {
        let (Some(a), Some(b), Some(base_a), Some(base_b)) = (rate(before), rate(now), base(before), base(now)) else { continue };
        if (b - a).abs() >= RATE_CHANGE && base_a >= MIN_BASE && base_b >= MIN_BASE {
            let message = format!(
                "{name}从上一年度报告{previous_title}的 {:.1}% 变为 {:.1}%，变化 {:.1} 个百分点，请核实",
                a * 100.0,
                b * 100.0,
                (b - a) * 100.0
            );
            out.push(RULE.diagnostic(message).figures(a, b));
        }
    }
    out
}
