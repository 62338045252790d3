//! Validates one file N times and prints the mean time per run: the loop to profile. Count
//! instructions per validation without the process start-up: run callgrind with N = 1 and
//! N = 21 (`valgrind --tool=callgrind target/release/examples/validate_loop FILE 21`) and divide
//! the difference by 20. `cargo run --release --example validate_loop -- FILE [N]`.

/// The allocator of the native CLI.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: validate_loop FILE [N]");
    let runs: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let bytes = std::fs::read(&path).expect("read the file");
    let source = nianbao::Source { filename: None };
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..runs {
        findings += nianbao::validate_bytes(std::hint::black_box(&bytes), &source).diagnostics.len();
    }
    let per_run = start.elapsed() / runs.max(1);
    println!("{per_run:?} per run, {} findings per run", findings / runs.max(1) as usize);
}
