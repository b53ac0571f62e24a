# lib.sh: helpers for CLI tests. Each test sources this, runs jarva with
# `run ARGS...` and checks the exit code and output. $JARVA is the binary,
# $JARVA_SRC the source tree; each test gets its own scratch directory.
set -u
: "${JARVA:?JARVA must name the jarva binary}"
: "${JARVA_SRC:?JARVA_SRC must name the source tree}"
# ctest gives each build its own JARVA_TEST_TMP; run by hand, a folder of
# this run's own, never one another run may be writing.
T=${JARVA_TEST_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/jarva-test.XXXXXX")}/cli.$(basename "$0" .sh)
rm -rf "$T" && mkdir -p "$T"
failures=0
checks=0
OUT=$T/stdout
ERR=$T/stderr

# run ARGS...: runs jarva, keeping stdout, stderr and the exit code in $STATUS.
run() {
    "$JARVA" "$@" >"$OUT" 2>"$ERR"
    STATUS=$?
}

fail() {
    failures=$((failures + 1))
    echo "FAIL: $*" >&2
    echo "  stdout: $(head -c 2000 "$OUT")" >&2
    echo "  stderr: $(head -c 2000 "$ERR")" >&2
}

expect_status() {
    checks=$((checks + 1))
    [ "$STATUS" -eq "$1" ] || fail "exit status $STATUS, expected $1 ($2)"
}

# expect_out PATTERN WHAT: stdout contains the fixed string PATTERN.
expect_out() {
    checks=$((checks + 1))
    grep -qF -- "$1" "$OUT" || fail "stdout lacks '$1' ($2)"
}

expect_err() {
    checks=$((checks + 1))
    grep -qF -- "$1" "$ERR" || fail "stderr lacks '$1' ($2)"
}

expect_no_out() {
    checks=$((checks + 1))
    ! grep -qF -- "$1" "$OUT" || fail "stdout has '$1' ($2)"
}

# expect_same FILE EXPECTED WHAT: two files are byte-identical.
expect_same() {
    checks=$((checks + 1))
    cmp -s "$1" "$2" || fail "$1 differs from $2 ($3)"
}

finish() {
    echo "$checks checks, $failures failed"
    [ "$failures" -eq 0 ]
    exit $?
}
