# test_many_questions.sh: no fixed limit on mapped questions or answer
# length (issue 15). A survey with 300 mapped questions whose answers are
# long texts (about 10 kB per respondent) is imported and computed; the
# shares and SEs of questions before and after the 64th and the last one
# agree with `jarva estimate` on the same file, by area (1e-9 relative: the
# two print 12 and 17 digits). A stored answer of the 300th question reads
# back through the answer view as it was in the file.
# shellcheck shell=sh disable=SC1091
. "$JARVA_SRC/tests/cli/lib.sh"
DB=$T/many.db
CAT=$T/catalog
cp -r "$JARVA_SRC/indicators" "$CAT"
pad=abcdefghijklmnopqrstuvwxyz

# 150 respondents in three areas and four strata; answer level 1-5, 9
# (don't know) or empty, each written as a 33-byte text.
awk -v pad="$pad" 'BEGIN {
    srand(15)
    printf "lopnr,ar,omrade,strata,vikt"
    for (q = 1; q <= 300; q++) printf ",Q%03d", q
    printf "\n"
    split("Akalla Husby Kista", areas, " ")
    for (i = 1; i <= 150; i++) {
        a = (i % 3) + 1
        printf "%d,2025,%s,%d,%.2f", i, areas[a], (i % 4) + 1, 1 + (i % 7) * 0.5
        for (q = 1; q <= 300; q++) {
            r = rand()
            if (r < 0.05) printf ","
            else if (r < 0.1) printf ",svar-9-%s", pad
            else printf ",svar-%d-%s", int(rand() * 5) + 1, pad
        }
        printf "\n"
    }
}' >"$T/many.csv"
bytes=$(wc -c <"$T/many.csv")
checks=$((checks + 1))
[ "$bytes" -gt $((150 * 9500)) ] || fail "the file has $bytes bytes, not about 10 kB a respondent"

positive="svar-1-$pad,svar-2-$pad"
valid="$positive,svar-3-$pad,svar-4-$pad,svar-5-$pad"
{
    echo "field,column,years,codes"
    printf 'respondent_id,lopnr,,\nyear,ar,,\narea,omrade,,\nstratum,strata,,\nweight,vikt,,\n'
    for q in $(seq -w 1 300); do echo "q$q,Q$q,,\"$valid,svar-9-$pad\""; done
} >"$CAT/sources/many-questions.csv"
questions="001 064 065 150 299 300"
for q in $questions; do
    echo "many-q$q,g2,Många q$q,Many q$q,survey,proportion,many-questions,q$q,\"$positive\",\"$valid\",,,higher,,,,,%,area,1,,,,,,,,,"
done >>"$CAT/indicators.csv"

run --db "$DB" --catalog "$CAT" --quiet init
expect_status 0 "init with the 300-question mapping"
run --db "$DB" --catalog "$CAT" --quiet import survey --source many-questions "$T/many.csv"
expect_status 0 "import of 300 questions, 10 kB a respondent"
run --db "$DB" --quiet compute
expect_status 0 "compute"

for q in $questions; do
    run --db "$DB" --format csv results --indicator "many-q$q"
    awk -F, 'NR > 1 && $5 == "" && $4 != "Järva" { print $4 "," $7 "," $8 }' "$OUT" | sort >"$T/compute.csv"
    run estimate "$T/many.csv" --var "Q$q" --positive "$positive" --valid "$valid" --by omrade \
        --weight vikt --strata strata --min-n 1 --format csv
    expect_status 0 "estimate Q$q"
    awk -F, 'NR > 1 { print $1 "," $3 "," $4 }' "$OUT" | sort >"$T/estimate.csv"
    checks=$((checks + 1))
    awk -F, '
        function rel(a, b) { d = a - b; if (d < 0) d = -d; return b == 0 ? d : d / (b < 0 ? -b : b) }
        FNR == NR { est[$1] = $2; se[$1] = $3; next }
        { rows++; if (!($1 in est) || rel($2, est[$1]) > 1e-9 || rel($3, se[$1]) > 1e-9) bad++ }
        END { exit !(rows == 3 && !bad) }' "$T/estimate.csv" "$T/compute.csv" ||
        fail "q$q: compute $(tr '\n' ' ' <"$T/compute.csv") vs estimate $(tr '\n' ' ' <"$T/estimate.csv")"
done

# Respondent 7's answer to the last question, from the file and the view.
want=$(awk -F, 'NR == 8 { print $305 }' "$T/many.csv")
got=$(sqlite3 "$DB" "SELECT coalesce(code, '') FROM answer WHERE respondent_id = '7' AND variable = 'q300'")
checks=$((checks + 1))
[ "$got" = "$want" ] || fail "answer view gives '$got' for respondent 7, q300; the file has '$want'"
finish
