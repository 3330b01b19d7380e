#!/bin/sh
# Every string of the template (UI and content) is translated in every
# shipped language, or the test names what is missing. Also: every PO file
# passes msgfmt --check, and says it is a draft for native-speaker review.
set -u
pot=locales/taama.pot
status=0
for po in locales/*/LC_MESSAGES/taama.po; do
    lang=$(echo "$po" | cut -d/ -f2)
    msgfmt --check -o /dev/null "$po" || { echo "$lang: msgfmt --check fails"; status=1; }
    # msgids of the template missing from the PO
    if ! msgcmp "$po" "$pot" >/tmp/msgcmp.$$ 2>&1; then
        echo "$lang: strings missing from $po:"; cat /tmp/msgcmp.$$; status=1
    fi
    untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
    # the header entry counts as one msgid in msgattrib's output
    if [ "$untranslated" -gt 1 ] || [ "$fuzzy" -gt 1 ]; then
        echo "$lang: untranslated or fuzzy strings:"
        msgattrib --untranslated --no-obsolete "$po" | grep '^msgid ' | tail -n +2
        msgattrib --only-fuzzy --no-obsolete "$po" | grep '^msgid ' | tail -n +2
        status=1
    fi
    grep -qi 'draft' "$po" || { echo "$lang: PO file does not say it is a draft"; status=1; }
    echo "$lang: $(msgfmt --statistics -o /dev/null "$po" 2>&1)"
done
rm -f /tmp/msgcmp.$$
exit $status
