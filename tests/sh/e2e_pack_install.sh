#!/bin/sh
# End-to-end: a signed content update installed from the admin screen
# (tests/e2e/pack_install.script) through the real program and the real
# `minisign`. In a fresh data folder: a campaign key pair (minisign -G -W),
# the kiosk's trust (pack-trust/key1.pub and campaign), the admin PIN; a
# pack made from a copy of the shipped content with one title changed and a
# sixth module (its own picture and recorded voice), signed with the
# campaign and version in the trusted comment; a tampered copy of it (one
# byte changed after signing) on one fake stick and the good pack on
# another. The script installs both without restarting the kiosk; then the
# report files on the sticks, the installed version, a restart, the
# statistics and the log are checked.
set -eu
B=${TAAMA_BUILD:-build}
ROOT=${TAAMA_ROOT:-.}
T="$B/taama"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
data="$out/data"
mkdir -p "$data/pack-trust" "$out/media/good" "$out/media/bad"

# the campaign's key pair (no password: -W) and the kiosk's trust
minisign -G -W -p "$out/campaign.pub" -s "$out/campaign.key" > /dev/null
cp "$out/campaign.pub" "$data/pack-trust/key1.pub"
echo test-campaign > "$data/pack-trust/campaign"
printf '2580\n' | "$T" admin set-pin --pin-stdin --data "$data" > /dev/null

# the update: the shipped content, one title and its first slide changed,
# and a new module whose picture and voice exist only in the pack
src="$out/src"
mkdir -p "$src/content/audio/en"
cp -R "$ROOT/content/." "$src/content/"
sed -i -e 's/^title: "The real risks of the journey"$/title: "Facts before the road"/' \
    -e 's/"A long and hard road"/"Know the road before you leave"/' \
    "$src/content/modules/journey-risks.yaml"
grep -q 'Facts before the road' "$src/content/modules/journey-risks.yaml"
grep -q 'Know the road before you leave' "$src/content/modules/journey-risks.yaml"
cp "$src/content/images/card-journey.svg" "$src/content/images/card-water.svg"
cp "$src/content/images/risk-desert.svg" "$src/content/images/water-carry.svg"
cat > "$src/content/modules/water-points.yaml" <<'YAML'
id: water-points
order: 60
audience: everyone
icon: images/card-water.svg
title: "Water on the route"
summary: "Where to find water"
slides:
  - title: "Carry enough water"
    body: "Take more water than you think you need. Refill it wherever you can."
    image: images/water-carry.svg
  - title: "Ask at the station"
    body: "Station staff know where the next safe water point is."
end:
  title: "Ask before you go"
  body: "Call the free help line to ask about the road."
  contact: helpline
YAML
# a recorded voice for the new module's first slide: a short silent WAV
# (22050 Hz, 16-bit mono, 0.1 s), the name is what the kiosk looks for
wav="$src/content/audio/en/water-points-slide-1.wav"
printf 'RIFF\144\021\000\000WAVEfmt \020\000\000\000\001\000\001\000\042\126\000\000\104\254\000\000\002\000\020\000data\100\021\000\000' > "$wav"
head -c 4416 /dev/zero >> "$wav"
"$T" content check --content "$src/content" > "$out/check.txt" || {
    cat "$out/check.txt" >&2
    exit 1
}

# make and sign the pack, check it as the kiosk would
pack="$out/PACK"
"$T" pack make "$src" --out "$pack" --campaign test-campaign --version 2 > /dev/null
minisign -Sm "$pack/manifest.json" -s "$out/campaign.key" \
    -t "taama campaign=test-campaign version=2" > /dev/null
"$T" pack verify "$pack" --data "$data" > /dev/null

# the good pack on one stick; on the other a copy with one byte of a listed
# file changed after signing (same size: only the hash tells)
cp -R "$pack" "$out/media/good/PACK"
cp -R "$pack" "$out/media/bad/PACK"
f="$out/media/bad/PACK/content/modules/journey-risks.yaml"
sed -i 's/Facts before the road/Facts before the roaD/' "$f"
cmp -s "$f" "$pack/content/modules/journey-risks.yaml" && exit 1
: > "$out/mounts-none"
printf '/dev/sdb1 %s/media/good vfat rw,relatime 0 0\n' "$out" > "$out/mounts-good"
printf '/dev/sdc1 %s/media/bad vfat rw,relatime 0 0\n' "$out" > "$out/mounts-tampered"

sed "s|@OUT@|$out|g" "$ROOT/tests/e2e/pack_install.script" > "$out/pack_install.script"
if ! SDL_VIDEODRIVER=dummy "$T" --windowed 1280x800 --data "$data" \
    --mounts "$out/media" --mount-table "$out/mounts-none" \
    --script "$out/pack_install.script" 2> "$out/kiosk.log"; then
    cat "$out/kiosk.log" >&2
    exit 1
fi
for png in install-refused install-done menu-after slide-new; do
    test -s "$out/$png.png"
done
# every picture the new content names was found where it was installed
if grep -i 'image .*:' "$out/kiosk.log"; then
    echo "pictures missing after the install" >&2
    exit 1
fi

# a report on each stick: the refusal names the changed file
rep_bad="$out/media/bad/PACK/taama-pack-report.txt"
rep_good="$out/media/good/PACK/taama-pack-report.txt"
test -s "$rep_bad"
test -s "$rep_good"
grep -q 'content/modules/journey-risks.yaml' "$rep_bad"
grep -q 'Installed pack version 2' "$rep_good"

# the kiosk now runs version 2 from its own copy: current names it, and the
# same pack is refused as not newer
test "$(readlink "$data/content/current")" = versions/2
grep -q 'Facts before the road' "$data/content/versions/2/content/modules/journey-risks.yaml"
test -f "$data/content/versions/2/content/images/water-carry.svg"
if "$T" pack verify "$out/media/good/PACK" --data "$data" 2> "$out/verify2.txt"; then
    echo "the installed pack verified again as new" >&2
    exit 1
fi
grep -q 'Only a newer version can be installed' "$out/verify2.txt" || { cat "$out/verify2.txt" >&2; exit 1; }

# started again, the kiosk loads the installed version (main.c's path)
cat > "$out/restart.script" <<'SCRIPT'
tap background
tap lang 0
tap continue
expect-screen menu
expect-text Facts before the road
expect-text Water on the route
SCRIPT
SDL_VIDEODRIVER=dummy "$T" --windowed 1280x800 --data "$data" --mounts "$out/media" \
    --mount-table "$out/mounts-none" --script "$out/restart.script" 2>> "$out/kiosk.log" ||
    { cat "$out/kiosk.log" >&2; exit 1; }

# every counter, exactly: four visits in English (two quick exits before
# the install; after it, one visit opens the new module, goes to its second
# slide and home, then opens the changed one; the restarted kiosk's visit
# only reaches the menu); only the two quick exits ended, so only they have
# a length. The new module is counted under its id.
TAB=$(printf '\t')
sed "s/ *| */$TAB/g" > "$out/want.tsv" <<'WANT'
session_start | | | H | 4
language_chosen | en | | -1 | 4
quick_exit | en | | -1 | 2
session_length | | | 0 | 2
module_opened | en | water-points | -1 | 1
slide_deepest | en | water-points | 1 | 1
module_opened | en | journey-risks | -1 | 1
WANT
. "$ROOT/tests/e2e/stats_expect.sh"
stats_expect "$B" "$data" "$out/want.tsv"
