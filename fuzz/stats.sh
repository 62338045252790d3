#!/usr/bin/env bash
# stats.sh: one line per fuzzing session in fuzz/logs: target, executions, seconds asked for,
# final coverage, and how many executions ran since coverage (edges) last grew.
cd "$(dirname "$0")"
printf '%-40s %12s %9s %6s %22s\n' session executions exec/s cov execs-since-last-cov
for log in logs/*.log; do
    awk -v name="$(basename "$log" .log)" '
        /^#[0-9]+/ {
            n = substr($1, 2) + 0
            for (i = 1; i <= NF; i++) if ($i == "cov:") c = $(i + 1) + 0
            if (c > cov) { cov = c; at = n }
        }
        /stat::number_of_executed_units/ { total = $2 }
        /stat::average_exec_per_sec/ { rate = $2 }
        END { printf "%-40s %12s %9s %6s %22s\n", name, total, rate, cov, (total ? total - at : "-") }
    ' "$log"
done
