#!/bin/sh
# test_report_html.sh: `jarva report --format html` without a browser (the
# browser checks are tests/web/test_web.sh): the site's files on the example,
# the open data against `jarva results` (every estimate up to the year, none
# more; a suppressed one without value or n), the Excel CSV's bytes (BOM, ';',
# decimal comma, CRLF), a catalogue name that a spreadsheet would run as a
# formula written as text, stale estimates refused, and usage and path errors.
. "$(dirname "$0")/lib.sh"

BUILD=$(cd "$(dirname "$JARVA")/../.." && pwd)
DB=$T/example.db
JARVA_EXAMPLE_DB=$DB JARVA_EXAMPLE_PDF=$T/example.pdf JARVA_EXAMPLE_WEB=$T/site \
    sh "$JARVA_SRC/examples/run.sh" "$BUILD" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0 "examples/run.sh"
expect_out "Web edition: $T/site/index.html" "the main job prints the web edition's path"

SITE=$T/site
for f in index.html malgrupper.html malgrupp-1.html malgrupp-4.html omraden.html \
    omrade-husby.html exempel.html press.html pressunderlag.pdf data.html metod.html \
    tillganglighet.html style.css \
    data/skattningar.csv data/skattningar-excel.csv data/skattningar.json data/dataordlista.csv; do
    checks=$((checks + 1))
    [ -s "$SITE/$f" ] || fail "no $f"
done
checks=$((checks + 1))
grep -q 'src="http\|href="http\|url(http\|@import' "$SITE"/*.html "$SITE/style.css" &&
    fail "a page loads something from elsewhere"

# Every estimate up to 2025 with its breakdowns, one row each.
run --db "$DB" results --domains --format csv
expect_status 0 "results --domains"
awk -F, 'NR > 1 && $2 <= 2025' "$OUT" >"$T/results.csv"
checks=$((checks + 1))
[ "$(wc -l <"$T/results.csv")" -eq "$(($(wc -l <"$SITE/data/skattningar.csv") - 1))" ] ||
    fail "skattningar.csv has $(wc -l <"$SITE/data/skattningar.csv") lines, results $(wc -l <"$T/results.csv") rows"
checks=$((checks + 1))
[ "$(wc -l <"$SITE/data/skattningar.csv")" -eq "$(wc -l <"$SITE/data/skattningar-excel.csv")" ] ||
    fail "the two CSV files differ in rows"

# A suppressed estimate: value, interval, level and n empty, redovisas nej
# (results' last field is true for a suppressed one).
checks=$((checks + 1))
supp=$(grep -c ',nej,' "$SITE/data/skattningar.csv")
[ "$supp" -gt 0 ] || fail "the example has no suppressed row in the open data"
checks=$((checks + 1))
grep ',nej,' "$SITE/data/skattningar.csv" | grep -qv ',,,,,,[a-z]*,nej,' &&
    fail "a suppressed row has a value: $(grep ',nej,' "$SITE/data/skattningar.csv" | grep -v ',,,,,,[a-z]*,nej,' | head -1)"
checks=$((checks + 1))
[ "$supp" -eq "$(awk -F, '$NF == "true"' "$T/results.csv" | wc -l)" ] ||
    fail "$supp suppressed rows in the open data, $(awk -F, '$NF == "true"' "$T/results.csv" | wc -l) in results"

# safe-evening-survey 2025 for Järva, as results prints it (0.6291...),
# appears in both CSVs: with '.' in one, with ',' in the other.
run --db "$DB" results --indicator safe-evening-survey --year 2025 --area jarva --format json
est=$(sed -n 's/.*"estimate": \([0-9.]*\),.*/\1/p' "$OUT" | head -1)
checks=$((checks + 1))
[ -n "$est" ] || fail "no estimate for safe-evening-survey 2025"
short=$(printf '%.6f' "$est" | sed 's/0*$//')
checks=$((checks + 1))
grep '^safe-evening-survey,' "$SITE/data/skattningar.csv" | grep ',2025,jarva,' | grep -q ",$short" ||
    fail "skattningar.csv lacks $short for safe-evening-survey 2025"
checks=$((checks + 1))
grep '^safe-evening-survey;' "$SITE/data/skattningar-excel.csv" | grep ';2025;jarva;' |
    grep -q ";$(echo "$short" | tr . ,)" || fail "the Excel CSV lacks the value with a decimal comma"
checks=$((checks + 1))
[ "$(head -c 3 "$SITE/data/skattningar-excel.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
    fail "the Excel CSV has no BOM"
checks=$((checks + 1))
[ "$(grep -c "$(printf '\r')\$" "$SITE/data/skattningar-excel.csv")" -eq "$(wc -l <"$SITE/data/skattningar-excel.csv")" ] ||
    fail "the Excel CSV's lines do not all end in CRLF"
checks=$((checks + 1))
grep -q "$(printf '\r')" "$SITE/data/skattningar.csv" && fail "skattningar.csv has CR"
checks=$((checks + 1))
grep -q '"skattningar": \[' "$SITE/data/skattningar.json" || fail "the JSON has no skattningar"
checks=$((checks + 1))
[ "$(grep -c '"indikator":' "$SITE/data/skattningar.json")" -eq "$(wc -l <"$T/results.csv")" ] ||
    fail "the JSON has another number of rows"

# The press sheet: three to five messages, each with a figure; its PDF one page.
checks=$((checks + 1))
n=$(grep -c '<p class="figure"' "$SITE/press.html")
[ "$n" -ge 3 ] && [ "$n" -le 5 ] || fail "the press sheet has $n messages"
if command -v pdfinfo >/dev/null 2>&1; then
    checks=$((checks + 1))
    pdfinfo "$SITE/pressunderlag.pdf" | grep -q '^Pages: *1$' || fail "pressunderlag.pdf is not one page"
fi
# The residents' examples: every published example of the log up to 2025.
checks=$((checks + 1))
want=$(awk -F, '$4 == "example_published" && substr($1, 1, 4) <= "2025"' \
    "$JARVA_SRC"/examples/data/simulerade-aktivitetslogg-*.csv | wc -l)
got=$(grep -c '<br><span class="meta">' "$SITE/exempel.html")
fb=$(awk -F, '$4 == "feedback_given" && $9 != "" && substr($9, 1, 4) <= "2025"' \
    "$JARVA_SRC"/examples/data/simulerade-aktivitetslogg-*.csv | wc -l)
[ "$got" -eq $((want + fb)) ] || fail "exempel.html lists $got, the log has $want examples and $fb dialogues with feedback"

# English: its own folder, lang="en".
run --db "$DB" report --year 2025 --format html --lang en -o "$T/en"
expect_status 0 "--lang en"
checks=$((checks + 1))
grep -q '<html lang="en">' "$T/en/index.html" || fail "the English index is not lang=en"

# A catalogue name starting with '=' is written as text in every CSV.
cp -r "$JARVA_SRC/indicators" "$T/catalog"
sed -i 's/^safe-evening-survey,\([^,]*\),[^,]*,/safe-evening-survey,\1,"=HYPERLINK(""http:\/\/x"")",/' "$T/catalog/indicators.csv"
grep -q '=HYPERLINK' "$T/catalog/indicators.csv" || { echo "setup: the name was not changed" >&2; exit 1; }
run --db "$DB" --catalog "$T/catalog" --quiet init
expect_status 0 "init with the changed catalogue"
run --db "$DB" --quiet compute
run --db "$DB" report --year 2025 --format html -o "$T/formula"
expect_status 0 "the site with the formula-like name"
checks=$((checks + 1))
grep -q "^safe-evening-survey,\"'=HYPERLINK" "$T/formula/data/skattningar.csv" ||
    fail "the formula-like name is not neutralised: $(grep '^safe-evening-survey,' "$T/formula/data/skattningar.csv" | head -1)"
checks=$((checks + 1))
grep -q "^safe-evening-survey;\"'=HYPERLINK" "$T/formula/data/skattningar-excel.csv" ||
    fail "the formula-like name is not neutralised in the Excel CSV"

# Stale estimates are refused, as for the PDF.
run --db "$DB" --quiet import activities "$JARVA_SRC/tests/data/import/activities.csv"
run --db "$DB" report --year 2025 --format html -o "$T/stale"
expect_status 1 "stale estimates"
expect_err "compute" "says to compute first"

# Usage and path errors.
run --db "$DB" report --year 2025 --format xml
expect_status 2 "--format xml"
expect_err "is not pdf or html" "names the formats"
: >"$T/afile"
run --db "$DB" report --year 2025 --format html --allow-stale -o "$T/afile"
expect_status 1 "-o names a file"
expect_err "afile: not a directory" "says why"
finish
