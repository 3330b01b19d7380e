#!/bin/sh
# qr_decode.sh: the take-away QR codes in rendered screens decode, with
# zbarimg (zbar-tools), to exactly the contact text the kiosk shows
# (qr_contact_text: "tel:<digits>" for a dialable number, else
# "<name>: <number>").
#
# Renders every module's end card and the help screen with `taama render`
# at a landscape kiosk and a small phone size, in English and Arabic (the
# QR code carries the contact as written in contacts.yaml, whatever the
# language). A copy of the shipped content with one dialable number covers
# the tel: form. The expected texts are built here from contacts.yaml,
# independently of the C code.
set -eu
B=${TAAMA_BUILD:-$(pwd)/build}
ROOT=${TAAMA_ROOT:-$(pwd)}
TAAMA="$B/taama"
command -v zbarimg >/dev/null || { echo "qr_decode: zbarimg (zbar-tools) is missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

cp -R "$ROOT/content" "$tmp/content"
# one real-looking, dialable number (only inside this test's copy)
sed -i 's/number: "+000 DEMO 0001"/number: "+221 33-123 45 67"/' "$tmp/content/contacts.yaml"
grep -q '+221 33-123 45 67' "$tmp/content/contacts.yaml"

# id -> expected QR text, from the simple layout of contacts.yaml
awk '
/^  - id:/ { if (id != "") print id "\t" text; id = $3; name = ""; text = "" }
/^    name:/ { sub(/^    name: *"?/, ""); sub(/"$/, ""); name = $0 }
/^    number:/ { sub(/^    number: *"?/, ""); sub(/"$/, ""); num = $0;
    if (num ~ /^[0-9+ -]+$/) { gsub(/[ -]/, "", num); text = "tel:" num }
    else text = name ": " num }
END { if (id != "") print id "\t" text }' "$tmp/content/contacts.yaml" >"$tmp/expected"
grep -q "	tel:+221331234567$" "$tmp/expected"
[ "$(wc -l <"$tmp/expected")" -ge 2 ]

fail=0
decode() { zbarimg --raw -q "$1" 2>/dev/null | sort; }
checked=0
for lang in en ar; do
    for size in 1920x1080 360x640; do
        "$TAAMA" render --content "$tmp/content" --list >"$tmp/screens"
        for screen in $(grep '/end$' "$tmp/screens"); do
            m=${screen%/end}
            id=$(sed -n 's/^  contact: *//p' "$tmp/content/modules/$m.yaml")
            [ -n "$id" ] || continue
            want=$(awk -F '\t' -v id="$id" '$1 == id { print $2 }' "$tmp/expected")
            png="$tmp/$lang-$size-$m.png"
            "$TAAMA" render --content "$tmp/content" --lang "$lang" --screen "$screen" \
                --size "$size" -o "$png" || [ $? -eq 3 ] # 3: overflow, reported elsewhere
            got=$(decode "$png")
            if [ "$got" != "$want" ]; then
                echo "qr_decode: $lang $size $screen: decoded [$got], contact $id shows [$want]"
                fail=1
            fi
            checked=$((checked + 1))
        done
        # the help screen: every code decodes to one contact's text, none twice
        png="$tmp/$lang-$size-help.png"
        "$TAAMA" render --content "$tmp/content" --lang "$lang" --screen help --size "$size" \
            -o "$png" || [ $? -eq 3 ]
        decode "$png" >"$tmp/got"
        n=$(wc -l <"$tmp/got")
        if [ "$n" -lt 1 ]; then
            echo "qr_decode: $lang $size help: no QR code decoded"
            fail=1
        fi
        if [ "$(sort -u "$tmp/got" | wc -l)" -ne "$n" ]; then
            echo "qr_decode: $lang $size help: a code appears twice"
            fail=1
        fi
        while IFS= read -r line; do
            if ! cut -f2 "$tmp/expected" | grep -qxF "$line"; then
                echo "qr_decode: $lang $size help: [$line] is no contact's text"
                fail=1
            fi
            checked=$((checked + 1))
        done <"$tmp/got"
    done
done
echo "qr_decode: $checked codes checked"
exit $fail
