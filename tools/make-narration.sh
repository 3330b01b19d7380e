#!/bin/sh
# make-narration.sh: demo narration with espeak-ng, at build time.
#
#   sh tools/make-narration.sh [BUILD_DIR]      (make narration)
#
# Writes BUILD_DIR/narration/<lang>/<key>.wav for every narration key of
# the shipped content (slides, quiz questions, end cards) and
# <lang>/language-name.wav (the picker speaks it), in each language that
# has an espeak-ng voice on this machine. The texts come from
# `taama narration script`: the content's strings translated through the
# compiled catalogues (BUILD_DIR/locale, from locales/<lang>/.../taama.po);
# a screen whose strings are not all translated yet gets no narration rather
# than English in a French voice. The children's track is read slower.
#
# Incremental: BUILD_DIR/narration/<lang>/<key>.txt keeps the text each WAV
# was made from, and only changed texts are spoken again. Files for keys
# that no longer exist are removed. Without espeak-ng, or without a voice,
# the step is skipped with a message and never fails the build: the kiosk
# then shows the speaker disabled there. Recorded voices go in
# content/audio/ instead (docs/narration.md); they win over these.
set -eu
B=${1:-build}
OUT="$B/narration"
TAAMA="$B/taama"
RATE_NORMAL=${TAAMA_NARRATION_RATE:-150} # words per minute (espeak-ng default 175)
RATE_SLOW=${TAAMA_NARRATION_RATE_SLOW:-115}

if ! command -v espeak-ng >/dev/null 2>&1; then
    echo "narration: espeak-ng is not installed; no demo narration (speaker disabled)"
    exit 0
fi
if [ ! -x "$TAAMA" ]; then
    echo "narration: $TAAMA is not built" >&2
    exit 1
fi

tab=$(printf '\t')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Languages with a voice here, among those the i18n table says espeak-ng
# speaks (taama narration script picks them; ti and ha have none).
# $TAAMA_RUNNER (qemu-aarch64 in an arm64 cross-build) runs the program.
TAAMA_ROOT=${TAAMA_ROOT:-$(pwd)} ${TAAMA_RUNNER:-} "$TAAMA" narration script >"$tmp/script" 2>"$tmp/notes" || {
    cat "$tmp/notes" >&2
    exit 1
}
sed 's/^taama narration: /narration: /' "$tmp/notes"

made=0; kept=0; skipped_langs=""
cut -f1 "$tmp/script" | sort -u >"$tmp/langs"
while read -r lang; do
    if [ -z "$(espeak-ng --voices="$lang" | sed 1d)" ]; then
        skipped_langs="$skipped_langs $lang"
        continue
    fi
    mkdir -p "$OUT/$lang"
    : >"$tmp/keep-$lang"
done <"$tmp/langs"

while IFS="$tab" read -r lang key pace text; do
    [ -f "$tmp/keep-$lang" ] || continue
    echo "$key" >>"$tmp/keep-$lang"
    rate=$RATE_NORMAL
    [ "$pace" = slow ] && rate=$RATE_SLOW
    base="$OUT/$lang/$key"
    want=$(printf '%s\t%s\t%s' "$rate" "$lang" "$text")
    if [ -f "$base.wav" ] && [ -f "$base.txt" ] && [ "$(cat "$base.txt")" = "$want" ]; then
        kept=$((kept + 1))
        continue
    fi
    if printf '%s\n' "$text" | espeak-ng --stdin -v "$lang" -s "$rate" -w "$base.wav.tmp" 2>"$tmp/err"; then
        mv "$base.wav.tmp" "$base.wav"
        printf '%s' "$want" >"$base.txt"
        made=$((made + 1))
    else
        rm -f "$base.wav.tmp"
        echo "narration: espeak-ng failed for $lang/$key: $(cat "$tmp/err")" >&2
    fi
done <"$tmp/script"

# Remove what the content no longer has (a deleted slide, a string whose
# translation was withdrawn).
removed=0
for keep in "$tmp"/keep-*; do
    [ -f "$keep" ] || continue
    lang=${keep##*/keep-}
    for f in "$OUT/$lang"/*.wav; do
        [ -f "$f" ] || continue
        key=$(basename "$f" .wav)
        if ! grep -qxF "$key" "$keep"; then
            rm -f "$f" "$OUT/$lang/$key.txt"
            removed=$((removed + 1))
        fi
    done
done

[ -n "$skipped_langs" ] && echo "narration: no espeak-ng voice for:$skipped_langs (speaker disabled there)"
echo "narration: $made made, $kept unchanged, $removed removed, in $OUT"
