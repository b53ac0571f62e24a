#!/bin/sh
# test_web.sh: the web edition of the example, in Swedish and English, checked
# in a real browser (audit.js: axe-core's WCAG 2.1 A and AA rules on every
# page, structure, skip link, 320 px, no external requests, screenshots),
# validated by tidy, and its figures compared with what `jarva results` and
# `jarva status` print (consistency.js). Needs chromium, node, tidy and
# `npm ci` in tests/web (tools/install-deps.sh --test does all four); without
# them it says what is missing and exits 77, which ctest reports as skipped.
set -u
: "${JARVA:?JARVA must name the jarva binary}"
: "${JARVA_SRC:?JARVA_SRC must name the source tree}"
WEB=$JARVA_SRC/tests/web
T=${JARVA_TEST_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/jarva-test.XXXXXX")}/web.test_web
rm -rf "$T" && mkdir -p "$T"
missing=""
command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing node"
command -v tidy >/dev/null 2>&1 || missing="$missing tidy"
[ -d "$WEB/node_modules/puppeteer-core" ] && [ -d "$WEB/node_modules/axe-core" ] ||
    missing="$missing node_modules(npm ci in tests/web)"
if [ -n "$missing" ]; then
    echo "test_web: SKIPPED, missing:$missing; run 'sh tools/install-deps.sh --test'" >&2
    exit 77
fi
failures=0
fail() {
    failures=$((failures + 1))
    echo "FAIL: $*" >&2
}

# The example's database, as the README's main job makes it.
JARVA_EXAMPLE_DB=$T/example.db JARVA_EXAMPLE_PDF=$T/example.pdf \
    sh "$JARVA_SRC/examples/run.sh" "$(cd "$(dirname "$JARVA")/../.." && pwd)" >"$T/run.log" 2>&1 ||
    { cat "$T/run.log" >&2; echo "FAIL: examples/run.sh" >&2; exit 1; }
for lang in sv en; do
    "$JARVA" --db "$T/example.db" report --year 2025 --format html --lang "$lang" -o "$T/$lang" \
        >"$T/$lang.log" 2>&1 || fail "report --format html --lang $lang: $(cat "$T/$lang.log")"
    [ -f "$T/$lang/index.html" ] || fail "$lang: no index.html"
done

# tidy: exit 2 means errors (1 is warnings only).
for f in "$T"/sv/*.html "$T"/en/*.html; do
    tidy -errors -quiet "$f" >/dev/null 2>"$T/tidy.log"
    [ $? -ge 2 ] && fail "tidy: errors in $f: $(head -5 "$T/tidy.log")"
done

node "$WEB/audit.js" "$T/sv" "$T/en" || fail "audit.js (see above)"
node "$WEB/consistency.js" "$JARVA" "$T/example.db" "$JARVA_SRC/indicators/areas.csv" "$T/sv" "$T/en" ||
    fail "consistency.js (see above)"
if [ "$failures" -gt 0 ]; then
    echo "test_web: $failures failures" >&2
    exit 1
fi
echo "test_web: ok (screenshots in $T/screenshots)"
