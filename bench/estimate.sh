#!/bin/bash
# estimate.sh [ROWS [R_QUESTIONS]]: speed of jarva's survey estimates against
# R's survey package, and a check that both give the same numbers. Not part
# of ctest.
#
# Data: bench/gen_estimate.awk writes ROWS respondents (default 1,000,000) as
# four waves 2022-2025 of ROWS/4 each: six areas, 24 strata, unequal weights,
# 20 questions. The work: 20 indicators (share answering 1-2 among 1-5, one per
# question) x 6 areas x 4 years, each with its logit interval.
#
# What is timed, and why that is fair:
#  - jarva compute: after `jarva import` of the four waves (timed apart, like
#    R's read.csv2 + svydesign), `jarva compute` reads every wave back from
#    the database, estimates every indicator for Järva as a whole and for each
#    area, and stores the results. R computes the same 20 x 7 x 4 estimates
#    from data and design already in memory: per indicator and year it adds
#    the variable, takes the subset of valid answers and runs svyby (areas)
#    and svyciprop (Järva). jarva's time includes reading its data back and
#    storing the results; R's does not. The ratio R / jarva compute is the
#    headline figure (target: at least 100).
#  - jarva estimate: `jarva estimate FILE.csv --by omrade` once per indicator
#    and year (80 runs, the six areas each), each parsing its 250,000-row CSV
#    file from scratch, against R's read.csv2 + svydesign per wave plus its
#    svyby calls for the areas: both from the CSV files. For information: most
#    of jarva's time here is parsing the same file 20 times.
# R_QUESTIONS (default 5) is how many of the 20 questions R computes (each
# takes R a few seconds per wave); its estimation time is scaled by
# 20 / R_QUESTIONS, which is exact in expectation since every question is the
# same amount of work. R_QUESTIONS=20 runs R on everything (several minutes).
# Both times are printed as wall-clock and processor seconds (user + system);
# the ratios use processor seconds, which other load on the machine does not
# inflate (jarva and R are both single-threaded here).
#
# Agreement: every value R computed (estimate, SE, interval bounds) is compared
# with jarva compute's and jarva estimate's; they must be identical when
# printed to 6 significant digits (percent to four decimals) and within 1e-6
# relative. R's logit estimate comes from a glm fit (about 1e-9 relative from
# the exact weighted mean that jarva computes), so the maximum relative
# difference is printed too.
#
# R is installed if missing (apt-get, as root); without it R's part is skipped.
# Usage: bash bench/estimate.sh [ROWS [R_QUESTIONS]]   (BUILD_DIR, default build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
r_questions=${2:-5}
build=${BUILD_DIR:-build-bench}
case $r_questions in [1-9] | 1[0-9] | 20) ;; *) echo "R_QUESTIONS is 1-20" >&2 && exit 2 ;; esac

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(survey)' >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing R and its survey package (apt-get)..."
        apt-get install -y -qq --no-install-recommends r-base-core r-cran-survey >/dev/null ||
            echo "apt-get could not install R"
    fi
fi
have_r=1
Rscript -e 'library(survey)' >/dev/null 2>&1 || have_r=0
[ -x /usr/bin/time ] || apt-get install -y -qq --no-install-recommends time >/dev/null

. bench/bench_jarva.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v rows="$rows" -v seed=20240501 -v dir="$work" -f bench/gen_estimate.awk
echo "data: $rows respondents in 4 waves of $((rows / 4)), $(du -cm "$work"/survey_*.csv | tail -1 | cut -f1) MB"

# A catalogue with the plan's indicators plus the 20 of the benchmark.
. bench/bench_catalog.sh
bench_catalog "$work"
J() { "$jarva" --db "$work/jarva.db" --catalog "$work/catalog" --quiet "$@"; }
J init

# seconds FILE: "wall cpu" from /usr/bin/time -f '%e %U %S'.
seconds() { awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$1"; }

/usr/bin/time -f '%e %U %S' -o "$work/import.time" bash -c "
    for year in 2022 2023 2024 2025; do
        \"$jarva\" --db \"$work/jarva.db\" --catalog \"$work/catalog\" --quiet \
            import survey --source bench-estimate \"$work/survey_\$year.csv\"
    done"
read -r import_wall import_cpu <<<"$(seconds "$work/import.time")"
/usr/bin/time -f '%e %U %S' -o "$work/compute.time" \
    "$jarva" --db "$work/jarva.db" --catalog "$work/catalog" --quiet compute
read -r compute_wall compute_cpu <<<"$(seconds "$work/compute.time")"
# Järva as a whole is "Jarva" in R's file (an ASCII name whatever R's locale).
J --format csv results |
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } # columns by name
        $c["indicator"] ~ /^bench-q/ && $c["domain"] == "" {
            area = $c["area_name"] == "Järva" ? "Jarva" : $c["area_name"]
            print $c["indicator"] "," $c["year"] "," area "," $c["estimate"] "," $c["se"] "," \
                $c["ci_low"] "," $c["ci_high"] }' >"$work/compute.csv"

# jarva estimate: one run per question and wave, each reading its file.
cat >"$work/adhoc.sh" <<EOF
for year in 2022 2023 2024 2025; do
    for q in \$(seq -w 1 20); do
        "$jarva" estimate "$work/survey_\$year.csv" --var F\$q --positive 1,2 --valid 1,2,3,4,5 \\
            --by omrade --weight vikt --strata strata --format csv |
            awk -F, -v q=\$q -v y=\$year 'NR > 1 { print "bench-q" q "," y "," \$1 "," \$3 "," \$4 "," \$5 "," \$6 }'
    done
done >"$work/adhoc.csv"
EOF
/usr/bin/time -f '%e %U %S' -o "$work/adhoc.time" bash "$work/adhoc.sh"
read -r adhoc_wall adhoc_cpu <<<"$(seconds "$work/adhoc.time")"

echo "jarva import (4 waves):          ${import_wall} s wall, ${import_cpu} s cpu (not compared)"
echo "jarva compute (all 20 x 7 x 4):  ${compute_wall} s wall, ${compute_cpu} s cpu," \
    "$(wc -l <"$work/compute.csv") estimates (areas and Järva)"
echo "jarva estimate (80 runs, CSV):   ${adhoc_wall} s wall, ${adhoc_cpu} s cpu," \
    "$(wc -l <"$work/adhoc.csv") estimates"

if [ $have_r = 0 ]; then
    echo "R with the survey package is not available: R's part skipped"
    exit 0
fi
Rscript bench/estimate.R "$work" "$r_questions" "$work/r.csv" | tee "$work/r.out"
read -r r_load_wall r_load_cpu r_areas_wall r_areas_cpu r_whole_wall r_whole_cpu <<<"$(awk '
    /^R: load/ { gsub(",", ""); print $3, $6, $9, $12, $15, $18 }' "$work/r.out")"

# agree FILE WHAT: compares FILE with R's values (key indicator,year,area).
status=0
agree() {
    awk -F, -v what="$2" '
        function rel(a, b) { d = a - b; if (d < 0) d = -d; return b == 0 ? d : d / (b < 0 ? -b : b) }
        FNR == NR { if (FNR > 1) r[$1 "," $2 "," $3] = $0; next }
        ($1 "," $2 "," $3) in r {
            split(r[$1 "," $2 "," $3], x, ",")
            for (c = 4; c <= 7; c++) {
                values++
                same += sprintf("%.6g", $c) == sprintf("%.6g", x[c])
                d = rel($c + 0, x[c] + 0)
                if (d > worst) worst = d
            }
            rows++
        }
        END {
            printf "%s vs R: %d estimates, %d of %d values identical to 6 digits, max relative difference %.1e\n",
                what, rows, same, values, worst
            exit !(rows > 0 && same == values && worst < 1e-6)
        }' "$work/r.csv" "$1" || status=1
}
agree "$work/compute.csv" "jarva compute"
agree "$work/adhoc.csv" "jarva estimate"

awk -v q="$r_questions" -v rl="$r_load_wall" -v rlc="$r_load_cpu" -v ra="$r_areas_wall" \
    -v rac="$r_areas_cpu" -v rw="$r_whole_wall" -v rwc="$r_whole_cpu" -v cw="$compute_wall" \
    -v cc="$compute_cpu" -v aw="$adhoc_wall" -v ac="$adhoc_cpu" 'BEGIN {
    s = 20 / q
    printf "R estimates (%d of 20 questions%s): areas %.2f s wall, %.2f s cpu; Järva %.2f s wall, %.2f s cpu\n",
        q, q < 20 ? ", times scaled to 20 below" : "", ra, rac, rw, rwc
    printf "R for all 20 questions: areas and Järva %.1f s wall, %.1f s cpu; areas only %.1f s wall, %.1f s cpu\n",
        (ra + rw) * s, (rac + rwc) * s, ra * s, rac * s
    printf "R read.csv2 + svydesign (4 waves): %.2f s wall, %.2f s cpu\n", rl, rlc
    printf "ratio R / jarva compute, same 560 estimates (cpu): %.0f (target >= 100); wall: %.0f\n",
        (rac + rwc) * s / cc, (ra + rw) * s / cw
    printf "ratio R from CSV / jarva estimate from CSV, 480 area estimates (cpu): %.0f; wall: %.0f\n",
        (rlc + rac * s) / ac, (rl + ra * s) / aw
}'
exit $status
