#!/bin/sh
# content_check_broken.sh: `taama content check` catches each kind of defect
# in the deliberately broken fixture tests/fixtures/content-check-broken/
# (each defect is marked DEFECT there), and exits non-zero.
set -u
B=${TAAMA_BUILD:-$(pwd)/build}
ROOT=${TAAMA_ROOT:-$(pwd)}
F="$ROOT/tests/fixtures/content-check-broken"
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM
"$B/taama" content --content "$F" check --lang en --lang ha >"$out" 2>&1
rc=$?
fail=0
if [ "$rc" -ne 1 ]; then
    echo "content_check_broken: exit code $rc, want 1 (errors found)"
    fail=1
fi
expect() { # what, then an extended regular expression one report line must match
    if ! grep -Eq "$2" "$out"; then
        echo "content_check_broken: not reported: $1 (no line matching /$2/)"
        fail=1
    fi
}
expect "overflowing string" \
    '^error: en, screen broken/slide-2, 360x640, large text: 1 text box overflows, first: "Pneumono.*\[overflow\]$'
expect "missing image" 'broken\.yaml:[0-9]+: error: .*images/not-there\.svg.* not found \[load\]$'
expect "missing narration" \
    'broken\.yaml: warning: en: slide 2 has no narration \(audio/en/broken-slide-2\.wav\) \[narration\]$'
expect "language without narration" 'warning: ha: no narration at all .*\[narration\]$'
expect "what to record in a language without narration" \
    'broken\.yaml: warning: ha: to record in audio/ha/: broken-slide-1\.wav .*\[narration\]$'
expect "language name not recorded" 'warning: ha: no recording of the language.s own name .*\[narration\]$'
expect "contact without a number" "contacts\.yaml: warning: contact 'nonumber' has no number.*\[contacts\]$"
expect "broken contact reference" "broken\.yaml:[0-9]+: error: end card: contact 'nobody' is not in contacts\.yaml \[load\]$"
expect "broken narration reference" \
    'broken\.yaml: error: slide 4: audio: no-such-recording names no recording in any language .*\[narration\]$'
expect "risky mixed-direction punctuation" \
    'no-number\.yaml:[0-9]+: warning: en: ".*": the punctuation at byte [0-9]+ is glued to a word or number of the other direction.*\[bidi\]$'
expect "right/wrong mark as an answer pictogram" \
    'broken\.yaml:[0-9]+: error: quiz 1 answer 1: images/yes\.svg is a right/wrong mark.*\[pictograms\]$'
expect "one picture for two answers" \
    'no-number\.yaml:[0-9]+: error: quiz 1 answer 2: images/card\.svg is also the picture of "Yes" .*each answer needs its own picture \[pictograms\]$'
expect "missing translation" 'no ha translation for "Broken module" \[translation\]$'
expect "translation summary" 'warning: ha: [0-9]+ of [0-9]+ content strings not translated \[translation\]$'
# what works must not be reported
if grep -q "slide 1 has no narration (audio/en/broken-slide-1.wav)" "$out"; then
    echo "content_check_broken: slide 1 has a recording but is reported"
    fail=1
fi
if grep -q "^error: en, screen no-number/" "$out"; then
    echo "content_check_broken: a module with short texts is reported as overflowing"
    fail=1
fi
[ "$fail" -eq 0 ] || cat "$out"
exit $fail
