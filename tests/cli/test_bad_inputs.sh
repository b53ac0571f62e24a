# test_bad_inputs.sh: every class of bad input the issue lists (and more),
# one table row each: jarva exits 1, says what is wrong with file and line
# (and column) where one applies, and leaves the database byte-identical.
# The database holds a survey wave, a table and an activity log first, so
# "identical" is about real content. Rows are
#   name | input | jarva arguments (FILE: the input) | text expected on stderr
# where input is a printf format written to FILE (@H@ starts a survey header
# line), or !function to generate it, or -dir:NAME for a test catalogue.
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
# if one is left, its bytes count too).
state() {
    cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d' ' -f1
}

cases=0
# bad NAME EXPECTED DB ARGS...: jarva --db DB ARGS exits 1, stderr holds
# EXPECTED, and DB has not changed by one byte.
bad() {
    name=$1 expected=$2 db=$3
    shift 3
    cases=$((cases + 1))
    before=$(state "$db")
    run --db "$db" "$@"
    expect_status 1 "$name"
    expect_err "$expected" "$name"
    checks=$((checks + 1))
    [ "$(state "$db")" = "$before" ] || fail "$name: the database changed"
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

while IFS='|' read -r name input args expected; do
    case $name in '' | '#'*) continue ;; esac
    file=$T/$name.csv
    case $input in
    !*) ${input#!} >"$file" ;;
    -dir:*) file=$D/catalog/${input#-dir:} ;;
    @H@*) printf "$H\\n${input#@H@}" >"$file" ;;
    *) printf "$input" >"$file" ;;
    esac
    # shellcheck disable=SC2086
    set -- $args
    for a; do
        shift
        [ "$a" = FILE ] && a=$file
        set -- "$@" "$a"
    done
    bad "$name" "$(echo "$expected" | sed "s|FILE|$file|")" "$DB" "$@"
done <<EOF
empty||import survey FILE|FILE: the file is empty (expected a header line)
header_only|@H@|import survey FILE|FILE:1: no respondents in the file
bom_only|\357\273\277|import survey FILE|FILE: the file is empty
blank_lines|\n\r\n\n|import survey FILE|FILE: no header line (the file holds only blank lines)
sep_line_only|sep=;\r\n|import survey FILE|FILE: no header line
binary|!gen_binary|import survey FILE|FILE:1:1: NUL byte at byte offset 7
nul_byte|@H@$R\n2,2023,Husby,a\0,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:4 (strata): NUL byte
field_10mb|!gen_big_field|import survey FILE|FILE:2:3 (omrade): unknown area 'xxxxxxxx
quoted_field_10mb|!gen_big_quoted|import survey FILE|FILE:2:5 (vikt): weight
mixed_delimiters|@H@1;2023;Husby;a;1;K;16-29;1;2;1;1;1;1;1;1;1\n|import survey FILE|FILE:2:2 (ar): ragged row: expected 16 fields (as in the header), got 1
unterminated_quote|@H@$R\n2,2023,Husby,"a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:3:4 (strata): unterminated quote
ragged_row|@H@$R\n2,2023,Husby,a,1\n|import survey FILE|FILE:3:6 (kon): ragged row: expected 16 fields (as in the header), got 5
invalid_utf8|\357\273\277$H\n1,2023,S\366der,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:3 (omrade): invalid UTF-8
cp1252_as_utf8|@H@1,2023,Sk\344rholmen,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey --encoding utf-8 FILE|FILE:2:3 (omrade): invalid UTF-8 (byte 0xE4
utf16_odd_length|\377\376a\0,\0b|import survey FILE|FILE:1:2: invalid UTF-16: the file has an odd number of bytes (7)
duplicate_columns|$H,F14\n$R,2\n|import survey FILE|FILE:1:17 (F14): duplicate column name (also column 9)
missing_column|lopnr,ar,strata,vikt\n1,2023,a,1\n|import survey FILE|FILE:1: missing column 'omrade'
duplicate_ids|@H@$R\n$R\n|import survey FILE|FILE:3:1 (lopnr): duplicate respondent id '1' (first on line 2)
weight_negative|@H@1,2023,Husby,a,-1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight '-1' is not a positive number
weight_zero|@H@1,2023,Husby,a,0,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight '0' is not a positive number
weight_text|@H@1,2023,Husby,a,tung,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight 'tung' is not a positive number
weight_nan|@H@1,2023,Husby,a,NaN,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight 'NaN' is not a positive number
weight_inf|@H@1,2023,Husby,a,Inf,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:5 (vikt): weight 'Inf' is not a positive number
year_far_future|@H@1,99999,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:2 (ar): year '99999' is not a year
year_far_past|@H@1,1789,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:2 (ar): year '1789' is not a year
unknown_area|@H@1,2023,Husbyy,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:3 (omrade): unknown area 'Husbyy' (did you mean 'Husby'?)
sql_injection_area|@H@1,2023,Husby'); DROP TABLE batch; --,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:3 (omrade): unknown area 'Husby'); DROP TABLE batch; --'
unknown_answer_code|@H@1,2023,Husby,a,1,K,16-29,7,2,1,1,1,1,1,1,1\n|import survey FILE|FILE:2:8 (F12a): answer code '7' for question 'q_trygg_kvall' is not one of 1,2,3,4,9
impossible_date|date,type\n2025-02-30,press_material\n|import activities FILE|FILE:2:1 (date): '2025-02-30' is not a date
unknown_activity_type|date,type\n2025-02-03,press_materal\n|import activities FILE|FILE:2:2 (type): unknown activity type 'press_materal'
table_share_over_100|survey,year,area,measure,share\ns,2020,Husby,m,150\n|import table FILE|FILE:2:5 (share): share '150' is not a percentage
table_share_nan|survey,year,area,measure,share,n\ns,2020,Husby,m,NaN,30\n|import table FILE|FILE:2:5 (share): share 'NaN' is not a percentage
table_n_negative|survey,year,area,measure,share,n\ns,2020,Husby,m,50,-3\n|import table FILE|FILE:2:6 (n): n '-3' is not a positive whole number
no_such_file|-dir:no-such-file.csv|import survey FILE|no-such-file.csv: cannot open
directory_as_file|-dir:valid|import survey FILE|catalog/valid: is a folder, not a CSV file
unknown_source|@H@$R\n|import survey --source no-such-survey FILE|sources/no-such-survey.csv: no column mapping for source 'no-such-survey'
catalogue_cycle|-dir:area-cycle|--catalog FILE init|area-cycle/areas.csv:3: area 'whole' is its own ancestor
catalogue_unknown_goal|-dir:unknown-goal|--catalog FILE init|unknown-goal/indicators.csv:3: unknown goal 'g9'
catalogue_duplicate_id|-dir:duplicate-id|--catalog FILE init|duplicate-id/goals.csv:6: duplicate id 'g2' (first on line 3)
catalogue_missing_file|-dir:missing-file|--catalog FILE init|missing-file/principles.csv: cannot open
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
[ "$cases" -ge 25 ] || fail "only $cases classes of bad input"
echo "$cases classes of bad input"
finish
