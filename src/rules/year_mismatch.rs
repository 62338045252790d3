//! `year-mismatch`: title year, statistical period and publication year disagree.
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "year-mismatch",
    severity: Severity::Error,
    summary: "标题年份、统计期限与发布年份不一致",
    doc: "X 年度报告的统计期限是 X 年 1 月 1 日至 12 月 31 日，在 X+1 年发布。年份不一致通常是沿用上年报告时\
漏改了年份。例：标题为“2021年…年度报告”，统计期限却写“2020年1月1日至2020年12月31日”。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let meta = report.meta;
    let Some(year) = meta.year.or(meta.period_year) else { return };
    if let (Some(title), Some(period)) = (meta.year, meta.period_year) {
        if title != period {
            out.push(
                RULE.diagnostic(format!("标题写的是 {title} 年度报告，统计期限却是 {period} 年"))
                    .line(meta.period_line),
            );
        }
    }
    if let Some(published) = meta.published {
        if published.year != year + 1 {
            out.push(
                RULE.diagnostic(format!(
                    "{year} 年度报告应在 {} 年发布，发布日期却是 {}",
                    year + 1,
                    published.iso()
                ))
                .line(meta.published_line),
            );
        }
    }
}
