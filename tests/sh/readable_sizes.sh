#!/bin/sh
# Issue 9 point 7: no text on any screen, in any language, is drawn below
# the readable minimum (ui_min_text_px: 2.2 mm, 14 px at 160 dpi), and
# none overflows its box, at the small sizes a kiosk or a phone-sized
# screen really has: 800x480, 480x800 and 360x640. Every screen in every
# language is drawn with the real fonts by `taama render --sheet`, which
# reports each text under the minimum and each overflow on stderr. The
# minimum alone is not enough: a box may not shrink text below it, so text
# that does not fit must be laid out anew, not left to overflow.
set -u
TB="${TAAMA_BUILD:-build}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
# the three sizes side by side (two cores: the third waits on the others)
for size in 800x480 480x800 360x640; do
    "$TB/taama" render --sheet "$T/$size" --size "$size" --data "$T/data-$size" \
        >"$T/$size.out" 2>"$T/$size.err" &
done
wait
bad=0
for size in 800x480 480x800 360x640; do
    [ -s "$T/$size/index.html" ] || { cat "$T/$size.err"; echo "FAIL: no sheet at $size"; exit 1; }
    n=$(ls "$T/$size"/*/*.png 2>/dev/null | wc -l)
    [ "$n" -ge 100 ] || { echo "FAIL: only $n screens drawn at $size"; exit 1; }
    if grep -E "under the [0-9]+ px minimum|overflow" "$T/$size.err" >"$T/$size.bad"; then
        echo "$size:"
        sort "$T/$size.bad" | uniq -c
        bad=1
    fi
done
[ "$bad" -eq 0 ] || { echo "FAIL: text under the minimum or overflowing (above)"; exit 1; }
echo "readable_sizes: ok"
