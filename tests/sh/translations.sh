#!/bin/sh
# Every string of the template (UI and content) is in every shipped
# language, or the test names what is missing. A string is either reviewed
# by a native speaker (no flag) or a draft (the fuzzy flag): both are
# accepted; an empty translation is not, and neither is a "# DRAFT" comment
# left unconverted (run sh tools/po-drafts.sh). Every PO file passes
# msgfmt --check and says it holds drafts while it does.
#
# What the kiosk shows for a draft: a default build (DRAFTS=1) compiles
# fuzzy entries in, so a visitor reads the draft; DRAFTS=0 leaves them out
# and gettext falls back to the English source. Both are checked on a real
# catalogue below.
set -u
pot=locales/taama.pot
status=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for po in locales/*/LC_MESSAGES/taama.po; do
    lang=$(echo "$po" | cut -d/ -f2)
    msgfmt --check -o /dev/null "$po" || { echo "$lang: msgfmt --check fails"; status=1; }
    # msgids of the template missing from the PO
    if ! msgcmp --use-fuzzy "$po" "$pot" >"$T/cmp" 2>&1; then
        echo "$lang: strings missing from $po:"; cat "$T/cmp"; status=1
    fi
    # the header entry counts as one msgid in msgattrib's output
    untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
    if [ "$untranslated" -gt 1 ]; then
        echo "$lang: untranslated strings:"
        msgattrib --untranslated --no-obsolete "$po" | grep '^msgid ' | tail -n +2
        status=1
    fi
    if grep -q '^# DRAFT: needs review by a native speaker' "$po"; then
        echo "$lang: draft entries marked only by a comment: run sh tools/po-drafts.sh (make update-po)"
        status=1
    fi
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
    fuzzy=$((fuzzy > 0 ? fuzzy - 1 : 0))
    if [ "$fuzzy" -gt 0 ]; then
        grep -qi 'draft' "$po" || { echo "$lang: PO file with fuzzy entries does not say it holds drafts"; status=1; }
    fi
    echo "$lang: $(msgfmt --statistics -o /dev/null "$po" 2>&1) (drafts: $fuzzy)"
done

# The kiosk's choice, on a catalogue with one reviewed and one draft entry.
cat > "$T/fr.po" <<'PO'
msgid ""
msgstr ""
"Project-Id-Version: test\n"
"PO-Revision-Date: 2026-12-01 00:00+0000\n"
"Last-Translator: test\n"
"Language-Team: test\n"
"Language: fr\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"

msgid "Back"
msgstr "Retour"

#, fuzzy
msgid "Next"
msgstr "Suivant"
PO
mkdir -p "$T/drafts/fr/LC_MESSAGES" "$T/reviewed/fr/LC_MESSAGES"
msgfmt --check --use-fuzzy -o "$T/drafts/fr/LC_MESSAGES/t.mo" "$T/fr.po" || status=1
msgfmt --check -o "$T/reviewed/fr/LC_MESSAGES/t.mo" "$T/fr.po" || status=1
if command -v gettext >/dev/null 2>&1; then
    tr() { LC_ALL=C.UTF-8 LANGUAGE=fr TEXTDOMAINDIR="$T/$1" gettext -d t "$2"; }
    [ "$(tr drafts Next)" = Suivant ] || { echo "DRAFTS=1: a draft is not shown"; status=1; }
    [ "$(tr reviewed Next)" = Next ] || { echo "DRAFTS=0: a draft does not fall back to English"; status=1; }
    [ "$(tr reviewed Back)" = Retour ] || { echo "DRAFTS=0: a reviewed entry is not shown"; status=1; }
fi
# The build follows the same rule: DRAFTS=1 by default.
grep -q '^DRAFTS ?= 1' Makefile || { echo "Makefile: DRAFTS default changed"; status=1; }
exit $status
