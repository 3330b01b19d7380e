#!/bin/sh
# make-pot.sh: regenerate locales/taama.pot, the template translators start
# from. Two sources, one catalogue:
#   - UI strings in the C sources, marked _("...") or N_("..."), found by
#     xgettext;
#   - content strings (modules and help contacts, English in the YAML),
#     written by `taama content pot` with file:line references.
# msgcat merges them; a string used in both places appears once.
# Run from the repository root (`make pot` does). B selects the build
# folder (default build); the taama binary is built first if missing.
set -eu

B=${B:-build}
CONTENT=${CONTENT:-content}
OUT=${OUT:-locales/taama.pot}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# UI strings. Sorted file list so the POT does not depend on find order.
find app -name '*.c' | LC_ALL=C sort > "$tmp/files"
# (Its only chatter is about the bug-report address, which Taama has not;
# shown only if xgettext fails.)
if ! xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=i18n_text_in:2 --keyword=i18n_ntext:1,2 \
    --keyword=C_:1c,2 \
    --add-comments=TRANSLATORS: --package-name=Taama \
    --files-from="$tmp/files" -o "$tmp/ui.pot" 2> "$tmp/xgettext.err"; then
    cat "$tmp/xgettext.err" >&2
    exit 1
fi

# Content strings.
if [ ! -x "$B/taama" ]; then
    ${MAKE:-make} -s "$B/taama"
fi
"$B/taama" content pot --content "$CONTENT" > "$tmp/content.pot"

# xgettext writes nothing when it finds no marked string.
set -- "$tmp/content.pot"
[ -f "$tmp/ui.pot" ] && set -- "$tmp/ui.pot" "$@"

mkdir -p "$(dirname "$OUT")"
# --use-first keeps one header (xgettext's, with the creation date);
# charset: content is UTF-8 (Arabic, Ethiopic may appear in UI strings too).
msgcat --use-first --to-code=UTF-8 -o "$OUT" "$@"
msgfmt --check-format --check-domain -o /dev/null "$OUT"
n=$(grep -c '^msgid ' "$OUT")
echo "make-pot: wrote $OUT ($((n - 1)) strings)"
