//! The `nianbao` command line: `nianbao check [--format human|json|table] FILE...`, `nianbao rules`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use nianbao::batch::{Batch, Checked};
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
    // Several reports are checked together, so reports of one body in consecutive years are
    // compared (carry-chain).
    let mut batch = Batch::default();
    let mut names = Vec::new();
    for (file, checked) in files.iter().zip(check_files(&files, jobs())) {
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
    let results = batch.finish().results;
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
