#!/bin/sh
# The translation template is up to date: regenerating it from the sources
# and the content (tools/make-pot.sh, as `make pot` does) gives
# locales/taama.pot again. Ignored: the POT-Creation-Date header and the
# "#:" source locations (file:line moves with every unrelated edit above a
# string). Every msgid, context, plural and translator comment must match:
# a new or changed string without `make pot` fails here.
set -eu
ROOT=${TAAMA_ROOT:-.}
B=${TAAMA_BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$ROOT"
B="$B" OUT="$tmp/taama.pot" sh tools/make-pot.sh > /dev/null
strip() { grep -v -e '^"POT-Creation-Date: ' -e '^#: ' "$1"; }
strip locales/taama.pot > "$tmp/have"
strip "$tmp/taama.pot" > "$tmp/fresh"
if ! diff -u "$tmp/have" "$tmp/fresh" >&2; then
    echo "locales/taama.pot is stale (- committed, + regenerated): run make pot, then msgmerge the .po files" >&2
    exit 1
fi
