# stats_expect.sh: sourced by tests/sh/e2e_*.sh. stats_expect B DATA FILE
# compares every counter the kiosk stored (`taama stats --tsv`) with the
# exact list in FILE: lines "metric lang module item value", tab-separated,
# in any order. The day must be a date and is otherwise ignored, as is the
# hour of session_start (item, written as H), both set by the wall clock.
# Any missing, extra or different counter fails, with a diff.
stats_expect() {
    _b=$1 _data=$2 _want=$3
    "$_b/taama" stats --data "$_data" --tsv > "$_want.got.raw" || return 1
    awk -F '\t' 'NR == 1 { if ($0 != "day\tmetric\tlang\tmodule\titem\tvalue") bad = 1; next }
        $1 !~ /^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$/ { bad = 1 }
        { item = $2 == "session_start" ? "H" : $5; print $2 "\t" $3 "\t" $4 "\t" item "\t" $6 }
        END { exit bad }' "$_want.got.raw" | LC_ALL=C sort > "$_want.got" || {
        echo "stats --tsv: unexpected header or day" >&2
        cat "$_want.got.raw" >&2
        return 1
    }
    LC_ALL=C sort "$_want" > "$_want.sorted"
    if ! diff -u "$_want.sorted" "$_want.got" >&2; then
        echo "the stored counters differ from the expected ones (- expected, + stored)" >&2
        return 1
    fi
}
