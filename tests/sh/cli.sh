#!/bin/sh
# cli.sh: the command-line conventions of `taama` and `taama-report`:
# --help and --version on both programs and every subcommand (stdout, exit
# 0, nothing on stderr); errors on stderr with a non-zero exit; --opt=value
# as well as --opt value; no limit on the number of paths merged; read-only
# commands never create files; `export --to` a folder that is not a mounted
# stick and `export --data` a missing folder fail and say why.
set -u
B=${TAAMA_BUILD:-build}
F="${TAAMA_ROOT:-.}/tests/fixtures/export-basic"
B=$(cd "$B" && pwd)
T="$B/taama"
R="$B/taama-report"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
fail() { echo "FAIL: $*"; bad=1; }
version=$(tr -d ' \n' < "${TAAMA_ROOT:-.}/VERSION")

# run PROG ARGS...: exit code in $rc, output in $tmp/out and $tmp/err
run() { "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

# asks PROG WORDS...: --help and --version after WORDS print to stdout only
asks() {
    run "$@" --help
    [ "$rc" = 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || fail "$* --help: rc $rc, stderr: $(cat "$tmp/err")"
    grep -q "^usage:" "$tmp/out" || fail "$* --help: no usage line"
    run "$@" --version
    [ "$rc" = 0 ] && [ ! -s "$tmp/err" ] || fail "$* --version: rc $rc"
    grep -q " $version\$" "$tmp/out" || fail "$* --version: not $version: $(head -n 1 "$tmp/out")"
}
asks "$T"
for c in render stats export content narration pack admin clock; do asks "$T" "$c"; done
asks "$T" pack make
asks "$T" admin set-pin
asks "$R"
for c in merge html csv codebook dhis2 dhis2-metadata gaps forget enroll accept reject quarantine keygen; do
    asks "$R" "$c"
done
# a subcommand's help is its own
run "$T" export --help
grep -q "^usage: taama export --to DIR" "$tmp/out" || fail "taama export --help is not export's"
run "$R" merge --help
grep -q "^usage: taama-report merge PATH" "$tmp/out" || fail "taama-report merge --help is not merge's"
# the report's own options are in the help of the commands that take them
run "$R" html --help
for o in --period --groups --lang --content --min --title; do
    grep -q -- "$o" "$tmp/out" || fail "taama-report html --help does not mention $o"
done
run "$R" csv --help
for o in --period --sep --lang --no-suppress; do
    grep -q -- "$o" "$tmp/out" || fail "taama-report csv --help does not mention $o"
done
run "$R" dhis2-metadata --help
grep -q "^usage: taama-report dhis2-metadata --map FILE" "$tmp/out" || fail "dhis2-metadata --help"
run "$R" --help
for c in codebook dhis2-metadata enroll quarantine; do
    grep -q "taama-report $c " "$tmp/out" || fail "taama-report --help does not list $c"
done
run "$T" render --help
grep -q -- "--sheet DIR" "$tmp/out" || fail "taama render --help does not mention --sheet"

# errors: stderr, nothing on stdout, non-zero exit
errs() {
    run "$@"
    [ "$rc" != 0 ] || fail "$*: exit 0"
    [ -s "$tmp/err" ] || fail "$*: nothing on stderr"
    [ ! -s "$tmp/out" ] || fail "$*: error on stdout: $(cat "$tmp/out")"
}
errs "$T" --bogus
errs "$T" frobnicate
errs "$T" --windowed 12by8
errs "$T" --timeout soon
errs "$T" render --screen menu --size 1280
errs "$T" render --screen
errs "$T" export --bogus
errs "$T" export
errs "$T" pack verify
errs "$T" admin set --colour red
# admin set over a settings file it cannot use: says so, keeps what it can
# (site), and over one it cannot read at all (a folder): exit 1, no change
mkdir -p "$tmp/sd" "$tmp/sd2/settings.json"
printf '{"site":"Keep me","inactivity_timeout_s":"bad"}' > "$tmp/sd/settings.json"
run "$T" admin set --data "$tmp/sd" --name N
[ "$rc" = 0 ] && grep -q "unusable values" "$tmp/out" || fail "admin set on a bad settings file: rc $rc, $(cat "$tmp/out")"
grep -q '"site":"Keep me"' "$tmp/sd/settings.json" || fail "admin set lost the site of a partly bad settings file"
run "$T" admin set --data "$tmp/sd2" --name N
[ "$rc" = 1 ] && [ -d "$tmp/sd2/settings.json" ] || fail "admin set over an unreadable settings file: rc $rc"
errs "$T" clock --bogus
errs "$T" clock set
errs "$R"
errs "$R" frobnicate
errs "$R" html --bogus
errs "$R" csv --min=ten --db x
errs "$R" merge --db "$tmp/m.sqlite"
errs "$R" html --db x -o y --period fortnight
errs "$R" csv --db x --sep '|'
errs "$R" csv --db x --lang xx
errs "$R" html --db x -o y --min 1
errs "$R" html --db x -o y --groups
errs "$R" dhis2-metadata
errs "$T" render --sheet
errs "$T" --sheet "$tmp/sheet"
run "$R" csv --min=ten --db x
grep -q -- "--min takes a whole number, not 'ten'" "$tmp/err" || fail "csv --min=ten: $(cat "$tmp/err")"

# --opt=value and --opt value
run "$T" render --screen=menu --lang=ar --size=1280x800 --out="$tmp/a.png"
[ "$rc" = 0 ] && [ -s "$tmp/a.png" ] || fail "render --opt=value: rc $rc $(cat "$tmp/err")"
run "$R" merge "$F/stick" --db="$tmp/c.sqlite" --key="$F/campaign.key"
[ "$rc" = 0 ] || fail "merge --db=FILE: rc $rc $(cat "$tmp/err")"
run "$R" csv --db "$tmp/c.sqlite" --out="$tmp/c1.csv"
run "$R" csv --db="$tmp/c.sqlite" --out "$tmp/c2.csv"
[ -s "$tmp/c1.csv" ] && cmp -s "$tmp/c1.csv" "$tmp/c2.csv" || fail "csv --out=FILE differs from --out FILE"
# the report's options in both spellings too
run "$R" csv --db "$tmp/c.sqlite" --period=month --sep=';' --lang=fr --out="$tmp/c3.csv"
run "$R" csv --db "$tmp/c.sqlite" --period month --sep ';' --lang fr --out "$tmp/c4.csv"
[ -s "$tmp/c3.csv" ] && cmp -s "$tmp/c3.csv" "$tmp/c4.csv" || fail "csv --period=/--sep=/--lang= differ"
head -n 1 "$tmp/c3.csv" | grep -q ';month;' || fail "csv --period=month --sep=';': $(head -n 1 "$tmp/c3.csv")"
run "$R" html --db="$tmp/c.sqlite" --lang=ar --period=week --min=12 -o "$tmp/r-ar.html"
[ "$rc" = 0 ] && grep -q '<html lang="ar" dir="rtl">' "$tmp/r-ar.html" || fail "html --lang=ar: rc $rc $(cat "$tmp/err")"
grep -q "&lt;12" "$tmp/r-ar.html" || fail "html --min=12 not taken"
run "$R" codebook --lang=fr --sep=';' -o "$tmp/cb.csv"
[ "$rc" = 0 ] && [ -s "$tmp/cb.csv" ] || fail "codebook without --db: rc $rc $(cat "$tmp/err")"
run "$R" dhis2-metadata --map="$F/dhis2-map.csv" --out="$tmp/meta.json"
[ "$rc" = 0 ] && [ -s "$tmp/meta.json" ] || fail "dhis2-metadata: rc $rc $(cat "$tmp/err")"

# no limit on the number of paths: 300 (the same export folder 300 times,
# merged once and then recognised as already merged)
set --
i=0
while [ $i -lt 300 ]; do set -- "$@" "$F/stick"; i=$((i + 1)); done
run "$R" merge "$@" --db "$tmp/many.sqlite" --key "$F/campaign.key"
[ "$rc" = 0 ] || fail "merge of 300 paths: rc $rc $(head -n 3 "$tmp/err")"
grep -q "^merge: 4 taken, 1196 already merged, 0 refused" "$tmp/out" || fail "merge of 300 paths: $(grep '^merge:' "$tmp/out")"

# read-only commands never create the database they are pointed at
cd "$tmp" || exit 1
for c in "html -o r.html" "csv" "codebook" "gaps" "dhis2 --map $F/dhis2-map.csv" "forget abc" "quarantine"; do
    # shellcheck disable=SC2086
    run "$R" $c --db typo
    [ "$rc" != 0 ] || fail "$c --db typo: exit 0"
    grep -q "no campaign database at typo" "$tmp/err" || fail "$c --db typo: $(cat "$tmp/err")"
    [ ! -e typo ] || { fail "$c --db typo created typo"; rm -f typo; }
done
[ ! -e r.html ] || fail "html --db typo created its output file"
cd "$OLDPWD" || exit 1

# export: a folder that is not a mounted stick, and a missing data folder
mkdir -p "$tmp/data" "$tmp/plain" "$tmp/media/stick"
run "$T" export --to "$tmp/plain" --data "$tmp/data"
[ "$rc" != 0 ] || fail "export to a plain folder: exit 0"
grep -q "is not on a mounted USB stick" "$tmp/err" || fail "export to a plain folder: $(cat "$tmp/err")"
[ -z "$(ls -A "$tmp/plain")" ] || fail "export to a plain folder wrote to it"
run "$T" export --to "$tmp/media/stick" --data "$tmp/missing"
[ "$rc" != 0 ] || fail "export --data missing: exit 0"
grep -q "the data folder $tmp/missing does not exist" "$tmp/err" || fail "export --data missing: $(cat "$tmp/err")"
[ ! -e "$tmp/missing" ] || fail "export --data missing created the folder"
# the same folder, listed as a mounted stick, takes the export
printf '/dev/sdb1 %s/media/stick vfat rw 0 0\n' "$tmp" > "$tmp/mounts"
run "$T" export --to "$tmp/media/stick" --data "$tmp/data" --mount-table "$tmp/mounts" --mounts "$tmp/media"
[ "$rc" = 0 ] || fail "export to a mounted stick: rc $rc $(cat "$tmp/err")"
grep -q "^Export complete" "$tmp/out" || fail "export to a mounted stick: $(cat "$tmp/out")"
run "$T" export --to "$tmp/plain" --data "$tmp/data" --any-folder
[ "$rc" = 0 ] || fail "export --any-folder: rc $rc $(cat "$tmp/err")"

[ "$bad" = 0 ] && echo "cli: ok"
exit "$bad"
