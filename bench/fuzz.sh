#!/bin/sh
# fuzz.sh: runs each libFuzzer harness of tests/fuzz/ for a set time, one at a
# time, and prints per harness the executions run, the executions per second,
# the coverage reached and the crashes found. Each crash (also a leak, timeout
# or out-of-memory) is copied into tests/fuzz/corpus/<harness>/crash-<sha1>,
# where ctest replays it: fix the bug, keep the file as its regression test.
# A harness stopped by a crash is restarted for the rest of its time.
# New inputs that add coverage are kept only with --merge, which merges
# them (minimised) into the committed corpus.
# Not part of ctest. Needs clang (libFuzzer).
#
# Usage: sh bench/fuzz.sh [--merge] [SECONDS [HARNESS...]]
#   SECONDS   per harness at most (default 60)
#   HARNESS   any jarva_fuzz_target() of tests/fuzz/CMakeLists.txt
#             (default: all of them)
#   FUZZ_RUNS executions per harness at most (default 10000000): a harness
#             stops at whichever of SECONDS and FUZZ_RUNS comes first
#   BUILD_DIR the build directory (default build-fuzz/), configured with
#             CC=clang -DJARVA_FUZZ=ON
set -eu
cd "$(dirname "$0")/.."
src=$PWD
merge=0
if [ "${1:-}" = --merge ]; then
    merge=1
    shift
fi
seconds=${1:-60}
[ $# -gt 0 ] && shift
all=$(sed -n 's/^jarva_fuzz_target(\([a-z_]*\) .*/\1/p' tests/fuzz/CMakeLists.txt)
harnesses=${*:-$all}
runs_max=${FUZZ_RUNS:-10000000}
dir=${BUILD_DIR:-build-fuzz}

command -v clang >/dev/null || {
    echo "fuzz.sh: clang is needed (apt-get install clang)" >&2
    exit 1
}
CC=clang cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJARVA_FUZZ=ON \
    -DJARVA_BUILD_BENCH=OFF >/dev/null
# shellcheck disable=SC2086
for h in $harnesses; do
    cmake --build "$dir" --target "$h" -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
done

# Scratch files (each input is written to one) on tmpfs when there is one:
# on a disk file system, creating, renaming and deleting them per input
# costs more than some harnesses' parsing.
scratch=${TMPDIR:-/tmp}
[ -d /dev/shm ] && [ -w /dev/shm ] && scratch=/dev/shm
work=$(mktemp -d "$scratch/jarva-fuzz-sh.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
printf '%-24s %8s %12s %8s %6s %8s\n' harness seconds executions exec/s cov crashes
total_crashes=0
for h in $harnesses; do
    bin=$dir/tests/fuzz/$h
    corpus=$src/tests/fuzz/corpus/$h
    new=$work/new/$h
    seeds=$work/seeds/$h
    mkdir -p "$new" "$seeds" "$work/artifacts/$h" "$work/tmp"
    # Known crashes are replayed by ctest, not fuzzed from: each would stop
    # the run at once.
    for f in "$corpus"/*; do
        case $(basename "$f") in crash-*) ;; *) cp "$f" "$seeds/" ;; esac
    done
    execs=0
    cov=0
    crashes=0
    start=$(date +%s)
    left=$seconds
    while [ "$left" -gt 0 ] && [ "$execs" -lt "$runs_max" ]; do
        log=$work/$h.log
        # -timeout: one input may take 10 s (a hang otherwise); ASan + a
        # SQLite database stay well inside 2 GB. -reload=0: no other
        # process adds to the corpus, so it is not re-read every second.
        TMPDIR=$work/tmp "$bin" -max_total_time="$left" -runs=$((runs_max - execs)) -timeout=10 -rss_limit_mb=2048 \
            -reload=0 -print_final_stats=1 -artifact_prefix="$work/artifacts/$h/" \
            "$new" "$seeds" >"$log" 2>&1 && status=0 || status=$?
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
        [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
        execs=$((execs + ${runs:-0}))
        c=$(sed -n 's/.* cov: \([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
        [ -n "$c" ] && [ "$c" -gt "$cov" ] && cov=$c
        if [ "$status" -ne 0 ]; then
            found=0
            for a in "$work/artifacts/$h"/*; do
                [ -f "$a" ] || continue
                found=1
                crashes=$((crashes + 1))
                sum=$(sha1sum "$a" | cut -c1-16)
                cp "$a" "$corpus/crash-$sum"
                rm -f "$new/$(sha1sum "$a" | cut -d' ' -f1)"
                echo "fuzz.sh: $h: $(basename "$a" | cut -d- -f1) saved as tests/fuzz/corpus/$h/crash-$sum" >&2
                grep -m 3 -E 'ERROR|invariant failed|SUMMARY' "$log" | sed 's/^/    /' >&2 || true
                rm -f "$a"
            done
            if [ $found = 0 ]; then
                echo "fuzz.sh: $h stopped (exit $status) without an artifact:" >&2
                tail -n 20 "$log" >&2
                exit 1
            fi
        fi
        left=$((seconds - ($(date +%s) - start)))
        [ "$status" -eq 0 ] && break
    done
    elapsed=$(($(date +%s) - start))
    [ "$elapsed" -gt 0 ] || elapsed=1
    printf '%-24s %8d %12d %8d %6d %8d\n' "$h" "$elapsed" "$execs" $((execs / elapsed)) "$cov" "$crashes"
    total_crashes=$((total_crashes + crashes))
    if [ $merge = 1 ] && [ -n "$(ls "$new")" ]; then
        TMPDIR=$work/tmp "$bin" -merge=1 -timeout=10 "$corpus" "$new" >"$work/$h.merge" 2>&1 ||
            tail -n 5 "$work/$h.merge" >&2
        echo "fuzz.sh: $h: corpus now $(ls "$corpus" | wc -l) inputs" >&2
    fi
done
[ "$total_crashes" -eq 0 ]
