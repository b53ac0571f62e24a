# test_disclosure.sh: what the CLI shows of suppressed cells, and survey rows
# from areas outside Järva. A survey of 215 (weights 1) in four areas: Husby
# 20 answers (below 30), Akalla 35 (the smallest other area, suppressed with
# it), Kista 60, Rinkeby 100; 12 women; then 80 rows from Stockholms stad.
. "$JARVA_SRC/tests/cli/lib.sh"
DB=$T/j.db
awk 'BEGIN {
    print "lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F12a,F14,F15,F20,F24,F25,F30,F31,F32"
    for (i = 1; i <= 295; i++) {
        a = i <= 35 ? "Akalla" : i <= 55 ? "Husby" : i <= 115 ? "Kista" : i <= 215 ? "Rinkeby" : "Stockholms stad"
        s = (i >= 56 && i <= 67) ? "K" : "M"
        printf "%d,2023,%s,%s,1,%s,50-64,,%d,,,,,,,\n", i, a, a, s, i % 4 + 1
    }
}' >"$T/with-city.csv"
head -n 216 "$T/with-city.csv" >"$T/jarva.csv"

# attack FILE MIN WHAT: the subtraction attack on `results --domains --format
# csv` output: in every breakdown (Järva = its areas, = the sexes, = the age
# groups, = the organisations, = the roles) of every indicator and year,
# Järva's n minus the shown cells' n gives a hidden cell when exactly one is
# hidden. At least MIN breakdowns must be tried.
outside=$(awk -F, '$5 == 0 { printf "%s|", $2 }' "$JARVA_SRC/indicators/areas.csv")
attack() {
    checks=$((checks + 1))
    awk -F, -v outside="|$outside" -v min="$2" '
    NR == 1 { next }
    {
        key = $1 "," $2
        if ($4 == "Järva" && $5 == "") { total[key] = $6; next }
        if (index(outside, "|" $4 "|")) next
        family = $5 == "" ? "area" : substr($5, 1, index($5, "=") - 1)
        if ($5 != "" && $4 != "Järva") next
        g = key "," family
        groups[g] = key
        if ($NF == 1) hidden[g]++; else shown[g] += $6
    }
    END {
        for (g in groups) {
            if (!(groups[g] in total)) continue
            tested++
            if (hidden[g] == 1) {
                printf "%s: one hidden cell, n = %d\n", g, total[groups[g]] - shown[g]
                bad = 1
            }
        }
        if (tested < min) { print "only " tested " breakdowns"; bad = 1 }
        exit bad
    }' "$1" >"$T/attack.txt" || fail "the attack on $3: $(cat "$T/attack.txt")"
}

run --db "$DB" --quiet init
expect_status 0 "init"

# A row outside Järva is an error naming file, line and column.
run --db "$DB" import survey "$T/with-city.csv"
expect_status 1 "a survey row from Stockholms stad"
expect_err "with-city.csv:217:3 (omrade): area 'Stockholms stad' is not in Järva" "file:line:column"
expect_err "covers,comparison" "says how to allow comparison areas"

run --db "$DB" import survey "$T/jarva.csv"
expect_status 0 "the rows in Järva"
run --db "$DB" --quiet compute
expect_status 0 "compute"

# n is shown for shown cells only: Järva 215, Kista 60, Rinkeby 100.
run --db "$DB" --format csv results --indicator worried-crime-survey --year 2023 --domains
expect_status 0 "results"
expect_out "worried-crime-survey,2023,jarva,Järva,,215,0.24651162790" "Järva with n"
expect_out "worried-crime-survey,2023,kista,Kista,,60,0.25," "Kista with n"
expect_out "worried-crime-survey,2023,husby,Husby,,,,,,,proportion,logit,0.95,false,true" "Husby: no value, no n"
expect_out "worried-crime-survey,2023,akalla,Akalla,,,,,,,proportion,logit,0.95,false,true" "Akalla suppressed with it"
expect_out "worried-crime-survey,2023,jarva,Järva,sex=K,,,,,,proportion,logit,0.95,false,true" "women: no n"
expect_out "worried-crime-survey,2023,jarva,Järva,sex=M,,,,,,proportion,logit,0.95,false,true" "men suppressed with them"
checks=$((checks + 1))
awk -F, 'NR > 1 && $NF == 1 && $6 != "" { bad = 1 } END { exit bad }' "$OUT" ||
    fail "a suppressed row shows n"
attack "$OUT" 3 "the hand-made survey"
run --db "$DB" --format json results --indicator worried-crime-survey --year 2023 --domains
expect_out '"area": "husby", "area_name": "Husby", "domain": null, "n": null' "json: n null"
run --db "$DB" results --indicator worried-crime-survey --year 2023
checks=$((checks + 1))
grep Husby "$OUT" | grep -qw '20' && fail "the table shows Husby's 20"
run --db "$DB" --format csv trend worried-crime-survey --area husby
expect_status 0 "trend"
expect_out "worried-crime-survey,husby,2023,,,,,,logit,0.95,false,true," "trend: no n for a suppressed year"

# The mapping may say the source covers comparison areas: then the rows are
# stored, with an estimate of their own, and never counted into Järva.
cp -R "$JARVA_SRC/indicators" "$T/catalog"
echo "covers,comparison,,,Also Stockholms stad for comparison" >>"$T/catalog/sources/jarva-trygghet.csv"
run --db "$T/c.db" --quiet init
run --db "$T/c.db" --catalog "$T/catalog" import survey "$T/with-city.csv"
expect_status 0 "comparison rows allowed by the mapping"
expect_err "295 rows imported" "all rows stored"
run --db "$T/c.db" --quiet compute
run --db "$T/c.db" --format csv results --indicator worried-crime-survey --year 2023
expect_out "worried-crime-survey,2023,jarva,Järva,,215,0.24651162790" "Järva without the city's 80"
expect_out "worried-crime-survey,2023,stockholm,Stockholms stad,,80,0.25," "the city on its own"

# The attack on everything `jarva results` prints for the example.
E=$T/example.db
run --db "$E" --quiet init
for f in "$JARVA_SRC"/examples/data/*.csv; do
    case $f in
    *trygghetsenkat*) kind=survey ;;
    *personalenkat*) kind=staff ;;
    *aktivitetslogg*) kind=activities ;;
    *) kind=table ;;
    esac
    run --db "$E" --quiet import "$kind" "$f"
    expect_status 0 "import $f"
done
run --db "$E" --quiet compute
run --db "$E" --format csv results --domains
expect_status 0 "results of the example"
awk -F, 'NR > 1 && $NF == 1 && $6 != "" { bad = 1 } END { exit bad }' "$OUT" ||
    fail "a suppressed row of the example shows n"
attack "$OUT" 50 "the example"

finish
