//! The `nianbao` command line: `nianbao check [--format human|json] FILE...`, `nianbao rules`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nianbao::result::ValidationResult;
use nianbao::rules::RULES;
use nianbao::{validate_bytes, Severity, Source};

const USAGE: &str = "用法 / usage:
  nianbao check [--format human|json] FILE|DIR|- ...   检查年度报告（目录：检查其中每个报告；-：标准输入）
  nianbao rules                                        列出全部规则及说明

退出码：0 无错误；1 至少一份报告有 error；2 有文件无法读取或解码";

/// Report files taken from a directory.
const REPORT_EXTENSIONS: &[&str] = &["txt", "md", "htm", "html", "docx", "shtml", "xhtml"];

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("rules") => {
            print_rules();
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("{}", nianbao::ENGINE);
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &[String]) -> ExitCode {
    let mut format = Format::Human;
    let mut inputs = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" | "-f" => match iter.next().map(String::as_str) {
                Some("human") => format = Format::Human,
                Some("json") => format = Format::Json,
                other => {
                    eprintln!("未知的输出格式 / unknown format: {}", other.unwrap_or(""));
                    return ExitCode::from(2);
                }
            },
            "--json" => format = Format::Json,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => inputs.push(arg.clone()),
        }
    }
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    let mut unreadable = false;
    for input in &inputs {
        match expand(input) {
            Ok(mut found) => files.append(&mut found),
            Err(message) => {
                eprintln!("{input}: {message}");
                unreadable = true;
            }
        }
    }
    let colour = format == Format::Human && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut any_error = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in files {
        let (name, bytes) = match read_input(&file) {
            Ok(read) => read,
            Err(message) => {
                eprintln!("{}: {message}", file.display());
                unreadable = true;
                continue;
            }
        };
        let result = validate_bytes(&bytes, &Source { filename: Some(&name) });
        unreadable |= result.diagnostics.iter().any(|d| d.rule == "input-unreadable");
        any_error |= result.has_errors();
        let written = match format {
            Format::Json => writeln!(out, "{}", to_sorted_json(&result)),
            Format::Human => write!(out, "{}", human(&name, &result, colour)),
        };
        if written.is_err() {
            break; // stdout closed (e.g. piped into head)
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The result as JSON with keys sorted, one line: the same bytes the npm package prints.
fn to_sorted_json(result: &ValidationResult) -> String {
    let value = serde_json::to_value(result).expect("result serialises");
    serde_json::to_string(&value).expect("value serialises")
}

fn expand(input: &str) -> Result<Vec<PathBuf>, String> {
    if input == "-" {
        return Ok(vec![PathBuf::from("-")]);
    }
    let path = Path::new(input);
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("无法读取目录：{e}"))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn read_input(path: &Path) -> Result<(String, Vec<u8>), String> {
    let limit = nianbao::LIMITS.max_input_bytes as u64 + 1;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes).map_err(|e| format!("无法读取标准输入：{e}"))?;
        return Ok(("-".to_string(), bytes));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("无法打开文件：{e}"))?;
    file.take(limit).read_to_end(&mut bytes).map_err(|e| format!("无法读取文件：{e}"))?;
    Ok((path.display().to_string(), bytes))
}

fn human(name: &str, result: &ValidationResult, colour: bool) -> String {
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
            s += &format!("    {} {} = {}\n", paint("32", "建议 fix:"), fix.cell, serde_json::to_string(&fix.value).unwrap_or_default());
        }
    }
    let st = &result.stats;
    let num = |v: Option<nianbao::result::Num>| v.map_or("—".to_string(), |n| nianbao::rules::fmt_num(n.0));
    let pct = |v: Option<nianbao::result::Num>| v.map_or("—".to_string(), |n| format!("{:.1}%", n.0 * 100.0));
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

fn print_rules() {
    for rule in RULES {
        println!("{} ({})\n  {}\n  {}\n", rule.id, rule.severity.as_str(), rule.summary, rule.doc);
    }
}
