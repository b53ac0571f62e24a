# test_formats.sh: the same data as CSV, as an Excel workbook
# (tests/data/formats/*.xlsx, made by make_xlsx.py from the example CSV files)
# and as SPSS, Stata and SAS files (made by make_sav.R with haven) stores
# identical rows and gives identical estimates; value labels are kept with
# the batch and shown; bad files are refused naming the cell or the row and
# variable, the database left as it was.
. "$JARVA_SRC/tests/cli/lib.sh"
E=$JARVA_SRC/examples/data
F=$JARVA_SRC/tests/data/formats

# The rows of every imported kind, without their ids (the same in both
# databases anyway, as every import here is batch 1-4 in the same order).
rows() {
    sqlite3 "$1" "SELECT batch_id, year, row_no, respondent_id, area_id, organisation_id, role,
                         stratum, weight, sex, age_group FROM response ORDER BY 1, 3;
                  SELECT a.batch_id, a.respondent_id, v.position, a.code FROM answer a
                    JOIN batch_variable v ON v.batch_id = a.batch_id AND v.name = a.variable
                   ORDER BY 1, 2, 3;
                  SELECT batch_id, position, name, source_column FROM batch_variable ORDER BY 1, 2;
                  SELECT batch_id, row_no, indicator_id, survey, measure, year, area_id,
                         value_kind, value, n, suppressed, suppression_marker, source, note
                    FROM published_value ORDER BY 1, 2;
                  SELECT batch_id, row_no, date, year, organisation_id, audience_id, type, area_id,
                         count, reach, planned_date, delivered_date, description
                    FROM activity ORDER BY 1, 2;"
}

load() { # load DB KIND:FILE...
    db=$1
    shift
    run --db "$db" --quiet init
    expect_status 0 "init $db"
    for item in "$@"; do
        # shellcheck disable=SC2086 # "KIND:FILE --option VALUE": split on purpose
        run --db "$db" --quiet import ${item%%:*} ${item#*:}
        expect_status 0 "import ${item#*:}"
    done
    run --db "$db" --quiet compute
    expect_status 0 "compute $db"
}

load "$T/csv.db" survey:"$E/simulerade-trygghetsenkat-2025.csv" \
    staff:"$E/simulerade-personalenkat-2025.csv" \
    activities:"$E/simulerade-aktivitetslogg-2019-2025.csv" \
    table:"$E/publicerade-trygghetsmatningar.csv"
load "$T/xlsx.db" survey:"$F/trygghetsenkat-2025.xlsx" staff:"$F/personalenkat-2025.xlsx" \
    "activities:$F/aktivitetslogg.xlsx --sheet Aktiviteter" table:"$F/publicerade.xlsx"

rows "$T/csv.db" >"$T/csv.rows"
rows "$T/xlsx.db" >"$T/xlsx.rows"
checks=$((checks + 1))
[ "$(wc -l <"$T/csv.rows")" -gt 3000 ] || fail "the CSV files stored too few rows"
expect_same "$T/xlsx.rows" "$T/csv.rows" "rows from .xlsx and .csv"
for db in csv xlsx; do
    run --db "$T/$db.db" results --format csv
    cp "$OUT" "$T/$db.results"
done
checks=$((checks + 1))
grep -q '^safe-evening-survey,2025,jarva,Järva,,1531,' "$T/csv.results" || fail "no 2025 estimate from the CSV"
expect_same "$T/xlsx.results" "$T/csv.results" "estimates from .xlsx and .csv"

# The batch says how the file was read.
checks=$((checks + 1))
[ "$(sqlite3 "$T/xlsx.db" "SELECT options FROM batch WHERE kind = 'activity'")" = \
    "format=xlsx;sheet=Aktiviteter" ] || fail "batch options of a workbook"

# A workbook made by hand: inline and shared strings, a cell left out, a
# row number skipped (tests/data/formats/make_xlsx.py writes each cell).
run --db "$T/csv.db" --quiet import staff "$F/inline.xlsx" --year 2025 --dry-run
expect_status 1 "inline.xlsx is the 2025 wave again"
expect_err "staff jarva-personalenkat 2025 was already imported" "one wave per file"
run --db "$T/hand.db" --quiet init
run --db "$T/hand.db" --quiet import staff "$F/inline.xlsx"
expect_status 0 "inline.xlsx"
checks=$((checks + 1))
# Each row's answers through the documented answer view, in column order.
hand_rows="SELECT group_concat(x, ' ') FROM (
             SELECT r.row_no || ':' || r.organisation_id || ':[' ||
                    (SELECT group_concat(c, ',') FROM (
                       SELECT coalesce(char(34) || a.code || char(34), 'null') AS c FROM answer a
                         JOIN batch_variable v ON v.batch_id = a.batch_id AND v.name = a.variable
                        WHERE a.batch_id = r.batch_id AND a.respondent_id = r.respondent_id
                        ORDER BY v.position)) || ']' AS x
               FROM response r ORDER BY r.row_no)"
[ "$(sqlite3 "$T/hand.db" "$hand_rows")" = \
    '2:utbildningsforvaltningen:["2",null,"2","1","5","2","3","1"] 3:jarva-sdf:["1","1","2","2","4","1","1","2"] 4:utbildningsforvaltningen:["3","2","2","1","3","2","2","2"] 6:utbildningsforvaltningen:["3","3","1","2","2","3","4","1"]' ] ||
    fail "the hand-made workbook's rows: $(sqlite3 "$T/hand.db" "$hand_rows")"

# Bad workbooks: refused, with the cell, and the database unchanged.
state() {
    cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d' ' -f1
}
bad() { # bad NAME EXPECTED ARGS...: on a database holding the CSV files
    name=$1 expected=$2
    shift 2
    before=$(state "$T/csv.db")
    run --db "$T/csv.db" "$@"
    expect_status 1 "$name"
    expect_err "$expected" "$name"
    checks=$((checks + 1))
    [ "$(state "$T/csv.db")" = "$before" ] || fail "$name: the database changed"
}
head -c 3000 "$F/trygghetsenkat-2025.xlsx" >"$T/truncated.xlsx"
cp "$E/simulerade-personalenkat-2021.csv" "$T/csv-named.xlsx"
bad "a formula" "formula.xlsx:Blad1!F3: the cell holds a formula (=E3)" \
    import staff "$F/formula.xlsx"
bad "an error value" "error-value.xlsx:Blad1!G2: the cell holds the error value #N/A" \
    import staff "$F/error-value.xlsx"
bad "truncated" "truncated.xlsx: not a readable zip archive" import survey "$T/truncated.xlsx"
bad "wrong magic" "csv-named.xlsx: not an Excel workbook" import staff "$T/csv-named.xlsx"
bad "no such sheet" "no sheet 'Blad2' (the sheets: 'Om filen', 'Aktiviteter')" \
    import activities "$F/aktivitetslogg.xlsx" --sheet Blad2
bad "the wrong sheet" "aktivitetslogg.xlsx:Om filen!1:1: missing column 'date'" \
    import activities "$F/aktivitetslogg.xlsx"
# The survey wave as .sav, .zsav, .dta and .sas7bdat: the same rows and
# estimates as its CSV.
load "$T/csv1.db" survey:"$E/simulerade-trygghetsenkat-2025.csv"
rows "$T/csv1.db" >"$T/csv1.rows"
run --db "$T/csv1.db" results --format csv
cp "$OUT" "$T/csv1.results"
for ext in sav zsav dta sas7bdat; do
    load "$T/$ext.db" survey:"$F/trygghetsenkat-2025.$ext"
    rows "$T/$ext.db" >"$T/$ext.rows"
    expect_same "$T/$ext.rows" "$T/csv1.rows" "rows from .$ext and .csv"
    run --db "$T/$ext.db" results --format csv
    cp "$OUT" "$T/$ext.results"
    expect_same "$T/$ext.results" "$T/csv1.results" "estimates from .$ext and .csv"
done
checks=$((checks + 1))
[ "$(sqlite3 "$T/sav.db" "SELECT options FROM batch")" = "format=sav" ] || fail "options of a .sav"

# The same wave as a SAS transport file (.xpt, version 8: long names) and an
# SPSS portable file (.por), written by make_statfiles.c. The portable format
# allows eight upper-case characters a name, so aldersgrupp is ALDERSGR
# there, which a catalogue's mapping then says; and its character set has no
# en dash or å, so its strata read "Akalla 16-29 ar" for "Akalla 16–29 år".
load "$T/xpt.db" survey:"$F/trygghetsenkat-2025.xpt"
rows "$T/xpt.db" >"$T/xpt.rows"
expect_same "$T/xpt.rows" "$T/csv1.rows" "rows from .xpt and .csv"
run --db "$T/xpt.db" results --format csv
cp "$OUT" "$T/xpt.results"
expect_same "$T/xpt.results" "$T/csv1.results" "estimates from .xpt and .csv"
cp -R "$JARVA_SRC/indicators" "$T/por-catalog"
sed -i 's/^age_group,aldersgrupp,/age_group,ALDERSGR,/' "$T/por-catalog/sources/jarva-trygghet.csv"
run --db "$T/por.db" --quiet --catalog "$T/por-catalog" init
expect_status 0 "init with the portable file's mapping"
run --db "$T/por.db" --quiet import survey "$F/trygghetsenkat-2025.por"
expect_status 0 "import trygghetsenkat-2025.por"
run --db "$T/por.db" --quiet compute
expect_status 0 "compute por.db"
rows "$T/por.db" >"$T/por.rows"
sed 's/–/-/g; s/ år|/ ar|/g' "$T/csv1.rows" >"$T/csv1-ascii.rows"
expect_same "$T/por.rows" "$T/csv1-ascii.rows" "rows from .por and .csv"
run --db "$T/por.db" results --format csv
cp "$OUT" "$T/por.results"
expect_same "$T/por.results" "$T/csv1.results" "estimates from .por and .csv"
run --db "$T/por.db" show safe-evening-survey
expect_out "1 = mycket trygg; 2 = ganska trygg; 3 = ganska otrygg; 4 = mycket otrygg; 9 = vet ej (batch 1, F12A)" "value labels of a .por"
checks=$((checks + 1))
[ "$(sqlite3 "$T/por.db" "SELECT options FROM batch")" = "format=por" ] || fail "options of a .por"

# Dates as the three formats store them (SPSS: seconds since 1582-10-14,
# DATE11; Stata: days since 1960, %td; SAS: days since 1960, YYMMDD10) are
# read as the dates the activity log's CSV holds, not as day counts.
load "$T/act-csv.db" activities:"$E/simulerade-aktivitetslogg-2019-2025.csv"
rows "$T/act-csv.db" >"$T/act-csv.rows"
for ext in sav dta sas7bdat; do
    load "$T/act-$ext.db" activities:"$F/aktivitetslogg.$ext"
    rows "$T/act-$ext.db" >"$T/act-$ext.rows"
    expect_same "$T/act-$ext.rows" "$T/act-csv.rows" "activities from .$ext and .csv"
    checks=$((checks + 1))
    # Line 3 of the CSV: 2019-01-10, planned 2019-01-10, delivered 2019-01-06.
    [ "$(sqlite3 "$T/act-$ext.db" "SELECT date, planned_date, delivered_date FROM activity WHERE row_no = 3")" = \
        "2019-01-10|2019-01-10|2019-01-06" ] || fail "the dates of a .$ext"
done

# The value labels are the batch's, and `jarva show` names the codes.
run --db "$T/sav.db" show safe-evening-survey
expect_out "1 = mycket trygg; 2 = ganska trygg; 3 = ganska otrygg; 4 = mycket otrygg; 9 = vet ej (batch 1, F12a)" "value labels shown"
run --db "$T/csv1.db" show safe-evening-survey
expect_no_out "mycket trygg" "no labels from a CSV"
# ... and the report's quality declaration (Bilaga A) names the codes with
# the file's labels (a build without the report has no report command).
if "$JARVA" report --help >/dev/null 2>&1 && command -v pdftotext >/dev/null; then
    run --db "$T/sav.db" report --year 2025 --allow-stale -o "$T/sav.pdf"
    expect_status 0 "report from the .sav batch"
    pdftotext "$T/sav.pdf" - | tr '\n' ' ' | tr -s ' ' >"$OUT"
    expect_out "1 mycket trygg; 2 ganska trygg; 3 ganska otrygg; 4 mycket otrygg; 9 vet ej" \
        "the report names the codes with the .sav's labels"
    run --db "$T/csv1.db" report --year 2025 --allow-stale -o "$T/csv1.pdf"
    pdftotext "$T/csv1.pdf" - | tr '\n' ' ' | tr -s ' ' >"$OUT"
    expect_no_out "1 mycket trygg; 2 ganska trygg" "no file labels in a report from a CSV"
fi
checks=$((checks + 1))
[ "$(sqlite3 "$T/dta.db" "SELECT count(*) FROM batch_value_label WHERE source_column = 'F20'")" = 3 ] ||
    fail "Stata's labels, stored after the data"
run --db "$T/sav.db" --quiet batches rm 1
expect_status 0 "batches rm"
checks=$((checks + 1))
[ "$(sqlite3 "$T/sav.db" "SELECT count(*) FROM batch_value_label")" = 0 ] ||
    fail "the labels go with their batch"

# User-missing values (P1 = 9, declared missing) and system-missing ones
# are missing; the codes are as the file holds them.
run --db "$T/sav.db" --quiet import staff "$F/personalenkat-missing.sav"
expect_status 0 "personalenkat-missing.sav"
checks=$((checks + 1))
[ "$(sqlite3 "$T/sav.db" "$hand_rows")" = \
    '2:utbildningsforvaltningen:["1","2","1","1","5","1","1","1"] 3:jarva-sdf:["2","1","2","2","4","3","2","2"] 4:utbildningsforvaltningen:[null,"4","2","2","3","2","2","2"] 5:polisen-lpo-jarva:["3",null,"3","3","4","3","3","3"]' ] ||
    fail "user-missing: $(sqlite3 "$T/sav.db" "$hand_rows")"

# Bad statistics files, refused with row and variable; nothing written.
head -c 2000 "$F/trygghetsenkat-2025.sav" >"$T/truncated.sav"
cp "$E/simulerade-trygghetsenkat-2025.csv" "$T/csv-named.sav"
bad "text where codes are wanted" \
    "personalenkat-text.sav: row 1, variable P2: answer code 'instämmer delvis' for question 'p_fordjupad_kunskap' is not one of 1,2,3,4,9" \
    import staff "$F/personalenkat-text.sav"
bad "a code outside the mapping" \
    "personalenkat-code7.sav: row 4, variable P2: answer code '7' for question 'p_fordjupad_kunskap' is not one of 1,2,3,4,9" \
    import staff "$F/personalenkat-code7.sav"
bad "truncated .sav" "truncated.sav: not readable as an SPSS file" import survey "$T/truncated.sav"
bad "not a .sav" "csv-named.sav: not readable as an SPSS file (ReadStat: Invalid file" \
    import survey "$T/csv-named.sav"
# The other statistics formats, cut short and with another format's bytes
# (ReadStat quotes them: a byte that is not UTF-8 is shown as '?').
for ext in zsav dta sas7bdat por xpt; do
    head -c 2000 "$F/trygghetsenkat-2025.$ext" >"$T/truncated.$ext"
    cp "$E/simulerade-trygghetsenkat-2025.csv" "$T/csv-named.$ext"
done
bad "truncated .zsav" "truncated.zsav: not readable as an SPSS file (ReadStat: Unable to read from file)" \
    import survey "$T/truncated.zsav"
bad "truncated .dta" "truncated.dta: not readable as a Stata file (ReadStat: Unable to read from file)" \
    import survey "$T/truncated.dta"
bad "truncated .sas7bdat" "truncated.sas7bdat: not readable as a SAS file (ReadStat: Unable to read from file)" \
    import survey "$T/truncated.sas7bdat"
bad "truncated .por" "truncated.por: not readable as an SPSS file (ReadStat: Error in KON (row=4))" \
    import survey "$T/truncated.por"
bad "truncated .xpt" "truncated.xpt: not readable as a SAS file (ReadStat: Unable to read from file)" \
    import survey "$T/truncated.xpt"
bad "not a .zsav" "csv-named.zsav: not readable as an SPSS file (ReadStat: Invalid file" \
    import survey "$T/csv-named.zsav"
bad "not a .dta" "csv-named.dta: not readable as a Stata file (ReadStat: Invalid timestamp string (length=17): alla;Akalla 30?49)" \
    import survey "$T/csv-named.dta"
bad "not a .sas7bdat" "csv-named.sas7bdat: not readable as a SAS file (ReadStat: Invalid file" \
    import survey "$T/csv-named.sas7bdat"
bad "not a .por" "csv-named.por: not readable as an SPSS file (ReadStat: Invalid file" \
    import survey "$T/csv-named.por"
bad "not a .xpt" "csv-named.xpt: not readable as a SAS file (ReadStat: Invalid file" \
    import survey "$T/csv-named.xpt"
bad "day counts without a date format" \
    "aktivitetslogg-days.dta: row 1, variable date: '21553' is not a date" \
    import activities "$F/aktivitetslogg-days.dta"

# A mapping draft from a .sav: the catalogue's fields, the labelled codes
# (9 is user-missing in P1, so never seen as a value), the labels described.
run --db "$T/csv1.db" mapping draft "$F/trygghetsenkat-2025.sav"
expect_status 0 "draft of a .sav, every column placed"
expect_out 'q_trygg_kvall,F12a,,"1,2,3,4,9","Hur trygg känner du dig om du går ut ensam sent en kväll? (1 = mycket trygg, 2 = ganska trygg, 3 = ganska otrygg, 4 = mycket otrygg, 9 = vet ej);' "draft of a .sav"
run --db "$T/csv1.db" mapping draft "$F/personalenkat-missing.sav"
expect_out 'p_kanner_overenskommelsen,P1,,"1,2,3,9","1 = väl, 2 = i stora drag, 3 = nej, 9 = vet ej;' "labelled user-missing code"
run --db "$T/csv1.db" mapping draft "$F/personalenkat-2025.xlsx"
expect_out 'p_kanner_overenskommelsen,P1,,"1,2,3,9"' "draft of a workbook"

# Another sheet of a workbook imported before is not the same file again.
run --db "$T/xlsx.db" import activities "$F/aktivitetslogg.xlsx" --sheet "Om filen"
expect_status 1 "another sheet of an imported workbook"
expect_err "imported before as batch 3, from sheet 'Aktiviteter'" "another sheet"
finish
