#!/bin/sh
# check.sh: builds and runs every test three times, as CI does: a plain
# warnings-as-errors build (build-test/), one under AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/), and one without the report
# (build-norep/, -DJARVA_BUILD_REPORT=OFF), which proves that libjarva builds,
# passes its own tests and links no libHaru when the report is left out
# (docs/architecture.md). All are incremental on a second run.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
for variant in test asan norep; do
    dir=build-$variant
    san=""
    report=ON
    [ "$variant" = asan ] && san="address,undefined"
    [ "$variant" = norep ] && report=OFF
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJARVA_WERROR=ON -DJARVA_SANITIZE="$san" \
        -DJARVA_BUILD_REPORT="$report" >/dev/null
    cmake --build "$dir" -j"$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$dir" --output-on-failure -j"$jobs"
done
