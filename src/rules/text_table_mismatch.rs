//! `text-table-mismatch`: the narrative states a figure the tables contradict.
use super::{fmt_num, Report, Rule};
use crate::narrative::{claims, verdict, Claim, ClaimKind, Verdict};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "text-table-mismatch",
    severity: Severity::Warning,
    summary: "正文所述数字与表格不符",
    doc: "正文（表格以外的文字）常复述表格中的数字：收到/受理申请 N 件、上年结转、办结/答复、结转下年度、\
予以公开、部分公开、不予公开、无法提供、不予处理、其他处理（可带“占 X%”）、自然人和法人或其他组织申请、\
行政复议和行政诉讼件数，以及“均已办结”“未发生行政复议和行政诉讼”“未被纠错”“均获维持”等说法。\
两处不一致时，至少有一处是错的。只在说法明确指向某个数字时才比对：带“余、近、约、超过、以上、左右”的估数，\
指下属部门或更大范围（全市、全县，除非报告主体就是该级政府）、其他年份、其他业务（留言、热线、信访）的数字，\
以及“其中网上申请”之类的部分数都不比对。一个说法有几种读法时都接受：“收到”“受理”可指新收或新收加上年结转；\
“办结/答复”指（七）总计，也可指新收中已办结的（新收减结转下年度）；“办理”还可指新收加上年结转；\
自然人、法人或其他组织申请可只算新收，也可加上年结转；百分比的基数可为（七）总计、新收或新收加上年结转，\
按所写的小数位四舍五入或截断都算相符。\
例：正文写“全年收到政府信息公开申请 35 件”，表三本年新收总计为 34 件。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(extraction) = report.extraction else { return };
    for found in claims(report.prose(), report.doc, report.meta) {
        if let Verdict::Disagrees { expected, actual, cells, explain } = verdict(&found.kind, extraction) {
            let claim = found.into_claim(); // quoted only now: most claims agree
            out.push(
                RULE.diagnostic(format!("正文“{}”{}，但{}", claim.quote, stated(&claim), explain))
                    .cells(cells)
                    .figures(expected, actual)
                    .line(Some(claim.line)),
            );
        }
    }
}

/// What the text says, in words: `称收到申请 35 件`.
fn stated(claim: &Claim) -> String {
    match &claim.kind {
        ClaimKind::Count { topic, stated } => format!("称{} {} 件", topic.name(), fmt_num(*stated)),
        ClaimKind::Share { topic, percent, .. } => format!("称{}占 {}%", topic.name(), fmt_num(*percent)),
        ClaimKind::AllDone => "称申请均已办结（无结转）".to_string(),
        ClaimKind::NoAppeals(_) => "称未发生行政复议或行政诉讼".to_string(),
        ClaimKind::NotCorrected(_) => "称未被纠错".to_string(),
        ClaimKind::AllUpheld { .. } => "称均获维持".to_string(),
    }
}
