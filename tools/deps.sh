#!/bin/sh
# Install the Debian packages listed in the given lists (default
# tools/debian-packages.txt, the build list) that are missing. Quiet when
# everything is there; needs root (or sudo) otherwise. A name ending in
# :ARCH (multiarch) adds that architecture to dpkg first.
#
#   sh tools/deps.sh [LIST...]
set -eu
here="$(dirname "$0")"
[ $# -gt 0 ] || set -- "$here/debian-packages.txt"
missing=""
arches=""
for list in "$@"; do
    for p in $(grep -v '^#' "$list"); do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
        case "$p" in *:*) arches="$arches ${p#*:}" ;; esac
    done
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
for a in $(echo "$arches" | tr ' ' '\n' | sort -u); do
    dpkg --print-foreign-architectures | grep -qx "$a" || $SUDO dpkg --add-architecture "$a"
done
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
