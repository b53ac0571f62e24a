#!/bin/sh
# check.sh: builds and runs every test twice, as CI does: a plain warnings-as-
# errors build (build-test/) and one under AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/). Both are incremental on a second run.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
for variant in test asan; do
    dir=build-$variant
    san=""
    [ "$variant" = asan ] && san="address,undefined"
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJARVA_WERROR=ON -DJARVA_SANITIZE="$san" >/dev/null
    cmake --build "$dir" -j"$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$dir" --output-on-failure -j"$jobs"
done
