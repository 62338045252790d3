//! Figures for the statistics panel: pure functions of the cells read.

use serde::Serialize;

use crate::extract::Extraction;
use crate::result::Num;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// 本年新收 (t3.new.total).
    pub received: Option<Num>,
    /// 上年结转.
    pub carried: Option<Num>,
    /// 办结: （七）总计.
    pub handled: Option<Num>,
    /// 结转下年度.
    pub carried_forward: Option<Num>,
    /// (予以公开 + 部分公开) / （七）总计.
    pub disclosure_rate: Option<Num>,
    pub grant_rate: Option<Num>,
    pub partial_rate: Option<Num>,
    pub denial_rate: Option<Num>,
    pub unable_rate: Option<Num>,
    pub rejected_rate: Option<Num>,
    pub other_rate: Option<Num>,
    /// 自然人 / 本年新收.
    pub natural_share: Option<Num>,
    pub review_total: Option<Num>,
    /// 纠正 / (总计 − 尚未审结).
    pub review_correction_rate: Option<Num>,
    pub suit_total: Option<Num>,
    pub suit_correction_rate: Option<Num>,
    /// Outcomes of applications (（七）总计 split into its groups), for the chart.
    pub outcomes: Outcomes,
    /// 本年新收 by applicant, for the chart.
    pub applicants: Applicants,
    /// Table 二 figures.
    pub license_decisions: Option<Num>,
    pub penalty_decisions: Option<Num>,
    pub coercion_decisions: Option<Num>,
    pub fees_amount: Option<Num>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Outcomes {
    pub granted: Option<Num>,
    pub partial: Option<Num>,
    pub denied: Option<Num>,
    pub unable: Option<Num>,
    pub rejected: Option<Num>,
    pub other: Option<Num>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Applicants {
    pub natural: Option<Num>,
    pub commercial: Option<Num>,
    pub research: Option<Num>,
    pub nonprofit: Option<Num>,
    pub legal: Option<Num>,
    pub other_org: Option<Num>,
}

pub fn stats(cells: &Extraction) -> Stats {
    let v = |id: &str| cells.known(id);
    let t3 = cells.template.tables.iter().position(|t| t.id == "t3");
    // The total of a row group of table 三: `denied` is every `denied.*` row.
    let group = |prefix: &str| -> Option<f64> {
        let table = t3?;
        let mut rows = (cells.template.tables[table].rows.iter().enumerate())
            .filter(|(_, r)| r.id.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('.')))
            .peekable();
        rows.peek()?;
        rows.map(|(i, r)| {
            let total = r.columns.iter().position(|c| c.id == "total")?;
            cells.known_at(cells.template.row_start(table, i) + total)
        })
        .sum()
    };
    let (denied, unable, rejected, other) = (group("denied"), group("unable"), group("rejected"), group("other"));
    let handled = v("t3.results_total.total");
    let share = |part: Option<f64>| rate(part, handled);
    let granted = v("t3.granted.total");
    let partial = v("t3.partial.total");
    let outcomes = Outcomes {
        granted: granted.map(Num),
        partial: partial.map(Num),
        denied: denied.map(Num),
        unable: unable.map(Num),
        rejected: rejected.map(Num),
        other: other.map(Num),
    };
    let sum = |a: Option<f64>, b: Option<f64>| Some(a? + b?);
    let settled = |g: &str| Some(v(&format!("t4.{g}.total"))? - v(&format!("t4.{g}.pending"))?);
    let suit_total = sum(v("t4.suit_direct.total"), v("t4.suit_after_review.total"));
    let suit_corrected = sum(v("t4.suit_direct.corrected"), v("t4.suit_after_review.corrected"));
    let suit_settled = sum(settled("suit_direct"), settled("suit_after_review"));
    let applicant = |c: &str| v(&format!("t3.new.{c}")).map(Num);
    Stats {
        received: v("t3.new.total").map(Num),
        carried: v("t3.carried.total").map(Num),
        handled: handled.map(Num),
        carried_forward: v("t3.carried_forward.total").map(Num),
        disclosure_rate: share(sum(granted, partial)),
        grant_rate: share(granted),
        partial_rate: share(partial),
        denial_rate: share(denied),
        unable_rate: share(unable),
        rejected_rate: share(rejected),
        other_rate: share(other),
        natural_share: rate(v("t3.new.natural"), v("t3.new.total")),
        review_total: v("t4.review.total").map(Num),
        review_correction_rate: rate(v("t4.review.corrected"), settled("review")),
        suit_total: suit_total.map(Num),
        suit_correction_rate: rate(suit_corrected, suit_settled),
        outcomes,
        applicants: Applicants {
            natural: applicant("natural"),
            commercial: applicant("commercial"),
            research: applicant("research"),
            nonprofit: applicant("nonprofit"),
            legal: applicant("legal"),
            other_org: applicant("other_org"),
        },
        license_decisions: v("t2.license.decisions").map(Num),
        penalty_decisions: v("t2.penalty.decisions").map(Num),
        coercion_decisions: v("t2.coercion.decisions").map(Num),
        fees_amount: v("t2.fees.amount").map(Num),
    }
}

/// part / whole, when both are known, the whole is positive and the share is in [0, 1]
/// (an inconsistent table gives no rate rather than a misleading one).
fn rate(part: Option<f64>, whole: Option<f64>) -> Option<Num> {
    let (part, whole) = (part?, whole?);
    if whole <= 0.0 || part < 0.0 || part > whole {
        return None;
    }
    Some(Num((part / whole * 1e6).round() / 1e6))
}
