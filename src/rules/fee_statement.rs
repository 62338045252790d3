//! `fee-statement`: section 六 of a 2021-template report is silent on the 信息处理费, or says
//! no fee matter arose while table 三 shows applications lapsed for unpaid fees.
use super::{fmt_num, Report, Rule};
use crate::narrative::fee::fee_section_in;
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "fee-statement",
    severity: Severity::Warning,
    summary: "第六部分未说明信息处理费，或所述与表三矛盾",
    doc: "2021 版格式要求第六部分“其他需要报告的事项”说明依《政府信息公开信息处理费管理办法》收取信息处理费的情况\
（没有收取也应说明）。第六部分（标题至文末或落款日期）只字未提处理费、收费或费用时提示。\
另外，表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”大于 0，说明本年发出过收费通知，\
此时第六部分若称“未发生收费事项”“不存在收费情况”或“未发出收费通知”就与表格矛盾。\
只说“未收取信息处理费”并不矛盾：通知发出而申请人未缴费，本来就没有收到费用。\
例：第六部分写“本年度未发生政府信息公开收费事项”，表三逾期未缴费一行总计为 2。",
    check,
};

const UNPAID_FEE: &str = "t3.other.unpaid_fee.total";

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    if extraction.template.id != "2021" {
        return;
    }
    let Some(section) = fee_section_in(report.prose(), report.doc, report.sections, report.meta) else { return };
    if !section.mentions_fees {
        out.push(
            RULE.diagnostic("第六部分未说明信息处理费的收取情况（2021 版格式要求说明，未收取也应写明）")
                .line(Some(section.heading_line)),
        );
    }
    let unpaid = unpaid_fee(extraction);
    if unpaid <= 0.0 || section.mentions_notices {
        return;
    }
    for (quote, line) in &section.no_fee_matter {
        out.push(
            RULE.diagnostic(format!(
                "第六部分“{quote}”称未发生收费事项，但表三“申请人逾期未按收费通知要求缴纳费用”为 {} 件，说明本年发出过收费通知",
                fmt_num(unpaid)
            ))
            .cells([UNPAID_FEE])
            .figures(unpaid, 0.0)
            .line(Some(*line)),
        );
    }
}

/// The 总计 of the unpaid-fee row, or the sum of its columns when the total is blank.
fn unpaid_fee(extraction: &crate::extract::Extraction) -> f64 {
    if let Some(v) = extraction.number(UNPAID_FEE) {
        return v;
    }
    let columns = ["natural", "commercial", "research", "nonprofit", "legal", "other_org"];
    columns.iter().filter_map(|c| extraction.known(&format!("t3.other.unpaid_fee.{c}"))).sum()
}
