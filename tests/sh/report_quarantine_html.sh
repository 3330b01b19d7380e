#!/bin/sh
# The HTML report lists the exports held in quarantine (report-harden's
# trust model): merge --enrolled-only on the fixture stick quarantines both
# kiosks; the report names each kiosk id and site, says why, how many
# exports and counter rows are held back and the days they cover, in
# English, French and Arabic (valid for tidy); the first page counts them.
# Once the kiosks are enrolled, the section says nothing is held back. A
# key change (a second key claiming an enrolled kiosk) reads as such.
. "${TAAMA_ROOT:-.}/tests/sh/report-env.inc"
A=46a28ea164cbd482a9e56b9ef9ae35d9
B=dbc2260ece374f2a3a2b0953f3b08aef
key_of() { sed -n 's/.*"kiosk_pubkey":"\([0-9a-f]*\)".*/\1/p' "$F/stick/taama-export/$1/1-000001/manifest.json"; }

"$R" merge "$F/stick" --db "$T/c.sqlite" --key "$F/campaign.key" --enrolled-only >/dev/null 2>&1 &&
    fail "merge --enrolled-only should exit 1 (quarantined)"
for l in en fr ar; do
    "$R" html --lang "$l" --db "$T/c.sqlite" -o "$T/$l.html" || fail "html --lang $l"
    if command -v tidy >/dev/null; then
        tidy -errors -q "$T/$l.html" >/dev/null 2>&1 || fail "$l: tidy finds errors"
    fi
done
h="$T/en.html"
grep -q "<h2 id=\"quarantined\">Quarantined exports</h2>" "$h" || fail "no quarantine section"
row=$(grep "<tr><th>$A (Bus station A)</th>" "$h") || fail "kiosk A not listed"
echo "$row" | grep -q "<td class=\"n\">$(key_of $A | cut -c1-16)&#8230;</td>" || fail "A: key prefix: $row"
echo "$row" | grep -q "kiosk not enrolled" || fail "A: reason: $row"
echo "$row" | grep -q "<td>2</td><td>156</td>" || fail "A: exports and counter rows: $row"
echo "$row" | grep -q "2024-04-24 &#8211; 2024-04-28" || fail "A: days: $row"
grep -q "<tr><th>$B (Border post B)</th>.*<td>2</td><td>180</td>" "$h" || fail "kiosk B not listed"
grep -q "<dd>0 kiosks, 0 exports merged, 4 exports in quarantine, not counted</dd>" "$h" ||
    fail "first page: $(grep -o '<dd>[^<]*exports merged[^<]*</dd>' "$h")"
# translated like the rest, right to left in Arabic
grep -q "<h2 id=\"quarantined\">Exports en quarantaine</h2>" "$T/fr.html" || fail "fr: heading"
grep -q "borne non enregistrée" "$T/fr.html" || fail "fr: reason"
grep -q "4 exports en quarantaine, non comptés" "$T/fr.html" || fail "fr: first page"
grep -q '<html lang="ar" dir="rtl">' "$T/ar.html" || fail "ar: direction"
grep -q "<h2 id=\"quarantined\">تصديرات في الحجر</h2>" "$T/ar.html" || fail "ar: heading"
grep -q "كشك غير مسجَّل" "$T/ar.html" || fail "ar: reason"

# A second key for the enrolled kiosk A: quarantined as a key change.
"$R" accept "$A" "$(key_of $A)" --db "$T/c.sqlite" >/dev/null || fail "accept A"
"$R" accept "$B" "$(key_of $B)" --db "$T/c.sqlite" >/dev/null || fail "accept B"
"$R" html --db "$T/c.sqlite" -o "$T/none.html" || fail "html after accept"
grep -q "No export is held in quarantine" "$T/none.html" || fail "after accept: quarantine not empty"
grep -q "exports* in quarantine" "$T/none.html" && fail "after accept: first page still counts a quarantine"
sqlite3 "$T/c.sqlite" "INSERT INTO quarantine(kiosk_id, pubkey, epoch, seq, manifest_sha256, rows, day_first,
    day_last, created, encrypted, label, reason) VALUES('$A', '$(printf '%064d' 7)', 1, 9, 'x', 12, '2024-05-01',
    '2024-05-02', 0, 0, '<b>&forged', '!!! KEY CHANGED: kiosk $A is enrolled with key ...')"
"$R" html --db "$T/c.sqlite" -o "$T/kc.html" || fail "html with a key change"
row=$(grep "<tr><th>$A" "$T/kc.html") || fail "key change not listed"
echo "$row" | grep -q "(&lt;b&gt;&amp;forged)" || fail "the export's label is not escaped: $row"
echo "$row" | grep -q "signed by a key other than the kiosk" || fail "key change reason: $row"
echo "$row" | grep -q "<td>1</td><td>12</td>" || fail "key change counts: $row"
echo "report_quarantine_html: ok"
