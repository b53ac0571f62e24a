# lib.sh: helpers for the install tests: `check DESCRIPTION COMMAND...` runs a
# command and counts it as failed if it exits non-zero; `expect_line FILE TEXT`
# checks that FILE has a line equal to TEXT. finish prints the plain summary.
set -u
# ctest gives each build its own JARVA_TEST_TMP; run by hand, a folder of
# this run's own, never one another run may be writing.
T=${JARVA_TEST_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/jarva-test.XXXXXX")}/install.$(basename "$0" .sh)
rm -rf "$T" && mkdir -p "$T"
checks=0
failures=0

fail() {
    failures=$((failures + 1))
    echo "FAIL: $*" >&2
}

# check WHAT CMD...: CMD succeeds; its output goes to $T/last.log.
check() {
    what=$1
    shift
    checks=$((checks + 1))
    if ! "$@" >"$T/last.log" 2>&1; then
        fail "$what: $*"
        sed 's/^/  | /' "$T/last.log" | head -40 >&2
        return 1
    fi
    return 0
}

# expect_line FILE LINE: FILE has LINE, exactly, as one of its lines.
expect_line() {
    checks=$((checks + 1))
    grep -qxF -- "$2" "$1" || {
        fail "$1 lacks the line '$2'"
        sed 's/^/  | /' "$1" | head -20 >&2
    }
}

# expect_grep FILE PATTERN: FILE contains the fixed string PATTERN.
expect_grep() {
    checks=$((checks + 1))
    grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"
}

finish() {
    echo "$((checks - failures)) passed, $failures failed"
    [ "$failures" -eq 0 ]
    exit $?
}
