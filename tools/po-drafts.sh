#!/bin/sh
# po-drafts.sh: make the PO fuzzy flag the one marker of a draft
# translation. Every entry carrying the translator comment
#     # DRAFT: needs review by a native speaker
# (how the project asks for new draft translations) loses the comment and
# gains the "fuzzy" flag, which msgfmt, msgmerge, Weblate, Pootle and
# Poedit all understand ("needs editing" / "needs review"). A native
# reviewer accepts an entry by clearing its fuzzy flag (in Weblate: saving
# it as translated; by hand: deleting "fuzzy" from its "#," line).
#
# Re-runnable: entries already converted are left alone, so run it again
# after merging branches that added DRAFT-marked entries (make update-po
# does). Arguments: PO files (default: every locales/*/LC_MESSAGES/*.po).
set -eu
[ $# -gt 0 ] || set -- locales/*/LC_MESSAGES/*.po
for po in "$@"; do
    [ -f "$po" ] || continue
    tmp="$po.tmp.$$"
    awk '
    # Entries are separated by blank lines; buffer one, rewrite, print.
    function flush(   i, draft, header, hasflags, out, inserted, line) {
        if (n == 0) return
        draft = 0; header = 0; hasflags = 0
        for (i = 1; i <= n; i++) {
            if (buf[i] == "# DRAFT: needs review by a native speaker") draft = 1
            if (buf[i] == "msgid \"\"" && (i == n || buf[i + 1] ~ /^msgstr/)) header = 1
            if (buf[i] ~ /^#,/) hasflags = 1
        }
        inserted = 0
        for (i = 1; i <= n; i++) {
            line = buf[i]
            if (draft && !header) {
                if (line == "# DRAFT: needs review by a native speaker") continue
                if (line ~ /^#,/ && line !~ /[ ,]fuzzy(,|$)/) { sub(/^#,/, "#, fuzzy,", line); inserted = 1 }
                if (line ~ /^#,/) inserted = 1
                if (!hasflags && !inserted && (line ~ /^#\|/ || line ~ /^msgctxt/ || line ~ /^msgid/)) {
                    print "#, fuzzy"; inserted = 1
                }
            }
            if (header) {
                sub(/Every entry carries a DRAFT comment; remove it$/, "Every unreviewed entry is marked fuzzy; a", line)
                sub(/^# once a native speaker has reviewed the entry\.$/, "# native speaker'"'"'s review clears the flag (tools/po-drafts.sh).", line)
                sub(/carries a DRAFT comment; remove it once a native speaker has reviewed it\.$/, "is marked fuzzy until a native speaker has reviewed it.", line)
            }
            print line
        }
        n = 0
    }
    /^$/ { flush(); print; next }
    { buf[++n] = $0 }
    END { flush() }
    ' "$po" > "$tmp"
    if cmp -s "$tmp" "$po"; then rm -f "$tmp"; else mv "$tmp" "$po"; echo "po-drafts: $po"; fi
    msgfmt --check --use-fuzzy -o /dev/null "$po"
done
