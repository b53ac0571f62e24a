# test_concurrency.sh: two people on one database. Two imports and a report
# (or, before `jarva report` exists, compute and results) at once, with a
# catalogue reload (`jarva init`) and readers polling `jarva batches`: everything succeeds, no batch is
# lost, and nobody sees "database is locked" (the busy timeout waits, writes
# start with BEGIN IMMEDIATE). The same file imported twice at once is one
# batch and an "already imported"; the same wave from two files at once is
# one batch and a clear refusal. While they run, the database and its -wal
# and -shm files are private (0600).
. "$JARVA_SRC/tests/cli/lib.sh"
CAT=$T/catalog
DB=$T/j.db
cp -r "$JARVA_SRC/indicators" "$CAT"
for s in bench-survey bench-survey-b; do
    cp "$JARVA_SRC/bench/data/bench-survey-mapping.csv" "$CAT/sources/$s.csv"
done
awk -v rows=60000 -v seed=11 -f "$JARVA_SRC/bench/gen_survey.awk" >"$T/a.csv"
awk -v rows=60000 -v seed=12 -f "$JARVA_SRC/bench/gen_survey.awk" >"$T/b.csv"
have_report=0
"$JARVA" report --help >/dev/null 2>&1 && have_report=1

j() { "$JARVA" --db "$DB" --catalog "$CAT" "$@"; }
run --db "$DB" --catalog "$CAT" --quiet init
expect_status 0 "init"
run --db "$DB" --catalog "$CAT" --quiet import table "$JARVA_SRC/tests/data/import/table.csv"
expect_status 0 "a table first, so that there is something to report"

# no_lock_errors WHAT FILE...: none of the outputs mentions a lock.
no_lock_errors() {
    what=$1
    shift
    checks=$((checks + 1))
    if grep -il 'locked\|busy' "$@" >/dev/null 2>&1; then
        fail "$what: a lock error reached the user: $(grep -ih 'locked\|busy' "$@" | head -n 3)"
    fi
}
# expect_exit WHAT FILE: FILE holds the exit status 0.
expect_exit() {
    checks=$((checks + 1))
    [ "$(cat "$2")" = 0 ] || fail "$1: exit status $(cat "$2"): $(cat "$2.err" 2>/dev/null | head -c 500)"
}
mode_of() { stat -c %a "$1" 2>/dev/null || echo gone; }

# Round 0: another program holds the database's lock (a closing connection
# checkpointing the WAL does so briefly; here the sqlite3 shell holds it for
# a second). A writer and a reader that open meanwhile wait for it: the wait
# must be in place before the first statement the open runs.
if command -v sqlite3 >/dev/null; then
    (printf 'PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT count(*) FROM batch;\n'
        sleep 1.5
        printf 'COMMIT;\n') | sqlite3 "$DB" >/dev/null 2>"$T/holder.err" &
    sleep 0.3
    (j --quiet init 2>"$T/lock1.err"; echo $? >"$T/lock1") &
    (j --format csv batches >/dev/null 2>"$T/lock2.err"; echo $? >"$T/lock2") &
    wait
    expect_exit "catalogue reload while another program holds the lock" "$T/lock1"
    expect_exit "reader while another program holds the lock" "$T/lock2"
    no_lock_errors "round 0" "$T/lock1.err" "$T/lock2.err"
fi

# Round 1: two imports, a report and readers at once.
(j --quiet import survey --source bench-survey "$T/a.csv" 2>"$T/imp1.err"; echo $? >"$T/imp1") &
(j --quiet import survey --source bench-survey-b "$T/b.csv" 2>"$T/imp2.err"; echo $? >"$T/imp2") &
if [ $have_report = 1 ]; then
    # --compute: compute what was imported so far, then render (the report
    # itself only reads; an import landing after the computation is named
    # on the cover instead of failing the report).
    (j --quiet report --year 2025 --compute -o "$T/report.pdf" >/dev/null 2>"$T/rep.err"
        echo $? >"$T/rep") &
else
    (j --quiet compute 2>"$T/rep.err" && j --format csv results >/dev/null 2>>"$T/rep.err"
        echo $? >"$T/rep") &
fi
(j --quiet init 2>"$T/init.err"; echo $? >"$T/init") & # someone reloads the catalogue too
i=0
modes=""
: >"$T/readers.err"
while [ $i -lt 15 ]; do
    j --format csv batches >/dev/null 2>>"$T/readers.err" || echo "reader $i failed" >>"$T/readers.err"
    [ -e "$DB-wal" ] && modes="$modes $(mode_of "$DB") $(mode_of "$DB-wal") $(mode_of "$DB-shm")"
    i=$((i + 1))
done
wait
expect_exit "import a.csv" "$T/imp1"
expect_exit "import b.csv" "$T/imp2"
expect_exit "report while importing" "$T/rep"
expect_exit "catalogue reload while importing" "$T/init"
checks=$((checks + 1))
[ ! -s "$T/readers.err" ] || fail "readers: $(head -c 500 "$T/readers.err")"
no_lock_errors "round 1" "$T/imp1.err" "$T/imp2.err" "$T/rep.err" "$T/init.err" "$T/readers.err"
checks=$((checks + 1))
[ -n "$modes" ] || echo "note: no -wal file seen while the imports ran"
for m in $modes; do
    [ "$m" = 600 ] || [ "$m" = gone ] || fail "a database file had mode $m while importing, expected 600"
done
run --db "$DB" --catalog "$CAT" --format csv batches
expect_status 0 "batches after round 1"
expect_out ",survey,bench-survey,2025,a.csv,60000," "a.csv's batch complete"
expect_out ",survey,bench-survey-b,2025,b.csv,60000," "b.csv's batch complete"
if [ $have_report = 1 ]; then
    checks=$((checks + 1))
    [ "$(head -c 5 "$T/report.pdf")" = "%PDF-" ] || fail "the report is not a PDF"
fi

# Round 2: the same file twice at once: one batch, one "already imported".
awk -v rows=30000 -v seed=13 -f "$JARVA_SRC/bench/gen_survey.awk" | sed 's/;2025;/;2024;/' >"$T/c.csv"
(j import survey --source bench-survey "$T/c.csv" 2>"$T/same1.err"; echo $? >"$T/same1") &
(j import survey --source bench-survey "$T/c.csv" 2>"$T/same2.err"; echo $? >"$T/same2") &
wait
expect_exit "same file, first" "$T/same1"
expect_exit "same file, second" "$T/same2"
no_lock_errors "round 2" "$T/same1.err" "$T/same2.err"
checks=$((checks + 1))
cat "$T/same1.err" "$T/same2.err" >"$T/same.err"
grep -q "30000 rows imported as batch" "$T/same.err" && grep -q "already imported as batch" "$T/same.err" ||
    fail "same file twice: $(cat "$T/same.err")"

# Round 3: one wave (bench-survey 2023) from two files at once: the first
# in wins, the other is refused with a reason, exit 1, and nothing lost.
awk -v rows=20000 -v seed=14 -f "$JARVA_SRC/bench/gen_survey.awk" | sed 's/;2025;/;2023;/' >"$T/d.csv"
awk -v rows=20000 -v seed=15 -f "$JARVA_SRC/bench/gen_survey.awk" | sed 's/;2025;/;2023;/' >"$T/e.csv"
(j --quiet import survey --source bench-survey "$T/d.csv" 2>"$T/wave1.err"; echo $? >"$T/wave1") &
(j --quiet import survey --source bench-survey "$T/e.csv" 2>"$T/wave2.err"; echo $? >"$T/wave2") &
wait
no_lock_errors "round 3" "$T/wave1.err" "$T/wave2.err"
checks=$((checks + 1))
case "$(cat "$T/wave1") $(cat "$T/wave2")" in
"0 1") grep -q "was already imported from another file" "$T/wave2.err" || fail "wave: $(cat "$T/wave2.err")" ;;
"1 0") grep -q "was already imported from another file" "$T/wave1.err" || fail "wave: $(cat "$T/wave1.err")" ;;
*) fail "same wave twice: exit $(cat "$T/wave1") and $(cat "$T/wave2")" ;;
esac

# Nothing lost: 1 table + a, b, c + one of d/e, each complete.
run --db "$DB" --catalog "$CAT" --format csv batches
expect_status 0 "batches at the end"
checks=$((checks + 1))
[ "$(grep -c ',survey,' "$OUT")" = 4 ] || fail "expected 4 survey batches: $(cat "$OUT")"
if command -v sqlite3 >/dev/null; then
    checks=$((checks + 2))
    [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM response")" = 170000 ] || fail "responses lost"
fi
checks=$((checks + 1))
[ "$(mode_of "$DB")" = 600 ] || fail "database mode $(mode_of "$DB"), expected 600"
finish
