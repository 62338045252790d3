//! The human-readable report, shared by the native CLI and the npm package's CLI (through
//! wasm), so both print the same text.

use crate::result::{Num, Severity, ValidationResult};
use crate::rules::{fmt_num, RULES};

/// A result as a person reads it: each finding with its rule id, severity, line and source
/// line, then the statistics. `colour` adds ANSI colours for a terminal.
pub fn render(name: &str, result: &ValidationResult, colour: bool) -> String {
    let paint = |code: &str, text: &str| if colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() };
    let mut s = String::new();
    let template = result.template.map_or("未识别".to_string(), |t| format!("{t} 版"));
    let title = result.report.title.as_deref().unwrap_or("（无标题）");
    s += &format!("{} — {title}（模板：{template}）\n", paint("1", name));
    for d in &result.diagnostics {
        let (code, label) = match d.severity {
            Severity::Error => ("31;1", "error"),
            Severity::Warning => ("33;1", "warning"),
            Severity::Info => ("36", "info"),
        };
        let at = d.line.map_or(String::new(), |l| format!(":{l}"));
        s += &format!("  {}[{}] {name}{at}\n    {}\n", paint(code, label), d.rule, d.message);
        if let Some(source) = d.source.as_deref().filter(|t| !t.is_empty()) {
            s += &format!("    {} {}\n", paint("2", "│"), source.replace('\t', "  "));
        }
        if let Some(fix) = &d.fix {
            s += &format!("    {} {} = {}\n", paint("32", "建议 fix:"), fix.cell, fmt_num(fix.value.0));
        }
    }
    let st = &result.stats;
    let num = |v: Option<Num>| v.map_or("—".to_string(), |n| fmt_num(n.0));
    let pct = |v: Option<Num>| v.map_or("—".to_string(), |n| format!("{:.1}%", n.0 * 100.0));
    s += &format!(
        "  统计：新收 {}，上年结转 {}，办结 {}，结转下年 {}，公开率 {}，复议 {}（纠错率 {}），诉讼 {}（纠错率 {}）\n",
        num(st.received),
        num(st.carried),
        num(st.handled),
        num(st.carried_forward),
        pct(st.disclosure_rate),
        num(st.review_total),
        pct(st.review_correction_rate),
        num(st.suit_total),
        pct(st.suit_correction_rate)
    );
    s += &format!(
        "  {} 个错误，{} 个警告，{} 条提示\n\n",
        result.summary.errors, result.summary.warnings, result.summary.infos
    );
    s
}

/// Every rule with its id, severity, summary and documentation (`nianbao rules`).
pub fn rules_text() -> String {
    RULES
        .iter()
        .map(|rule| format!("{} ({})\n  {}\n  {}\n\n", rule.id, rule.severity.as_str(), rule.summary, rule.doc))
        .collect()
}
