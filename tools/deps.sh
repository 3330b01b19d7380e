#!/bin/sh
# Install the Debian packages listed in tools/debian-packages.txt that are
# missing. Quiet when everything is there; needs root (or sudo) otherwise.
set -eu
list="$(dirname "$0")/debian-packages.txt"
missing=""
for p in $(grep -v '^#' "$list"); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
