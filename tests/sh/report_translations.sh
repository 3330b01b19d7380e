#!/bin/sh
# taama-report's catalogue: the committed template locales/taama-report.pot
# holds exactly the strings marked in app/report/ (regenerated in a temporary
# copy and compared), every report PO file has all of them and passes
# msgfmt --check, and the HTML report comes out in each language with the
# right <html lang dir>.
set -u
status=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
OUT="$T/fresh.pot" sh tools/make-report-pot.sh >/dev/null 2>&1 || { echo "make-report-pot failed"; exit 1; }
ids() { msgcat --no-wrap --sort-output "$1" 2>/dev/null | grep -E '^msgid(_plural)? ' ; }
if [ "$(ids "$T/fresh.pot")" != "$(ids locales/taama-report.pot)" ]; then
    echo "locales/taama-report.pot is stale: run make pot"; status=1
fi
for po in locales/*/LC_MESSAGES/taama-report.po; do
    lang=$(echo "$po" | cut -d/ -f2)
    msgfmt --check -o /dev/null "$po" || { echo "$lang: msgfmt --check fails"; status=1; }
    if grep -q '^# DRAFT: needs review by a native speaker' "$po"; then
        echo "$lang: draft entries marked only by a comment: run sh tools/po-drafts.sh"; status=1
    fi
    if ! msgcmp --use-fuzzy "$po" "$T/fresh.pot" >"$T/cmp" 2>&1; then
        echo "$lang: strings missing from $po:"; cat "$T/cmp"; status=1
    fi
done
R="${TAAMA_BUILD:-build}/taama-report"
"$R" merge "${TAAMA_ROOT:-.}/tests/fixtures/export-basic/stick" --db "$T/c.sqlite" \
    --key "${TAAMA_ROOT:-.}/tests/fixtures/export-basic/campaign.key" >/dev/null 2>&1
for l in en fr ar; do
    dir=ltr; [ "$l" = ar ] && dir=rtl
    "$R" html --lang "$l" --db "$T/c.sqlite" -o "$T/$l.html" || { echo "html --lang $l failed"; status=1; }
    grep -q "<html lang=\"$l\" dir=\"$dir\">" "$T/$l.html" || { echo "$l: wrong <html lang dir>"; status=1; }
done
grep -q "Confidentialité" "$T/fr.html" || { echo "fr: report not translated"; status=1; }
grep -q "الخصوصية" "$T/ar.html" || { echo "ar: report not translated"; status=1; }
exit $status
