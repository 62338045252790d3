//! `carry-chain`: two reports of one body in consecutive years. This year's 上年结转 must be
//! last year's 结转下年度继续办理, column by column (warning). For the 2021 template, last
//! year's 现行有效件数 plus this year's 制发 minus 废止 is compared with this year's 现行有效
//! (info: documents also lapse at the end of their term without being repealed).
//!
//! The rule needs two reports, so its `check` over one report finds nothing; the batch
//! ([`crate::batch::validate_batch`]) links the reports and calls [`compare`].

use std::collections::BTreeMap;

use super::{fmt_num, Report, Rule};
use crate::document::Document;
use crate::extract::Extraction;
use crate::locate::Meta;
use crate::normalize::fold_width;
use crate::result::{Diagnostic, Severity};
use crate::template::T3_COLUMNS;

pub const RULE: Rule = Rule {
    id: "carry-chain",
    severity: Severity::Warning,
    summary: "同一机关相邻两年的报告：本年“上年结转”不等于上年“结转下年度继续办理”",
    doc: "同时检查多份报告时，按标题或落款中的机关名称（去掉“关于”、空白、“年度”，“人民政府”与“政府”视为相同）\
和报告年度找出同一机关相邻两年的报告。本年表三“二、上年结转政府信息公开申请数量”每一列都应等于上一年报告\
“四、结转下年度继续办理”的同一列，不等时在后一年的报告中给出 warning，写明两份报告和两个数字。\
两份都是 2021 版时，还比较表二：上年现行有效件数 + 本年制发件数 − 本年废止件数 应约等于本年现行有效件数；\
规章和规范性文件也会因有效期届满而失效，不经废止，所以这一项只给 info。只检查一份报告时本规则不适用。\
例：2022 年报告上年结转总计 3 件，2021 年报告结转下年度总计 2 件。",
    check,
};

fn check(_: &Report, _: &mut Vec<Diagnostic>) {}

const T2_ROWS: [(&str, &str); 2] = [("rules", "规章"), ("normative", "行政规范性文件")];

/// What the chain needs of one report, taken while its document is at hand.
#[derive(Clone, Debug, Default)]
pub struct ChainFacts {
    pub name: String,
    /// The body's name as the report gives it, and its key for matching.
    pub body: Option<String>,
    pub body_key: Option<String>,
    pub year: Option<u32>,
    pub template: Option<&'static str>,
    cells: BTreeMap<String, Known>,
}

#[derive(Clone, Debug)]
struct Known {
    value: Option<f64>,
    line: Option<usize>,
    source: Option<String>,
}

impl ChainFacts {
    pub fn of(name: &str, doc: &Document, meta: &Meta, extraction: Option<&Extraction>) -> ChainFacts {
        let mut cells = BTreeMap::new();
        if let Some(extraction) = extraction {
            let mut ids: Vec<String> = Vec::new();
            for row in ["carried", "carried_forward"] {
                ids.extend(T3_COLUMNS.iter().map(|c| format!("t3.{row}.{}", c.id)));
            }
            for (row, _) in T2_ROWS {
                ids.extend(["issued", "repealed", "in_force"].iter().map(|c| format!("t2.{row}.{c}")));
            }
            for id in ids {
                let line = extraction.line(&id).filter(|l| *l > 0);
                let source = line.map(|l| doc.line_text(l).trim().chars().take(200).collect());
                cells.insert(id.clone(), Known { value: extraction.known(&id), line, source });
            }
        }
        ChainFacts {
            name: name.to_string(),
            body: meta.body.clone(),
            body_key: meta.body.as_deref().map(body_key).filter(|k| !k.is_empty()),
            year: meta.year.or(meta.period_year),
            template: extraction.map(|e| e.template.id),
            cells,
        }
    }

    fn value(&self, id: &str) -> Option<f64> {
        self.cells.get(id).and_then(|k| k.value)
    }

    fn at(&self, id: &str, diagnostic: Diagnostic) -> Diagnostic {
        let known = self.cells.get(id);
        let mut d = diagnostic.line(known.and_then(|k| k.line));
        d.source = known.and_then(|k| k.source.clone());
        d
    }

    /// The report's name and year as findings about it quote them: “名称”（2023 年）.
    pub fn title(&self) -> String {
        match self.year {
            Some(year) => format!("“{}”（{year} 年）", self.name),
            None => format!("“{}”", self.name),
        }
    }
}

/// The key two reports of one body share: width-folded, only letters and digits, without
/// 关于, 年度, 本级, with 人民政府 written 政府 and a final 办公室 written 办 (某县人民政府办公室
/// = 某县政府办), and with a final 政府 dropped (锡林浩特市 = 锡林浩特市人民政府).
pub fn body_key(body: &str) -> String {
    let mut key: String = body.chars().map(fold_width).filter(|c| c.is_alphanumeric()).collect();
    key = key.trim_start_matches("关于").replace("人民政府", "政府");
    if let Some(rest) = key.strip_suffix("办公室") {
        key = format!("{rest}办");
    }
    for suffix in ["年度", "本级", "政府"] {
        if let Some(rest) = key.strip_suffix(suffix) {
            key = rest.to_string();
        }
    }
    key
}

/// The findings for the later report of a linked pair.
pub fn compare(previous: &ChainFacts, next: &ChainFacts) -> Vec<Diagnostic> {
    let mut out = carried_over(previous, next);
    if previous.template == Some("2021") && next.template == Some("2021") {
        out.extend(in_force(previous, next));
    }
    out
}

fn carried_over(previous: &ChainFacts, next: &ChainFacts) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for column in T3_COLUMNS {
        let this_id = format!("t3.carried.{}", column.id);
        let last_id = format!("t3.carried_forward.{}", column.id);
        let (Some(this), Some(last)) = (next.value(&this_id), previous.value(&last_id)) else { continue };
        if (this - last).abs() < 1e-9 {
            continue;
        }
        let message = format!(
            "表三“二、上年结转”“{}”列为 {}，但上一年度报告{}的“四、结转下年度继续办理”同列为 {}",
            column.label,
            fmt_num(this),
            previous.title(),
            fmt_num(last)
        );
        out.push(next.at(&this_id, RULE.diagnostic(message).cells([this_id.clone()]).figures(last, this)));
    }
    out
}

fn in_force(previous: &ChainFacts, next: &ChainFacts) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (row, label) in T2_ROWS {
        let id = |col: &str| format!("t2.{row}.{col}");
        let (Some(before), Some(issued), Some(repealed), Some(now)) =
            (previous.value(&id("in_force")), next.value(&id("issued")), next.value(&id("repealed")), next.value(&id("in_force")))
        else {
            continue;
        };
        let expected = before + issued - repealed;
        if (expected - now).abs() < 1e-9 {
            continue;
        }
        let message = format!(
            "表二“{label}”：上一年度报告{}现行有效 {} 件，加本年制发 {} 件、减本年废止 {} 件应为 {} 件，本年现行有效为 {} 件\
（提示：到期失效的文件不经废止，可能造成差异）",
            previous.title(),
            fmt_num(before),
            fmt_num(issued),
            fmt_num(repealed),
            fmt_num(expected),
            fmt_num(now)
        );
        let mut d = Diagnostic::new(RULE.id, Severity::Info, message)
            .cells([id("issued"), id("repealed"), id("in_force")])
            .figures(expected, now);
        d = next.at(&id("in_force"), d);
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::body_key;

    #[test]
    fn bodies_match_loosely() {
        assert_eq!(body_key("锡林浩特市人民政府"), body_key("锡林浩特市"));
        assert_eq!(body_key("关于 某某县 政府"), "某某县");
        assert_ne!(body_key("某某县财政局"), body_key("某某县"));
        assert_eq!(body_key("某某县人民政府办公室"), body_key("某某县政府办"));
        assert_ne!(body_key("某某县人民政府办公室"), body_key("某某县人民政府"));
    }
}
