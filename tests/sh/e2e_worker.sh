#!/bin/sh
# End-to-end: admin jobs (content install, export) on the kiosk's worker
# thread while the UI thread polls the mount table (tests/e2e/worker.script).
# make tsan runs this under ThreadSanitizer: the mount table used to be read
# into one static buffer from both threads (issue 10).
set -eu
B=${TAAMA_BUILD:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/data" "$out/media/stick1"
printf '2580\n' | "$B/taama" admin set-pin --pin-stdin --data "$out/data" > /dev/null
printf '/dev/sdb1 %s/media/stick1 vfat rw,relatime 0 0\n' "$out" > "$out/mounts1"
# a folder on the stick that is a link to a "pack" outside the stick
mkdir -p "$out/elsewhere"
printf '{}\n' > "$out/elsewhere/manifest.json"
ln -s "$out/elsewhere" "$out/media/stick1/pack"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$B/taama" --windowed 1280x800 --data "$out/data" \
    --mounts "$out/media" --mount-table "$out/mounts1" --script tests/e2e/worker.script
ls "$out"/media/stick1/taama-export/*/*/manifest.json > /dev/null
