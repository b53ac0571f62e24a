#!/bin/bash
# peers.sh [ROWS [RUNS]]: jarva against DuckDB, the fastest peer an analyst
# would pick, on the same data and the same estimates in the same run. Not
# part of ctest.
#
# Data: bench/gen_estimate.awk (as bench/estimate.sh): ROWS respondents
# (default 1,000,000) in four waves 2022-2025 as Excel writes them, 24
# strata, unequal weights, 20 questions coded 1-5, 9 or empty. Three pieces
# of work, each timed for both in every run (RUNS, default 3; the ratio of
# each run and their median are printed, since other load on a shared
# machine changes absolute times from one second to the next):
#  - load: `jarva import survey` of the four files (four processes, each
#    validating every field against the mapping) against DuckDB's
#    CREATE TABLE AS SELECT * FROM read_csv([four files]) into a database
#    file, with CHECKPOINT (both end with the data on disk).
#  - compute: `jarva compute` (reads every wave back, estimates the plan's
#    indicators and the 20 of the bench, stores them) against one SQL query
#    giving the same 560 estimates (20 questions x (6 areas + Järva) x 4
#    years, share answering 1-2 among 1-5 and its stratified Taylor SE).
#  - ad hoc: `jarva estimate` on a 1,000,000-row CSV file (the four waves in
#    one; one question, 24 domains: area x age group) against DuckDB's
#    read_csv and the same SQL in one statement.
# jarva's times are whole processes (start, open, work, exit); DuckDB's are
# measured inside Node around each statement, without Node's start and the
# module load (about 0.1 s), which favours DuckDB. DuckDB runs with 2 threads
# (all this machine has), jarva's import with two (parse and write), its
# estimate with two (a file of 2 MiB or more is read in two halves, see
# docs/performance.md) and compute with two (a thread reads the stored blocks
# ahead). Both wall-clock and processor seconds (user + system, every thread)
# are printed and compared: on a machine shared with other work
# the wall clock measures the load as much as the program, the processor time
# much less so.
#
# Agreement: every estimate and SE of both sides is compared; the largest
# relative difference is printed and must be <= 1e-9.
#
# DuckDB is the npm package @duckdb/node-api (its Linux binary ships inside
# @duckdb/node-bindings-linux-x64), installed when missing into a folder of
# the bench's own, $JARVA_BENCH_CACHE (default ~/.cache/jarva-bench), never
# into the project; Node is Debian's nodejs.
# Usage: bash bench/peers.sh [ROWS [RUNS]]   (BUILD_DIR, default build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
build=${BUILD_DIR:-build-bench}
cache=${JARVA_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jarva-bench}
duckdb_version=1.5.6-r.1

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "installing Node and npm (apt-get)..."
    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -f "$cache/node_modules/@duckdb/node-api/package.json" ]; then
    echo "installing @duckdb/node-api $duckdb_version into $cache (npm; the bench's own folder," \
        "not a dependency of the project)"
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-audit --no-fund --silent "@duckdb/node-api@$duckdb_version"
fi
duckdb_have=$(node -p "require('$cache/node_modules/@duckdb/node-api/package.json').version")

. bench/bench_jarva.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp bench/peers.mjs "$cache/peers.mjs" # Node resolves the package from the script's folder

awk -v rows="$rows" -v seed=20240501 -v dir="$work" -f bench/gen_estimate.awk
{
    cat "$work/survey_2022.csv"
    for year in 2023 2024 2025; do tail -n +2 "$work/survey_$year.csv"; done
} >"$work/adhoc.csv"
echo "data: $rows respondents in 4 waves, $(du -cm "$work"/survey_*.csv | tail -1 | cut -f1) MB;" \
    "ad hoc: the same in one file"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "peer: DuckDB (@duckdb/node-api $duckdb_have, Node $(node --version), 2 threads)"

# The bench catalogue (bench_catalog.sh), as estimate.sh and scale.sh use it.
. bench/bench_catalog.sh
bench_catalog "$work"
J() { "$jarva" --db "$work/jarva.db" --catalog "$work/catalog" --quiet "$@"; }

# elapsed CMD...: runs CMD, prints "WALL CPU" seconds (CPU: user + system of
# the command and its children).
elapsed() {
    local TIMEFORMAT='%R %U %S'
    { time "$@" >/dev/null 2>"$work/elapsed.err"; } 2>"$work/elapsed.time"
    awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$work/elapsed.time"
}
import_all() {
    for year in 2022 2023 2024 2025; do
        J import survey --source bench-estimate "$work/survey_$year.csv"
    done
}
adhoc() {
    "$jarva" estimate "$work/adhoc.csv" --var F01 --positive 1,2 --valid 1,2,3,4,5 \
        --by omrade,aldersgrupp --weight vikt --strata strata --format csv
}

for run in $(seq "$runs"); do
    rm -f "$work"/jarva.db*
    J init
    j_load=$(elapsed import_all)
    j_compute=$(elapsed J compute)
    j_adhoc=$(elapsed adhoc)
    node "$cache/peers.mjs" "$work" "$run" >"$work/duckdb.out"
    d_load=$(awk '$2 == "load" { print $3, $4 }' "$work/duckdb.out")
    d_compute=$(awk '$2 == "compute" { print $3, $4 }' "$work/duckdb.out")
    d_adhoc=$(awk '$2 == "adhoc" { print $3, $4 }' "$work/duckdb.out")
    echo "run $run (wall/cpu s): load jarva ${j_load/ //} DuckDB ${d_load/ //};" \
        "compute jarva ${j_compute/ //} DuckDB ${d_compute/ //};" \
        "ad hoc jarva ${j_adhoc/ //} DuckDB ${d_adhoc/ //} (load average $(cut -d' ' -f1 /proc/loadavg))"
    echo "$j_load $d_load $j_compute $d_compute $j_adhoc $d_adhoc" >>"$work/runs"
done

# Ratios DuckDB / jarva (above 1: jarva is faster), median over the runs,
# of wall-clock and of processor time. Fields: jarva wall cpu, DuckDB wall
# cpu, for load, compute, ad hoc.
awk -v rows="$rows" '
    function median(a, n,    i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function show(what, f, target,    i, w, c, lw, lc) {
        lw = lc = ""
        for (i = 1; i <= NR; i++) {
            w[i] = v[i, f + 2] / v[i, f]; c[i] = v[i, f + 3] / v[i, f + 1]
            lw = lw sprintf(" %.2f", w[i]); lc = lc sprintf(" %.2f", c[i])
        }
        printf "ratio DuckDB / jarva, %s: wall median %.2f (runs:%s), cpu median %.2f (runs:%s); target >= %s\n",
            what, median(w, NR), lw, median(c, NR), lc, target
    }
    { for (f = 1; f <= NF; f++) v[NR, f] = $f }
    END {
        show("load 4 waves", 1, 1)
        show("compute 560 estimates", 5, 10)
        show("ad hoc " rows " rows", 9, 3)
    }' "$work/runs"

# Agreement, from the first run's databases and files.
# Columns by name, not position: `jarva results` gains columns (docs/jarva.1).
J --format csv results | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["indicator"] ~ /^bench-q/ && $c["domain"] == "" {
        print $c["indicator"] "," $c["year"] "," $c["area_name"] "," $c["estimate"] "," $c["se"] }' \
    >"$work/jarva_compute.csv"
adhoc | awk -F, 'NR > 1 { print $1 "," $2 "," $4 "," $5 }' >"$work/jarva_adhoc.csv"
status=0
agree() { # WHAT JARVA DUCKDB KEYS: compares estimate and SE by the first KEYS fields
    awk -F, -v what="$1" -v keys="$4" '
        function rel(a, b) { d = a - b; if (d < 0) d = -d; return b == 0 ? d : d / (b < 0 ? -b : b) }
        function key(    k, i) { k = $1; for (i = 2; i <= keys; i++) k = k "," $i; return k }
        FNR == NR { est[key()] = $(keys + 1); se[key()] = $(keys + 2); next }
        key() in est {
            rows++
            d = rel($(keys + 1), est[key()]); if (d > worst_est) worst_est = d
            d = rel($(keys + 2), se[key()]); if (d > worst_se) worst_se = d
        }
        END {
            printf "%s: %d estimates compared, max relative difference: estimate %.1e, SE %.1e (must be <= 1e-9)\n",
                what, rows, worst_est, worst_se
            exit !(rows > 0 && worst_est <= 1e-9 && worst_se <= 1e-9)
        }' "$2" "$3" || status=1
}
agree "jarva compute vs DuckDB" "$work/jarva_compute.csv" "$work/duckdb_compute.csv" 3
[ "$(wc -l <"$work/jarva_compute.csv")" = 560 ] || { echo "jarva computed $(wc -l <"$work/jarva_compute.csv") of the 560 estimates"; status=1; }
agree "jarva estimate vs DuckDB" "$work/jarva_adhoc.csv" "$work/duckdb_adhoc.csv" 2
exit $status
