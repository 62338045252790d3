//! The `nianbao` command line: `nianbao check [--format human|json|table] FILE...`,
//! `nianbao summary [--format md|html|docx|json] FILE|DIR...`, `nianbao rules`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use nianbao::batch::{Batch, Checked};
use nianbao::desk::letters::Format as DocumentFormat;
use nianbao::desk::score::Weights;
use nianbao::result::ValidationResult;

use nianbao::human::{is_report_file, USAGE};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Human,
    Json,
    Table,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("summary") => summary(&args[1..]),
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
                Some("table") => format = Format::Table,
                Some("csv") => {
                    eprintln!("csv 格式由 npm 包的命令行提供：npx nianbao check --format csv …");
                    return ExitCode::from(2);
                }
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
    let (files, mut unreadable) = expand_all(&inputs);
    let colour = format == Format::Human && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut any_error = false;
    // Several reports are checked together, so reports of one body in consecutive years are
    // compared (carry-chain).
    let (batch, names, failed) = checked_batch(&files);
    unreadable |= failed;
    let results = batch.link().results;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if format == Format::Table {
        let rows: Vec<(&str, &ValidationResult)> = names.iter().map(String::as_str).zip(&results).collect();
        let _ = write!(out, "{}", nianbao::human::render_table(&rows));
    }
    for (name, result) in names.iter().zip(&results) {
        unreadable |= result.diagnostics.iter().any(|d| d.rule == "input-unreadable");
        any_error |= result.has_errors();
        let written = match format {
            Format::Json => writeln!(out, "{}", to_sorted_json(result)),
            Format::Human => write!(out, "{}", nianbao::human::render(name, result, colour)),
            Format::Table => Ok(()),
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

/// How many threads check a folder: `NIANBAO_JOBS` when set (1 checks on this thread alone),
/// else one per core.
fn jobs() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::env::var("NIANBAO_JOBS").ok().and_then(|v| v.trim().parse().ok()).filter(|n| *n > 0).unwrap_or(cores)
}

/// Reads and checks each file alone on up to `jobs` threads, each taking the next file from a
/// shared counter, so a thread holds one input at a time. Answers in input order: what one
/// thread would answer.
fn check_files(files: &[PathBuf], jobs: usize) -> Vec<Result<Checked, String>> {
    let check = |path: &PathBuf| {
        read_input(path).map(|(name, bytes)| Checked::of(&name, nianbao::batch::Input::Bytes(&bytes)))
    };
    let jobs = jobs.min(files.len());
    if jobs <= 1 {
        return files.iter().map(check).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Result<Checked, String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                // The main thread's stack size, so a thread reads what the main thread reads.
                std::thread::Builder::new().stack_size(8 << 20).spawn_scoped(scope, || {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(index) else { break mine };
                        mine.push((index, check(path)));
                    }
                })
            })
            .collect();
        let joined = workers.into_iter().map(|w| w.expect("a thread starts").join());
        joined.flat_map(|done| done.unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, checked)| checked).collect()
}

/// Every file named, or found in a folder named; and whether an input could not be listed
/// (said on stderr).
fn expand_all(inputs: &[String]) -> (Vec<PathBuf>, bool) {
    let mut files = Vec::new();
    let mut unreadable = false;
    for input in inputs {
        match expand(input) {
            Ok(mut found) => files.append(&mut found),
            Err(message) => {
                eprintln!("{input}: {message}");
                unreadable = true;
            }
        }
    }
    (files, unreadable)
}

/// The files checked (on every core) and gathered into one batch in input order, with their
/// names; and whether a file could not be read (said on stderr).
fn checked_batch(files: &[PathBuf]) -> (Batch, Vec<String>, bool) {
    let mut batch = Batch::default();
    let mut names = Vec::new();
    let mut unreadable = false;
    for (file, checked) in files.iter().zip(check_files(files, jobs())) {
        match checked {
            Ok(checked) => {
                names.push(checked.name().to_string());
                batch.push(checked);
            }
            Err(message) => {
                eprintln!("{}: {message}", file.display());
                unreadable = true;
            }
        }
    }
    (batch, names, unreadable)
}

/// `nianbao summary`: the batch's 汇总分析 and every report's 审查意见 (md, html, docx), or
/// the whole batch result with its desk (json).
fn summary(args: &[String]) -> ExitCode {
    let mut format = "md".to_string();
    let (mut weights, mut output) = (None, None);
    let mut inputs = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().cloned().unwrap_or_default();
        match arg.as_str() {
            "--format" | "-f" => format = value(),
            "--weights" => weights = Some(value()),
            "--output" | "-o" => output = Some(value()),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => inputs.push(arg.clone()),
        }
    }
    let documents = DocumentFormat::parse(&format);
    if documents.is_none() && format != "json" {
        eprintln!("{}", nianbao::desk::letters::unknown_format(&format));
        return ExitCode::from(2);
    }
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let weights = match weights.map(|path| std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}")).and_then(|j| Weights::from_json(&j))) {
        None => Weights::default(),
        Some(Ok(w)) => w,
        Some(Err(message)) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let (files, listing_failed) = expand_all(&inputs);
    let (batch, _, reading_failed) = checked_batch(&files);
    let unreadable = listing_failed || reading_failed;
    let result = batch.finish_weighted(&weights);
    let bytes = match documents {
        Some(documents) => nianbao::desk::letters::summary(&result, documents),
        None => {
            let value = serde_json::to_value(&result).expect("result serialises");
            (serde_json::to_string(&value).expect("value serialises") + "\n").into_bytes()
        }
    };
    let written = match output {
        Some(path) => std::fs::write(&path, &bytes).map_err(|e| format!("{path}: {e}")),
        None if documents == Some(DocumentFormat::Docx) && std::io::stdout().is_terminal() => {
            Err("DOCX 不能输出到终端，请用 --output 文件名.docx 或重定向 / use --output FILE.docx".to_string())
        }
        None => std::io::stdout().lock().write_all(&bytes).map_err(|e| e.to_string()),
    };
    if let Err(message) = written {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    if unreadable {
        ExitCode::from(2)
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
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(is_report_file))
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
