#!/bin/sh
# content_check.sh: the shipped content passes `taama content check` with no
# error: every screen fits at every supported size and text mode in every
# shipped language, no reference is broken, no image is missing. Warnings
# (missing narration where espeak-ng has no voice, draft translations) are
# printed but do not fail.
set -u
B=${TAAMA_BUILD:-$(pwd)/build}
ROOT=${TAAMA_ROOT:-$(pwd)}
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM
"$B/taama" content --content "$ROOT/content" check >"$out" 2>&1
rc=$?
tail -n 1 "$out"
if [ "$rc" -ne 0 ]; then
    grep ': error: \|^error: ' "$out"
    echo "content_check: taama content check exited $rc"
    exit 1
fi
