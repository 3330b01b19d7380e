#!/bin/sh
# soak.sh: a seeded random-touch run of the real kiosk (make soak).
#
# A generator writes an endless input script (taps at random points, long
# presses, swipes, keys, and waits that move the kiosk's script clock on,
# so timeouts, the still-there countdown and quick exits all happen) into a
# FIFO; the kiosk, built under ASan+UBSan, reads it with --script as it
# comes. After SOAK_SECONDS the generator stops, the script ends and the
# kiosk exits normally (so LeakSanitizer checks the exit too).
# Every SOAK_SAMPLE seconds the kiosk's resident memory is printed. At the
# end the slope of RSS over the second half of the run (least squares) is
# printed, and the run fails if it exceeds SOAK_MAX_KB_PER_MIN (memory
# must level off), or if the kiosk crashed or a sanitizer reported.
#
# ASan's quarantine is capped at 16 MB: its default (256 MB) would look like
# growth for the first hour. Env: B (the ASan build folder), SOAK_SECONDS
# (3600), SOAK_SAMPLE (60), SOAK_SEED (1), SOAK_MAX_KB_PER_MIN (32).
set -eu
B=${B:-build-asan}
SECONDS_TOTAL=${SOAK_SECONDS:-3600}
SAMPLE=${SOAK_SAMPLE:-60}
SEED=${SOAK_SEED:-1}
MAX_SLOPE=${SOAK_MAX_KB_PER_MIN:-32}
W=1280 H=800
tmp=$(mktemp -d)
gen_pid="" kiosk_pid=""
cleanup() {
    [ -n "$gen_pid" ] && kill "$gen_pid" 2>/dev/null || true
    [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
mkdir -p "$tmp/data"
printf '2580\n' | "$B/taama" admin set-pin --pin-stdin --data "$tmp/data" > /dev/null
mkfifo "$tmp/script"

# the generator: seeded, endless; killed after SOAK_SECONDS
awk -v seed="$SEED" -v w="$W" -v h="$H" 'BEGIN {
    srand(seed)
    for (n = 0; ; n++) {
        r = rand()
        x = int(rand() * w); y = int(rand() * h)
        if (r < 0.55) print "tap-at " x " " y
        else if (r < 0.62) print "press-at " x " " y " " int(200 + rand() * 1500)
        else if (r < 0.74) print "swipe " (rand() < 0.5 ? "left" : "right")
        else if (r < 0.80) print "key " (rand() < 0.5 ? "Left" : "Right")
        else if (r < 0.97) print "wait " int(100 + rand() * 3000)
        else print "wait " int(20000 + rand() * 100000)
        if (n % 64 == 0) fflush()
    }
}' > "$tmp/script" &
gen_pid=$!

ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:detect_leaks=1:abort_on_error=0} \
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
    "$B/taama" --windowed ${W}x${H} --data "$tmp/data" --script "$tmp/script" \
    > "$tmp/kiosk.out" 2> "$tmp/kiosk.err" &
kiosk_pid=$!

echo "soak: seed $SEED, $SECONDS_TOTAL s, RSS every $SAMPLE s (kiosk pid $kiosk_pid)"
start=$(date +%s)
: > "$tmp/rss"
while :; do
    sleep "$SAMPLE" || true
    now=$(date +%s)
    t=$((now - start))
    kill -0 "$kiosk_pid" 2>/dev/null || break
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$kiosk_pid/status" 2>/dev/null || echo "")
    [ -n "$rss" ] || break
    echo "$t $rss" >> "$tmp/rss"
    echo "soak: t=${t}s rss=${rss} kB"
    [ "$t" -ge "$SECONDS_TOTAL" ] && break
done
kill "$gen_pid" 2>/dev/null || true
gen_pid=""
rc=0
wait "$kiosk_pid" || rc=$?
kiosk_pid=""
tail -n 3 "$tmp/kiosk.out"
if [ "$rc" -ne 0 ] || grep -q -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' -e 'runtime error' "$tmp/kiosk.err"; then
    grep -v '^taama: ' "$tmp/kiosk.err" | head -n 60 >&2
    echo "soak: FAILED: the kiosk exited with $rc or a sanitizer reported" >&2
    exit 1
fi
# least-squares slope of RSS (kB) per minute over the second half
awk -v max="$MAX_SLOPE" '{ t[NR] = $1; r[NR] = $2; if ($2 > top) top = $2 } END {
    if (NR < 4) { print "soak: too few samples for a slope (need 4; lower SOAK_SAMPLE)"; exit 1 }
    a = int(NR / 2) + 1; n = 0; st = sr = stt = str = 0
    for (i = a; i <= NR; i++) { n++; st += t[i]; sr += r[i]; stt += t[i] * t[i]; str += t[i] * r[i] }
    slope = (n * str - st * sr) / (n * stt - st * st) * 60
    printf "soak: %d samples, RSS first %d kB, last %d kB, max %d kB\n", NR, r[1], r[NR], top
    printf "soak: RSS slope over the second half (%d samples, t=%d..%d s): %.1f kB/min (limit %d)\n", n, t[a], t[NR], slope, max
    if (slope > max) { print "soak: FAILED: memory keeps growing"; exit 1 }
}' "$tmp/rss"
