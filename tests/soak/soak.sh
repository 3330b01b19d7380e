#!/bin/sh
# soak.sh: a seeded random-touch run of the real kiosk (make soak).
#
# A generator writes an endless input script (taps at random points, long
# presses, swipes, keys, and waits that move the kiosk's script clock on,
# so timeouts, the still-there countdown and quick exits all happen) into a
# FIFO; the kiosk reads it with --script as it comes. Two kiosks run side
# by side, each fed the same seeded script:
#
#   - the normal build ($B, default build/): its resident memory is what a
#     deployed kiosk uses, and it must level off. Every SOAK_SAMPLE seconds
#     its RSS is printed; at the end the least-squares slope of RSS over the
#     second half of the run is printed with its standard error, and the
#     run fails if the slope is above SOAK_MAX_KB_PER_MIN by more than two
#     standard errors (growth that the sampling noise, about 1 MB as
#     screens with larger pictures come and go, cannot explain).
#   - the ASan+UBSan build ($ASAN_B, default build-asan/; SOAK_ASAN=0 skips
#     it): any sanitizer report, a crash, or a leak at the normal exit
#     (LeakSanitizer) fails the run. Its RSS is printed for information but
#     not judged: ASan's allocator keeps freed memory (quarantine, capped
#     here at 16 MB, and per-size-class high-water marks it never returns),
#     so its RSS creeps by a few MB with no leak (BENCHMARKS.md).
#
# After SOAK_SECONDS the generators stop, the scripts end and both kiosks
# exit normally. Env: B, ASAN_B, SOAK_ASAN (1), SOAK_SECONDS (3600),
# SOAK_SAMPLE (60), SOAK_SEED (1), SOAK_MAX_KB_PER_MIN (32).
set -eu
B=${B:-build}
ASAN_B=${ASAN_B:-build-asan}
WITH_ASAN=${SOAK_ASAN:-1}
SECONDS_TOTAL=${SOAK_SECONDS:-3600}
SAMPLE=${SOAK_SAMPLE:-60}
SEED=${SOAK_SEED:-1}
MAX_SLOPE=${SOAK_MAX_KB_PER_MIN:-32}
W=1280 H=800
tmp=$(mktemp -d)
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# the generator: seeded, endless; run as its own process (killed at the end,
# which ends the kiosk's script)
GEN='BEGIN {
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
}'

# start NAME BUILD: a kiosk of BUILD reading $tmp/NAME.script; sets gen_NAME, kiosk_NAME
start() {
    mkdir -p "$tmp/$1.data"
    printf '2580\n' | "$2/taama" admin set-pin --pin-stdin --data "$tmp/$1.data" > /dev/null
    mkfifo "$tmp/$1.script"
    awk -v seed="$SEED" -v w="$W" -v h="$H" "$GEN" > "$tmp/$1.script" &
    gen_pid=$!
    ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:detect_leaks=1:abort_on_error=0} \
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
        "$2/taama" --windowed ${W}x${H} --data "$tmp/$1.data" --script "$tmp/$1.script" \
        > "$tmp/$1.out" 2> "$tmp/$1.err" &
    kpid=$!
    pids="$pids $gen_pid $kpid"
    eval "gen_$1=$gen_pid kiosk_$1=$kpid"
    : > "$tmp/$1.rss"
}

rss_of() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

start plain "$B"
names=plain
if [ "$WITH_ASAN" = 1 ]; then
    start asan "$ASAN_B"
    names="plain asan"
fi
echo "soak: seed $SEED, $SECONDS_TOTAL s, RSS every $SAMPLE s: $B/taama (pid $kiosk_plain)" \
    "$([ "$WITH_ASAN" = 1 ] && echo "and $ASAN_B/taama (pid $kiosk_asan)")"
start_t=$(date +%s)
while :; do
    sleep "$SAMPLE" || true
    t=$(($(date +%s) - start_t))
    line="soak: t=${t}s"
    gone=0
    for n in $names; do
        eval "p=\$kiosk_$n"
        r=$(rss_of "$p")
        if [ -z "$r" ]; then gone=1; continue; fi
        echo "$t $r" >> "$tmp/$n.rss"
        line="$line $n=${r} kB"
    done
    echo "$line"
    [ "$gone" = 0 ] || break
    [ "$t" -ge "$SECONDS_TOTAL" ] && break
done
failed=0
for n in $names; do
    eval "g=\$gen_$n p=\$kiosk_$n"
    kill "$g" 2>/dev/null || true
    rc=0
    wait "$p" || rc=$?
    echo "soak: $n: $(tail -n 1 "$tmp/$n.out")"
    if [ "$rc" -ne 0 ] || grep -q -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' \
        -e 'runtime error' "$tmp/$n.err"; then
        grep -v '^taama: ' "$tmp/$n.err" | head -n 60 >&2
        echo "soak: FAILED: the $n kiosk exited with $rc or a sanitizer reported" >&2
        failed=1
    fi
done
# least-squares slope of RSS (kB) per minute over the second half, with its
# standard error; judged for the normal build only
for n in $names; do
    awk -v name="$n" -v max="$MAX_SLOPE" -v judge="$([ "$n" = plain ] && echo 1 || echo 0)" '
    { t[NR] = $1 / 60; r[NR] = $2; if ($2 > top) top = $2 } END {
        if (NR < 6) { print "soak: too few samples for a slope (need 6; lower SOAK_SAMPLE)"; exit 1 }
        a = int(NR / 2) + 1; n = 0; st = sr = 0
        for (i = a; i <= NR; i++) { n++; st += t[i]; sr += r[i] }
        mt = st / n; mr = sr / n; sxx = sxy = 0
        for (i = a; i <= NR; i++) { sxx += (t[i] - mt) ^ 2; sxy += (t[i] - mt) * (r[i] - mr) }
        slope = sxy / sxx; res = 0
        for (i = a; i <= NR; i++) res += (r[i] - mr - slope * (t[i] - mt)) ^ 2
        se = n > 2 ? sqrt(res / (n - 2) / sxx) : 0
        printf "soak: %s: %d samples, RSS first %d kB, last %d kB, max %d kB\n", name, NR, r[1], r[NR], top
        printf "soak: %s: RSS slope over the second half (%d samples, t=%.1f..%.1f min): %.1f +- %.1f kB/min", \
            name, n, t[a], t[NR], slope, se
        if (!judge) { print " (not judged: ASan keeps freed memory)"; exit 0 }
        printf " (limit %d)\n", max
        if (slope - 2 * se > max) { print "soak: FAILED: memory keeps growing"; exit 1 }
    }' "$tmp/$n.rss" || failed=1
done
exit "$failed"
