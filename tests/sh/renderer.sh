#!/bin/sh
# renderer.sh: the kiosk's renderer choice in a real X server (Xvfb), where
# OpenGL is Mesa's software rasteriser: --renderer=auto takes SDL's
# software renderer, without loading GL when there is no GPU render node,
# and after reading GL_RENDERER when there is one (a fake node here);
# --renderer=gpu keeps GL; TAAMA_RENDERER works like the option.
set -u
B=${TAAMA_BUILD:-build}
tmp=$(mktemp -d)
bad=0
fail() { echo "FAIL: $*"; bad=1; }
d=$((200 + $$ % 500))
Xvfb ":$d" -screen 0 1280x800x24 >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 2
mkdir -p "$tmp/data" "$tmp/dri" "$tmp/nodri"
: >"$tmp/dri/renderD128"
# Under make asan, leak checking is off for these runs only: Mesa's GL
# drivers and libdbus, which SDL's X11 path loads, leave allocations at
# exit (the drivers are unloaded, so LeakSanitizer cannot even name them).
# Taama's own leaks are checked by every other kiosk test under ASan.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
# run NAME ARGS...: the kiosk's first frame in Xvfb; its log in $tmp/NAME
run() {
    n=$1; shift
    DISPLAY=":$d" SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy timeout 60 \
        "$B/taama" --windowed 640x400 --data "$tmp/data" --exit-after-first-frame "$@" >"$tmp/$n" 2>&1 ||
        fail "$n: exit $? $(cat "$tmp/$n")"
}
TAAMA_DRI_DIR="$tmp/nodri" run nonode --renderer=auto
grep -q "renderer: software (no GPU render node" "$tmp/nonode" || fail "no node: $(grep renderer "$tmp/nonode")"
TAAMA_DRI_DIR="$tmp/nodri" TAAMA_RENDERER=software run env
grep -q "renderer: software (asked)" "$tmp/env" || fail "TAAMA_RENDERER: $(grep renderer "$tmp/env")"
TAAMA_DRI_DIR="$tmp/dri" run gpu --renderer gpu
if grep -q "renderer: opengl" "$tmp/gpu"; then
    # GL works in this Xvfb: auto must see that it is a software one
    grep -qi "llvmpipe\|softpipe\|swrast" "$tmp/gpu" || fail "GL here is not Mesa's software one: $(grep renderer "$tmp/gpu")"
    TAAMA_DRI_DIR="$tmp/dri" run probe
    grep -q "renderer: software (the GL driver is" "$tmp/probe" || fail "probe: $(grep renderer "$tmp/probe")"
else
    echo "renderer: no OpenGL in this Xvfb ($(grep renderer "$tmp/gpu")); the GL probe is not exercised"
fi
[ "$bad" = 0 ] && echo "renderer: ok"
exit "$bad"
