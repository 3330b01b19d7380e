#!/bin/sh
# taama-report shows "N/M" progress on a terminal for merge and csv (run
# under script(1), which gives it a pseudo-terminal), and never when its
# output goes to a file or a pipe. script(1) forwards its stdin to the
# pseudo-terminal, which echoes it into the captured output, so stdin is
# /dev/null here: whatever make check inherited must not leak into the test.
set -eu
R="${TAAMA_BUILD:-build}/taama-report"
F="${TAAMA_ROOT:-.}/tests/fixtures/export-basic"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v script >/dev/null 2>&1 || { echo "script(1) missing: skipped"; exit 0; }
script -qec "\"$R\" merge \"$F/stick\" --db \"$T/c.sqlite\" --key \"$F/campaign.key\"" /dev/null </dev/null >"$T/tty" 2>&1 ||
    { cat "$T/tty"; fail "merge on a terminal"; }
grep -q "merge: exports 2/4" "$T/tty" || { cat "$T/tty"; fail "no merge progress"; }
grep -q "merge: exports 4/4" "$T/tty" || fail "merge progress does not end at 4/4"
grep -q "^merge: 4 taken" "$T/tty" || fail "summary line damaged by the progress line"
script -qec "\"$R\" csv --db \"$T/c.sqlite\" -o \"$T/t.csv\"" /dev/null </dev/null >"$T/tty2" 2>&1 || fail "csv on a terminal"
grep -q "csv: counters 224/224" "$T/tty2" || { cat "$T/tty2"; fail "no csv progress"; }
# not a terminal: no progress
"$R" merge "$F/stick" --db "$T/d.sqlite" --key "$F/campaign.key" >"$T/out" 2>"$T/err" || fail "merge"
if grep -q "exports [0-9]*/" "$T/out" "$T/err"; then fail "progress written to a file"; fi
"$R" csv --db "$T/d.sqlite" -o "$T/u.csv" 2>"$T/err" || fail "csv"
if grep -q "counters [0-9]*/" "$T/err"; then fail "csv progress written to a file"; fi
echo "report_progress: ok"
