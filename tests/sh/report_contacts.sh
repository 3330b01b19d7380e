#!/bin/sh
# End to end, issue 12 point 1: two kiosks whose contacts.yaml put
# different services at index 0 each run the scripted visit
# (tests/e2e/visit.script, which shows the take-away QR code of the first
# module's end-card contact), export with `taama export`, and taama-report
# merges both: the HTML and the CSV name each count by its own kiosk's
# contact (id and label), not by the manager's --content, and a DHIS2 map
# line "contact:ID" takes each kiosk's count of that service. Then an export
# from a kiosk that never recorded a list still merges, named from
# --content and said so.
set -eu
B=${TAAMA_BUILD:-build}
ROOT=${TAAMA_ROOT:-.}
T=$(mktemp -d)
trap "rm -rf \"$T\"" EXIT
fail() { echo "FAIL: $*"; exit 1; }

# site B: the anti-trafficking line first, and the first module's end card
# points at it (site A is the shipped content: the help line first)
cp -R "$ROOT/content" "$T/site-b"
awk '/^  - id: helpline/ { h = 1 } /^  - id: trafficking-line/ { h = 0; t = 1 }
     /^  - id: women-line/ { t = 0; printf "%s", hb }
     h { hb = hb $0 "\n"; next } { print }' "$ROOT/content/contacts.yaml" > "$T/site-b/contacts.yaml"
sed -i 's/^  contact: helpline$/  contact: trafficking-line/' "$T/site-b/modules/journey-risks.yaml"
grep -q 'contact: trafficking-line' "$T/site-b/modules/journey-risks.yaml" || fail "site B content"
[ "$(grep -m1 '^  - id:' "$T/site-b/contacts.yaml")" = "  - id: trafficking-line" ] || fail "site B order"

sed "s|@OUT@|$T|g" "$ROOT/tests/e2e/visit.script" > "$T/visit.script"
mkdir -p "$T/stick"
for site in a b; do
    content="$ROOT/content"
    [ $site = b ] && content="$T/site-b"
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$B/taama" --windowed 1280x800 --data "$T/data-$site" \
        --content "$content" --script "$T/visit.script" > "$T/run-$site.log" 2>&1 || { cat "$T/run-$site.log"; fail "visit $site"; }
    "$B/taama" export --to "$T/stick" --any-folder --data "$T/data-$site" --label "Site $site" > "$T/exp-$site.log" 2>&1 ||
        { cat "$T/exp-$site.log"; fail "export $site"; }
done
n=$(find "$T/stick" -name contacts.json | wc -l)
[ "$n" = 2 ] || fail "contacts.json in $n exports, want 2"

R="$B/taama-report"
"$R" merge "$T/stick" --db "$T/c.sqlite" > "$T/out" 2>&1 || { cat "$T/out"; fail "merge"; }
grep -q "^merge: 2 taken" "$T/out" || { cat "$T/out"; fail "summary"; }
# both kiosks counted one QR code under index 0
[ "$(sqlite3 "$T/c.sqlite" "SELECT group_concat(item || ':' || value) FROM counters WHERE metric='qr_shown'")" = "0:1,0:1" ] ||
    fail "qr_shown counts"

# CSV (no suppression: two counts of 1): each row named by its own kiosk
"$R" csv --db "$T/c.sqlite" --no-suppress --period day -o "$T/t.csv" 2> /dev/null || fail "csv"
grep -q '^[0-9a-f]*,Site a,.*,qr_shown,ar,,0,1,0,.*,helpline: DEMO migrant helpline - replace before deployment' "$T/t.csv" ||
    { grep qr_shown "$T/t.csv"; fail "site A row not named by its help line"; }
grep -q '^[0-9a-f]*,Site b,.*,qr_shown,ar,,0,1,0,.*,trafficking-line: DEMO anti-trafficking line - replace before deployment' "$T/t.csv" ||
    { grep qr_shown "$T/t.csv"; fail "site B row not named by its anti-trafficking line"; }

# HTML: both services in the QR table (each hidden as a small count)
"$R" html --db "$T/c.sqlite" --min 2 -o "$T/r.html" 2> /dev/null || fail "html"
sed -n '/Take-away QR codes shown, by contact/,/<\/table>/p' "$T/r.html" > "$T/qr.html"
grep -q '<th scope="row">helpline: DEMO migrant helpline' "$T/qr.html" || fail "html: no help line row"
grep -q '<th scope="row">trafficking-line: DEMO anti-trafficking line' "$T/qr.html" || fail "html: no anti-trafficking row"

# DHIS2 by contact id: one help line QR code (site A's index 0) and one
# anti-trafficking one (site B's index 0), where index 0 would give 2 and 0
cat > "$T/map.csv" << 'EOF'
orgunit,*,OuOther0001
element,qr_shown,*,*,contact:helpline,DeQrHelpLn1,,
element,qr_shown,*,*,contact:trafficking-line,DeQrTraffk1,,
EOF
dhis2_run() {
    "$R" dhis2 --db "$T/c.sqlite" --map "$T/map.csv" --no-suppress -o "$T/v.csv" 2> "$T/dhis2.err" ||
        { cat "$T/dhis2.err"; fail "dhis2"; }
    grep -q '^DeQrHelpLn1,[0-9]*,OuOther0001,HllvX50cXC0,HllvX50cXC0,1,' "$T/v.csv" || { cat "$T/v.csv"; fail "dhis2 help line"; }
    grep -q '^DeQrTraffk1,[0-9]*,OuOther0001,HllvX50cXC0,HllvX50cXC0,1,' "$T/v.csv" || { cat "$T/v.csv"; fail "dhis2 anti-trafficking"; }
}
dhis2_run
grep -q 'could not be matched by contact id' "$T/dhis2.err" && fail "dhis2 warned with every list present"

# a kiosk without a recorded list (its lists removed, as on a kiosk from
# before contact lists): merged, named from --content, and the report says so
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$B/taama" --windowed 1280x800 --data "$T/data-c" \
    --script "$T/visit.script" > "$T/run-c.log" 2>&1 || fail "visit c"
sqlite3 "$T/data-c/stats.sqlite" "DELETE FROM contacts; DELETE FROM contact_lists"
mkdir -p "$T/stick-c"
"$B/taama" export --to "$T/stick-c" --any-folder --data "$T/data-c" > /dev/null 2>&1 || fail "export c"
"$R" merge "$T/stick-c" --db "$T/c.sqlite" > "$T/out" 2>&1 || { cat "$T/out"; fail "merge c"; }
"$R" csv --db "$T/c.sqlite" --no-suppress --period day --content "$ROOT/content" -o "$T/c.csv" 2> /dev/null || fail "csv c"
grep -c "(name from this computer's contacts.yaml: the kiosk sent no list)" "$T/c.csv" | grep -q '^1$' ||
    { grep qr_shown "$T/c.csv"; fail "fallback not said"; }
# DHIS2: the kiosk without a list adds to neither service, and says so
dhis2_run
grep -q 'WARNING: 1 counters could not be matched by contact id' "$T/dhis2.err" || { cat "$T/dhis2.err"; fail "dhis2 no-list warning"; }
echo "report_contacts: ok"
