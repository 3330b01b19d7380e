#!/bin/sh
# Run every test binary under $B/tests (cmocka suites), then the shell-level
# tests in tests/sh/*.sh. Prints one closing line "check: N passed, N failed".
# Exits non-zero if anything failed.
#
#   sh tests/run.sh [TEST_BINARY...]
# With binaries named, runs only those (no shell tests), each through
# $TAAMA_RUNNER when set (make check-arm64: qemu-aarch64).
B=${B:-build}
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
export TAAMA_ROOT="$(pwd)" TAAMA_BUILD="$(pwd)/$B"
passed=0; failed=0; failed_names=""
tmp=$(mktemp)
only="$*"
[ -n "$only" ] || set -- "$B"/tests/test_*
for t in "$@"; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    ${TAAMA_RUNNER:-} "$t" >"$tmp" 2>&1; rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tmp" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tmp" | tail -n 1)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -ne 0 ]; then
        failed_names="$failed_names $name"; cat "$tmp"
    fi
    echo "$name: $p passed, $f failed"
done
for s in tests/sh/*.sh; do
    [ -f "$s" ] && [ -z "$only" ] || continue
    name=$(basename "$s" .sh)
    if sh "$s" >"$tmp" 2>&1; then
        passed=$((passed + 1)); echo "$name: 1 passed, 0 failed"
    else
        failed=$((failed + 1)); failed_names="$failed_names $name"; cat "$tmp"
        echo "$name: 0 passed, 1 failed"
    fi
done
rm -f "$tmp"
[ -n "$failed_names" ] && echo "failing:$failed_names"
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
