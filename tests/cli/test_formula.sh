# test_formula.sh: every CSV jarva writes is safe to open in a spreadsheet
# (OWASP, CSV injection): a database whose file names, catalogue texts and
# published notes start with = + - @, then every command's --format csv
# output is searched for a cell that starts with one of them, or a tab or a
# CR, and is not a number: there must be none. --raw-csv writes them as they
# are, for programs.
. "$JARVA_SRC/tests/cli/lib.sh"
D=$JARVA_SRC/tests/data/import
DB=$T/j.db
CAT=$T/catalog
cp -R "$JARVA_SRC/indicators" "$CAT"
# A goal's texts and an indicator's names that a spreadsheet would run.
sed -i 's/^g2,overall,,Tryggheten ökar i Järva\.,Safety increases in Järva\./g2,overall,,"=HYPERLINK(""http:x"";""klicka"")",@SUM(1)/' "$CAT/goals.csv"
grep -q '^g2,overall,,"=HYPERLINK' "$CAT/goals.csv" || { echo "goals.csv not edited"; exit 1; }

run --db "$DB" --catalog "$CAT" --quiet init
expect_status 0 "init with formula-like texts"
# The issue's file name, and a published table whose note is a formula.
cp "$D/survey_2023_excel.csv" "$T/=HYPERLINK(\"http:x\").csv"
run --db "$DB" --quiet import survey "$T/=HYPERLINK(\"http:x\").csv"
expect_status 0 "import a file with a formula for a name"
sed -e 's/;svarsfrekvens 38 %$/;-2+3/' "$D/table.csv" >"$T/+tabell.csv"
run --db "$DB" --quiet import table "$T/+tabell.csv"
expect_status 0 "import a table with a formula as note"
run --db "$DB" --quiet import activities "$D/activities.csv"
expect_status 0 "activities"
run --db "$DB" --quiet compute
expect_status 0 "compute"

# unsafe FILE: the cells of the CSV in FILE (RFC 4180, quotes undone) that
# start with = + - @ tab or CR and are not numbers, one per line.
unsafe() {
    awk 'BEGIN { RS = "\n"; number = "^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?$" }
    function check(cell) {
        if (cell ~ /^[=+@\t\r-]/ && cell !~ number) print cell
    }
    {
        line = (carry == "") ? $0 : carry "\n" $0
        cell = ""; quoted = 0; carry = ""
        for (i = 1; i <= length(line); i++) {
            c = substr(line, i, 1)
            if (quoted) {
                if (c == "\"" && substr(line, i + 1, 1) == "\"") { cell = cell "\""; i++ }
                else if (c == "\"") quoted = 0
                else cell = cell c
            } else if (c == "\"") quoted = 1
            else if (c == ",") { check(cell); cell = "" }
            else cell = cell c
        }
        if (quoted) carry = line; else check(cell)
    }' "$1"
}

exports=0
check_export() { # WHAT ARGS...: the command's CSV has no unsafe cell
    what=$1
    shift
    run --db "$DB" --catalog "$CAT" --format csv "$@"
    expect_status 0 "$what"
    exports=$((exports + 1))
    checks=$((checks + 1))
    unsafe "$OUT" >"$T/unsafe"
    [ ! -s "$T/unsafe" ] || fail "$what: cells a spreadsheet would run: $(head -3 "$T/unsafe")"
}
check_export "batches" batches
check_export "goals" goals
check_export "indicators" indicators
check_export "show a goal" show g2
check_export "show an indicator" show safe-evening-survey
check_export "results" results
check_export "results by domain" results --domains
check_export "trend" trend safe-evening-survey
check_export "status" status
check_export "estimate" estimate "$T/=HYPERLINK(\"http:x\").csv" --var F12a --positive 1,2 --valid 1,2,3,4
# The rule is seen at work where the data put formulas, not only absent.
run --db "$DB" --format csv batches
expect_out "\"'=HYPERLINK(\"\"http:x\"\").csv\"" "the file name is prefixed"
expect_out "'+tabell.csv" "a leading + is prefixed"
run --db "$DB" --catalog "$CAT" --format csv goals
expect_out "\"'=HYPERLINK(\"\"http:x\"\";\"\"klicka\"\")\"" "a goal's text is prefixed"
expect_out "'@SUM(1)" "a leading @ is prefixed"

# The checker itself finds what it must.
printf 'a,b\n"=1+1",-0.5\n-2+3,@x\n' >"$T/probe.csv"
checks=$((checks + 1))
[ "$(unsafe "$T/probe.csv" | wc -l)" -eq 3 ] || fail "the checker misses formulas"

# --raw-csv: as they are, for programs.
run --db "$DB" --raw-csv --format csv batches
expect_status 0 "batches --raw-csv"
expect_out "\"=HYPERLINK(\"\"http:x\"\").csv\"" "--raw-csv leaves the name as it is"
run --db "$DB" batches --raw-csv --format csv
expect_status 0 "--raw-csv after the command"
expect_out ",+tabell.csv," "--raw-csv after the command too"

# A mapping draft is CSV that people edit in a spreadsheet: an export's
# column named like a formula is prefixed there, and a mapping that says
# '=lopnr (as the draft, or Excel saving it) reads as the column =lopnr.
sed '1s/^lopnr,/=lopnr,/' "$D/survey_2023_utf8.csv" >"$T/formula-header.csv"
run --db "$DB" --catalog "$CAT" mapping draft "$T/formula-header.csv"
expect_status 0 "mapping draft of an export with a formula-like column"
expect_out ",'=lopnr," "the column is prefixed in the draft"
check_export "mapping draft" mapping draft "$T/formula-header.csv"
sed "s/^respondent_id,lopnr,/respondent_id,'=lopnr,/" "$CAT/sources/jarva-trygghet.csv" >"$T/m.csv"
grep -q "^respondent_id,'=lopnr," "$T/m.csv" || fail "mapping not edited"
cp "$T/m.csv" "$CAT/sources/jarva-trygghet.csv"
run --db "$T/roundtrip.db" --catalog "$CAT" --quiet init
expect_status 0 "init with a prefixed column in a mapping"
run --db "$T/roundtrip.db" --catalog "$CAT" --quiet import survey "$T/formula-header.csv"
expect_status 0 "the export with the column =lopnr imports through the mapping's '=lopnr"

checks=$((checks + 1))
[ "$exports" -ge 10 ] || fail "too few exports checked"
finish
