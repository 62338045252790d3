//! `late-publication`: published after the legal deadline (条例 第四十九条).
use super::{Report, Rule};
use crate::locate::Date;
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "late-publication",
    severity: Severity::Warning,
    summary: "发布日期晚于法定期限",
    doc: "《政府信息公开条例》第四十九条：政府部门应于每年 1 月 31 日前公布本部门上一年度报告；\
县级以上地方人民政府应于每年 3 月 31 日前公布本级政府上一年度报告。\
报告主体以“人民政府”或市、县、区等地名结尾的视为本级政府，其余视为部门。例：某局 2021 年度报告 2022 年 2 月 15 日发布。",
    check,
};

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let meta = report.meta;
    let (Some(year), Some(published)) = (meta.year.or(meta.period_year), meta.published) else { return };
    if published.year != year + 1 {
        return; // year-mismatch reports this
    }
    let government = meta.body.as_deref().is_some_and(is_government);
    let deadline = if government { Date { year: year + 1, month: 3, day: 31 } } else { Date { year: year + 1, month: 1, day: 31 } };
    if published > deadline {
        let who = if government { "本级人民政府的报告" } else { "政府部门的报告" };
        out.push(
            RULE.diagnostic(format!("发布日期 {} 晚于法定期限 {}（{}）", published.iso(), deadline.iso(), who))
                .line(meta.published_line),
        );
    }
}

/// A local government's own report, rather than a department's.
fn is_government(body: &str) -> bool {
    let body = body.trim();
    if body.ends_with("人民政府") || body.ends_with("政府") {
        return true;
    }
    let department = ["局", "委", "办", "厅", "院", "所", "中心", "站", "处", "会", "部", "队", "馆", "公司", "室", "署"];
    let place = ["省", "市", "县", "区", "旗", "州", "盟", "镇", "乡", "街道", "自治区"];
    place.iter().any(|p| body.ends_with(p)) && !department.iter().any(|d| body.ends_with(d))
}
