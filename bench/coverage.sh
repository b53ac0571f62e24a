#!/bin/sh
# coverage.sh: the coverage simulation of the survey intervals (not part of
# ctest: it takes a few seconds). Builds bench/coverage.c in BUILD_DIR (default
# build-bench/), runs it with REPLICATES samples (default 10000), prints the
# table, and fails unless the logit interval (the default) covers the true
# share in 94-96 % of the samples, for the whole population and for a domain.
# Usage: sh bench/coverage.sh [build-dir [replicates [seed]]]
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build-bench}
replicates=${2:-10000}
seed=${3:-20240501}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJARVA_BUILD_BENCH=ON >/dev/null
cmake --build "$dir" --target jarva_coverage -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
out=$("$dir/bench/jarva_coverage" "$replicates" "$seed")
echo "$out"
echo "$out" | awk '
    $1 == "logit" {
        sub("%", "", $3)
        if ($3 < 94 || $3 > 96) { printf "coverage.sh: logit coverage %s%% (%s) outside 94-96%%\n", $3, $2; bad = 1 }
        else printf "coverage.sh: logit coverage %s%% (%s) within 94-96%%\n", $3, $2
        seen++
    }
    END { exit (bad || seen != 2) }'
