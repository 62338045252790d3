//! `t3-balance`: R1, the balance printed under table 三.
use super::{equations, Report, Rule};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "t3-balance",
    severity: Severity::Error,
    summary: "表三某列：一（本年新收）+ 二（上年结转）≠（七）总计 + 四（结转下年度）",
    doc: "表三的勾稽关系印在表头：第一项加第二项之和，等于第三项加第四项之和，七列各自成立。\
不成立说明收到、办结或结转的件数至少有一个填错。\
例：自然人列 一=8、二=1，（七）总计=8、四=0，则 8+1≠8+0。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    equations::report_failures(&RULE, report, out, |inst| {
        (format!("表三“{}”列", inst.subject), "一+二", "（七）总计+四")
    });
}
