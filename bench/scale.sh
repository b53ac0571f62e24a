#!/bin/bash
# scale.sh [WAVES [ROWS_PER_WAVE]]: jarva at 10,000,000 respondents (default
# 40 waves of 250,000, years 1990-2029): every wave imported, everything
# computed and the report written, each step's wall and processor time and
# peak resident memory printed (target: under 64 MiB for each, whatever the
# number of respondents). The waves are bench/gen_estimate.awk's 2025 wave
# with the year column rewritten, so each file is another wave with its own
# checksum. Not part of ctest.
# Usage: bash bench/scale.sh [WAVES [ROWS_PER_WAVE]]   (BUILD_DIR, default build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
waves=${1:-40}
per_wave=${2:-250000}
build=${BUILD_DIR:-build-bench}
[ -x /usr/bin/time ] || apt-get install -y -qq --no-install-recommends time >/dev/null
. bench/bench_jarva.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v rows=$((4 * per_wave)) -v seed=7 -v dir="$work" -f bench/gen_estimate.awk
rm -f "$work"/survey_202[234].csv
. bench/bench_catalog.sh
bench_catalog "$work"
J() { "$jarva" --db "$work/jarva.db" --catalog "$work/catalog" --quiet "$@"; }
J init
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"

# measure WHAT ARGS...: runs jarva ARGS on the database, one line "WHAT wall
# cpu peak_kib" into $work/steps.
measure() {
    local what=$1
    shift
    /usr/bin/time -f "$what %e %U %S %M" -a -o "$work/steps" \
        "$jarva" --db "$work/jarva.db" --catalog "$work/catalog" --quiet "$@" >/dev/null
}
for w in $(seq 0 $((waves - 1))); do
    year=$((1990 + w))
    awk -F';' -v OFS=';' -v y=$year 'NR > 1 { $2 = y } { print }' "$work/survey_2025.csv" >"$work/wave.csv"
    measure import import survey --source bench-estimate "$work/wave.csv"
done
measure compute compute
measure report report --year $((1990 + waves - 1)) -o "$work/report.pdf"
respondents=$(sqlite3 "$work/jarva.db" 'SELECT sum(count) FROM column_block WHERE column_no = -9')
estimates=$(sqlite3 "$work/jarva.db" "SELECT count(*) FROM estimate WHERE indicator_id LIKE 'bench-%'")
echo "stored: $respondents respondents in $waves waves, $estimates bench estimates," \
    "database $(du -m "$work/jarva.db" | cut -f1) MB"
awk '{ wall[$1] += $2; cpu[$1] += $3 + $4; if ($5 > peak[$1]) peak[$1] = $5; n[$1]++ }
     END {
         split("import compute report", order, " ")
         for (k = 1; k <= 3; k++) {
             s = order[k]
             printf "%-8s %3d run%s: %7.1f s wall, %7.1f s cpu, peak RSS %.1f MiB (target < 64)\n",
                 s, n[s], (n[s] > 1 ? "s" : " "), wall[s], cpu[s], peak[s] / 1024
             if (peak[s] / 1024 >= 64) bad = 1
         }
         exit bad
     }' "$work/steps"
