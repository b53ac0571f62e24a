# test_px.sh: published tables as statistics databases deliver them (issue
# 14): a PC-Axis .px table and its PxWeb wide-CSV twin (tests/data/px/, real
# figures of the City of Stockholm's safety survey, see make_px_twins.py)
# store identical published values through the source's table mapping; a
# catalogue given to init is what later imports use, without --catalog; bad
# PX files are refused with their line and leave the database byte-identical.
. "$JARVA_SRC/tests/cli/lib.sh"
unset JARVA_CATALOG
P=$JARVA_SRC/tests/data/px
SRC=stockholm-stad-trygghetsmatning
CAT=$T/catalogue
cp -R "$JARVA_SRC/indicators" "$CAT"
cp "$P/sources/$SRC.csv" "$CAT/sources/"

state() {
    cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d' ' -f1
}
values() {
    sqlite3 "$1" "SELECT coalesce(indicator_id, '-'), survey, measure, year, area_id, value_kind,
                         CASE WHEN value IS NULL THEN 'NULL' ELSE printf('%.6f', value) END, coalesce(n, ''), suppressed,
                         coalesce(suppression_marker, '')
                  FROM published_value ORDER BY survey, measure, year, area_id"
}

# The catalogue is given to init only; the imports find the mapping in the database.
for db in px csv; do
    run --db "$T/$db.db" --quiet --catalog "$CAT" init
    expect_status 0 "init --catalog ($db)"
done
run --db "$T/px.db" import table "$P/trygghet.px" --source $SRC
expect_status 0 "import the .px without --catalog"
run --db "$T/csv.db" import table "$P/trygghet-pxweb.csv" --source $SRC
expect_status 0 "import the PxWeb CSV without --catalog"
values "$T/px.db" >"$T/px.values"
values "$T/csv.db" >"$T/csv.values"
expect_same "$T/px.values" "$T/csv.values" "the .px and its CSV twin store the same values"

# 3 regions x 5 questions x 3 years; 15 figures published, 30 "..".
OUT=$T/px.values
checks=$((checks + 1))
[ "$(wc -l <"$OUT")" -eq 45 ] || fail "45 published values expected"
checks=$((checks + 1))
[ "$(grep -c '|NULL||1|\.\.$' "$OUT")" -eq 30 ] || fail "30 values suppressed as '..'"
# Figures as published (percent in examples/data/publicerade-trygghetsmatningar.csv).
expect_out "worried-crime-city|$SRC|ofta orolig för att utsättas för brott|2017|rinkeby-kista|share|0.210000||0|" "Rinkeby-Kista 2017: 21 %"
expect_out "worried-burglary-city|$SRC|orolig för bostadsinbrott|2017|spanga-tensta|share|0.450000||0|" "Spånga-Tensta 2017: 45 %"
expect_out "unsafe-evening-city|$SRC|otrygg ute ensam sent en kväll i det egna området|2020|stockholm|share|0.100000||0|" "the city 2020: 10 %"
checks=$((checks + 1))
[ "$(sqlite3 "$T/px.db" "SELECT options FROM batch")" = "format=px;codepage=iso-8859-1" ] ||
    fail "the batch records the PX format and code page"

# Without init's catalogue the default folder has no mapping for the source.
run --db "$T/default.db" --quiet init
run --db "$T/default.db" import table "$P/trygghet.px" --source $SRC
expect_status 1 "no mapping in the default catalogue"
expect_err "sources/$SRC.csv: no column mapping for source '$SRC'" "names the missing mapping"
run --db "$T/default.db" import table "$P/trygghet.px"
expect_status 1 "a .px needs --source"
expect_err "give the source with --source ID" "says to give --source"

# The survey's column renamed in the catalogue given to init: imports
# without --catalog use it (issue 14: they used to re-read the default).
sed -i 's/^q_trygg_kvall,F12a,/q_trygg_kvall,Q12,/' "$CAT/sources/jarva-trygghet.csv"
sed '1s/F12a/Q12/' "$JARVA_SRC/examples/data/simulerade-trygghetsenkat-2025.csv" >"$T/enkat-2025.csv"
run --db "$T/default.db" import survey "$T/enkat-2025.csv"
expect_status 1 "the default catalogue does not know Q12"
before=$(state "$T/default.db")
run --db "$T/default.db" --catalog "$CAT" import survey "$T/enkat-2025.csv" --dry-run
expect_status 0 "a catalogue given to the import is read instead of the stored one"
checks=$((checks + 1))
[ "$(state "$T/default.db")" = "$before" ] || fail "a dry run changed the database"
run --db "$T/px.db" --quiet --catalog "$CAT" init
expect_status 0 "init --catalog again updates the stored mapping"
run --db "$T/px.db" import survey "$T/enkat-2025.csv"
expect_status 0 "the survey import uses the mapping init stored"
checks=$((checks + 1))
[ "$(sqlite3 "$T/px.db" "SELECT count(*) FROM batch_variable WHERE source_column = 'Q12'")" -eq 1 ] ||
    fail "the question was read from column Q12"

# Bad PX files: refused with file and line, the database unchanged.
px_head() {
    printf 'CHARSET="ANSI";\nCODEPAGE="%s";\nSTUB="region";\nHEADING="år";\n' "$1"
    printf 'VALUES("region")="Rinkeby-Kista stadsdelsområde","Stockholms stad";\n'
    printf 'VALUES("år")="2023","2024";\nVALUES("fråga")="Orolig för bostadsinbrott";\n'
}
bad() {
    name=$1 expected=$2
    shift 2
    before=$(state "$T/px.db")
    run --db "$T/px.db" import table "$@" --source $SRC
    expect_status 1 "$name"
    expect_err "$expected" "$name"
    checks=$((checks + 1))
    [ "$(state "$T/px.db")" = "$before" ] || fail "$name changed the database"
}
{ px_head utf-8 | sed 's/^STUB="region"/STUB="region","fråga"/'; printf 'DATA=\n21 11\n45;\n'; } >"$T/short.px"
bad "fewer values than the dimensions" "short.px:8: DATA has 3 cells, but the variables give 4 (2 region × 1 fråga × 2 år)" "$T/short.px"
cp "$JARVA_SRC/tests/data/formats/personalenkat-text.sav" "$T/sav-named.px"
bad "another format's bytes" "sav-named.px:1: byte 0x00 is a NUL byte" "$T/sav-named.px"
cp "$JARVA_SRC/examples/data/simulerade-personalenkat-2021.csv" "$T/csv-named.px"
bad "a CSV file named .px" "csv-named.px:1: ID: expected '=' after the keyword" "$T/csv-named.px"
head -c 300 "$P/trygghet.px" >"$T/truncated.px"
bad "truncated" "truncated.px:13: the file ends inside keyword ST (truncated?)" "$T/truncated.px"
head -c 1200 "$P/trygghet.px" >"$T/truncated-data.px"
bad "truncated in DATA" "(truncated?)" "$T/truncated-data.px"
{ px_head iso-8859-1 | sed 's/^STUB="region"/STUB="region","fråga"/'; printf 'DATA=\n21 11\n45 45;\n'; } >"$T/wrong-codepage.px"
bad "CODEPAGE iso-8859-1 on a UTF-8 file" "wrong-codepage.px:3: CODEPAGE says iso-8859-1, but the file is UTF-8" "$T/wrong-codepage.px"
{ px_head ibm850; printf 'DATA=\n21 11 45 45;\n'; } >"$T/unknown-codepage.px"
bad "an unknown CODEPAGE" "unknown-codepage.px:2: CODEPAGE 'ibm850' is not one this reader knows" "$T/unknown-codepage.px"
{ px_head utf-8 | sed 's/^STUB="region"/STUB="region","fråga"/'; printf 'KEYS("region")=VALUES;\nDATA=\n21 11\n45 45;\n'; } >"$T/keys.px"
bad "KEYS" "keys.px:8: KEYS (a table with only its non-zero rows) is not read" "$T/keys.px"
{ px_head utf-8 | sed 's/^STUB="region"/STUB="region","fråga"/'; printf 'DATA=\n21 11\n45 x;\n'; } >"$T/cell.px"
bad "a cell that is no number" "cell.px:10: DATA: cell 'x' is not a number" "$T/cell.px"
{ px_head utf-8 | sed 's/^STUB="region"/STUB="region","fråga"/'; printf 'DATA=\n21 11\n45 120;\n'; } >"$T/range.px"
bad "a share above 100 %" "range.px:10 (region=Stockholms stad, fråga=Orolig för bostadsinbrott, år=2024): share '120' is not a percentage" "$T/range.px"
# Unknown keywords are read for their syntax and ignored; "-" is zero.
{ px_head utf-8 | sed 's/^STUB="region"/STUB="region","fråga"/'; printf 'X-VENDOR-KEYWORD("a","b")="whatever",12;\nDATA=\n21 "-"\n".." 45;\n'; } >"$T/unknown-keyword.px"
run --db "$T/csv.db" import table "$T/unknown-keyword.px" --source $SRC
expect_status 0 "an unknown keyword is ignored"
checks=$((checks + 1))
[ "$(sqlite3 "$T/csv.db" "SELECT value, suppressed FROM published_value WHERE year = 2024 AND area_id = 'rinkeby-kista'")" = "0.0|0" ] ||
    fail "'-' is stored as zero, not as suppressed"
checks=$((checks + 1))
[ "$(sqlite3 "$T/csv.db" "SELECT suppression_marker FROM published_value WHERE year = 2023 AND area_id = 'stockholm'")" = ".." ] ||
    fail "'..' is stored as suppressed"

# PxWeb's CSV with measures and years in the column names ("measure year").
printf '"region";"Ofta orolig för att utsättas för brott 2022";"Orolig för bostadsinbrott 2022"\n"Rinkeby-Kista stadsdelsområde";"-";".."\n"Stockholms stad";"7";"..."\n' >"$T/measures.csv"
run --db "$T/csv.db" import table "$T/measures.csv" --source $SRC
expect_status 0 "measures and years as columns"
checks=$((checks + 1))
[ "$(sqlite3 "$T/csv.db" "SELECT group_concat(area_id || ':' || coalesce(value, suppression_marker), ' ') FROM (SELECT * FROM published_value WHERE year = 2022 ORDER BY measure, area_id)")" = "rinkeby-kista:0.0 stockholm:0.07 rinkeby-kista:.. stockholm:..." ] ||
    fail "measure and year read from the column names, '-' as zero, dots as no value"
printf '"region";"Andel trygga"\n"Stockholms stad";"7"\n' >"$T/no-year.csv"
bad "a value column without a year" "no-year.csv:1:2 (Andel trygga): no year in the column's name" "$T/no-year.csv"

# One measure, named by CONTENTS; the area matched by its CODES (the police's
# published shares for LPO Järva, 56 % in 2020 and 64 % in 2022, as in
# examples/data/publicerade-trygghetsmatningar.csv).
POL=polisen-region-stockholm-trygghetsmatning
printf 'field,column\narea,lokalpolisområde\nyear,år\nunit,percent\narea:lpo-jarva,LPO-JARVA\n' >"$CAT/sources/$POL.csv"
run --db "$T/csv.db" --quiet --catalog "$CAT" init
expect_status 0 "init with the police table's mapping"
printf 'CHARSET="ANSI";\nCODEPAGE="utf-8";\nCONTENTS="trygg ute sent en kväll i området";\nSTUB="lokalpolisområde";\nHEADING="år";\nVALUES("lokalpolisområde")="Lokalpolisområde Järva (Rinkeby, Tensta, Husby)";\nCODES("lokalpolisområde")="LPO-JARVA";\nVALUES("år")="2020","2022";\nDATA=\n56 64;\n' >"$T/polisen.px"
run --db "$T/csv.db" import table "$T/polisen.px" --source $POL
expect_status 0 "a .px of one measure, area by code"
checks=$((checks + 1))
[ "$(sqlite3 "$T/csv.db" "SELECT group_concat(indicator_id || ':' || year || ':' || area_id || ':' || value, ' ') FROM (SELECT * FROM published_value WHERE survey = '$POL' ORDER BY year)")" = "safe-evening-police:2020:lpo-jarva:0.56 safe-evening-police:2022:lpo-jarva:0.64" ] ||
    fail "measure from CONTENTS, area from CODES"

# A misspelled measure names its line and the indicator it was meant for.
printf 'survey,year,area,measure,value_percent\n%s,2023,Husby,orolig för bostadsinbrot,30\n' $SRC >"$T/typo.csv"
before=$(state "$T/px.db")
run --db "$T/px.db" import table "$T/typo.csv"
expect_status 1 "a misspelled measure"
expect_err "typo.csv:2:4 (measure): measure 'orolig för bostadsinbrot' names no indicator of $SRC: did you mean 'orolig för bostadsinbrott'?" "did you mean"
checks=$((checks + 1))
[ "$(state "$T/px.db")" = "$before" ] || fail "a misspelled measure changed the database"
finish
