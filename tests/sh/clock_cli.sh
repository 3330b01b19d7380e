#!/bin/sh
# clock_cli.sh: `taama clock` from a shell (issue 11) and health.json in a
# shell export.
#
# Sets the kiosk time on a data folder whose clock is stale, checks that
# the correction is kept, that a signed time stick is accepted once and
# refused when replayed, that a malformed time is refused, and that
# `taama export` writes health.json (listed in the manifest) recording it.
B=${TAAMA_BUILD:-build}
T="$B/taama"
set -u
d=$(mktemp -d "${TMPDIR:-/tmp}/taama-clockcli-XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
fail() { echo "clock_cli: $*"; exit 1; }
mkdir -p "$d/data/pack-trust" "$d/stick" "$d/keys"

"$T" clock --data "$d/data" >"$d/out" || fail "show failed"
grep -q "kiosk time: " "$d/out" || fail "no kiosk time shown"
"$T" clock set 'not a date' --data "$d/data" 2>/dev/null && fail "a bad time was accepted"
"$T" clock set '2099-01-02 03:04' --data "$d/data" >"$d/out" || fail "set failed"
grep -q "2099-01-02 03:04" "$d/out" || fail "set time not shown: $(cat "$d/out")"
"$T" clock --data "$d/data" >"$d/out"
grep -q "kiosk time: 2099-01-02 03:0" "$d/out" || fail "correction not kept: $(cat "$d/out")"

minisign -G -W -p "$d/keys/k.pub" -s "$d/keys/k.key" </dev/null >/dev/null 2>&1 || fail "minisign missing"
cp "$d/keys/k.pub" "$d/data/pack-trust/key1.pub"
echo sahel-2025 >"$d/data/pack-trust/campaign"
now=$(date +%s)
echo "Taama time" >"$d/stick/taama-time"
minisign -S -s "$d/keys/k.key" -m "$d/stick/taama-time" \
    -t "taama time campaign=sahel-2025 issued=$((now + 100 * 365 * 86400)) expires=$((now + 100 * 365 * 86400 + 86400))" \
    </dev/null >/dev/null 2>&1 || fail "signing failed"
"$T" clock stick "$d/stick" --data "$d/data" >"$d/out" || fail "good stick refused: $(cat "$d/out")"
grep -q "accepted" "$d/out" || fail "no acceptance message"
"$T" clock stick "$d/stick" --data "$d/data" >"$d/out" 2>"$d/err" && fail "replayed stick accepted"
grep -q "replayed" "$d/err" || fail "no replay message on stderr: $(cat "$d/err")"
[ ! -s "$d/out" ] || fail "a refusal on stdout: $(cat "$d/out")"

mkdir -p "$d/usb"
"$T" export --to "$d/usb" --any-folder --data "$d/data" >"$d/out" || fail "export failed: $(cat "$d/out")"
h=$(find "$d/usb" -name health.json) || fail "no health.json"
[ -n "$h" ] || fail "no health.json written"
grep -q '"path":"health.json"' "$(dirname "$h")/manifest.json" || fail "health.json not in the manifest"
grep -q '"clock_last_set":"stick"' "$h" || fail "clock correction not recorded: $(cat "$h")"
grep -q '"clock_corrections":2' "$h" || fail "corrections not counted: $(cat "$h")"
exit 0
