#!/bin/sh
# packaging.sh: what the Debian packages are made of, checked without the
# (slow) dpkg build: `make install` with debian/rules' paths lays out every
# file debian/*.install names and nothing that no package takes; the unit
# points at the installed binary; the man pages render without warnings;
# the version is the same in VERSION, debian/changelog and --version; the
# sysusers and tmpfiles snippets parse. (`make deb` builds the real .debs.)
set -u
ROOT=${TAAMA_ROOT:-.}
B=${B:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
fail() { echo "FAIL: $*"; bad=1; }
cd "$ROOT" || exit 1

# the same paths as debian/rules
paths=$(sed -n 's/^PATHS = //p; s/^        \(SYSUSERSDIR.*\)/\1/p' debian/rules | tr -d '\\')
[ -n "$paths" ] || fail "no PATHS in debian/rules"
# shellcheck disable=SC2086
make -s B="$B" DEPS=0 $paths DESTDIR="$tmp/root" install >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "make install"; }

# every path a package takes exists; every installed file is taken
: >"$tmp/taken"
for f in debian/*.install; do
    while read -r p; do
        [ -n "$p" ] || continue
        # a line may be a glob (usr/share/locale/*/LC_MESSAGES/taama.mo), as in dh_install
        # shellcheck disable=SC2086
        set -- "$tmp"/root/$p
        [ -e "$1" ] || fail "$f: $p was not installed"
        # shellcheck disable=SC2086
        (cd "$tmp/root" && find $p \( -type f -o -type l \)) >>"$tmp/taken"
    done <"$f"
done
(cd "$tmp/root" && find . \( -type f -o -type l \) | sed 's|^\./||') | sort >"$tmp/all"
sort -u "$tmp/taken" >"$tmp/taken.s"
left=$(comm -23 "$tmp/all" "$tmp/taken.s")
[ -z "$left" ] || fail "installed but in no package: $left"
for f in usr/bin/taama usr/bin/taama-report usr/share/taama/assets/fonts/OFL.txt \
         usr/share/taama/content usr/share/locale/fr/LC_MESSAGES/taama.mo \
         usr/share/locale/ar/LC_MESSAGES/taama-report.mo \
         usr/share/man/man1/taama.1 usr/share/man/man1/taama-report.1 \
         lib/systemd/system/taama.service lib/udev/rules.d/99-taama-usb.rules \
         usr/lib/sysusers.d/taama.conf usr/lib/tmpfiles.d/taama.conf; do
    [ -e "$tmp/root/$f" ] || fail "not installed: $f"
done
# taama-report is for managers' machines: it must not need SDL
if ldd "$tmp/root/usr/bin/taama-report" | grep -qi sdl; then fail "taama-report links SDL"; fi
grep -q '^ExecStart=/usr/bin/cage -- /usr/bin/taama ' "$tmp/root/lib/systemd/system/taama.service" ||
    fail "the unit does not start /usr/bin/taama"
if grep -q '@[A-Z]*@' "$tmp/root/lib/systemd/system/taama.service"; then fail "unit has an unreplaced @VAR@"; fi
# the installed program finds its files (share/taama) and knows its version
version=$(tr -d ' \n' < VERSION)
"$tmp/root/usr/bin/taama" --version | grep -q "^taama $version\$" || fail "installed taama --version"
"$tmp/root/usr/bin/taama" render --screen menu -o "$tmp/m.png" --data "$tmp/d" >/dev/null 2>&1 ||
    fail "the installed taama cannot render (assets not found?)"
[ -s "$tmp/m.png" ] || fail "no PNG from the installed taama"
[ "$(dpkg-parsechangelog -S Version)" = "$version" ] || fail "debian/changelog is not at VERSION $version"

# `make` and `make run` install only the build list; `make check` the test list too
if make -n B="$tmp/fresh" all run | grep -q debian-packages-test; then fail "make would install test tools"; fi
make -n B="$tmp/fresh" check | grep -q 'deps.sh tools/debian-packages-test.txt' || fail "make check does not install test tools"
grep -qx 'libcmocka-dev' tools/debian-packages.txt && fail "cmocka in the build list"
grep -qx 'libcmocka-dev' tools/debian-packages-test.txt || fail "cmocka not in the test list"

# man pages: render, and without a groff warning
for m in docs/man/taama.1 docs/man/taama-report.1; do
    w=$(groff -man -ww -z "$m" 2>&1)
    [ -z "$w" ] || fail "$m: $w"
    MANWIDTH=80 man -l "$m" 2>/dev/null | grep -q '^NAME' || fail "$m does not render with man -l"
done
# systemd snippets parse (into a scratch root: nothing is created on this machine)
mkdir -p "$tmp/sys/etc"
systemd-sysusers --dry-run --root="$tmp/sys" "$(pwd)/deploy/taama.sysusers" >"$tmp/su" 2>&1 &&
    grep -q "Creating user 'taama'" "$tmp/su" || { cat "$tmp/su"; fail "taama.sysusers"; }
grep -q '^u taama ' deploy/taama.sysusers || fail "no taama user in sysusers"
grep -q '^d /var/lib/taama 0750 taama taama' deploy/taama.tmpfiles || fail "tmpfiles: /var/lib/taama"

[ "$bad" = 0 ] && echo "packaging: ok"
exit "$bad"
