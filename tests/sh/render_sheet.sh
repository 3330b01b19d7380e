#!/bin/sh
# `taama render --sheet DIR`: the translators' contact sheet has every
# requested screen in every language as a PNG, and an index.html that shows
# each with its language and direction (tidy-clean). An unknown screen is
# an error, not an empty sheet.
set -u
TB="${TAAMA_BUILD:-build}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SDL_VIDEODRIVER=dummy
"$TB/taama" render --sheet "$T/sheet" --screen menu,journey-risks/slide-1 --data "$T/data" >"$T/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { cat "$T/out"; fail "render --sheet exit $rc"; }
for l in en fr ar ti ha; do
    for s in menu journey-risks--slide-1; do
        [ -s "$T/sheet/$l/$s.png" ] || fail "missing $l/$s.png"
        grep -q "src=\"$l/$s.png\"" "$T/sheet/index.html" || fail "index lacks $l/$s.png"
    done
done
grep -q '<figure lang="ar" dir="rtl">' "$T/sheet/index.html" || fail "Arabic not right to left"
[ "$(grep -c '<section>' "$T/sheet/index.html")" -eq 2 ] || fail "not one section per screen"
if command -v tidy >/dev/null 2>&1; then tidy -errors -q "$T/sheet/index.html" || fail "tidy"; fi
if "$TB/taama" render --sheet "$T/bad" --screen no-such-screen --data "$T/data" >/dev/null 2>&1; then
    fail "unknown screen accepted"
fi
echo "render_sheet: ok"
