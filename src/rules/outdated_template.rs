//! `outdated-template`: a 2021-or-later report in the 2019 layout.
use super::{Report, Rule};
use crate::result::{Diagnostic, Severity};
use crate::template::TEMPLATES;

pub const RULE: Rule = Rule {
    id: "outdated-template",
    severity: Severity::Error,
    summary: "2021 年及以后的报告仍使用 2019 版（试行）格式",
    doc: "国办公开办函〔2021〕30号自 2021 年度报告起施行：表二改为本年制发/废止/现行有效件数，\
删去政府集中采购，（六）其他处理分为三项。仍用旧表说明格式未更新，数字无法与新格式比较。\
例：2022 年度报告的表二仍有“本年新制作数量”和“政府集中采购”。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(template) = report.template() else { return };
    let Some(year) = report.meta.year.or(report.meta.period_year) else { return };
    let Some(current) = TEMPLATES.iter().filter(|t| t.first_year <= year).max_by_key(|t| t.first_year) else { return };
    if current.id != template.id && current.first_year > template.first_year {
        out.push(
            RULE.diagnostic(format!(
                "{} 年度报告使用了 {} 版格式（{}），应使用 {} 版格式（{}）",
                year, template.id, template.issued_by, current.id, current.issued_by
            ))
            .line(report.extraction.and_then(|e| e.table_lines.values().min().copied())),
        );
    }
}
