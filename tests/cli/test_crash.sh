# test_crash.sh: a laptop losing power mid-import, approximated by SIGKILL at
# 24 or more different points of `jarva import`: after delays spread over the
# time a full import takes (the fastest of the imports measured before and
# after each kill, so that the points fall inside the import on any machine
# and build), on two file sizes, and during a --replace.
# After each kill: PRAGMA integrity_check is ok, the batch is absent (or,
# if the import finished before the signal landed, complete), the -wal and
# -shm left behind are private (0600), and a re-run imports the file
# completely. At least 20 kills must land mid-import.
. "$JARVA_SRC/tests/cli/lib.sh"
if ! command -v sqlite3 >/dev/null; then
    echo "skipped: the sqlite3 shell is not installed"
    exit 0
fi

CAT=$T/catalog
cp -r "$JARVA_SRC/indicators" "$CAT"
cp "$JARVA_SRC/bench/data/bench-survey-mapping.csv" "$CAT/sources/bench-survey.csv"
awk -v rows=60000 -v seed=5 -f "$JARVA_SRC/bench/gen_survey.awk" >"$T/small.csv"
awk -v rows=150000 -v seed=6 -f "$JARVA_SRC/bench/gen_survey.awk" >"$T/large.csv"
awk -v rows=60000 -v seed=7 -f "$JARVA_SRC/bench/gen_survey.awk" >"$T/revised.csv"

"$JARVA" --db "$T/empty.db" --catalog "$CAT" --quiet init || fail "init"
cp "$T/empty.db" "$T/with-small.db"
"$JARVA" --db "$T/with-small.db" --catalog "$CAT" --quiet import survey --source bench-survey \
    "$T/small.csv" || fail "import into the --replace template"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
sha() { sha256sum "$1" | cut -d' ' -f1; }
q() { sqlite3 "$1" "$2"; }
# rows_of DB FILE: rows stored for FILE's batch ("absent" if none).
rows_of() {
    r=$(q "$1" "SELECT rows || '/' || (SELECT count(*) FROM response WHERE batch_id = batch.id)
               FROM batch WHERE sha256 = '$(sha "$2")'")
    echo "${r:-absent}"
}
import() { # import DB FILE [--replace]
    db=$1 file=$2
    shift 2
    "$JARVA" --db "$db" --catalog "$CAT" --quiet import survey --source bench-survey "$@" "$file"
}

# How long a full import of each file takes here.
for f in small large revised; do
    cp "$T/empty.db" "$T/time.db"
    start=$(now_ms)
    import "$T/time.db" "$T/$f.csv" || fail "timing import of $f.csv"
    eval "ms_$f=$(($(now_ms) - start))"
    rm -f "$T/time.db"
done
echo "full imports: small ${ms_small} ms, large ${ms_large} ms"

# Points 1-10 on the small file, 11-20 on the large one, 21-24 a --replace
# of the small file's wave by the revised one; should a kill come after the
# import finished (a loaded machine is faster or slower than measured),
# more points on the small file, up to 32 in all.
points=24
mid=0
k=1
while [ $k -le $points ] || { [ $mid -lt 20 ] && [ $k -le 32 ]; }; do
    if [ $k -le 10 ] || [ $k -gt 24 ]; then
        file=small template=empty ms=$ms_small frac=$(((k - 1) % 10 + 1)) replace=""
    elif [ $k -le 20 ]; then
        file=large template=empty ms=$ms_large frac=$((k - 10)) replace=""
    else
        file=revised template=with-small ms=$ms_revised frac=$(((k - 20) * 2)) replace=--replace
    fi
    delay=$((ms * frac * 6 / 100)) # 6 % to 60 % of the fastest full import
    db=$T/kill$k.db
    cp "$T/$template.db" "$db"
    # jarva itself in the background (not a function: $! would be a subshell
    # and the kill would miss jarva).
    "$JARVA" --db "$db" --catalog "$CAT" --quiet import survey --source bench-survey $replace \
        "$T/$file.csv" 2>"$T/kill$k.err" &
    pid=$!
    sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
    kill -9 $pid 2>/dev/null
    wait $pid
    status=$?

    checks=$((checks + 1))
    [ "$(q "$db" 'PRAGMA integrity_check')" = ok ] || fail "point $k: integrity_check after SIGKILL"
    for side in wal shm; do
        if [ -e "$db-$side" ]; then
            checks=$((checks + 1))
            mode=$(stat -c %a "$db-$side")
            [ "$mode" = 600 ] || fail "point $k: $db-$side has mode $mode, expected 600"
        fi
    done
    got=$(rows_of "$db" "$T/$file.csv")
    want=$(awk 'END { print NR - 1 }' "$T/$file.csv")
    checks=$((checks + 1))
    if [ $status -eq 137 ] && [ "$got" = absent ]; then
        mid=$((mid + 1))
    elif [ "$got" != "$want/$want" ]; then
        fail "point $k (${delay} ms, exit $status): batch is $got, expected absent or $want/$want"
    fi
    if [ -n "$replace" ]; then # the wave's earlier batch is intact unless replaced
        checks=$((checks + 1))
        old=$(rows_of "$db" "$T/small.csv")
        [ "$old" = 60000/60000 ] || [ "$got" = "$want/$want" ] ||
            fail "point $k: the batch being replaced is $old after the kill"
    fi

    start=$(now_ms)
    run --db "$db" --catalog "$CAT" import survey --source bench-survey $replace "$T/$file.csv"
    expect_status 0 "point $k: re-run after the kill"
    # A re-run that imported (not one that found the batch done) measures a
    # full import again; the fastest seen bounds where kills are aimed, so
    # that they land inside an import on a loaded machine too.
    if [ "$got" = absent ]; then
        took=$(($(now_ms) - start))
        [ "$took" -lt "$ms" ] && eval "ms_$file=$took"
    fi
    checks=$((checks + 1))
    [ "$(rows_of "$db" "$T/$file.csv")" = "$want/$want" ] || fail "point $k: re-run incomplete"
    checks=$((checks + 1))
    [ "$(q "$db" 'SELECT count(*) FROM batch')" = 1 ] || fail "point $k: not exactly one batch"
    echo "point $k: killed after ${delay} ms (exit $status), batch $got; re-run complete"
    rm -f "$db" "$db-wal" "$db-shm"
    k=$((k + 1))
done

checks=$((checks + 1))
[ $mid -ge 20 ] || fail "only $mid of $((k - 1)) kills landed mid-import (at least 20 needed)"
echo "$mid of $((k - 1)) kills landed mid-import"
finish
