#!/bin/sh
# End-to-end: a scripted visit (tests/e2e/visit.script) through the real
# program with SDL's dummy video driver, then the statistics it left behind.
set -eu
B=${TAAMA_BUILD:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sed "s|@OUT@|$out|g" tests/e2e/visit.script > "$out/visit.script"
# without an admin PIN the kiosk first asks for one (see docs/admin.md)
printf '2580\n' | "$B/taama" admin set-pin --pin-stdin --data "$out/data" > /dev/null
SDL_VIDEODRIVER=dummy "$B/taama" --windowed 1280x800 --data "$out/data" --script "$out/visit.script"
test -s "$out/end-ar.png"
test -s "$out/slide-ti.png"
"$B/taama" stats --data "$out/data" > "$out/stats.txt"
cat "$out/stats.txt"
# three visits started, one quick exit, one timeout, modules opened
grep -q 'ar' "$out/stats.txt"
grep -q 'ti' "$out/stats.txt"
