#!/bin/sh
# test_report.sh: `jarva report` on the committed import fixtures: usage
# errors, stale estimates refused (the report only reads: the database file is
# byte-identical afterwards), --compute and --allow-stale, the default file name, a notice on every page, byte-identical files
# under SOURCE_DATE_EPOCH, English, and an unwritable path. The poppler checks
# are skipped when pdftotext is missing.
. "$(dirname "$0")/lib.sh"

DATA=$JARVA_SRC/tests/data/import
DB=$T/report.db
run --db "$DB" --quiet init
expect_status 0 "init"
run --db "$DB" --quiet import survey "$DATA/survey_2023_excel.csv"
run --db "$DB" --quiet import table "$DATA/table.csv"
run --db "$DB" --quiet import activities "$DATA/activities.csv"
run --db "$DB" --quiet import staff "$DATA/staff_2024.csv"
expect_status 0 "imports"

run report --help
expect_status 0 "report --help"
expect_out "--year YEAR" "help names --year"
expect_out "--notice TEXT" "help names --notice"

run --db "$DB" report
expect_status 2 "report without --year"
expect_err "--year is required" "says --year is missing"
run --db "$DB" report --year 2025 --lang de
expect_status 2 "report --lang de"
expect_err "is not sv or en" "names the languages"
run --db "$DB" report --year twenty
expect_status 2 "report --year twenty"
run --db "$DB" report --year 2025 --bogus
expect_status 2 "unknown option"
run --db "$DB" report --year 2025 -o
expect_status 2 "-o without a value"

# Not computed yet: the report stops and says what to do, writing nothing,
# and leaves the database file byte for byte as it was.
cd "$T" || exit 1
sum_before=$(cksum <"$DB")
run --db "$DB" report --year 2025 -o "$T/stale.pdf"
expect_status 1 "report on estimates older than the imports"
expect_err "run \`jarva compute\` first, or \`jarva report --compute\`" "says to compute first"
checks=$((checks + 1))
[ ! -e "$T/stale.pdf" ] || fail "a stale report left a file"
SOURCE_DATE_EPOCH=1767225600 run --db "$DB" --quiet report --year 2025 --allow-stale \
    -o "$T/stale.pdf"
expect_status 0 "report --allow-stale"
checks=$((checks + 1))
[ "$(cksum <"$DB")" = "$sum_before" ] || fail "the report changed the database file"
run --db "$DB" report --year 2025 --compute --allow-stale
expect_status 2 "--compute with --allow-stale"
if command -v pdftotext >/dev/null 2>&1; then
    pdftotext "$T/stale.pdf" - | tr -s ' \n' '  ' >"$T/stale.txt"
    checks=$((checks + 1))
    grep -qF "Uppgifter har importerats efter att skattningarna beräknades senast" "$T/stale.txt" ||
        fail "the cover does not say the estimates are stale"
fi

# --compute computes first, and writes effektrapport-2025.pdf here.
SOURCE_DATE_EPOCH=1767225600 run --db "$DB" report --year 2025 --compute
expect_status 0 "report --year 2025 --compute"
expect_err "effect report 2025 written to effektrapport-2025.pdf" "names the file"
checks=$((checks + 1))
[ -s "$T/effektrapport-2025.pdf" ] || fail "no effektrapport-2025.pdf"
checks=$((checks + 1))
head -c 5 "$T/effektrapport-2025.pdf" | grep -q '^%PDF-' || fail "not a PDF"
run --db "$DB" results --indicator safe-evening-survey
expect_out "39.9" "--compute computed the estimates"

sum_before=$(cksum <"$DB")
SOURCE_DATE_EPOCH=1767225600 run --db "$DB" report --year 2025 -o "$T/second.pdf"
expect_status 0 "second run"
checks=$((checks + 1))
[ "$(cksum <"$DB")" = "$sum_before" ] || fail "jarva report changed the database file"
expect_same "$T/second.pdf" "$T/effektrapport-2025.pdf" "two runs give the same bytes"

NOTICE="Simulerade exempeldata – inte verkliga resultat"
SOURCE_DATE_EPOCH=1767225600 run --db "$DB" --quiet report --year 2025 --notice "$NOTICE" \
    -o "$T/notice.pdf"
expect_status 0 "report --notice"
SOURCE_DATE_EPOCH=1767225600 run --db "$DB" --quiet report --year 2025 --lang en \
    -o "$T/english.pdf"
expect_status 0 "report --lang en"

run --db "$DB" report --year 2025 -o /nonexistent-jarva-dir/r.pdf
expect_status 1 "unwritable path"
expect_err "/nonexistent-jarva-dir/r.pdf" "names the path"
run --db "$T/missing.db" report --year 2025 -o "$T/x.pdf"
expect_status 1 "missing database"

if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
    pdftotext "$T/effektrapport-2025.pdf" "$T/sv.txt" 2>"$T/pdftotext.err"
    checks=$((checks + 1))
    [ ! -s "$T/pdftotext.err" ] || fail "pdftotext complains: $(cat "$T/pdftotext.err")"
    for s in "Effektrapport 2025" "1 Sammanfattning" "Bilaga B. Dataunderlag" \
        "survey_2023_excel.csv" "Sida 1 av" "1 januari 2026"; do
        checks=$((checks + 1))
        grep -qF "$s" "$T/sv.txt" || fail "the report lacks '$s'"
    done
    pages=$(pdfinfo "$T/notice.pdf" | awk '/^Pages:/ { print $2 }')
    with=$(pdftotext "$T/notice.pdf" - | tr '\f' '\n' | grep -c "^Simulerade exempeldata" || true)
    checks=$((checks + 1))
    # The cover has it twice (under the title and at the foot).
    [ "$with" -ge "$pages" ] || fail "the notice is on $with lines for $pages pages"
    checks=$((checks + 1))
    pdftotext "$T/english.pdf" - | grep -qF "Page 1 of" || fail "English page numbers"
else
    echo "pdftotext not found: skipping the text checks"
fi
# --date is the publication date on the cover.
run --db "$DB" --quiet report --year 2025 --date 2026-02-28 -o "$T/dated.pdf"
expect_status 0 "report --date"
if command -v pdftotext >/dev/null 2>&1; then
    checks=$((checks + 1))
    pdftotext -l 1 "$T/dated.pdf" - | grep -qF "28 februari 2026" || fail "the cover lacks --date"
fi
run --db "$DB" report --year 2025 --date 2026-13-01
expect_status 2 "--date with month 13"

# The report states the level and method the estimates were computed with
# (issue 12): after compute --method beta --level 0.9, 90 % and Korn-Graubard
# throughout and no 95 % anywhere.
run --db "$DB" --quiet compute --method beta --level 0.9
expect_status 0 "compute --method beta --level 0.9"
SOURCE_DATE_EPOCH=1767225600 run --db "$DB" --quiet report --year 2025 -o "$T/beta.pdf"
expect_status 0 "report after compute --level 0.9"
if command -v pdftotext >/dev/null 2>&1; then
    # Non-breaking spaces (bytes C2 A0) read as spaces.
    pdftotext "$T/beta.pdf" - | sed 's/\xc2\xa0/ /g' | tr -s ' \n\f' '   ' >"$T/beta.txt"
    checks=$((checks + 1))
    grep -qF "Alla intervall är 90 % konfidensintervall" "$T/beta.txt" ||
        fail "the method appendix does not say 90 %"
    checks=$((checks + 1))
    grep -qF "Korn–Graubards intervall" "$T/beta.txt" || fail "the appendix does not name Korn–Graubard"
    checks=$((checks + 1))
    grep -qF "90 % KI" "$T/beta.txt" || fail "the intervals are not called 90 % KI"
    checks=$((checks + 1))
    ! grep -qF "95 %" "$T/beta.txt" || fail "the report still says 95 %: $(grep -o '.\{40\}95 %.\{20\}' "$T/beta.txt" | head -n 3)"
fi
finish
