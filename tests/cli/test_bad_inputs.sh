# test_bad_inputs.sh: the catalogue of bad inputs (issue 17): every class of
# bad input found so far, one table row each: jarva exits with the status
# given (1: the data, 2: the command line), says what is wrong with file and
# line (and column) where one applies, and leaves the database identical,
# byte for byte and as `sqlite3 DB .dump | sha256sum`. The database holds a
# survey wave, a table and an activity log first, so "identical" is about real
# content. Rows are
#   name | status | input | jarva arguments (FILE: the input) | text expected on stderr
# where input is a printf format written to FILE (@H@ starts a survey header
# line), or !function to generate it, -dir:NAME for a test catalogue, or
# -path:PATH for a path as it is (a device, a FIFO made here). Every command
# runs under `timeout`, so that an input that hangs fails the row instead of
# the suite.
. "$JARVA_SRC/tests/cli/lib.sh"
D=$JARVA_SRC/tests/data
DB=$T/j.db
H='lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F12a,F14,F15,F20,F24,F25,F30,F31,F32'
R='1,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1'

run --db "$DB" --quiet init
expect_status 0 "init"
for f in "survey survey_2023_excel.csv" "table table.csv" "activities activities.csv"; do
    set -- $f
    run --db "$DB" --quiet import "$1" "$D/import/$2"
    expect_status 0 "import $2"
done
# Estimates up to date, so that a report that fails writes nothing either.
if "$JARVA" compute --help >/dev/null 2>&1; then
    run --db "$DB" --quiet compute
    expect_status 0 "compute"
fi

# The database's bytes (the -wal is gone once the last connection closes;
# if one is left, its bytes count too) and its content as SQL.
have_sqlite3=0
command -v sqlite3 >/dev/null && have_sqlite3=1
state() {
    cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d' ' -f1
    [ $have_sqlite3 = 0 ] || sqlite3 "$1" .dump 2>/dev/null | sha256sum | cut -d' ' -f1
}

cases=0
# bad_status NAME STATUS EXPECTED DB ARGS...: jarva --db DB ARGS exits with
# STATUS, stderr holds EXPECTED, and DB has not changed by one byte.
bad_status() {
    name=$1 want=$2 expected=$3 db=$4
    shift 4
    cases=$((cases + 1))
    before=$(state "$db")
    timeout 60 "$JARVA" --db "$db" "$@" >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "$want" "$name"
    expect_err "$expected" "$name"
    checks=$((checks + 1))
    [ "$(state "$db")" = "$before" ] || fail "$name: the database changed"
}
bad() { # exit status 1
    name=$1
    shift
    bad_status "$name" 1 "$@"
}

gen_binary() { # an executable: ELF header, NUL bytes, anything
    head -c 65536 "$JARVA"
}
gen_big_field() { # a 10 MB field where an area name belongs
    printf '%s\n1,2023,' "$H"
    head -c 10485760 /dev/zero | tr '\0' x
    printf ',a,1,K,16-29,1,2,1,1,1,1,1,1,1\n'
}
gen_big_quoted() { # a 10 MB quoted field, with line breaks, as a weight
    printf '%s\n1,2023,Husby,a,"' "$H"
    head -c 10485760 /dev/zero | tr '\0' '\n'
    printf '",K,16-29,1,2,1,1,1,1,1,1,1\n'
}

# Survey rows with weights: n rows of weight 1 and a last one of weight $1.
weights_then() {
    printf '%s\n' "$H"
    for i in 1 2 3 4; do printf '%s,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n' $i; done
    printf '5,2023,Husby,a,%s,K,16-29,1,2,1,1,1,1,1,1,1\n' "$1"
}
gen_weight_1e308() { weights_then 1e308; }
gen_weight_10000x() { weights_then 10000; }
gen_weight_tiny() { weights_then 0.0001; }
gen_weight_comma_10000x() { weights_then '"10000,5"'; }
gen_weight_spilled() { # 200,001 weights (more than the 65,536 kept in memory): 1 and 3, one 10000
    awk -v h="$H" 'BEGIN { print h; for (i = 1; i <= 200001; i++)
        printf "%d,2023,Husby,a,%s,K,16-29,1,2,1,1,1,1,1,1,1\n", i,
            i == 150001 ? "10000" : i % 2 ? "1" : "3" }'
}
gen_weight_sum_overflow() { # every weight alike (median 1e308), their sum infinite
    printf '%s\n' "$H"
    for i in 1 2 3; do printf '%s,2023,Husby,a,1e308,K,16-29,1,2,1,1,1,1,1,1,1\n' $i; done
}
gen_cp1252_then_utf8() { # 0xFF decides Windows-1252; UTF-8 after 64 KiB
    printf '%s\n1,2023,Husby,\377,1,K,16-29,1,2,1,1,1,1,1,1,1\n' "$H"
    i=2
    while [ $i -lt 1700 ]; do
        printf '%s,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n' $i
        i=$((i + 1))
    done
    printf '1700,2023,Husby,\303\245,1,K,16-29,1,2,1,1,1,1,1,1,1\n'
}
gen_big_header() { # a header of one 100 kB name
    head -c 100000 /dev/zero | tr '\0' h
    printf '\n1\n'
}
gen_big_unterminated() { # a quote opened on line 3 that never closes
    printf '%s\n%s\n2,2023,"' "$H" "$R"
    head -c 200000 /dev/zero | tr '\0' '\n'
}
gen_sex_long() {
    printf '%s\n1,2023,Husby,a,1,' "$H"
    head -c 70000 /dev/zero | tr '\0' K
    printf ',16-29,1,2,1,1,1,1,1,1,1\n'
}
gen_table_field_long() {
    printf 'survey,year,area,measure,share\ns,2020,Husby,'
    head -c 70000 /dev/zero | tr '\0' m
    printf ',50\n'
}
gen_activity_field_long() {
    printf 'date,type,description\n2025-02-03,press_material,'
    head -c 70000 /dev/zero | tr '\0' d
    printf '\n'
}
gen_too_big() { # 200 bytes, refused with --max-size 100
    printf '%s\n%s\n' "$H" "$R"
    printf '%s\n' "3,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1"
}

# Inputs that are not regular files.
mkfifo "$T/pipe.csv"
mkfifo "$T/pipe.px"
mkdir -p "$T/fifo-catalog" && cp -r "$D/catalog/valid/." "$T/fifo-catalog/" &&
    rm "$T/fifo-catalog/goals.csv" && mkfifo "$T/fifo-catalog/goals.csv"
truncate -s 5G "$T/sparse-5g.csv" 2>/dev/null || dd if=/dev/zero of="$T/sparse-5g.csv" bs=1 count=0 seek=5G 2>/dev/null
if command -v python3 >/dev/null; then
    python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$T/socket.csv"
fi

while IFS='|' read -r name status input args expected; do
    case $name in '' | '#'*) continue ;; esac
    file=$T/$name.csv
    case $input in
    !*) ${input#!} >"$file" ;;
    -dir:*) file=$D/catalog/${input#-dir:} ;;
    -path:*) file=${input#-path:} ;;
    @H@*) printf "$H\\n${input#@H@}" >"$file" ;;
    *) printf "$input" >"$file" ;;
    esac
    file=$(echo "$file" | sed "s|@T@|$T|")
    if [ ! -e "$file" ] && [ "${input#-path:}" != "$input" ]; then
        echo "note: $name skipped ($file could not be made here)"
        continue
    fi
    # shellcheck disable=SC2086
    set -- $args
    for a; do
        shift
        [ "$a" = FILE ] && a=$file
        set -- "$@" "$a"
    done
    bad_status "$name" "$status" "$(echo "$expected" | sed "s|FILE|$file|")" "$DB" "$@"
done <<EOF
empty|1||import survey FILE|FILE: the file is empty (expected a header line)
header_only|1|@H@|import survey FILE|FILE:1: no respondents in the file
bom_only|1|\357\273\277|import survey FILE|FILE: the file is empty
blank_lines|1|\n\r\n\n|import survey FILE|FILE: no header line (the file holds only blank lines)
sep_line_only|1|sep=;\r\n|import survey FILE|FILE: no header line
binary|1|!gen_binary|import survey FILE|FILE:1:1: NUL byte at byte offset 7
nul_byte|1|@H@$R\n2,2023,Husby,a\0,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:4 (strata): NUL byte
field_10mb|1|!gen_big_field|import survey FILE|FILE:2:3 (omrade): a value longer than 65536 bytes, the longest a value may be
quoted_field_10mb|1|!gen_big_quoted|import survey FILE|FILE:2:5 (vikt): the quoted field that starts here is longer than 65536 bytes
header_name_100kb|1|!gen_big_header|import survey FILE|FILE:1:1: a value longer than 65536 bytes
unterminated_quote_big|1|!gen_big_unterminated|import survey FILE|FILE:3:3 (omrade): the quoted field that starts here is longer than 65536 bytes, the longest a value may be: is its closing quote missing?
table_field_long|1|!gen_table_field_long|import table FILE|FILE:2:4 (measure): a value longer than 65536 bytes
activity_field_long|1|!gen_activity_field_long|import activities FILE|FILE:2:3 (description): a value longer than 65536 bytes
bom_mid_file|1|\357\273\277$H\n$R\n\357\273\2772,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:1 (lopnr): a byte-order mark (U+FEFF) in the middle of the file
bom_mid_field|1|@H@$R\n2,2023,Husby,\357\273\277a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:4 (strata): a byte-order mark (U+FEFF) in the middle of the file
bom_utf16_mid_file|1|\377\376l\0,\0a\0\n\0\377\3761\0,\0\062\0\n\0|import survey FILE|FILE:2:1 (l): a byte-order mark (U+FEFF) in the middle of the file
cp1252_then_utf8|1|!gen_cp1252_then_utf8|import survey FILE|FILE:1701:4 (strata): UTF-8 text (byte 0xC3 at byte offset
weight_1e308|1|!gen_weight_1e308|import survey FILE|FILE:6:5 (vikt): weight 1e+308 is 1e+308 times the file's median weight 1 (beyond a factor of 1000 it is taken for an error); if it is right, import with --accept-extreme-weights
weight_10000x|1|!gen_weight_10000x|import survey FILE|FILE:6:5 (vikt): weight 10000 is 10000 times the file's median weight 1
weight_10000x_factor|1|!gen_weight_10000x|import survey --weight-factor 5000 FILE|FILE:6:5 (vikt): weight 10000 is 10000 times the file's median weight 1 (beyond a factor of 5000
weight_spilled_median|1|!gen_weight_spilled|import survey FILE|FILE:150002:5 (vikt): weight 10000 is 3333 times the file's median weight 3 (beyond
weight_tiny|1|!gen_weight_tiny|import survey FILE|FILE:6:5 (vikt): weight 0.0001 is 1/10000 of the file's median weight 1
weight_decimal_comma_10000x|1|!gen_weight_comma_10000x|import survey --decimal , FILE|FILE:6:5 (vikt): weight 10000.5 is 10000 times the file's median weight 1
weight_sum_overflow|1|!gen_weight_sum_overflow|import survey FILE|FILE:3:5 (vikt): the weights add up to more than the largest number there is
weight_factor_not_number|2|@H@$R\n|import survey --weight-factor x FILE|--weight-factor 'x' is not a number above 1
weight_factor_below_one|2|@H@$R\n|import survey --weight-factor 0.5 FILE|--weight-factor '0.5' is not a number above 1
dev_zero|1|-path:/dev/zero|import survey FILE|/dev/zero: is a character device, not a regular file
dev_null|1|-path:/dev/null|import survey FILE|/dev/null: is a character device, not a regular file
dev_zero_table|1|-path:/dev/zero|import table FILE|/dev/zero: is a character device, not a regular file
dev_zero_activities|1|-path:/dev/zero|import activities FILE|/dev/zero: is a character device, not a regular file
dev_zero_staff|1|-path:/dev/zero|import staff FILE|/dev/zero: is a character device, not a regular file
fifo_no_writer|1|-path:@T@/pipe.csv|import survey FILE|pipe.csv: is a pipe (FIFO), not a regular file
fifo_px|1|-path:@T@/pipe.px|import table --source stockholm-stad-trygghetsmatning FILE|pipe.px: is a pipe (FIFO), not a regular file
socket|1|-path:@T@/socket.csv|import survey FILE|socket.csv: is a socket, not a regular file
sparse_5gb|1|-path:@T@/sparse-5g.csv|import survey FILE|sparse-5g.csv: the file is 5.4 GB (5368709120 bytes), more than the 2.1 GB an input may be
too_big_for_limit|1|!gen_too_big|import survey --max-size 100 FILE|FILE: the file is 167 bytes, more than the 100 bytes an input may be
max_size_not_size|2|@H@$R\n|import survey --max-size lots FILE|--max-size 'lots' is not a size
dev_zero_estimate|1|-path:/dev/zero|estimate FILE --var F12a --positive 1|/dev/zero: is a character device, not a regular file
fifo_mapping_draft|1|-path:@T@/pipe.csv|mapping draft FILE|pipe.csv: is a pipe (FIFO), not a regular file
sex_unknown|1|@H@1,2023,Husby,a,1,X,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:6 (kon): sex 'X' is not one of K,M (the codes of sex in
age_group_unknown|1|@H@1,2023,Husby,a,1,K,200-300,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:7 (aldersgrupp): age group '200-300' is not one of 16-29,30-49,50-64,65-84
sex_long|1|!gen_sex_long|import survey FILE|FILE:2:6 (kon): a value longer than 65536 bytes
role_unknown|1|id,ar,organisation,roll,P1,P2,P3,P4,P5,P6,P7,P8\n1,2024,Svenska Bostäder,vd,1,1,1,1,1,1,1,1\n|import staff FILE|FILE:2:4 (roll): role 'vd' is not one of chef,utpekat ansvar,medarbetare
staff_unknown_organisation|1|id,ar,organisation,roll,P1,P2,P3,P4,P5,P6,P7,P8\n1,2024,Frobs AB,chef,1,1,1,1,1,1,1,1\n|import staff FILE|FILE:2:3 (organisation): unknown organisation 'Frobs AB'
staff_no_rows|1|id,ar,organisation,roll,P1,P2,P3,P4,P5,P6,P7,P8\n|import staff FILE|FILE:1: no respondents in the file
staff_unknown_answer_code|1|id,ar,organisation,roll,P1,P2,P3,P4,P5,P6,P7,P8\n1,2024,Svenska Bostäder,chef,7,1,1,1,1,1,1,1\n|import staff FILE|FILE:2:5 (P1): answer code '7' for question 'p_kanner_overenskommelsen' is not one of 1,2,3,9
delivered_before_date|1|date,type,delivered\n2019-05-01,feedback_given,1999-05-01\n|import activities FILE|FILE:2:3 (delivered): delivered 1999-05-01 is before the activity's own date 2019-05-01
delivered_years_before_due|1|date,type,planned,delivered\n2019-10-31,report_delivered,2019-10-31,2017-01-02\n|import activities FILE|FILE:2:4 (delivered): delivered 2017-01-02 is more than a year before it was due (planned 2019-10-31)
activity_count_negative|1|date,type,count\n2025-02-03,press_material,-2\n|import activities FILE|FILE:2:3 (count): 
activity_unknown_area|1|date,type,area\n2025-02-03,press_material,Husbyy\n|import activities FILE|FILE:2:3 (area): unknown area 'Husbyy'
activity_no_date_column|1|type\npress_material\n|import activities FILE|FILE:1: missing column 'date'
survey_area_outside_jarva|1|@H@1,2023,Stockholms stad,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:3 (omrade): area 'Stockholms stad' is not in Järva
survey_empty_id|1|@H@,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:1 (lopnr): empty respondent id
survey_two_waves|1|@H@$R\n2,2024,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:2 (ar): year 2024 in a file of wave 2023
table_unknown_area|1|survey,year,area,measure,share\ns,2020,Husbyy,m,50\n|import table FILE|FILE:2:3 (area): unknown area 'Husbyy'
table_year_text|1|survey,year,area,measure,share\ns,tjugo,Husby,m,50\n|import table FILE|FILE:2:2 (year): 
estimate_header_only|1|@H@|estimate FILE --var F12a --positive 1|FILE: no respondents in the file (a header and no rows)
estimate_no_domain|1|q,b\n1,\n2,\n|estimate FILE --var q --positive 1 --by b|FILE: no respondents in any domain: every one of the 2 rows has an empty value in a --by column
decimal_mixed|1|lopnr;ar;omrade;strata;vikt;kon;aldersgrupp;F12a;F14;F15;F20;F24;F25;F30;F31;F32\n1;2023;Husby;a;1,5;K;16-29;1;2;1;1;1;1;1;1;1\n2;2023;Husby;a;2.5;K;16-29;1;2;1;1;1;1;1;1;1\n|import survey FILE|FILE:3:5 (vikt): weight '2.5' is not a positive number (read with the decimal mark ',', as usual in a ';'-separated file; if it is '.', give --decimal .)
decimal_given_wrong|1|@H@1,2023,Husby,a,"27,5510",K,16-29,1,2,1,1,1,1,1,1,1\n|import survey --decimal . FILE|FILE:2:5 (vikt): weight '27,5510' is not a positive number (read with the decimal mark '.', as given; if it is ',', give --decimal ,)
decimal_table_share|1|survey;year;area;measure;share\ns;2020;Husby;m;12.5\ns;2020;Kista;m;1,5\n|import table FILE|FILE:2:5 (share): share '12.5' is not a percentage between 0 and 100 (read with the decimal mark ','
decimal_activity_count|1|date;type;count\n2025-02-03;press_material;1.5\n2025-02-04;press_material;2,5\n|import activities FILE|give --decimal .)
header_row_beyond_file|1|@H@$R\n|import survey --header-row 9 FILE|FILE: the header was to be on line 9, but the file has 3 lines
header_row_not_number|2|@H@$R\n|import survey --header-row x FILE|--header-row 'x' is not a line number
header_row_wrong|1|Enkät 2023\n$H\n$R\n|import survey --header-row 1 FILE|FILE:1: missing column 'lopnr' (respondent_id, from mapping
title_with_comma|1|Källa: SCB, 2023\n$H\n1,2023,Husbyy,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:3 (omrade): unknown area 'Husbyy'
title_misread|1|Källa: SCB, 2023\n$H\n|import survey --header-row 1 FILE|FILE:1: missing column 'lopnr' (respondent_id, from mapping
value_in_unnamed_column|1|lopnr;ar;omrade;strata;vikt;kon;aldersgrupp;F12a;F14;F15;F20;F24;F25;F30;F31;F32;;\n1;2023;Husby;a;1;K;16-29;1;2;1;1;1;1;1;1;1;;x\n|import survey FILE|FILE:2:18: a value in a column without a name (the header's column 18 is empty)
utf16_nobom_nul|1|a\0b\0\n\0\0\0|import survey FILE|FILE:2:1 (ab): NUL character
catalogue_unknown_audience|1|-dir:unknown-audience|--catalog FILE init|unknown-audience/goals.csv:4: unknown audience 'nobody' (not in audiences.csv)
catalogue_unknown_owner|1|-dir:unknown-owner|--catalog FILE init|unknown-owner/goals.csv:3: unknown owner organisation 'nobody' (not in organisations.csv)
catalogue_duplicate_source|1|-dir:duplicate-source|--catalog FILE init|duplicate-source/sources.csv:3: duplicate id 'enkat' (first on line 2)
catalogue_unknown_alias_area|1|-dir:unknown-alias-area|--catalog FILE init|unknown-alias-area/area_aliases.csv:3: unknown area 'north' (not in areas.csv)
catalogue_unknown_parent|1|-dir:unknown-parent|--catalog FILE init|unknown-parent/areas.csv:4: unknown parent area 'nowhere' (not in areas.csv)
catalogue_bad_source_kind|1|-dir:bad-source-kind|--catalog FILE init|bad-source-kind/indicators.csv:2: unknown source_kind 'poll' (expected survey, table, staff or activity)
catalogue_bad_measure|1|-dir:bad-measure|--catalog FILE init|bad-measure/indicators.csv:3: unknown measure 'median' (expected proportion, mean, count or rate)
catalogue_bad_direction|1|-dir:bad-direction|--catalog FILE init|bad-direction/indicators.csv:2: unknown direction 'up' (expected higher or lower)
catalogue_bad_goal_kind|1|-dir:bad-goal-kind|--catalog FILE init|bad-goal-kind/goals.csv:2: unknown kind 'general' (expected overall or communication)
catalogue_bad_area_kind|1|-dir:bad-area-kind|--catalog FILE init|bad-area-kind/areas.csv:5: unknown kind 'suburb' (expected whole, area, district, police_area, city or region)
catalogue_missing_column|1|-dir:missing-column|--catalog FILE init|missing-column/indicators.csv:1: missing column 'unit'
catalogue_missing_value|1|-dir:missing-value|--catalog FILE init|missing-value/indicators.csv:2: missing value for 'name_sv'
catalogue_non_numeric|1|-dir:non-numeric|--catalog FILE init|non-numeric/indicators.csv:2: baseline_value 'fyrtio' is not a number
catalogue_target_wrong_side|1|-dir:target-wrong-side|--catalog FILE init|target-wrong-side/indicators.csv:2: target 30 is below the baseline 40.5, but higher is better
catalogue_target_year_before|1|-dir:target-year-before|--catalog FILE init|target-year-before/indicators.csv:3: target_year 2019 is before baseline_year 2021
catalogue_positive_not_subset|1|-dir:positive-not-subset|--catalog FILE init|positive-not-subset/indicators.csv:2: positive code '6' is not among valid_codes '1,2,3,4'
catalogue_proportion_range|1|-dir:proportion-range|--catalog FILE init|proportion-range/indicators.csv:2: baseline_value 140 is outside 0-100 (shares are written in percent)
catalogue_series_break_not_number|1|-dir:series-break-not-number|--catalog FILE init|series-break-not-number/indicators.csv:2: series_breaks '2025, tjugo' is not a list of years
catalogue_overall_with_audience|1|-dir:overall-with-audience|--catalog FILE init|overall-with-audience/goals.csv:3: overall goal 'g2' cannot have an audience ('staff')
catalogue_alias_conflict|1|-dir:alias-conflict|--catalog FILE init|alias-conflict/area_aliases.csv:3: 'Ostra' cannot name area 'west': it already names area 'east'
catalogue_indicator_id_is_goal|1|-dir:indicator-id-is-goal|--catalog FILE init|indicator-id-is-goal/indicators.csv:4: indicator id 'c2' is already a goal's
catalogue_malformed_csv|1|-dir:malformed-csv|--catalog FILE init|malformed-csv/goals.csv:5:4 (text_sv): unterminated quote
catalogue_fifo|1|-path:@T@/fifo-catalog|--catalog FILE init|goals.csv: is a pipe (FIFO), not a regular file
mixed_delimiters|1|@H@1;2023;Husby;a;1;K;16-29;1;2;1;1;1;1;1;1;1\n|import survey FILE|FILE:2:2 (ar): ragged row: expected 16 fields (as in the header), got 1
unterminated_quote|1|@H@$R\n2,2023,Husby,"a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:4 (strata): unterminated quote
ragged_row|1|@H@$R\n2,2023,Husby,a,1\n|import survey FILE|FILE:3:6 (kon): ragged row: expected 16 fields (as in the header), got 5
invalid_utf8|1|\357\273\277$H\n1,2023,S\366der,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:3 (omrade): invalid UTF-8
cp1252_as_utf8|1|@H@1,2023,Sk\344rholmen,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey --encoding utf-8 FILE|FILE:2:3 (omrade): invalid UTF-8 (byte 0xE4
utf16_odd_length|1|\377\376a\0,\0b|import survey FILE|FILE:1:2: invalid UTF-16: the file has an odd number of bytes (7)
duplicate_columns|1|$H,F14\n$R,2\n|import survey FILE|FILE:1:17 (F14): duplicate column name (also column 9)
missing_column|1|lopnr,ar,strata,vikt\n1,2023,a,1\n|import survey FILE|FILE:1: missing column 'omrade'
duplicate_ids|1|@H@$R\n$R\n|import survey FILE|FILE:3:1 (lopnr): duplicate respondent id '1' (first on line 2)
weight_negative|1|@H@1,2023,Husby,a,-1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight '-1' is not a positive number
weight_zero|1|@H@1,2023,Husby,a,0,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight '0' is not a positive number
weight_text|1|@H@1,2023,Husby,a,tung,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight 'tung' is not a positive number
weight_nan|1|@H@1,2023,Husby,a,NaN,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight 'NaN' is not a positive number
weight_inf|1|@H@1,2023,Husby,a,Inf,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight 'Inf' is not a positive number
year_far_future|1|@H@1,99999,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:2 (ar): year '99999' is not a year
year_far_past|1|@H@1,1789,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:2 (ar): year '1789' is not a year
unknown_area|1|@H@1,2023,Husbyy,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:3 (omrade): unknown area 'Husbyy' (did you mean 'Husby'?)
sql_injection_area|1|@H@1,2023,Husby'); DROP TABLE batch; --,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:3 (omrade): unknown area 'Husby'); DROP TABLE batch; --'
unknown_answer_code|1|@H@1,2023,Husby,a,1,K,16-29,7,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:8 (F12a): answer code '7' for question 'q_trygg_kvall' is not one of 1,2,3,4,9
impossible_date|1|date,type\n2025-02-30,press_material\n|import activities FILE|FILE:2:1 (date): '2025-02-30' is not a date
unknown_activity_type|1|date,type\n2025-02-03,press_materal\n|import activities FILE|FILE:2:2 (type): unknown activity type 'press_materal'
table_share_over_100|1|survey,year,area,measure,share\ns,2020,Husby,m,150\n|import table FILE|FILE:2:5 (share): share '150' is not a percentage
table_share_nan|1|survey,year,area,measure,share,n\ns,2020,Husby,m,NaN,30\n|import table FILE|FILE:2:5 (share): share 'NaN' is not a percentage
table_n_negative|1|survey,year,area,measure,share,n\ns,2020,Husby,m,50,-3\n|import table FILE|FILE:2:6 (n): n '-3' is not a positive whole number
no_such_file|1|-dir:no-such-file.csv|import survey FILE|no-such-file.csv: cannot open
directory_as_file|1|-dir:valid|import survey FILE|catalog/valid: is a folder, not a file
unknown_source|1|@H@$R\n|import survey --source no-such-survey FILE|sources/no-such-survey.csv: no column mapping for source 'no-such-survey'
catalogue_cycle|1|-dir:area-cycle|--catalog FILE init|area-cycle/areas.csv:3: area 'whole' is its own ancestor
catalogue_unknown_goal|1|-dir:unknown-goal|--catalog FILE init|unknown-goal/indicators.csv:3: unknown goal 'g9'
catalogue_duplicate_id|1|-dir:duplicate-id|--catalog FILE init|duplicate-id/goals.csv:6: duplicate id 'g2' (first on line 3)
catalogue_missing_file|1|-dir:missing-file|--catalog FILE init|missing-file/principles.csv: cannot open
EOF

# A report that cannot be written (only once `jarva report` exists).
if "$JARVA" report --help >/dev/null 2>&1; then
    bad report_unwritable "$T/no-such-dir/report.pdf: cannot create" "$DB" \
        report --year 2025 -o "$T/no-such-dir/report.pdf"
fi

# Databases that cannot be used: corrupt, truncated, from a newer libjarva,
# read-only. Each is a copy; its own bytes must not change.
cp "$DB" "$T/corrupt.db"
printf 'this is not a database, just text where the header belongs....' |
    dd of="$T/corrupt.db" conv=notrunc 2>/dev/null
bad corrupt_database "corrupt.db" "$T/corrupt.db" import survey "$D/import/survey_2023_utf8.csv"
head -c 40960 "$DB" >"$T/truncated.db"
bad truncated_database "truncated.db" "$T/truncated.db" batches
if command -v sqlite3 >/dev/null; then
    cp "$DB" "$T/newer.db"
    sqlite3 "$T/newer.db" 'PRAGMA user_version = 99'
    bad newer_schema "newer.db: schema version 99 is newer" "$T/newer.db" batches
fi
# Read-only: root writes anyway, so as root the test runs jarva as nobody.
mkdir -p "$T/ro" && cp "$DB" "$T/ro/ro.db" && chmod 0444 "$T/ro/ro.db" && chmod 0555 "$T/ro"
if [ "$(id -u)" != 0 ]; then
    bad readonly_database "ro.db" "$T/ro/ro.db" import survey "$D/import/survey_2023_utf8.csv"
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups \
    test -r "$T/ro/ro.db" -a -r "$D/import/survey_2023_utf8.csv" -a -x "$JARVA" 2>/dev/null; then
    before=$(state "$T/ro/ro.db")
    setpriv --reuid=65534 --regid=65534 --clear-groups "$JARVA" --db "$T/ro/ro.db" \
        import survey "$D/import/survey_2023_utf8.csv" >"$OUT" 2>"$ERR"
    STATUS=$?
    cases=$((cases + 1))
    expect_status 1 "read-only database"
    expect_err "ro.db" "read-only database named"
    checks=$((checks + 1))
    [ "$(state "$T/ro/ro.db")" = "$before" ] || fail "read-only database changed"
else
    echo "note: read-only database case skipped (root without a usable setpriv)"
fi
chmod 0755 "$T/ro"

# The whole database is as before, and still sound.
if command -v sqlite3 >/dev/null; then
    checks=$((checks + 1))
    [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
fi
checks=$((checks + 1))
[ "$cases" -ge 120 ] || fail "only $cases classes of bad input"
echo "$cases classes of bad input"
finish
