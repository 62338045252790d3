//! `missing-section`: one of the six sections is not there.
use super::{Report, Rule};
use crate::locate::OFFICIAL_HEADINGS;
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "missing-section",
    severity: Severity::Error,
    summary: "六个部分中缺少某一部分",
    doc: "年度报告格式要求六个部分：总体情况、主动公开、收到和处理申请、行政复议和诉讼、存在的问题及改进、\
其他需要报告的事项。缺少某部分（或其标题无法辨认）说明报告不完整。例：报告没有“六、其他需要报告的事项”。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    if report.doc.lines.is_empty() || report.doc.problems.iter().any(|p| p.fatal) {
        return;
    }
    for (i, heading) in OFFICIAL_HEADINGS.iter().enumerate() {
        let number = i as u8 + 1;
        if report.sections.iter().any(|s| s.heading.number == number) {
            continue;
        }
        out.push(RULE.diagnostic(format!(
            "没有找到第{}部分“{}”的标题",
            ["一", "二", "三", "四", "五", "六"][i],
            heading
        )));
    }
}
