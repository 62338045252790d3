//! A score per report, 0–100, from the indicators of [`super::weights`]: each indicator earns
//! a share of its weight, shown with its evidence; the score is the weight earned over the
//! weight of the indicators that apply, ×100, to one decimal.

use serde::Serialize;

use super::problems::Problem;
use super::weights::{Indicator, Measure, INDICATORS};
use crate::result::{Num, ValidationResult};
use crate::rules::carry_chain::body_key;

/// Above this share of the narrative carried over, the `copied` indicator loses marks.
pub const COPIED_FREE_SHARE: f64 = 0.5;

/// The indicators with the weights in force.
#[derive(Clone)]
pub struct Weights(Vec<(&'static Indicator, f64)>);

impl Default for Weights {
    fn default() -> Self {
        Weights(INDICATORS.iter().map(|i| (i, i.weight)).collect())
    }
}

impl Weights {
    /// The default table with the weights of a JSON object `{"indicator id": weight, …}`; an
    /// unknown id or a weight that is not a number ≥ 0 is an error (a typo must not go unseen).
    pub fn from_json(json: &str) -> Result<Weights, String> {
        let mut weights = Weights::default();
        for (id, weight) in flat_object(json).ok_or("权重表应为 JSON 对象：{\"指标 id\": 权重, …}")? {
            let weight = weight.parse::<f64>().ok().filter(|w| *w >= 0.0 && w.is_finite()).ok_or(format!("指标 {id} 的权重应为不小于 0 的数"))?;
            let slot = weights.0.iter_mut().find(|(i, _)| i.id == id).ok_or(format!("未知的指标 {id}"))?;
            slot.1 = weight;
        }
        Ok(weights)
    }
}

/// The members of a flat JSON object whose keys are plain strings (no escapes) and whose values
/// are scalars, as (key, value text); `None` when it is not one. A reader this small keeps the
/// JSON parser out of the wasm (the engine otherwise only writes JSON).
fn flat_object(json: &str) -> Option<Vec<(&str, &str)>> {
    let mut rest = json.trim().strip_prefix('{')?.trim_start();
    let mut out = Vec::new();
    if let Some(after) = rest.strip_prefix('}') {
        return after.trim().is_empty().then_some(out);
    }
    loop {
        let (key, after) = rest.strip_prefix('"')?.split_once('"')?;
        if key.contains('\\') {
            return None;
        }
        rest = after.trim_start().strip_prefix(':')?.trim_start();
        let end = rest.find([',', '}'])?;
        out.push((key, rest[..end].trim()));
        let (separator, after) = (rest.as_bytes()[end], &rest[end + 1..]);
        rest = after.trim_start();
        if separator == b'}' {
            return rest.is_empty().then_some(out);
        }
    }
}

/// What the score of one report looks at beyond its result.
pub struct Context<'a> {
    pub report: usize,
    pub result: &'a ValidationResult,
    pub problems: &'a [Problem],
    /// Whether last year's report of its body is in the batch, and the share of sentences
    /// carried over from it in section 一 or 五, whichever is larger (0–1).
    pub has_previous: bool,
    pub copied_share: Option<f64>,
    /// Whether its prose speaks of 考核, 社会评议, 责任追究.
    pub oversight: [bool; 3],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    pub report: usize,
    pub score: Num,
    pub indicators: Vec<IndicatorScore>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorScore {
    pub id: &'static str,
    pub label: &'static str,
    pub basis: &'static str,
    pub weight: Num,
    pub earned: Num,
    /// `false`: not counted (not a government, no tables read, no last year in the batch).
    pub applicable: bool,
    /// Why it earned what it did: the findings, or what was looked at.
    pub evidence: Vec<String>,
}

const OVERSIGHT_TOPICS: [&str; 3] = ["考核", "社会评议", "责任追究"];

pub fn score(context: &Context, weights: &Weights) -> Score {
    let mut indicators = Vec::new();
    let (mut earned_total, mut weight_total) = (0.0, 0.0);
    for (indicator, weight) in &weights.0 {
        let (share, applicable, evidence) = measure(indicator.measure, context);
        let earned = round1(weight * share);
        if applicable {
            earned_total += earned;
            weight_total += weight;
        }
        indicators.push(IndicatorScore {
            id: indicator.id,
            label: indicator.label,
            basis: indicator.basis,
            weight: Num(*weight),
            earned: Num(if applicable { earned } else { 0.0 }),
            applicable,
            evidence,
        });
    }
    let score = if weight_total > 0.0 { round1(100.0 * earned_total / weight_total) } else { 0.0 };
    Score { report: context.report, score: Num(score), indicators }
}

/// The share of its weight an indicator earns (0–1), whether it applies, and the evidence.
fn measure(measure: Measure, context: &Context) -> (f64, bool, Vec<String>) {
    let result = context.result;
    match measure {
        Measure::Findings { rules, deduction, needs_tables } => {
            if needs_tables && result.template.is_none() {
                return (0.0, false, vec!["未能读取统计表".to_string()]);
            }
            let evidence = findings_of(context, rules);
            ((1.0 - deduction * evidence.len() as f64).max(0.0), true, evidence)
        }
        Measure::OnTime => match &result.report.published {
            None => (0.0, true, vec!["报告未注明成文或发布日期，无法判断是否按时发布".to_string()]),
            Some(date) => {
                let late = findings_of(context, &["late-publication"]);
                if late.is_empty() {
                    (1.0, true, vec![format!("{date} 发布")])
                } else {
                    (0.0, true, late)
                }
            }
        },
        Measure::Chain => {
            if !context.has_previous {
                return (0.0, false, vec!["批次中没有上一年度报告".to_string()]);
            }
            let found = findings_of(context, &["carry-chain"]);
            let warnings = result.diagnostics.iter().filter(|d| d.rule == "carry-chain" && d.severity != crate::Severity::Info).count();
            ((1.0 - 0.5 * warnings as f64).max(0.0), true, found)
        }
        Measure::Copied => match (context.has_previous, context.copied_share) {
            (true, Some(share)) => {
                let earned = if share <= COPIED_FREE_SHARE { 1.0 } else { (1.0 - share) / (1.0 - COPIED_FREE_SHARE) };
                (earned, true, vec![format!("第一或第五部分与上一年度报告相同或只改了年份、数字的句子最多占 {:.0}%", share * 100.0)])
            }
            _ => (0.0, false, vec!["批次中没有上一年度报告".to_string()]),
        },
        Measure::Oversight => {
            let Some(body) = result.report.body.as_deref().filter(|b| is_government(b)) else {
                return (0.0, false, vec!["非人民政府的报告".to_string()]);
            };
            let said = context.oversight.iter().filter(|s| **s).count();
            let evidence = OVERSIGHT_TOPICS
                .iter()
                .zip(context.oversight)
                .map(|(topic, said)| format!("{body}：{}“{topic}”", if said { "提到" } else { "未提到" }))
                .collect();
            (said as f64 / 3.0, true, evidence)
        }
    }
}

/// The messages of the report's problems (one per mistake) whose finding is of one of `rules`.
fn findings_of(context: &Context, rules: &[&str]) -> Vec<String> {
    (context.problems.iter())
        .map(|p| &context.result.diagnostics[p.finding])
        .filter(|d| rules.contains(&d.rule))
        .map(|d| d.message.clone())
        .collect()
}

/// A government (人民政府) rather than a department: its name, normalised, ends with a
/// place (某某县, 某某市人民政府, 某某区).
pub fn is_government(body: &str) -> bool {
    let key = body_key(body);
    ["省", "市", "县", "区", "旗", "州", "盟", "镇", "乡"].iter().any(|place| key.ends_with(place))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Whether text (width-folded characters) speaks of each of 考核, 社会评议 (or 评议), 责任追究
/// (or 追究, 问责); `found` gathers over the sentences of a report.
pub fn oversight_words(chars: &[char], found: &mut [bool; 3]) {
    for pair in chars.windows(2) {
        match pair {
            ['考', '核'] => found[0] = true,
            ['评', '议'] => found[1] = true,
            ['追', '究'] | ['问', '责'] => found[2] = true,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::flat_object;

    #[test]
    fn flat_objects_are_read_strictly() {
        assert_eq!(flat_object(r#" { "a": 1, "b" : 2.5 } "#), Some(vec![("a", "1"), ("b", "2.5")]));
        assert_eq!(flat_object("{}"), Some(vec![]));
        for bad in ["", "[1]", r#"{"a": 1"#, r#"{"a" 1}"#, r#"{"a": 1} x"#, r#"{"a\"": 1}"#, r#"{a: 1}"#] {
            assert_eq!(flat_object(bad), None, "{bad}");
        }
    }
}
