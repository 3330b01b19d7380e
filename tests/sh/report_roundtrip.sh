#!/bin/sh
# taama-report end to end on committed fixture exports: merge (plain and
# sealed), merge again (idempotent), refuse a tampered copy and a sealed
# export without the key, then html (tidy-clean, no count 1-9), csv, dhis2.
. "${TAAMA_ROOT:-.}/tests/sh/report-env.inc"

# Without the key: the plain exports are taken, the sealed ones refused.
if "$R" merge "$F/stick" --db "$T/nokey.sqlite" >"$T/out" 2>&1; then fail "merge without key should report refusals"; fi
grep -q "give the campaign secret key" "$T/out" || fail "no key message"

"$R" merge "$F/stick" --db "$T/c.sqlite" --key "$F/campaign.key" >"$T/out" 2>&1 || { cat "$T/out"; fail "merge"; }
grep -q "^merge: 4 taken, 0 already merged, 0 refused" "$T/out" || { cat "$T/out"; fail "summary"; }
total=$(sqlite3 "$T/c.sqlite" "SELECT SUM(value) FROM counters WHERE metric='session_start'")
[ "$total" = 220 ] || fail "sessions $total, want 220"
"$R" merge "$F/stick" --db "$T/c.sqlite" --key "$F/campaign.key" >"$T/out" 2>&1 || fail "second merge"
grep -q "^merge: 0 taken, 4 already merged" "$T/out" || { cat "$T/out"; fail "idempotent"; }
total2=$(sqlite3 "$T/c.sqlite" "SELECT SUM(value) FROM counters WHERE metric='session_start'")
[ "$total2" = 220 ] || fail "sessions changed on re-merge"

# A tampered copy: one count changed in a plain CSV.
cp -r "$F/stick" "$T/stick"
csv=$(find "$T/stick" -name counters.csv | head -n 1)
sed -i "2s/\([0-9]\)\r\$/\19\r/" "$csv"
if "$R" merge "$T/stick" --db "$T/t.sqlite" --key "$F/campaign.key" >"$T/out" 2>&1; then fail "tampered accepted"; fi
grep -q "REFUSED.*counters.csv: wrong size" "$T/out" || { cat "$T/out"; fail "tamper message"; }

"$R" html --db "$T/c.sqlite" -o "$T/r.html" || fail "html"
tidy -errors -q "$T/r.html" || fail "tidy"
if grep -o '<td class="n">[0-9]*<' "$T/r.html" | grep -q '>[1-9]<'; then fail "small cell in html"; fi
grep -q '&lt;10' "$T/r.html" || fail "no suppressed cell shown"

"$R" csv --db "$T/c.sqlite" -o "$T/t.csv" || fail "csv"
head -c 3 "$T/t.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "csv BOM"
"$R" dhis2 --db "$T/c.sqlite" --map "$F/dhis2-map.csv" -o "$T/d.csv" 2>"$T/err" || fail "dhis2"
grep -q "^DeSessions1,202404,OuBusStA001,HllvX50cXC0,HllvX50cXC0,80," "$T/d.csv" || { cat "$T/d.csv"; fail "dhis2 row"; }
# Suppression off only when asked, and loudly; never for the HTML.
if awk -F, 'NR > 1 && $9 ~ /^[1-9]$/ { bad = 1 } END { exit !bad }' "$T/t.csv"; then fail "csv shows a count 1-9"; fi
"$R" csv --db "$T/c.sqlite" --no-suppress -o "$T/raw.csv" 2>"$T/err" || fail "csv --no-suppress"
grep -q "WARNING: SMALL-COUNT SUPPRESSION IS OFF" "$T/err" || fail "no loud warning"
awk -F, 'NR > 1 && $9 ~ /^[1-9]$/ { ok = 1 } END { exit !ok }' "$T/raw.csv" || fail "raw csv lacks small counts"
if "$R" html --db "$T/c.sqlite" --no-suppress -o "$T/x.html" 2>/dev/null; then fail "html --no-suppress accepted"; fi
"$R" gaps --db "$T/c.sqlite" | grep -q "no gaps" || fail "gaps"
echo "report_roundtrip: ok"
