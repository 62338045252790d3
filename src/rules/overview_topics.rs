//! `overview-topics`: section 一 (总体情况) of a 2021-template report leaves out one of the
//! five topics the template names.
use super::{Report, Rule};
use crate::desk::narrative::{content_chars, section_chars, section_lines};
use crate::narrative::lexicon::contains;
use crate::result::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "overview-topics",
    severity: Severity::Info,
    summary: "第一部分“总体情况”未涉及 2021 版格式列出的五个方面之一",
    doc: "2021 版年度报告格式要求“总体情况”概述主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面。\
第一部分（标题至第二部分标题）中一个方面的任何关键词都没有出现时，每缺一个方面给出一条 info。关键词取宽：\
依申请公开（依申请、申请公开、公开申请），政府信息管理（管理），平台建设（平台、网站、新媒体、公开栏、专栏），\
监督保障（监督、保障、考核、培训），主动公开（主动公开），宁可漏报也不误报。只检查 2021 版、第一部分不少于 150 字（除去数字和标点）的报告：\
更短的总体情况只是一段概述。\
例：总体情况只写了主动公开和依申请公开，未提平台建设。",
    check,
};

/// The five topics and the words that show each is covered.
const TOPICS: [(&str, &[&str]); 5] = [
    ("主动公开", &["主动公开"]),
    ("依申请公开", &["依申请", "申请公开", "公开申请"]),
    ("政府信息管理", &["管理"]),
    ("平台建设", &["平台", "网站", "新媒体", "公开栏", "专栏"]),
    ("监督保障", &["监督", "保障", "考核", "培训"]),
];

/// Section 一 is held to the five topics from this many characters (figures and punctuation
/// left out): a real overview runs to several hundred.
const MIN_CHARS: usize = 150;

fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    if report.template().map(|t| t.id) != Some("2021") {
        return;
    }
    let Some(chars) = section_chars(report, 1) else { return };
    // A short overview is a summary, not an account of the topics: nothing to hold it to.
    if content_chars(&chars, MIN_CHARS) < MIN_CHARS {
        return;
    }
    let heading_line = section_lines(report, 1).map(|lines| lines.start);
    for (topic, words) in TOPICS {
        if !words.iter().any(|w| contains(&chars, w)) {
            out.push(
                RULE.diagnostic(format!("第一部分“总体情况”未涉及“{topic}”（2021 版格式要求概述五个方面）")).line(heading_line),
            );
        }
    }
}
