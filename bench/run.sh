#!/bin/sh
# make bench: run every build/bench/bench_* program in turn. Each prints its
# own figures as Markdown, measured against a floor taken in the same run
# (see BENCHMARKS.md for what each means and how to read the ratios).
B=${B:-build}
export TAAMA_ROOT="$(pwd)" TAAMA_BUILD="$(pwd)/$B"
status=0
for b in "$B"/bench/bench_*; do
    [ -x "$b" ] || continue
    case "$b" in *bench_floor) continue ;; esac
    echo "## $(basename "$b")"
    "$b" || status=1
    echo
done
exit $status
