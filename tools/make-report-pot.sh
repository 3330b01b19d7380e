#!/bin/sh
# make-report-pot.sh: regenerate locales/taama-report.pot, the template of
# taama-report's own strings (gettext domain "taama-report": the campaign
# report, the codebook, names in the CSV), then msgmerge it into every
# locales/<lang>/LC_MESSAGES/taama-report.po. Strings are marked R_("..."),
# RN_("...") (static tables) and report_trn("one", "many", n) (plurals).
# Run from the repository root (`make pot` does).
set -eu
OUT=${OUT:-locales/taama-report.pot}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
find app/report -name '*.c' | LC_ALL=C sort > "$tmp/files"
xgettext --language=C --from-code=UTF-8 --keyword=R_ --keyword=RN_ --keyword=report_trn:1,2 \
    --add-comments=TRANSLATORS: --package-name=taama-report \
    --files-from="$tmp/files" -o "$tmp/report.pot" 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
# A fixed creation date keeps the template stable between runs.
sed 's/^"POT-Creation-Date: .*\\n"$/"POT-Creation-Date: 2026-12-01 00:00+0000\\n"/' "$tmp/report.pot" > "$OUT"
# Only the real template updates the PO files (tests write a copy).
[ "$OUT" = locales/taama-report.pot ] || exit 0
for po in locales/*/LC_MESSAGES/taama-report.po; do
    [ -f "$po" ] || continue
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$OUT"
done
n=$(grep -c '^msgid ' "$OUT")
echo "make-report-pot: wrote $OUT ($((n - 1)) strings)"
