//! The `nianbao` command line: `nianbao check [--format human|json] FILE...`, `nianbao rules`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nianbao::result::ValidationResult;
use nianbao::{validate_batch, validate_bytes, Source};

const USAGE: &str = "用法 / usage:
  nianbao check [--format human|json] FILE|DIR|- ...   检查年度报告（目录：检查其中每个报告；-：标准输入）
  nianbao rules                                        列出全部规则及说明

多份报告一起检查时，同一机关相邻年度的报告互相核对结转数（carry-chain）。
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
    let mut inputs = Vec::new();
    for file in files {
        match read_input(&file) {
            Ok(read) => inputs.push(read),
            Err(message) => {
                eprintln!("{}: {message}", file.display());
                unreadable = true;
            }
        }
    }
    // Several reports are checked together, so reports of one body in consecutive years are
    // compared (carry-chain); one report is checked alone.
    let results: Vec<ValidationResult> = if inputs.len() > 1 {
        validate_batch(&inputs).results
    } else {
        inputs.iter().map(|(name, bytes)| validate_bytes(bytes, &Source { filename: Some(name) })).collect()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for ((name, _), result) in inputs.iter().zip(&results) {
        unreadable |= result.diagnostics.iter().any(|d| d.rule == "input-unreadable");
        any_error |= result.has_errors();
        let written = match format {
            Format::Json => writeln!(out, "{}", to_sorted_json(result)),
            Format::Human => write!(out, "{}", nianbao::human::render(name, result, colour)),
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

fn print_rules() {
    print!("{}", nianbao::human::rules_text());
}
