#!/bin/sh
# test_golden.sh [--update] [CASE...]: exact-output tests of every command,
# as zstd's tests/cli-tests do. Each case is tests/cli/golden/NAME.sh, a few
# jarva command lines run by sh in a scratch folder; NAME.sh.stdout is the
# exact standard output expected, NAME.sh.exit the exit status (0 when
# absent) and NAME.sh.stderr, when present, the exact standard error.
#
# The cases read one deterministic database, built afresh from the example
# data (examples/data: the published figures and the simulated files, which
# are committed) with SOURCE_DATE_EPOCH fixed, and see:
#   jarva ARGS...  the built jarva on that database ($DB)
#   $JARVA, $DB, $DATA (examples/data), $JARVA_SRC
#
# An intended change of output: run with --update (and CASE names to limit
# it) to rewrite the expected files, then read the diff before committing:
#   JARVA=build/tools/jarva/jarva JARVA_SRC=. sh tests/cli/test_golden.sh --update
set -u
: "${JARVA:?JARVA must name the jarva binary}"
: "${JARVA_SRC:?JARVA_SRC must name the source tree}"
# Absolute paths: every case runs in a scratch folder of its own, where a
# relative path (the --update line above) would name nothing, and --update
# would write the empty output of a case that never ran.
JARVA_SRC=$(cd "$JARVA_SRC" && pwd) || exit 1
case $JARVA in /*) ;; */*) JARVA=$(cd "$(dirname "$JARVA")" && pwd)/$(basename "$JARVA") ;; esac
GOLDEN=$JARVA_SRC/tests/cli/golden
T=${JARVA_TEST_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/jarva-test.XXXXXX")}/cli.test_golden
update=0
if [ "${1-}" = "--update" ]; then
    update=1
    shift
fi
rm -rf "$T" && mkdir -p "$T/db"

# Fixed time and locale: the same bytes on every machine and day.
SOURCE_DATE_EPOCH=1767225600 # 2026-01-01T00:00:00Z
LC_ALL=C.UTF-8
TZ=UTC
export SOURCE_DATE_EPOCH LC_ALL TZ
unset JARVA_DB JARVA_CATALOG
DATA=$JARVA_SRC/examples/data
DB=$T/db/golden.db
export JARVA JARVA_SRC DATA DB

# The database: the example's import sequence (examples/run.sh) and compute.
{
    j() { "$JARVA" --db "$DB" --quiet "$@"; }
    j init &&
        j import table "$DATA/publicerade-trygghetsmatningar.csv" &&
        j import table "$DATA/polisens-utsatta-omraden.csv" &&
        for f in "$DATA"/simulerade-trygghetsenkat-*.csv; do j import survey "$f" || exit 1; done &&
        for f in "$DATA"/simulerade-personalenkat-*.csv; do j import staff "$f" || exit 1; done &&
        for f in "$DATA"/simulerade-aktivitetslogg-*.csv; do j import activities "$f" || exit 1; done &&
        j compute
} >"$T/db/setup.log" 2>&1 || {
    echo "FAIL: building the example database:" >&2
    cat "$T/db/setup.log" >&2
    exit 1
}

cases=""
if [ $# -gt 0 ]; then
    for name; do cases="$cases $GOLDEN/${name%.sh}.sh"; done
else
    cases=$(ls "$GOLDEN"/*.sh)
fi
failures=0
count=0
for case in $cases; do
    name=$(basename "$case" .sh)
    count=$((count + 1))
    work=$T/$name
    mkdir -p "$work"
    # jarva as a function, so that a case reads as the command line it tests.
    (cd "$work" && exec sh -c 'jarva() { "$JARVA" --db "$DB" "$@"; }; . "$1"' sh "$case") \
        >"$work/stdout" 2>"$work/stderr"
    echo $? >"$work/exit"
    if [ "$update" -eq 1 ]; then
        cp "$work/stdout" "$case.stdout"
        if [ "$(cat "$work/exit")" = 0 ]; then rm -f "$case.exit"; else cp "$work/exit" "$case.exit"; fi
        [ -f "$case.stderr" ] && cp "$work/stderr" "$case.stderr"
        echo "updated $name"
        continue
    fi
    expected_exit=0
    [ -f "$case.exit" ] && expected_exit=$(cat "$case.exit")
    bad=""
    [ "$(cat "$work/exit")" = "$expected_exit" ] ||
        bad="exit status $(cat "$work/exit"), expected $expected_exit"
    if [ -z "$bad" ] && ! cmp -s "$work/stdout" "$case.stdout"; then
        bad="stdout differs"
    fi
    if [ -z "$bad" ] && [ -f "$case.stderr" ] && ! cmp -s "$work/stderr" "$case.stderr"; then
        bad="stderr differs"
    fi
    if [ -n "$bad" ]; then
        failures=$((failures + 1))
        echo "FAIL: $name: $bad" >&2
        diff -u "$case.stdout" "$work/stdout" | head -40 >&2
        [ -f "$case.stderr" ] && diff -u "$case.stderr" "$work/stderr" | head -20 >&2
        echo "  stderr: $(head -c 1000 "$work/stderr")" >&2
    fi
done
[ "$update" -eq 1 ] && exit 0
echo "$count golden cases, $failures failed"
[ "$failures" -eq 0 ]
