//! Rows of table 三 (收到和处理政府信息公开申请情况) shared by both templates. Besides the
//! label's core phrase, each row lists the head of its label, which survives when PDF
//! extraction breaks the label over two lines with the figures after the first part.

use super::{RowDef, T3_COLUMNS};

/// R2 `t3-results-sum`: （七）总计 = the outcome rows （一）–（五）, plus the template's
/// （六） rows given as cell-id patterns.
macro_rules! results_sum {
    ($($other:literal),+) => {
        super::Equation {
            rule: "t3-results-sum",
            left: &["t3.results_total.{}"],
            right: &[
                "t3.granted.{}", "t3.partial.{}",
                "t3.denied.secret.{}", "t3.denied.law.{}", "t3.denied.safety.{}", "t3.denied.third_party.{}",
                "t3.denied.internal.{}", "t3.denied.process.{}", "t3.denied.enforcement.{}", "t3.denied.query.{}",
                "t3.unable.not_held.{}", "t3.unable.needs_making.{}", "t3.unable.unclear.{}",
                "t3.rejected.petition.{}", "t3.rejected.duplicate.{}", "t3.rejected.publication.{}",
                "t3.rejected.excessive.{}", "t3.rejected.confirm.{}",
                $($other),+
            ],
            each: super::Each::T3Column,
        }
    };
}
pub(super) use results_sum;

macro_rules! rows {
    ($($name:ident = $id:literal, $label:literal, [$($key:literal),+];)*) => {
        $(pub const $name: RowDef = RowDef { id: $id, label: $label, keys: &[$($key),+], columns: T3_COLUMNS };)*
    };
}

rows! {
    NEW = "new", "一、本年新收政府信息公开申请数量", ["本年新收政府信息公开申请数量", "本年新收"];
    CARRIED = "carried", "二、上年结转政府信息公开申请数量", ["上年结转政府信息公开申请数量", "上年结转"];
    GRANTED = "granted", "（一）予以公开", ["予以公开"];
    PARTIAL = "partial", "（二）部分公开", ["部分公开"];
    SECRET = "denied.secret", "（三）不予公开 1.属于国家秘密", ["属于国家秘密", "国家秘密"];
    LAW = "denied.law", "（三）不予公开 2.其他法律行政法规禁止公开", ["法律行政法规禁止公开", "其他法律行政法规"];
    SAFETY = "denied.safety", "（三）不予公开 3.危及“三安全一稳定”", ["三安全一稳定", "危及三安全"];
    THIRD_PARTY = "denied.third_party", "（三）不予公开 4.保护第三方合法权益", ["第三方合法权益", "保护第三方"];
    INTERNAL = "denied.internal", "（三）不予公开 5.属于三类内部事务信息", ["内部事务信息", "三类内部事务"];
    PROCESS = "denied.process", "（三）不予公开 6.属于四类过程性信息", ["过程性信息", "四类过程性"];
    ENFORCEMENT = "denied.enforcement", "（三）不予公开 7.属于行政执法案卷", ["行政执法案卷", "属于行政执法"];
    QUERY = "denied.query", "（三）不予公开 8.属于行政查询事项", ["行政查询事项", "属于行政查询"];
    NOT_HELD = "unable.not_held", "（四）无法提供 1.本机关不掌握相关政府信息", ["不掌握相关政府信息", "本机关不掌握"];
    NEEDS_MAKING = "unable.needs_making", "（四）无法提供 2.没有现成信息需要另行制作", ["没有现成信息需要另行制作", "需要另行制作", "没有现成信息"];
    UNCLEAR = "unable.unclear", "（四）无法提供 3.补正后申请内容仍不明确", ["补正后申请内容仍不明确", "申请内容仍不明确", "补正后申请"];
    PETITION = "rejected.petition", "（五）不予处理 1.信访举报投诉类申请", ["信访举报投诉", "信访举报"];
    DUPLICATE = "rejected.duplicate", "（五）不予处理 2.重复申请", ["重复申请"];
    PUBLICATION = "rejected.publication", "（五）不予处理 3.要求提供公开出版物", ["公开出版物", "提供公开出版"];
    EXCESSIVE = "rejected.excessive", "（五）不予处理 4.无正当理由大量反复申请", ["大量反复申请", "理由大量反复"];
    CONFIRM = "rejected.confirm", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", ["重新出具已获取信息", "确认或重新出具", "要求行政机关确认"];
    RESULTS_TOTAL = "results_total", "（七）总计", ["七总计", "总计"];
    CARRIED_FORWARD = "carried_forward", "四、结转下年度继续办理", ["结转下年度继续办理", "结转下年度", "结转下一年度"];
}
