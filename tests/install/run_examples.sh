#!/bin/sh
# run_examples.sh BINDIR: runs the C examples of examples/c/ built in BINDIR
# and checks their output against values worked out by hand:
# - a published share of 9 % of 17 857 (Stockholms stad 2020, tests/data/import/
#   table.csv) has the Wilson 95 % interval
#   (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964,
#   = [0.085890, 0.094286] (also R: prop.test(1607.13, 17857, correct = FALSE));
# - estimate_shares: weighted shares 5/7 and 3.5/9, and their linearised SEs
#   sqrt(sum_h n_h/(n_h-1) sum_i (z_hi - mean_h z)²) = 0.249531 and 0.243426.
. "$(dirname "$0")/lib.sh"
: "${JARVA_SRC:?}"
bin=${1:?usage: run_examples.sh BINDIR}
data=$JARVA_SRC/tests/data/import
db=$T/example.db

check "import a table" "$bin/import_compute" "$db" table "$data/table.csv" "$JARVA_SRC/indicators" &&
    expect_line "$T/last.log" "$data/table.csv: 5 rows imported as batch 1"
check "import it again" "$bin/import_compute" "$db" table "$data/table.csv" "$JARVA_SRC/indicators" &&
    expect_line "$T/last.log" "$data/table.csv: imported before as batch 1"
check "print one indicator" "$bin/print_estimates" "$db" worried-crime-city &&
    {
        expect_line "$T/last.log" \
            "worried-crime-city 2020 stockholm n=17857 0.090000 [0.085890, 0.094286] wilson 95%"
        expect_line "$T/last.log" "worried-crime-city 2017 rinkeby-kista n=0 0.210000 (no interval)"
        expect_line "$T/last.log" "2 estimates"
    }

# Survey microdata: 60 respondents, of whom few per area, so areas are suppressed.
check "import a survey" "$bin/import_compute" "$db" survey "$data/survey_2023_utf8.csv" \
    "$JARVA_SRC/indicators" && expect_line "$T/last.log" "$data/survey_2023_utf8.csv: 60 rows imported as batch 2"
check "print a survey indicator" "$bin/print_estimates" "$db" worried-crime-survey &&
    expect_line "$T/last.log" "worried-crime-survey 2023 husby suppressed"

# Activities: one press release in 2025. The activity log records every
# release, so the count is exact: no interval (issue 11); a year without one
# is an exact 0.
check "import activities" "$bin/import_compute" "$db" activities "$data/activities.csv" \
    "$JARVA_SRC/indicators" && expect_line "$T/last.log" "$data/activities.csv: 4 rows imported as batch 3"
check "print a count" "$bin/print_estimates" "$db" press-material &&
    expect_line "$T/last.log" "press-material 2025 jarva n=1 1.000000 (no interval)"
check "print a zero count" "$bin/print_estimates" "$db" common-material &&
    expect_line "$T/last.log" "common-material 2025 jarva n=0 0.000000 (no interval)"

# Failures: a wrong usage exits 2, a missing database 1 with the reason.
checks=$((checks + 1))
"$bin/print_estimates" >/dev/null 2>&1
[ $? -eq 2 ] || fail "print_estimates without arguments should exit 2"
checks=$((checks + 1))
"$bin/print_estimates" "$T/none.db" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "print_estimates on a missing database should exit 1"
expect_grep "$T/err" "none.db"
checks=$((checks + 1))
"$bin/import_compute" "$db" table "$T/missing.csv" "$JARVA_SRC/indicators" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "import_compute on a missing file should exit 1"
expect_grep "$T/err" "importing failed"

check "estimate shares" "$bin/estimate_shares" && {
    expect_grep "$T/last.log" "domain 0: n=4 share=0.714286 se=0.249531"
    expect_grep "$T/last.log" "domain 1: n=5 share=0.388889 se=0.243426"
}
finish
