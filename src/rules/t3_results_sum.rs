//! `t3-results-sum`: R2, （七）总计 is the sum of the outcomes （一）–（六）.
use super::{equations, Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "t3-results-sum",
    severity: Severity::Error,
    summary: "表三某列：（七）总计 ≠（一）至（六）各项办理结果之和",
    doc: "（七）总计是本年度办理结果的合计，应等于予以公开、部分公开、不予公开 8 项、无法提供 3 项、\
不予处理 5 项与其他处理（2021 版 3 项）之和。不等说明某项结果漏填、多填或总计算错。\
例：予以公开 5、部分公开 2、其余 0，总计却填 8。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    equations::report_failures(&RULE, report, out, |inst| {
        (format!("表三“{}”列", inst.subject), "（七）总计", "（一）至（六）各项之和")
    });
}
