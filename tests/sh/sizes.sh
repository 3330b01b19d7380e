#!/bin/sh
# Issue 13's bar, kept: no function under app/ over 80 lines and no .c file
# over 700 (tools/sizes.sh measures with Universal Ctags). A room that grows
# past it fails make check, so it is split while it is still small.
set -eu
cd "${TAAMA_ROOT:-.}"
command -v ctags >/dev/null 2>&1 || { echo "FAIL: ctags (universal-ctags) missing"; exit 1; }
ctags --version 2>/dev/null | grep -q "Universal Ctags" ||
    { echo "FAIL: ctags is not Universal Ctags (needs the end: field)"; exit 1; }
# the measure must see functions at all (a broken ctags would pass silently)
n=$(ctags --fields=+ne --c-kinds=f -o - app/main.c | grep -c 'end:' || true)
[ "$n" -gt 0 ] || { echo "FAIL: ctags reports no function extents"; exit 1; }
tools/sizes.sh 80 700 || { echo "FAIL: split the rooms listed above"; exit 1; }
echo "sizes: ok"
