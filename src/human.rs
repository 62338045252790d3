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

/// The command line's usage text (`nianbao --help`), shared by the native CLI and the npm
/// package's CLI (through wasm).
pub const USAGE: &str = "用法 / usage:
  nianbao check [--format human|json|table|csv] FILE|DIR|- ...   检查年度报告（目录：检查其中每个报告；-：标准输入）
  nianbao summary [--format md|html|docx|json] [--weights 权重.json] [--output 文件] FILE|DIR ...
                                                                  汇总分析和每份报告的审查意见（json：含 desk 的批量结果）
  nianbao rules                                                   列出全部规则及说明

输出格式：human 逐条列出问题（默认）；json 每份报告一行 JSON；table 每份报告一行的汇总表；
csv 每份报告一行、每个单元格一列（仅 npm 包的命令行：npx nianbao）。
多份报告一起检查时，同一机关相邻年度的报告互相核对结转数（carry-chain）。
PDF 报告请用 npm 包的命令行（npx nianbao check 报告.pdf），本程序只说明无法读取。
退出码：0 无错误；1 至少一份报告有 error；2 有文件无法读取或解码";

/// The file extensions (lower case) taken from a directory as reports. PDF is listed so a
/// folder's PDFs are reported (the npm CLI reads them; the native CLI says it cannot).
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "md", "htm", "html", "shtml", "xhtml", "docx", "pdf"];

/// Whether a file name has one of [`REPORT_EXTENSIONS`].
pub fn is_report_file(name: &str) -> bool {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => REPORT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
        _ => false,
    }
}

/// Columns of the summary table: heading and whether figures align right.
const TABLE_COLUMNS: [(&str, bool); 11] = [
    ("报告", false),
    ("机关", false),
    ("年度", true),
    ("模板", false),
    ("错误", true),
    ("警告", true),
    ("新收", true),
    ("办结", true),
    ("公开率", true),
    ("复议纠错率", true),
    ("诉讼纠错率", true),
];

/// One line per report (`nianbao check --format table`): its name, body, year, template,
/// errors, warnings, applications received and handled, and the disclosure, reconsideration
/// and suit correction rates; columns aligned for a terminal (CJK characters count as two
/// columns), then a line of totals. `results` pairs each report's name with its result.
pub fn render_table(results: &[(&str, &ValidationResult)]) -> String {
    let num = |v: Option<Num>| v.map_or("—".to_string(), |n| fmt_num(n.0));
    let pct = |v: Option<Num>| v.map_or("—".to_string(), |n| format!("{:.1}%", n.0 * 100.0));
    let mut rows: Vec<[String; 11]> = Vec::with_capacity(results.len() + 1);
    rows.push(TABLE_COLUMNS.map(|(heading, _)| heading.to_string()));
    for (name, result) in results {
        let st = &result.stats;
        rows.push([
            one_line(name),
            result.report.body.as_deref().map_or("—".to_string(), one_line),
            result.report.year.map_or("—".to_string(), |y| y.to_string()),
            result.template.map_or("未识别".to_string(), |t| format!("{t} 版")),
            result.summary.errors.to_string(),
            result.summary.warnings.to_string(),
            num(st.received),
            num(st.handled),
            pct(st.disclosure_rate),
            pct(st.review_correction_rate),
            pct(st.suit_correction_rate),
        ]);
    }
    let mut widths = [0usize; 11];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    let mut s = String::new();
    for (i, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - display_width(cell));
            if c > 0 {
                line += "  ";
            }
            if TABLE_COLUMNS[c].1 && i > 0 {
                line += &pad;
                line += cell;
            } else {
                line += cell;
                line += &pad;
            }
        }
        s += line.trim_end();
        s.push('\n');
        if i == 0 {
            let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            s += &"─".repeat(total);
            s.push('\n');
        }
    }
    let with_errors = results.iter().filter(|(_, r)| r.summary.errors > 0).count();
    let errors: usize = results.iter().map(|(_, r)| r.summary.errors).sum();
    let warnings: usize = results.iter().map(|(_, r)| r.summary.warnings).sum();
    s += &format!(
        "共 {} 份报告，{} 份有错误；共 {} 个错误，{} 个警告\n",
        results.len(),
        with_errors,
        errors,
        warnings
    );
    s
}

/// A name or body on one line: control characters (tabs, line breaks) become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Columns a terminal gives `text`: two for East Asian wide and full-width characters.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let c = c as u32;
            let wide = matches!(c,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
                | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
                | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_twice() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("报告a"), 5);
        assert_eq!(display_width("（一）"), 6);
        assert_eq!(display_width("—"), 1);
    }

    #[test]
    fn report_files() {
        assert!(is_report_file("a.HTML"));
        assert!(is_report_file("报告.pdf"));
        assert!(!is_report_file(".txt"));
        assert!(!is_report_file("notes.csv"));
        assert!(!is_report_file("README"));
    }

    #[test]
    fn table_aligns_columns_and_totals() {
        let clean = crate::validate_str("", &crate::Source { filename: Some("空.txt") });
        let table = render_table(&[("空.txt", &clean), ("b.txt", &clean)]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[0].starts_with("报告    机关  年度  模板"), "{}", lines[0]);
        assert_eq!(lines[1].chars().count(), display_width(lines[0]), "the rule is as wide as the heading");
        assert_eq!(lines[2], "空.txt  —        —  未识别     1     0     —     —       —           —           —");
        assert_eq!(lines[4], "共 2 份报告，2 份有错误；共 2 个错误，0 个警告");
    }
}
