#!/bin/sh
# End-to-end: a scripted visit (tests/e2e/visit.script) through the real
# program with SDL's dummy video driver, then the statistics it left behind.
set -eu
B=${TAAMA_BUILD:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sed "s|@OUT@|$out|g" tests/e2e/visit.script > "$out/visit.script"
# a fresh kiosk with no admin PIN: visitors are served all the same (the
# PIN is set only by the installer, docs/admin.md)
SDL_VIDEODRIVER=dummy "$B/taama" --windowed 1280x800 --data "$out/data" --script "$out/visit.script"
test -s "$out/end-ar.png"
test -s "$out/slide-ti.png"
"$B/taama" stats --data "$out/data" > "$out/stats.txt"
cat "$out/stats.txt"
# three visits started, one quick exit, one timeout, modules opened
grep -q 'ar' "$out/stats.txt"
grep -q 'ti' "$out/stats.txt"
