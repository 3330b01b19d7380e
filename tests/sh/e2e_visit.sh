#!/bin/sh
# End-to-end: a scripted visit (tests/e2e/visit.script) through the real
# program with SDL's dummy video driver, then every counter it left behind.
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
# Every counter, exactly. Two visits (the second ends with quick exit at
# once). The first, in Arabic: journey-risks opened, its slides, both quiz
# questions answered wrong (answer 0, then 1), its end card, help (with its
# QR code); a switch to Tigrinya; the children's story opened in Tigrinya,
# then a timeout. The deepest slide of each module is counted when the
# visit ends, under the language in use then (Tigrinya for both).
# session_length buckets: <1 min (quick exit), 3-10 min (the first visit,
# about 3.5 min of waiting).
TAB=$(printf '\t')
sed "s/ *| */$TAB/g" > "$out/want.tsv" <<'WANT'
session_start | | | H | 2
language_chosen | ar | | -1 | 1
language_chosen | en | | -1 | 1
language_switch | ti | | -1 | 1
module_opened | ar | journey-risks | -1 | 1
module_completed | ar | journey-risks | -1 | 1
end_card_shown | ar | journey-risks | -1 | 1
quiz_answer_wrong | ar | journey-risks | 0 | 1
quiz_answer_wrong | ar | journey-risks | 1 | 1
help_shown | ar | | -1 | 1
qr_shown | ar | | 0 | 1
module_opened | ti | children-story | -1 | 1
slide_deepest | ti | children-story | 0 | 1
slide_deepest | ti | journey-risks | 3 | 1
timeout | | | -1 | 1
quick_exit | en | | -1 | 1
session_length | | | 0 | 1
session_length | | | 2 | 1
WANT
. tests/e2e/stats_expect.sh
stats_expect "$B" "$out/data" "$out/want.tsv"
