# test_import.sh: `jarva import` and `jarva batches` end to end: outcomes and
# exit codes, errors with file:line:column that leave the database unchanged,
# dry runs, provenance, and an import killed with SIGKILL leaving no trace.
. "$JARVA_SRC/tests/cli/lib.sh"
D=$JARVA_SRC/tests/data/import
DB=$T/j.db

run --db "$DB" --quiet init
expect_status 0 "init"

dump() { sqlite3 "$DB" .dump | grep -v '^INSERT INTO sqlite_stat' | sha256sum; }
have_sqlite3=0
command -v sqlite3 >/dev/null && have_sqlite3=1

run --db "$DB" import survey "$D/survey_2023_excel.csv"
expect_status 0 "import an Excel export"
expect_err "60 rows imported as batch 1" "reports rows and batch"

run --db "$DB" import survey "$D/survey_2023_utf8.csv"
expect_status 1 "the same wave from another file"
expect_err "use --replace" "says how to replace"

run --db "$DB" import survey "$D/survey_2023_excel.csv"
expect_status 0 "re-import of the same bytes"
expect_err "already imported as batch 1 (same SHA-256), skipped" "recognised by hash"

run --db "$DB" import survey "$D/survey_2023_revised.csv" --replace --dry-run
expect_status 0 "dry run of a replacement"
expect_err "dry run, nothing written" "dry run says so"

run --db "$DB" --format csv batches
expect_status 0 "batches"
expect_out "1,survey,jarva-trygghet,2023,survey_2023_excel.csv,60," "one batch, unchanged by the dry run"

run --db "$DB" import table "$D/table.csv"
expect_status 0 "table"
run --db "$DB" import activities "$D/activities.csv"
expect_status 0 "activities"
run --db "$DB" import staff "$D/staff_2024.csv"
expect_status 0 "staff"

# A bad file: exit 1, the first error with file:line:column, nothing written.
printf 'date,type\n2025-02-30,press_material\n2025-13-01,press_material\n' >"$T/bad.csv"
[ $have_sqlite3 = 1 ] && before=$(dump)
run --db "$DB" import activities "$T/bad.csv"
expect_status 1 "bad dates"
expect_err "bad.csv:2:1 (date): '2025-02-30' is not a date" "first error located"
expect_err "bad.csv:3:1 (date): '2025-13-01' is not a date" "second error located"
if [ $have_sqlite3 = 1 ]; then
    checks=$((checks + 1))
    [ "$(dump)" = "$before" ] || fail "database changed by a failed import"
fi

run --db "$DB" import frobs "$T/bad.csv"
expect_status 2 "unknown kind"
run --db "$DB" import survey
expect_status 2 "no file"
run --db "$DB" import survey "$T/no-such-file.csv"
expect_status 1 "missing file"
expect_err "no-such-file.csv" "names the file"

run --db "$DB" batches rm 1
expect_status 0 "remove a batch"
run --db "$DB" batches rm 1
expect_status 1 "remove it again"
expect_err "no batch 1" "says which"

# SIGKILL in the middle of a large import: the database stays consistent and
# holds no part of the batch; a second run imports it completely.
if [ $have_sqlite3 = 1 ]; then
    cat_dir=$T/catalog
    cp -r "$JARVA_SRC/indicators" "$cat_dir"
    cp "$JARVA_SRC/bench/data/bench-survey-mapping.csv" "$cat_dir/sources/bench-survey.csv"
    awk -v rows=300000 -v seed=3 -f "$JARVA_SRC/bench/gen_survey.awk" >"$T/big.csv"
    K=$T/kill.db
    "$JARVA" --db "$K" --catalog "$cat_dir" --quiet init
    "$JARVA" --db "$K" --catalog "$cat_dir" --quiet import survey --source bench-survey "$T/big.csv" &
    pid=$!
    sleep 0.7
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    # On a fast or idle machine the import may have finished before the kill:
    # then the batch is whole. Either way, never a part of it (test_crash.sh
    # kills at many points).
    checks=$((checks + 2))
    [ "$(sqlite3 "$K" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after SIGKILL"
    state=$(sqlite3 "$K" 'SELECT (SELECT count(*) FROM batch) || char(47) || (SELECT count(*) FROM response)')
    [ "$state" = 0/0 ] || [ "$state" = 1/300000 ] || fail "a killed import left part of a batch: $state"
    run --db "$K" --catalog "$cat_dir" import survey --source bench-survey "$T/big.csv"
    expect_status 0 "re-run after the kill"
    checks=$((checks + 1))
    [ "$(sqlite3 "$K" 'SELECT count(*) FROM response')" = 300000 ] || fail "re-run imported all rows"
fi

finish
