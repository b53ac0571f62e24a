# test_valgrind.sh: the CLI end to end under valgrind memcheck with zero
# errors and zero leaks (definite, indirect and possible; memory still
# reachable at exit belongs to the libraries' caches): init, each import
# kind, an import that fails with many errors, a report (or compute),
# results, and removing a batch. Skipped without valgrind, and in sanitizer
# builds (JARVA_SANITIZE set by tests/CMakeLists.txt to the build's
# -DJARVA_SANITIZE, or an ASan runtime in the binary): valgrind cannot run
# them.
. "$JARVA_SRC/tests/cli/lib.sh"
if ! command -v valgrind >/dev/null; then
    echo "skipped: valgrind is not installed"
    exit 0
fi
if [ -n "${JARVA_SANITIZE:-}" ] || grep -q __asan_init "$JARVA" 2>/dev/null; then
    echo "skipped: a sanitizer build"
    exit 0
fi

D=$JARVA_SRC/tests/data/import
DB=$T/j.db
# vg WHAT STATUS ARGS...: jarva ARGS under memcheck exits STATUS with a clean
# valgrind log (memcheck's own failures exit 99).
vg() {
    what=$1 want=$2
    shift 2
    valgrind --quiet --error-exitcode=99 --leak-check=full \
        --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible \
        --track-fds=no --log-file="$T/vg.log" "$JARVA" --db "$DB" "$@" >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status "$want" "$what under valgrind"
    checks=$((checks + 1))
    if [ -s "$T/vg.log" ]; then
        fail "$what: valgrind reported: $(head -c 3000 "$T/vg.log")"
    fi
}

vg "init" 0 --quiet init
vg "import survey (Windows-1252, ';', decimal comma)" 0 import survey "$D/survey_2023_excel.csv"
expect_err "60 rows imported as batch 1" "survey imported"
vg "import table" 0 import table "$D/table.csv"
vg "import activities" 0 import activities "$D/activities.csv"
vg "import staff" 0 import staff "$D/staff_2024.csv"

# A failing import: errors collected, listed, capped; everything freed.
{
    echo "lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F12a,F14,F15,F20,F24,F25,F30,F31,F32"
    i=1
    while [ $i -le 40 ]; do
        echo "$i,2024,Husbyy,a,-1,K,16-29,7,2,1,1,1,1,1,1,1"
        i=$((i + 1))
    done
} >"$T/bad.csv"
vg "a failing import" 1 import survey "$T/bad.csv"
expect_err "bad.csv:2:3 (omrade): unknown area 'Husbyy'" "first error listed"
expect_err "more errors" "the rest counted"

if "$JARVA" report --help >/dev/null 2>&1; then
    vg "report" 0 --quiet report --year 2025 --compute -o "$T/report.pdf"
    checks=$((checks + 1))
    [ "$(head -c 5 "$T/report.pdf")" = "%PDF-" ] || fail "report.pdf is not a PDF"
else
    vg "compute" 0 --quiet compute
fi
vg "results" 0 --format json results
vg "remove a batch" 0 batches rm 2
finish
