#!/bin/sh
# End-to-end: the admin path (tests/e2e/admin.script) through the real
# program: `taama admin set-pin` and `taama admin set` in a fresh data
# folder, then the gesture, PIN, admin screen, Export now, a group session
# and export on insert, driven by an input script with a fake mount table;
# then the statistics, settings and exports it left behind.
set -eu
B=${TAAMA_BUILD:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/data" "$out/media/stick1" "$out/media/stick2"
printf '2580\n' | "$B/taama" admin set-pin --pin-stdin --data "$out/data" > /dev/null
"$B/taama" admin set --data "$out/data" --name "Kiosk 7" --site "Test site" > /dev/null
# export on insert needs a campaign key (issue 10): it is always encrypted
"$B/taama-report" keygen --pub "$out/data/campaign.pub" --key "$out/campaign.key" > /dev/null
printf '/dev/sdb1 %s/media/stick1 vfat rw,relatime 0 0\n' "$out" > "$out/mounts1"
cp "$out/mounts1" "$out/mounts2"
printf '/dev/sdc1 %s/media/stick2 vfat rw,relatime 0 0\n' "$out" >> "$out/mounts2"
sed "s|@OUT@|$out|g" tests/e2e/admin.script > "$out/admin.script"
SDL_VIDEODRIVER=dummy "$B/taama" --windowed 1280x800 --data "$out/data" \
    --mounts "$out/media" --mount-table "$out/mounts1" --script "$out/admin.script"
test -s "$out/admin-tools.png"
test -s "$out/attract-banner.png"
# the setting was saved, name and site kept
grep -q '"inactivity_timeout_s":75' "$out/data/settings.json"
grep -q '"kiosk_name":"Kiosk 7"' "$out/data/settings.json"
# an export on each stick, each with its manifest (written last)
ls "$out"/media/stick1/taama-export/*/*/manifest.json > /dev/null
ls "$out"/media/stick2/taama-export/*/*/manifest.json > /dev/null
# the group session's counts, exactly, and nothing else: the admin path is
# not a visit. The quiz (journey-risks): question 0 got 2 hands on the right
# answer and 2 on a wrong one (3 raised, 1 taken back), question 1 one hand
# on a wrong answer; the headcount 3 in band 0 and 1 in band 3.
TAB=$(printf '\t')
sed "s/ *| */$TAB/g" > "$out/want.tsv" <<'WANT'
group_session | | | -1 | 1
group_attendees | | | 0 | 3
group_attendees | | | 3 | 1
group_quiz_right | | journey-risks | 0 | 2
group_quiz_wrong | | journey-risks | 0 | 2
group_quiz_wrong | | journey-risks | 1 | 1
WANT
. tests/e2e/stats_expect.sh
stats_expect "$B" "$out/data" "$out/want.tsv"
# the second stick, written after the session, holds its aggregate counters,
# sealed (no plaintext on a stick inserted without a PIN): one session,
# 3 women (band 0) and 1 boy (band 3), hands for the quiz
if ls "$out"/media/stick2/taama-export/*/*/counters.csv > /dev/null 2>&1; then
    echo "export on insert wrote plaintext counters" >&2
    exit 1
fi
ls "$out"/media/stick2/taama-export/*/*/counters.csv.sealed > /dev/null
"$B/taama-report" merge "$out/media/stick2" --db "$out/campaign.sqlite" --key "$out/campaign.key" > /dev/null
"$B/taama-report" csv --db "$out/campaign.sqlite" --no-suppress -o "$out/report.csv" 2> /dev/null
tr -d '\r' < "$out/report.csv" > "$out/counters.csv"
cat "$out/counters.csv"
grep -q ',group_session,,,,1,0,' "$out/counters.csv"
grep -q ',group_attendees,,,0,3,0,' "$out/counters.csv"
grep -q ',group_attendees,,,3,1,0,' "$out/counters.csv"
grep -q ',group_quiz_right,,journey-risks,' "$out/counters.csv"
if grep -q 'session_start' "$out/counters.csv"; then
    echo "the admin path was counted as a visit" >&2
    exit 1
fi
