#!/bin/sh
# SIGTERM ends a running kiosk promptly (issue 10), even where its loop
# sleeps with no timer at all: a fresh kiosk waits on the "set the admin
# PIN" pad, in SDL_WaitEvent() with nothing due. Before the fix the signal
# only set a flag, seen at the next event: the kiosk never exited. The
# 30 s below is a watchdog for a hung kiosk, not a timing assertion.
set -eu
B=${TAAMA_BUILD:-build}
out=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
    rm -rf "$out"
}
trap cleanup EXIT
mkdir -p "$out/data"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$B/taama" --windowed 640x480 \
    --data "$out/data" --mount-table /dev/null > "$out/log" 2>&1 &
pid=$!
# running: its statistics are open and the loop has had time to settle
i=0
until grep -q 'stats: new kiosk id' "$out/log"; do
    i=$((i + 1)); [ $i -lt 600 ] || { echo "kiosk did not start"; cat "$out/log"; exit 1; }
    sleep 0.1
done
sleep 2
kill -0 "$pid"
kill -TERM "$pid"
i=0
while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -ge 300 ]; then
        echo "the kiosk ignored SIGTERM for 30 s"; cat "$out/log"; exit 1
    fi
    sleep 0.1
done
rc=0
wait "$pid" || rc=$?
pid=
[ "$rc" -eq 0 ] || { echo "kiosk exited with $rc after SIGTERM"; cat "$out/log"; exit 1; }
echo "kiosk exited cleanly after SIGTERM"
