#!/bin/sh
# report.sh [BUILD_DIR] [RESPONDENTS]: speed and memory of the effect report.
# Fills a database with simulated example data for 2015-2025 (survey waves
# 2019-2025 with RESPONDENTS per area, default 300; staff waves, published
# tables, the police list and an activity log) through bench/report_bench.c,
# compiled here against BUILD_DIR's static library (default build-bench, a
# Release build made if missing), then renders the report for 2025:
# in-process (best and mean of 5 runs) and with `jarva report` under
# /usr/bin/time for the wall time and peak memory of the whole command.
# Prints pages and charts of the result. Target: under 1 s. Not part of ctest.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
respondents=${2:-300}
if [ ! -f "$build/libjarva/libjarva.a" ] || [ ! -f "$build/reports/libjarva-report.a" ] || [ ! -x "$build/tools/jarva/jarva" ]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DJARVA_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" -j2 >/dev/null
fi
[ -x /usr/bin/time ] || apt-get install -y -qq --no-install-recommends time >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The generated headers (version.h) are in the build tree; the static
# library needs every library libjarva links (see libjarva/CMakeLists.txt).
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Ilibjarva/include -I"$build/libjarva/include" \
    -Ireports/include -Itests/unit \
    bench/report_bench.c tests/unit/report_sample.c "$build/reports/libjarva-report.a" \
    "$build/libjarva/libjarva.a" -lhpdf -lsqlite3 -lcsv -lgsl -lgslcblas -lzip -lexpat -lreadstat \
    -lz -lpthread -lm -o "$work/report_bench"
"$work/report_bench" "$work/jarva.db" indicators "$work/bench.pdf" "$respondents" 5

SOURCE_DATE_EPOCH=1767225600 /usr/bin/time -f '%e %M' -o "$work/time" \
    "$build/tools/jarva/jarva" --db "$work/jarva.db" --quiet report --year 2025 \
    --notice "Simulerade exempeldata – inte verkliga resultat" -o "$work/cli.pdf"
read -r seconds kb <"$work/time"
echo "jarva report (whole command): ${seconds} s, peak RSS $((kb / 1024)) MiB"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
    pages=$(pdfinfo "$work/cli.pdf" | awk '/^Pages:/ { print $2 }')
    charts=$(pdftotext "$work/cli.pdf" - | grep -c '^Figur [0-9]*\.' || true)
    echo "report: $pages pages, $charts charts, $(wc -c <"$work/cli.pdf") bytes"
fi
awk -v s="$seconds" 'BEGIN { printf "target < 1 s: %s\n", s < 1 ? "met" : "NOT met" }'
