#!/usr/bin/env bash
# run.sh <target> <seconds> [extra libFuzzer flags…]: one fuzzing session with the limits that
# make hangs and blow-ups count as failures. Logs go to fuzz/logs/<target>-<time>.log.
set -euo pipefail
cd "$(dirname "$0")"
target=$1; seconds=$2; shift 2
case $target in
    read_text) dict=dict/text.dict ;;
    read_html) dict=dict/html.dict ;;
    read_docx | read_docx_xml) dict=dict/docx.dict ;;
    validate) dict=dict/html.dict ;;
esac
[ -d "corpus/$target" ] || ./seed.sh
mkdir -p logs "artifacts/$target"
log="logs/$target-$(date +%Y%m%d-%H%M%S).log"
# No unsafe code in the crate: ASan would cost 3-5x for nothing. Debug assertions (overflow
# checks) stay on, as cargo fuzz builds by default.
cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" \
    -dict="$dict" -print_final_stats=1 "$@" 2>&1 | tee "$log" | grep -E 'DONE|Done|stat::|ERROR|SUMMARY|crash-|timeout-|oom-|slow-unit' || true
