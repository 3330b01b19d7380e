#!/bin/sh
# sizes.sh: the longest functions and the largest files under app/.
# Usage: tools/sizes.sh [MAX_FUNC_LINES [MAX_FILE_LINES]]
# Prints every function longer than MAX_FUNC_LINES (default 80) and every
# .c file longer than MAX_FILE_LINES (default 700), longest first, and exits
# 1 if there are any. Function extents come from Universal Ctags (end: field),
# so a function is measured from its name line to its closing brace.
set -eu
cd "$(dirname "$0")/.."
fmax=${1:-80}
smax=${2:-700}
bad=0
out=$(ctags --fields=+ne --c-kinds=f -o - $(find app -name '*.c' | sort) |
    awk -F'\t' -v m="$fmax" '{ ln = ""; en = "";
        for (i = 4; i <= NF; i++) {
            if ($i ~ /^line:/) ln = substr($i, 6);
            if ($i ~ /^end:/)  en = substr($i, 5);
        }
        if (en != "" && en - ln + 1 > m) print en - ln + 1, $2 ":" ln, $1 }' |
    sort -rn)
if [ -n "$out" ]; then
    echo "functions over $fmax lines:"; echo "$out"; bad=1
fi
files=$(find app -name '*.c' -exec wc -l {} + | grep -v ' total$' |
    awk -v m="$smax" '$1 > m' | sort -rn)
if [ -n "$files" ]; then
    echo "files over $smax lines:"; echo "$files"; bad=1
fi
exit $bad
