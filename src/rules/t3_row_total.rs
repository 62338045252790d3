//! `t3-row-total`: R3, each row's 总计 is the sum of the six applicant columns.
use super::{equations, Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "t3-row-total",
    severity: Severity::Error,
    summary: "表三某行：总计 ≠ 自然人与五类法人或其他组织之和",
    doc: "表三每一行的“总计”列是自然人、商业企业、科研机构、社会公益组织、法律服务机构和其他六列之和。\
不等说明某一申请人类别的数字或总计填错。例：予以公开行 自然人 7、商业企业 1，总计却填 7。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    equations::report_failures(&RULE, report, out, |inst| {
        (format!("表三“{}”行", inst.subject), "总计", "六类申请人之和")
    });
}
