#!/bin/sh
# taama-report's trust commands on the committed fixture exports:
# merge --enrolled-only quarantines unknown kiosks (kept, listed, exit 1),
# `quarantine` lists them with the command that resolves each, `accept`
# (by key prefix) and `enroll --list` count them, `forget` removes a
# kiosk's counts. (The hostile cases are in tests/unit/test_merge_hostile.c.)
. "${TAAMA_ROOT:-.}/tests/sh/report-env.inc"
A=46a28ea164cbd482a9e56b9ef9ae35d9
B=dbc2260ece374f2a3a2b0953f3b08aef
key_of() { sed -n 's/.*"kiosk_pubkey":"\([0-9a-f]*\)".*/\1/p' "$F/stick/taama-export/$1/1-000001/manifest.json"; }
sessions() { sqlite3 "$T/c.sqlite" "SELECT COALESCE(SUM(value),0) FROM counters WHERE metric='session_start'"; }

if "$R" merge "$F/stick" --db "$T/c.sqlite" --key "$F/campaign.key" --enrolled-only >"$T/out" 2>&1; then
    fail "quarantined exports should make merge exit 1"
fi
grep -q "^merge: 0 taken, 0 already merged, 0 refused, 0 incomplete ignored, 4 quarantined" "$T/out" || { cat "$T/out"; fail "summary"; }
grep -q "^QUARANTINED .*not enrolled" "$T/out" || { cat "$T/out"; fail "reason"; }
"$R" gaps --db "$T/c.sqlite" | grep -q "^!!! 4 export(s) in quarantine" || fail "gaps does not mention the quarantine"
[ "$(sessions)" = 0 ] || fail "quarantined exports were counted"

"$R" quarantine --db "$T/c.sqlite" >"$T/q" || fail "quarantine"
grep -q "^4 quarantined export(s)" "$T/q" || { cat "$T/q"; fail "quarantine count"; }
cmd=$(sed -n "s/.*(count these: \(taama-report accept $A [0-9a-f]*\)).*/\1/p" "$T/q")
[ -n "$cmd" ] || { cat "$T/q"; fail "no accept command listed"; }

# The listed command, as printed (a key prefix).
# shellcheck disable=SC2086
"$R" ${cmd#taama-report } --db "$T/c.sqlite" >"$T/out" || { cat "$T/out"; fail "accept"; }
grep -q "counted" "$T/out" || { cat "$T/out"; fail "accept output"; }
a_sessions=$(sessions)
if "$R" reject "$A" "$(key_of $A)" --db "$T/c.sqlite" 2>"$T/err"; then fail "reject of the counted key"; fi
grep -q "counted under" "$T/err" || { cat "$T/err"; fail "reject message"; }
[ "$a_sessions" -gt 0 ] || fail "accept counted nothing"

# The other kiosk from a list file.
printf '# kiosk_id,pubkey,label\n%s,%s,Border post B\n' "$B" "$(key_of $B)" >"$T/kiosks.csv"
"$R" enroll --list "$T/kiosks.csv" --db "$T/c.sqlite" >"$T/out" || { cat "$T/out"; fail "enroll --list"; }
[ "$(sessions)" = 220 ] || fail "sessions $(sessions) after enrolling both, want 220"
"$R" quarantine --db "$T/c.sqlite" | grep -q "^nothing quarantined" || fail "quarantine not empty"

# Merging again changes nothing; forget removes A's counts.
"$R" merge "$F/stick" --db "$T/c.sqlite" --key "$F/campaign.key" --enrolled-only >"$T/out" 2>&1 || { cat "$T/out"; fail "re-merge"; }
"$R" forget "$A" --db "$T/c.sqlite" >"$T/out" || fail "forget"
grep -q "removed" "$T/out" || { cat "$T/out"; fail "forget output"; }
[ "$(sessions)" = $((220 - a_sessions)) ] || fail "forget left counts: $(sessions)"
if "$R" forget "$A" --db "$T/c.sqlite" >/dev/null; then fail "forget of an unknown kiosk succeeded"; fi
if "$R" accept "$A" 0123 --db "$T/c.sqlite" 2>/dev/null; then fail "short key prefix accepted"; fi
echo "report_trust: ok"
