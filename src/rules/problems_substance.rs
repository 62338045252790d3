//! `problems-substance`: section 五 (存在的主要问题及改进情况) says nothing of substance.
use super::{Report, Rule};
use crate::desk::narrative::{content_chars, section_chars, section_lines};
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "problems-substance",
    severity: Severity::Warning,
    summary: "第五部分“存在的主要问题及改进情况”内容空泛：只写“无”或寥寥数字",
    doc: "《条例》第五十条要求年度报告说明政府信息公开工作存在的主要问题及改进情况；评估中第五部分写“无”、\
一两句套话的报告会被扣分。第五部分（标题之后至第六部分标题、落款日期或文末）除去数字和标点不足 20 个字时给出 warning，\
写明字数。只检查找到了第五部分标题的报告（缺少该部分由 missing-section 指出）。\
例：“五、存在的主要问题及改进情况　无。”",
    check,
};

/// Fewer characters than this (figures and punctuation left out) name no problem and measure
/// of substance: "主要问题是栏目更新不够及时。下一步将建立更新台账。" is 22, "暂无。" is 2.
const MIN_CHARS: usize = 20;

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(text) = section_chars(report, 5) else { return };
    let chars = content_chars(&text, MIN_CHARS);
    if chars >= MIN_CHARS {
        return;
    }
    let heading_line = section_lines(report, 5).map(|lines| lines.start);
    let said = if chars == 0 { "没有内容".to_string() } else { format!("只有 {chars} 个字（“{}”）", text.iter().take(40).collect::<String>()) };
    out.push(
        RULE.diagnostic(format!(
            "第五部分“存在的主要问题及改进情况”{said}，未具体说明存在的问题和改进措施（不足 {MIN_CHARS} 字）"
        ))
        .line(heading_line),
    );
}
