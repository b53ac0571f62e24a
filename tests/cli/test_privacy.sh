# test_privacy.sh: the database is private by construction and nothing is
# destroyed. A database file that existed before init (touch, umask 022:
# 0644) and its -wal/-shm become 0600; read-only commands never create or
# write a database (a missing or empty file is an error and stays as it
# was) and work in a folder they cannot write to; an output path that is the
# database, its -wal/-shm, a hard link to it or a font the report reads is
# refused with the database unchanged; a removed batch's answers are gone
# from the file (secure_delete); reloading the catalogue restores the links
# of published values that a trial catalogue dropped.
. "$JARVA_SRC/tests/cli/lib.sh"
D=$JARVA_SRC/tests/data/import
mode() { stat -c %a "$1"; }
have_sqlite3=0
command -v sqlite3 >/dev/null && have_sqlite3=1
state() { sha256sum <"$1"; }

# --- 0600 whatever existed before ---------------------------------------
cd "$T" || exit 1
umask 022
touch jarva.db && chmod 644 jarva.db
run --quiet init
expect_status 0 "init adopts an empty file made by touch"
checks=$((checks + 1))
[ "$(mode jarva.db)" = 600 ] || fail "jarva.db is $(mode jarva.db) after init, expected 600"
# A database made readable by someone later, and a -wal/-shm left 0644.
chmod 644 jarva.db
run --quiet import survey "$D/survey_2023_utf8.csv"
expect_status 0 "import into a database that had become 0644"
checks=$((checks + 1))
[ "$(mode jarva.db)" = 600 ] || fail "jarva.db is $(mode jarva.db) after import, expected 600"
for side in jarva.db-wal jarva.db-shm; do
    [ -e "$side" ] || continue
    checks=$((checks + 1))
    [ "$(mode "$side")" = 600 ] || fail "$side is $(mode "$side")"
done
if [ $have_sqlite3 = 1 ]; then
    # Keep a -wal and -shm open by holding a reader while chmod-ing them.
    sqlite3 jarva.db "PRAGMA journal_mode" >/dev/null
    : >jarva.db-wal && chmod 644 jarva.db-wal
    run --quiet goals
    expect_status 0 "goals"
    checks=$((checks + 1))
    [ "$(mode jarva.db-wal)" = 600 ] || fail "a 0644 -wal stays $(mode jarva.db-wal)"
fi

# --- read-only commands never create or write a database ------------------
for cmd in results batches status goals indicators "show g1" "trend safe-evening-survey"; do
    # shellcheck disable=SC2086
    run --db "$T/missing.db" $cmd
    expect_status 1 "$cmd on a missing database"
    checks=$((checks + 1))
    [ ! -e "$T/missing.db" ] || fail "$cmd created missing.db"
    rm -f "$T/missing.db"
    : >"$T/empty.db"
    # shellcheck disable=SC2086
    run --db "$T/empty.db" $cmd
    expect_status 1 "$cmd on an empty file"
    expect_err "empty.db: an empty file, not a jarva database" "$cmd says why"
    checks=$((checks + 1))
    [ ! -s "$T/empty.db" ] || fail "$cmd wrote $(wc -c <"$T/empty.db") bytes into an empty file"
    checks=$((checks + 1))
    [ ! -e "$T/empty.db-wal" ] || fail "$cmd made a -wal beside an empty file"
done
# An SQLite file of another program gets no jarva tables.
if [ $have_sqlite3 = 1 ]; then
    sqlite3 "$T/other.db" "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine')"
    before=$(state "$T/other.db")
    run --db "$T/other.db" init
    expect_status 1 "init on another program's database"
    expect_err "an SQLite database of another program" "says so"
    run --db "$T/other.db" results
    expect_status 1 "results on another program's database"
    checks=$((checks + 1))
    [ "$(state "$T/other.db")" = "$before" ] || fail "another program's database changed"
fi

# --- an output is never an input ------------------------------------------
DB=$T/jarva.db
before=$(state "$DB")
ln -f "$DB" "$T/hard.db"
have_report=0
"$JARVA" report --help >/dev/null 2>&1 && have_report=1
[ $have_report = 1 ] || echo "note: built without the report: its -o cases are left out"
[ $have_report = 1 ] && for target in "$DB" "$T/./jarva.db" "$DB-wal" "$DB-shm" "$T/hard.db"; do
    run --db "$DB" report --year 2025 -o "$target"
    expect_status 1 "report -o $target"
    expect_err "which this reads; choose another output file" "report -o $target says why"
done
checks=$((checks + 1))
[ "$(state "$DB")" = "$before" ] || fail "the database changed under report -o"
rm -f "$T/hard.db"
# A font the report reads.
fonts=$T/fonts
mkdir -p "$fonts"
for f in /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
    /usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf; do
    [ -r "$f" ] && cp "$f" "$fonts/"
done
if [ $have_report = 1 ] && [ -r "$fonts/LiberationSans-Bold.ttf" ]; then
    font_before=$(state "$fonts/LiberationSans-Bold.ttf")
    run --db "$DB" report --year 2025 --font-dir "$fonts" -o "$fonts/LiberationSans-Bold.ttf"
    expect_status 1 "report -o onto its font"
    checks=$((checks + 1))
    [ "$(state "$fonts/LiberationSans-Bold.ttf")" = "$font_before" ] || fail "the font changed"
fi
# mapping draft -o onto the database's -wal (not there yet) or the export.
rm -f "$DB-wal"
run --db "$DB" mapping draft "$D/survey_2023_utf8.csv" -o "$DB-wal"
expect_status 1 "mapping draft -o DB-wal"
expect_err "which this reads" "mapping draft says why"

# --- a removed batch's answers are gone from the file ----------------------
# A marker respondent id, unlike anything else in the file.
sed '2s/^[^;,]*/QXZMARKER7731/' "$D/survey_2023_excel.csv" >"$T/marked.csv"
grep -q QXZMARKER7731 "$T/marked.csv" || fail "marker not written"
S=$T/secure.db
run --db "$S" --quiet init
run --db "$S" --quiet import survey "$T/marked.csv"
expect_status 0 "import the marked file"
checks=$((checks + 1))
cat "$S"* | grep -qa QXZMARKER7731 || fail "the marker is not in the file after the import"
run --db "$S" --quiet batches rm 1
expect_status 0 "batches rm"
checks=$((checks + 1))
! cat "$S"* | grep -qa QXZMARKER7731 || fail "a removed batch's respondent id is still in the file"

# --- read-only commands in a folder they cannot write ----------------------
RO=$T/ro
mkdir -p "$RO" && cp "$DB" "$RO/ro.db" && chmod 0644 "$RO/ro.db" && chmod 0555 "$RO"
as_other=""
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups \
        test -r "$RO/ro.db" -a -x "$JARVA" 2>/dev/null; then
        as_other="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        as_other=skip
    fi
fi
if [ "$as_other" != skip ]; then
    ro_before=$(state "$RO/ro.db")
    for cmd in status batches results goals; do
        $as_other "$JARVA" --db "$RO/ro.db" $cmd >"$OUT" 2>"$ERR"
        STATUS=$?
        expect_status 0 "$cmd in a read-only folder"
    done
    checks=$((checks + 1))
    [ "$(state "$RO/ro.db")" = "$ro_before" ] || fail "the database in a read-only folder changed"
else
    echo "note: read-only folder cases skipped (root without a usable setpriv)"
fi
chmod 0755 "$RO"

# --- reloading the catalogue restores the links of published values -------
if [ $have_sqlite3 = 1 ]; then
    P=$T/published.db
    run --db "$P" --quiet init
    run --db "$P" --quiet import table "$JARVA_SRC/examples/data/publicerade-trygghetsmatningar.csv"
    expect_status 0 "import the published tables"
    linked() { sqlite3 "$P" "SELECT count(indicator_id) FROM published_value"; }
    full=$(linked)
    checks=$((checks + 1))
    [ "$full" -gt 0 ] || fail "no published value is linked"
    # A trial catalogue without one indicator that published values measure.
    gone=$(sqlite3 "$P" "SELECT indicator_id FROM published_value WHERE indicator_id IS NOT NULL LIMIT 1")
    TRIAL=$T/trial
    cp -R "$JARVA_SRC/indicators" "$TRIAL"
    grep -v "^$gone," "$JARVA_SRC/indicators/indicators.csv" >"$TRIAL/indicators.csv"
    run --db "$P" --catalog "$TRIAL" --quiet init
    expect_status 0 "init with the trial catalogue"
    checks=$((checks + 1))
    [ "$(linked)" -lt "$full" ] || fail "the trial catalogue unlinked nothing ($(linked) of $full)"
    run --db "$P" --quiet init
    expect_status 0 "init with the real catalogue again"
    checks=$((checks + 1))
    [ "$(linked)" = "$full" ] || fail "after reloading, $(linked) published values linked, expected $full"
fi

# --- plan.csv's adopted date is checked by init -----------------------------
for bad in 2025-02-30 igår 2026-01-10; do
    C=$T/plan-$bad
    cp -R "$JARVA_SRC/indicators" "$C"
    awk -F, -v OFS=, -v d="$bad" 'NR == 2 { $4 = d } { print }' "$JARVA_SRC/indicators/plan.csv" >"$C/plan.csv"
    run --db "$T/plan.db" --catalog "$C" init
    expect_status 1 "init with adopted $bad"
    expect_err "plan.csv:2: adopted" "adopted $bad refused with its line"
done

# --- standard input imports (saved to a private file first) ---------------
cat "$D/survey_2023_utf8.csv" | "$JARVA" --db "$T/stdin.db" --quiet import survey /dev/stdin \
    >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 1 "a pipe into a database that does not exist"
run --db "$T/stdin.db" --quiet init
cat "$D/survey_2023_utf8.csv" | "$JARVA" --db "$T/stdin.db" import survey /dev/stdin >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0 "cat FILE | jarva import survey /dev/stdin"
expect_err "60 rows imported" "all rows from the pipe"
cat "$D/table.csv" | "$JARVA" --db "$T/stdin.db" --quiet import table - >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0 "cat FILE | jarva import table -"
run --db "$T/stdin.db" --format csv batches
expect_out ",stdin,60," "the batch says it came from stdin"
# A named FIFO is still refused at once (it could wait for a writer forever).
mkfifo "$T/fifo" 2>/dev/null && {
    run --db "$T/stdin.db" import survey "$T/fifo"
    expect_status 1 "a named FIFO"
}

# --- header errors name the header's line ----------------------------------
{ printf 'sep=,\n\n'; sed -e '1s/omrade/plats/' "$D/survey_2023_utf8.csv"; } >"$T/sep.csv"
run --db "$DB" import survey "$T/sep.csv"
expect_status 1 "a header without the area column after sep= and a blank line"
expect_err "sep.csv:3: missing column" "names the header's line 3"
finish
