# test_import_inputs.sh: what the import summary says about the file as a
# whole (issue 17, issue 11): the largest weight over the smallest, extreme
# weights imported only when accepted and then counted, and strata of a
# single respondent named with the rule compute will need. The refusals
# themselves are rows of test_bad_inputs.sh.
. "$JARVA_SRC/tests/cli/lib.sh"
D=$JARVA_SRC/tests/data/import
DB=$T/j.db
H='lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F12a,F14,F15,F20,F24,F25,F30,F31,F32'

run --db "$DB" --quiet init
expect_status 0 "init"

# Weights 2, 1, 4, 1, 40000: median 2; 40000 is 20000 times it; the largest
# over the smallest 40000 / 1.
{
    printf '%s\n' "$H"
    i=1
    for w in 2 1 4 1 40000; do
        printf '%s,2023,Husby,s%s,%s,K,16-29,1,2,1,1,1,1,1,1,1\n' $i $((i % 2)) $w
        i=$((i + 1))
    done
} >"$T/extreme.csv"
run --db "$DB" import survey "$T/extreme.csv"
expect_status 1 "refused without the option"
expect_err "extreme.csv:6:5 (vikt): weight 40000 is 20000 times the file's median weight 2" "names the line"
run --db "$DB" import survey --accept-extreme-weights "$T/extreme.csv"
expect_status 0 "imported with --accept-extreme-weights"
expect_err "5 rows imported as batch 1" "imported"
expect_err "weights: the largest is 40000 times the smallest" "ratio in the summary"
expect_err "warning: 1 weights are more than 1000 times from the file's median weight, imported as asked (--accept-extreme-weights)" "says so"
if command -v sqlite3 >/dev/null; then
    checks=$((checks + 1))
    [ "$(sqlite3 "$DB" 'SELECT weight_ratio || char(47) || extreme_weights FROM batch')" = 40000.0/1 ] ||
        fail "ratio and count stored with the batch"
fi
run --db "$DB" --quiet import survey --accept-extreme-weights --replace "$T/extreme.csv"
expect_status 0 "the same file again"
checks=$((checks + 1))
[ ! -s "$ERR" ] || fail "--quiet on a file imported before says nothing"

# The fixture's strata: 'Akalla centrum' alone holds one respondent.
run --db "$DB" import survey --replace "$D/survey_2023_lonely.csv"
expect_status 0 "a lonely stratum imports"
expect_err "warning: 1 stratum has a single respondent ('Akalla centrum'): its variance is undefined, so jarva compute needs a rule for it: --lonely-psu adjust" "named, with the rule"
run --db "$DB" import survey --dry-run --replace "$D/survey_2023_excel.csv"
expect_status 0 "no lonely stratum"
checks=$((checks + 1))
! grep -q "single respondent" "$ERR" || fail "a warning without a lonely stratum"
# A delivery due 2020-01-01 may come a year early (2019-01-01 is 365 days
# before it), not a day more; without a due date, not before its own date.
printf 'date,type,planned,delivered\n2020-01-01,report_delivered,2020-01-01,2019-01-01\n2019-06-01,feedback_given,,2019-06-01\n' >"$T/early.csv"
run --db "$DB" import activities --dry-run "$T/early.csv"
expect_status 0 "a year early, and on its own date"
printf 'date,type,planned,delivered\n2020-01-01,report_delivered,2020-01-01,2018-12-31\n2019-06-01,feedback_given,,2019-05-31\n' >"$T/too-early.csv"
run --db "$DB" import activities --dry-run "$T/too-early.csv"
expect_status 1 "a day more"
expect_err "too-early.csv:2:4 (delivered): delivered 2018-12-31 is more than a year before it was due (planned 2020-01-01)" "due date"
expect_err "too-early.csv:3:4 (delivered): delivered 2019-05-31 is before the activity's own date 2019-06-01" "own date"
# CSV as it comes (issue 14): one wave written five ways stores the same
# respondents: plain; ','-separated with decimal commas in quoted fields;
# Excel's "Unicode text" (UTF-16LE, tab, decimal comma) without and with its
# byte-order mark; and Windows-1252 with a title, a note, trailing empty
# columns and rows.
rows='1 Husby a 27.5510 K 16-29
2 Kista b 3.25 M 30-49
3 Rinkeby a 12.0 K 50-64'
tail16=',1,2,1,1,1,1,1,1,1'
echo "$rows" | awk -v h="$H" -v t="$tail16" 'BEGIN{print h} {print $1",2024,"$2","$3","$4","$5","$6 t}' >"$T/as_plain.csv"
echo "$rows" | awk -v h="$H" -v t="$tail16" 'BEGIN{print h} {w=$4; sub(/\./, ",", w); print $1",2024,"$2","$3",\""w"\","$5","$6 t}' >"$T/as_quoted.csv"
tab() { tr ',' '\t' <"$T/as_plain.csv" | sed 's/\([0-9]\)\.\([0-9]\)/\1,\2/g'; }
if command -v iconv >/dev/null; then
    tab | iconv -f UTF-8 -t UTF-16LE >"$T/as_utf16.csv"
    { printf '\377\376'; cat "$T/as_utf16.csv"; } >"$T/as_utf16bom.csv"
fi
{
    printf 'Trygghetsm\344tning J\344rva 2024;;;;;;;;;;;;;;;;;\r\nK\344lla: enk\344ten;;;;;;;;;;;;;;;;;\r\n;;;;;;;;;;;;;;;;;\r\n'
    tr ',' ';' <"$T/as_plain.csv" | sed 's/\([0-9]\)\.\([0-9]\)/\1,\2/g; s/$/;;\r/'
    printf ';;;;;;;;;;;;;;;;;\r\n;;;;;;;;;;;;;;;;;\r\n'
} >"$T/as_excel.csv"
stored() {
    sqlite3 "$1" "SELECT respondent_id, year, area_id, stratum, printf('%.6f', weight), sex, age_group, (SELECT group_concat(variable || '=' || code) FROM (SELECT variable, code FROM answer a WHERE a.respondent_id = r.respondent_id ORDER BY variable)) FROM response r ORDER BY respondent_id"
}
for f in as_plain as_quoted as_utf16 as_utf16bom as_excel; do
    [ -e "$T/$f.csv" ] || continue
    run --db "$T/$f.db" --quiet init
    run --db "$T/$f.db" import survey --accept-extreme-weights "$T/$f.csv"
    expect_status 0 "import $f"
    expect_err "3 rows imported" "$f: every row"
    if command -v sqlite3 >/dev/null; then
        stored "$T/$f.db" >"$T/$f.stored"
        [ "$f" = as_plain ] || expect_same "$T/$f.stored" "$T/as_plain.stored" "$f stores what the plain file does"
    fi
done
if command -v sqlite3 >/dev/null; then
    expect_same "$T/as_plain.stored" /dev/stdin "the plain file's respondents" <<'EOF2'
1|2024|husby|a|27.551000|K|16-29|q_aktivt_liv=1,q_kanner_samverkan=1,q_orolig_brott=2,q_sett_exempel=1,q_tillganglig=1,q_trygg_kvall=1,q_undviker_platser=1,q_utsatt_vald=1,q_vet_stod=1
2|2024|kista|b|3.250000|M|30-49|q_aktivt_liv=1,q_kanner_samverkan=1,q_orolig_brott=2,q_sett_exempel=1,q_tillganglig=1,q_trygg_kvall=1,q_undviker_platser=1,q_utsatt_vald=1,q_vet_stod=1
3|2024|rinkeby|a|12.000000|K|50-64|q_aktivt_liv=1,q_kanner_samverkan=1,q_orolig_brott=2,q_sett_exempel=1,q_tillganglig=1,q_trygg_kvall=1,q_undviker_platser=1,q_utsatt_vald=1,q_vet_stod=1
EOF2
    checks=$((checks + 1))
    [ "$(sqlite3 "$T/as_excel.db" 'SELECT group_concat(row_no) FROM response')" = 5,6,7 ] ||
        fail "the Excel file's rows keep their lines (5 to 7)"
fi
# --header-row says where the header is: line 2 of the Excel file is the
# note, which has none of the columns.
run --db "$T/as_plain.db" import survey --dry-run --replace --header-row 2 "$T/as_excel.csv"
expect_status 1 "a wrong header row"
expect_err "as_excel.csv:2: missing column 'lopnr'" "the header's line"
run --db "$T/as_plain.db" import survey --dry-run --replace --header-row 4 "$T/as_excel.csv"
expect_status 0 "the right header row"
finish
