//! `t4-total`: R4, each group's 总计 in table 四 is the sum of its four results.
use super::{equations, Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "t4-total",
    severity: Severity::Error,
    summary: "表四某组：总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    doc: "表四行政复议、未经复议直接起诉、复议后起诉三组各有一个总计，应等于结果维持、结果纠正、\
其他结果与尚未审结之和。例：行政复议 维持 2、纠正 1、其他 0、尚未审结 1，总计却填 3。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    equations::report_failures(&RULE, report, out, |inst| {
        (format!("表四“{}”", inst.subject), "总计", "维持+纠正+其他+尚未审结")
    });
}
